# METADATA
# title: Code signing is enforced for the function
# description: >-
#   A code signing configuration lists the signing profiles trusted for the function; with the policy
#   UntrustedArtifactOnDeployment set to Warn, Lambda still deploys unsigned or untrusted code and only
#   logs it. Enforce makes Lambda reject such a deployment. The code signing configuration is not in
#   the configuration item, so this policy needs the code_signing enrichment
#   (GetFunctionCodeSigningConfig and GetCodeSigningConfig). Container-image functions cannot use
#   Lambda code signing and are not evaluated.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html
# custom:
#   id: lambda-code-signing-enforced
#   version: 1.0.0
#   severity: MEDIUM
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Checkov CKV_AWS_272
#   parameters: {}
#   enrichment:
#     - code_signing
#   remediation:
#     mode: manual
#     text: >-
#       Create a code signing configuration with `aws lambda create-code-signing-config
#       --code-signing-policies UntrustedArtifactOnDeployment=Enforce` (or update the existing one)
#       and attach it with `aws lambda put-function-code-signing-config`.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning-create.html
package lambda_shield.lambda_code_signing_enforced

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

# The enrichment object is present only when enrichment ran; without it nothing can be decided.
enriched if {
	is_object(input.enrichment)
	not image_package
}

image_package if input.resource.configuration.packageType == "Image"

code_signing := input.enrichment.codeSigning

deny contains violation if {
	enriched
	not code_signing
	violation := {
		"message": sprintf("Lambda function %s has no code signing configuration", [function_name]),
		"path": ["enrichment", "codeSigning"],
	}
}

deny contains violation if {
	enriched
	policy := code_signing.CodeSigningConfig.CodeSigningPolicies.UntrustedArtifactOnDeployment
	policy != "Enforce"
	violation := {
		"message": sprintf(
			"Lambda function %s uses code signing configuration %s with UntrustedArtifactOnDeployment %s, not Enforce",
			[function_name, code_signing.CodeSigningConfigArn, policy],
		),
		"path": ["enrichment", "codeSigning", "CodeSigningConfig", "CodeSigningPolicies", "UntrustedArtifactOnDeployment"],
	}
}
