# METADATA
# title: Lambda function role, timeout and memory are within the expected settings
# description: >-
#   Checks the execution role against the expected roles, and the timeout and memory size against
#   their bounds. AWS Config's lambda-function-settings-check uses the same parameter names and
#   defaults (timeout 3 seconds, memorySize 128 MB), here read as upper bounds, so the default flags
#   every function above them; set the bounds your functions need. A role entry is a role name or a
#   role ARN.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/lambda-function-settings-check.html
# custom:
#   id: lambda-function-settings
#   version: 1.0.0
#   severity: LOW
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - AWS Config lambda-function-settings-check
#   parameters:
#     role:
#       type: list
#       default: []
#       description: Names or ARNs of the allowed execution roles; empty allows any role.
#     timeout:
#       type: integer
#       default: 3
#       description: Maximum function timeout in seconds.
#     minTimeout:
#       type: integer
#       default: 1
#       description: Minimum function timeout in seconds.
#     memorySize:
#       type: integer
#       default: 128
#       description: Maximum memory size in MB.
#     minMemorySize:
#       type: integer
#       default: 128
#       description: Minimum memory size in MB.
#   remediation:
#     mode: manual
#     text: >-
#       Change the settings with `aws lambda update-function-configuration --role <ARN> --timeout
#       <seconds> --memory-size <MB>`, or adjust the rule's parameters if the function needs more.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/configuration-function-common.html
package lambda_shield.lambda_function_settings

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

allowed_roles := {role | some role in object.get(parameters, "role", [])}

max_timeout := object.get(parameters, "timeout", 3)

min_timeout := object.get(parameters, "minTimeout", 1)

max_memory := object.get(parameters, "memorySize", 128)

min_memory := object.get(parameters, "minMemorySize", 128)

configuration := input.resource.configuration

role_arn := configuration.role

# The role name is the last segment of the ARN's path ("arn:aws:iam::1:role/service-role/name").
role_name := name if {
	segments := split(role_arn, "/")
	name := segments[count(segments) - 1]
}

deny contains violation if {
	count(allowed_roles) > 0
	not role_arn in allowed_roles
	not role_name in allowed_roles
	violation := {
		"message": sprintf("Lambda function %s uses execution role %s, which is not in the role parameter", [function_name, role_arn]),
		"path": ["configuration", "role"],
	}
}

deny contains violation if {
	is_number(configuration.timeout)
	configuration.timeout > max_timeout
	violation := {
		"message": sprintf("Lambda function %s has timeout %v s, above the maximum of %v s", [function_name, configuration.timeout, max_timeout]),
		"path": ["configuration", "timeout"],
	}
}

deny contains violation if {
	is_number(configuration.timeout)
	configuration.timeout < min_timeout
	violation := {
		"message": sprintf("Lambda function %s has timeout %v s, below the minimum of %v s", [function_name, configuration.timeout, min_timeout]),
		"path": ["configuration", "timeout"],
	}
}

deny contains violation if {
	is_number(configuration.memorySize)
	configuration.memorySize > max_memory
	violation := {
		"message": sprintf("Lambda function %s has memory size %v MB, above the maximum of %v MB", [function_name, configuration.memorySize, max_memory]),
		"path": ["configuration", "memorySize"],
	}
}

deny contains violation if {
	is_number(configuration.memorySize)
	configuration.memorySize < min_memory
	violation := {
		"message": sprintf("Lambda function %s has memory size %v MB, below the minimum of %v MB", [function_name, configuration.memorySize, min_memory]),
		"path": ["configuration", "memorySize"],
	}
}
