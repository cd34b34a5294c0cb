# METADATA
# title: Lambda functions have X-Ray active tracing enabled
# description: >-
#   Without active tracing, requests through the function are not sampled into AWS X-Ray, which
#   leaves gaps when investigating an incident or a latency problem across services.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-7
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/lambda-function-xray-enabled.html
# custom:
#   id: lambda-tracing-active
#   version: 1.0.0
#   severity: LOW
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Security Hub Lambda.7
#     - AWS Config lambda-function-xray-enabled
#     - Checkov CKV_AWS_50
#   parameters: {}
#   remediation:
#     mode: auto
#     document: AWSConfigRemediation-ConfigureLambdaFunctionXRayTracing
#     parameters:
#       FunctionName: configuration.functionName
#     text: >-
#       Enable active tracing with `aws lambda update-function-configuration --tracing-config
#       Mode=Active`; the execution role needs the AWSXRayDaemonWriteAccess permissions.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
package lambda_shield.lambda_tracing_active

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

# Config records tracingConfig.mode as "PassThrough" or "Active"; a missing value means no tracing.
default tracing_mode := "PassThrough"

tracing_mode := mode if {
	mode := input.resource.configuration.tracingConfig.mode
	is_string(mode)
}

deny contains violation if {
	is_object(input.resource.configuration)
	tracing_mode != "Active"
	violation := {
		"message": sprintf("Lambda function %s has X-Ray tracing mode %s, not Active", [function_name, tracing_mode]),
		"path": ["configuration", "tracingConfig", "mode"],
	}
}
