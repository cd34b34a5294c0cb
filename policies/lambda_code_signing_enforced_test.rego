package lambda_shield.lambda_code_signing_enforced_test

import data.lambda_shield.lambda_code_signing_enforced as policy

config_arn := "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0a1b2c3d4e5f67890"

signing(action) := {
	"CodeSigningConfigArn": config_arn,
	"FunctionName": "ledger",
	"CodeSigningConfig": {
		"CodeSigningConfigArn": config_arn,
		"AllowedPublishers": {"SigningProfileVersionArns": ["arn:aws:signer:us-east-1:123456789012:/signing-profiles/release/Ab12Cd34Ef"]},
		"CodeSigningPolicies": {"UntrustedArtifactOnDeployment": action},
	},
}

item(enrichment) := {
	"resource": {"resourceType": "AWS::Lambda::Function", "configuration": {"functionName": "ledger", "packageType": "Zip"}},
	"enrichment": enrichment,
}

test_warn_policy_denied if {
	violations := policy.deny with input as item({"codeSigning": signing("Warn")})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "Warn")
	contains(violation.message, "csc-0a1b2c3d4e5f67890")
}

test_enforce_allowed if {
	count(policy.deny) == 0 with input as item({"codeSigning": signing("Enforce")})
}

test_missing_configuration_denied if {
	violations := policy.deny with input as item({})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "no code signing configuration")
}

test_without_enrichment_nothing_reported if {
	count(policy.deny) == 0 with input as {"resource": {"configuration": {"functionName": "ledger", "packageType": "Zip"}}}
}

test_image_not_evaluated if {
	image := {"resource": {"configuration": {"functionName": "ledger", "packageType": "Image"}}, "enrichment": {}}
	count(policy.deny) == 0 with input as image
}
