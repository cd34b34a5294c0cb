# METADATA
# title: Lambda functions use a supported runtime
# description: >-
#   After a runtime's deprecation date Lambda no longer applies security patches to it, and later it
#   blocks updating the function. The runtimes and their dates are in policies/data/runtimes.json,
#   taken from the AWS Lambda runtimes page. The check denies a deprecated or blocked runtime, or one
#   outside allowedRuntimes when that list is set, and warns during the warningDays before the date
#   and for a runtime missing from the data file. Container-image functions have no runtime setting
#   and are not evaluated.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-2
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
# custom:
#   id: lambda-runtime-supported
#   version: 1.0.0
#   severity: MEDIUM
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Security Hub Lambda.2
#     - AWS Config lambda-function-settings-check
#     - Prowler awslambda_function_using_supported_runtimes
#   parameters:
#     blockedRuntimes:
#       type: list
#       default: []
#       description: Runtime identifiers that are not allowed even before their deprecation date.
#     allowedRuntimes:
#       type: list
#       default: []
#       description: >-
#         When set, the only runtime identifiers allowed (the runtime parameter of AWS Config's
#         lambda-function-settings-check).
#     warningDays:
#       type: integer
#       default: 90
#       description: Days before a runtime's deprecation date from which a warning is reported.
#   remediation:
#     mode: manual
#     text: >-
#       Test the function on a supported runtime of the same language, then change it with
#       `aws lambda update-function-configuration --runtime <identifier>`.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html
package lambda_shield.lambda_runtime_supported

nanoseconds_per_day := 86400000000000

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

blocked_runtimes := {runtime | some runtime in object.get(parameters, "blockedRuntimes", [])}

allowed_runtimes := {runtime | some runtime in object.get(parameters, "allowedRuntimes", [])}

warning_days := object.get(parameters, "warningDays", 90)

known_runtimes := data.lambda_shield_data.runtimes.identifiers

# Image functions carry no runtime (null), so they never reach a rule below.
image_package if input.resource.configuration.packageType == "Image"

runtime := value if {
	not image_package
	value := input.resource.configuration.runtime
	is_string(value)
	value != ""
}

# Time comes from the evaluation context so that a re-run over the same input gives the same result.
evaluation_ns := value if {
	value := time.parse_rfc3339_ns(input.context.evaluationTime)
} else := value if {
	value := time.parse_rfc3339_ns(input.resource.configurationItemCaptureTime)
}

deprecation_date := known_runtimes[runtime].deprecationDate

deprecation_ns := time.parse_rfc3339_ns(sprintf("%sT00:00:00Z", [deprecation_date]))

path := ["configuration", "runtime"]

deny contains violation if {
	evaluation_ns >= deprecation_ns
	violation := {
		"message": sprintf("Lambda function %s uses runtime %s, deprecated since %s", [function_name, runtime, deprecation_date]),
		"path": path,
	}
}

deny contains violation if {
	runtime in blocked_runtimes
	violation := {
		"message": sprintf("Lambda function %s uses runtime %s, which blockedRuntimes lists", [function_name, runtime]),
		"path": path,
	}
}

deny contains violation if {
	count(allowed_runtimes) > 0
	not runtime in allowed_runtimes
	violation := {
		"message": sprintf(
			"Lambda function %s uses runtime %s, which is not in allowedRuntimes (%s)",
			[function_name, runtime, concat(", ", sort(allowed_runtimes))],
		),
		"path": path,
	}
}

warn contains advisory if {
	evaluation_ns < deprecation_ns
	days_left := ceil((deprecation_ns - evaluation_ns) / nanoseconds_per_day)
	days_left <= warning_days
	advisory := {
		"message": sprintf(
			"Lambda function %s uses runtime %s, which is deprecated on %s (in %v days)",
			[function_name, runtime, deprecation_date, days_left],
		),
		"path": path,
	}
}

warn contains advisory if {
	is_string(runtime)
	not known_runtimes[runtime]
	advisory := {
		"message": sprintf(
			"Lambda function %s uses runtime %s, which policies/data/runtimes.json does not list; its support status is unknown",
			[function_name, runtime],
		),
		"path": path,
	}
}
