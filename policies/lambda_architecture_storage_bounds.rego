# METADATA
# title: Lambda functions use an allowed architecture and ephemeral storage size
# description: >-
#   Organizations standardize on an instruction set (for example arm64 for cost) and cap /tmp
#   storage, which is billed and can hold data that outlives one invocation in a reused execution
#   environment. With the defaults nothing is enforced; set allowedArchitectures and the storage
#   bounds to apply a standard.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/configuration-ephemeral-storage.html
# custom:
#   id: lambda-architecture-storage-bounds
#   version: 1.0.0
#   severity: INFORMATIONAL
#   resource_types:
#     - AWS::Lambda::Function
#   controls: []
#   parameters:
#     allowedArchitectures:
#       type: list
#       default: []
#       description: Allowed instruction set architectures (x86_64, arm64); empty allows any.
#     minEphemeralStorage:
#       type: integer
#       default: 0
#       description: Minimum /tmp size in MB; 0 means no minimum.
#     maxEphemeralStorage:
#       type: integer
#       default: 0
#       description: Maximum /tmp size in MB; 0 means no maximum.
#   remediation:
#     mode: manual
#     text: >-
#       Change the settings with `aws lambda update-function-configuration --ephemeral-storage Size=<MB>`;
#       the architecture changes with the next code deployment (`aws lambda update-function-code --architectures`).
#     url: https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html
package lambda_shield.lambda_architecture_storage_bounds

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

allowed_architectures := {name | some name in object.get(parameters, "allowedArchitectures", [])}

min_storage := object.get(parameters, "minEphemeralStorage", 0)

max_storage := object.get(parameters, "maxEphemeralStorage", 0)

configuration := input.resource.configuration

storage := size if {
	size := configuration.ephemeralStorage.size
	is_number(size)
}

deny contains violation if {
	count(allowed_architectures) > 0
	some architecture in configuration.architectures
	not architecture in allowed_architectures
	violation := {
		"message": sprintf(
			"Lambda function %s runs on architecture %s, which is not in allowedArchitectures (%s)",
			[function_name, architecture, concat(", ", sort(allowed_architectures))],
		),
		"path": ["configuration", "architectures"],
	}
}

deny contains violation if {
	max_storage > 0
	storage > max_storage
	violation := {
		"message": sprintf("Lambda function %s has %v MB of ephemeral storage, above the maximum of %v MB", [function_name, storage, max_storage]),
		"path": ["configuration", "ephemeralStorage", "size"],
	}
}

deny contains violation if {
	min_storage > 0
	storage < min_storage
	violation := {
		"message": sprintf("Lambda function %s has %v MB of ephemeral storage, below the minimum of %v MB", [function_name, storage, min_storage]),
		"path": ["configuration", "ephemeralStorage", "size"],
	}
}
