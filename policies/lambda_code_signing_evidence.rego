# METADATA
# title: Lambda function code carries a code signature
# description: >-
#   A signed deployment package records the AWS Signer profile version and signing job that produced
#   it (signingProfileVersionArn, signingJobArn), evidence that the code came through the release
#   pipeline and was not uploaded by hand. When allowedSigningProfiles is set, the profile must be one
#   of them. With requireSignedLayers, every layer must be signed too. Container-image functions
#   cannot use Lambda code signing and are not evaluated.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html
# custom:
#   id: lambda-code-signing-evidence
#   version: 1.0.0
#   severity: MEDIUM
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Checkov CKV_AWS_272
#   parameters:
#     requireSigning:
#       type: boolean
#       default: true
#       description: Require a code signature on the function's deployment package.
#     allowedSigningProfiles:
#       type: list
#       default: []
#       description: >-
#         Signing profile ARNs (or profile version ARNs) accepted; empty accepts any profile.
#     requireSignedLayers:
#       type: boolean
#       default: false
#       description: Require a code signature on every layer as well.
#   remediation:
#     mode: manual
#     text: >-
#       Sign the package with AWS Signer (`aws signer start-signing-job`) and deploy the signed object,
#       with a code signing configuration attached to the function.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html
package lambda_shield.lambda_code_signing_evidence

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

require_signing := object.get(parameters, "requireSigning", true)

require_signed_layers := object.get(parameters, "requireSignedLayers", false)

allowed_profiles := object.get(parameters, "allowedSigningProfiles", [])

configuration := input.resource.configuration

# Older configuration items lack packageType; only an explicit Image is excluded.
zip_package if {
	is_object(configuration)
	not configuration.packageType == "Image"
}

signed(thing) if {
	is_string(thing.signingProfileVersionArn)
	thing.signingProfileVersionArn != ""
}

# A profile version ARN is the profile ARN followed by "/<version>".
profile_accepted(version_arn) if count(allowed_profiles) == 0

profile_accepted(version_arn) if {
	some profile in allowed_profiles
	version_arn == profile
}

profile_accepted(version_arn) if {
	some profile in allowed_profiles
	startswith(version_arn, concat("", [profile, "/"]))
}

deny contains violation if {
	zip_package
	require_signing == true
	not signed(configuration)
	violation := {
		"message": sprintf("Lambda function %s runs code without a code signature (no signing profile version)", [function_name]),
		"path": ["configuration", "signingProfileVersionArn"],
	}
}

deny contains violation if {
	zip_package
	signed(configuration)
	not profile_accepted(configuration.signingProfileVersionArn)
	violation := {
		"message": sprintf(
			"Lambda function %s is signed with profile %s, which is not in allowedSigningProfiles",
			[function_name, configuration.signingProfileVersionArn],
		),
		"path": ["configuration", "signingProfileVersionArn"],
	}
}

deny contains violation if {
	zip_package
	require_signed_layers == true
	some index, layer in configuration.layers
	not signed(layer)
	violation := {
		"message": sprintf("Lambda function %s uses layer %s, which has no code signature", [function_name, layer.arn]),
		"path": ["configuration", "layers", index, "signingProfileVersionArn"],
	}
}
