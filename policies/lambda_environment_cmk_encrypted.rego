# METADATA
# title: Environment variables are encrypted with a customer-managed KMS key
# description: >-
#   Lambda encrypts environment variables at rest with an AWS managed key by default, which anyone
#   allowed to read the function's configuration can decrypt. A customer-managed key (kmskeyArn) adds
#   a key policy and CloudTrail records for every decryption. Functions without environment variables
#   pass unless requireWithoutVariables is true.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
# custom:
#   id: lambda-environment-cmk-encrypted
#   version: 1.0.0
#   severity: MEDIUM
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Checkov CKV_AWS_173
#   parameters:
#     requireWithoutVariables:
#       type: boolean
#       default: false
#       description: Require a customer-managed key even when the function has no environment variables.
#   remediation:
#     mode: approval
#     document: LambdaShield-EncryptEnvironment
#     parameters:
#       FunctionName: configuration.functionName
#     text: >-
#       Set a customer-managed key with `aws lambda update-function-configuration --kms-key-arn <key ARN>`;
#       the execution role needs kms:Decrypt on that key.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
package lambda_shield.lambda_environment_cmk_encrypted

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

require_without_variables := object.get(parameters, "requireWithoutVariables", false)

has_variables if {
	variables := input.resource.configuration.environment.variables
	is_object(variables)
	count(variables) > 0
}

has_key if {
	key := input.resource.configuration.kmskeyArn
	is_string(key)
	key != ""
}

encryption_required if has_variables

encryption_required if require_without_variables == true

deny contains violation if {
	is_object(input.resource.configuration)
	encryption_required
	not has_key
	violation := {
		"message": sprintf("Lambda function %s encrypts its environment variables with the AWS managed key, not a customer-managed KMS key", [function_name]),
		"path": ["configuration", "kmskeyArn"],
	}
}
