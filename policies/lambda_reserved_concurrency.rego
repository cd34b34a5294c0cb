# METADATA
# title: Lambda functions have reserved concurrency within bounds
# description: >-
#   Without reserved concurrency, one function under a flood of events can use the account's whole
#   concurrency pool and throttle every other function, and its downstream systems see no limit.
#   Config records the setting in supplementaryConfiguration.Concurrency. When set, the value must
#   lie between ConcurrencyLimitLow and ConcurrencyLimitHigh (0 disables the upper bound).
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/lambda-concurrency-check.html
# custom:
#   id: lambda-reserved-concurrency
#   version: 1.0.0
#   severity: LOW
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - AWS Config lambda-concurrency-check
#     - Checkov CKV_AWS_115
#   parameters:
#     ConcurrencyLimitLow:
#       type: integer
#       default: 0
#       description: Minimum reserved concurrency.
#     ConcurrencyLimitHigh:
#       type: integer
#       default: 0
#       description: Maximum reserved concurrency; 0 means no maximum.
#   remediation:
#     mode: approval
#     document: LambdaShield-SetReservedConcurrency
#     parameters:
#       FunctionName: configuration.functionName
#     text: >-
#       Reserve concurrency with `aws lambda put-function-concurrency --reserved-concurrent-executions <n>`,
#       sized to what the function and its downstream systems can take.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
package lambda_shield.lambda_reserved_concurrency

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

limit_low := object.get(parameters, "ConcurrencyLimitLow", 0)

limit_high := object.get(parameters, "ConcurrencyLimitHigh", 0)

# Parsed per the contract, but a JSON string (as in the history form) is accepted too.
concurrency := value if {
	raw := input.resource.supplementaryConfiguration.Concurrency
	is_string(raw)
	value := json.unmarshal(raw)
} else := raw if {
	raw := input.resource.supplementaryConfiguration.Concurrency
	is_object(raw)
}

reserved := value if {
	value := concurrency.reservedConcurrentExecutions
	is_number(value)
}

path := ["supplementaryConfiguration", "Concurrency", "reservedConcurrentExecutions"]

deny contains violation if {
	is_object(input.resource.configuration)
	not reserved
	violation := {
		"message": sprintf("Lambda function %s has no reserved concurrency", [function_name]),
		"path": path,
	}
}

deny contains violation if {
	reserved < limit_low
	violation := {
		"message": sprintf("Lambda function %s reserves concurrency %v, below ConcurrencyLimitLow %v", [function_name, reserved, limit_low]),
		"path": path,
	}
}

deny contains violation if {
	limit_high > 0
	reserved > limit_high
	violation := {
		"message": sprintf("Lambda function %s reserves concurrency %v, above ConcurrencyLimitHigh %v", [function_name, reserved, limit_high]),
		"path": path,
	}
}
