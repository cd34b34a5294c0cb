package lambda_shield.lambda_code_signing_evidence_test

import data.lambda_shield.lambda_code_signing_evidence as policy

profile := "arn:aws:signer:us-east-1:123456789012:/signing-profiles/release"

signed_configuration := {
	"signingProfileVersionArn": concat("", [profile, "/Ab12Cd34Ef"]),
	"signingJobArn": "arn:aws:signer:us-east-1:123456789012:/signing-jobs/0a1b2c3d-1111-2222-3333-444455556666",
}

item(configuration, parameters) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": object.union({"functionName": "payments", "packageType": "Zip"}, configuration),
	},
	"parameters": object.union({"requireSigning": true, "allowedSigningProfiles": [], "requireSignedLayers": false}, parameters),
}

test_unsigned_denied if {
	violations := policy.deny with input as item({"signingProfileVersionArn": null}, {})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "payments")
}

test_signed_allowed if {
	count(policy.deny) == 0 with input as item(signed_configuration, {})
}

test_allowed_profile_allowed if {
	count(policy.deny) == 0 with input as item(signed_configuration, {"allowedSigningProfiles": [profile]})
}

test_other_profile_denied if {
	parameters := {"allowedSigningProfiles": ["arn:aws:signer:us-east-1:123456789012:/signing-profiles/other"]}
	count(policy.deny) == 1 with input as item(signed_configuration, parameters)
}

test_profile_prefix_not_confused if {
	parameters := {"allowedSigningProfiles": ["arn:aws:signer:us-east-1:123456789012:/signing-profiles/rel"]}
	count(policy.deny) == 1 with input as item(signed_configuration, parameters)
}

test_unsigned_layer_denied_when_required if {
	configuration := object.union(signed_configuration, {"layers": [{"arn": "arn:aws:lambda:us-east-1:123456789012:layer:deps:3"}]})
	count(policy.deny) == 1 with input as item(configuration, {"requireSignedLayers": true})
	count(policy.deny) == 0 with input as item(configuration, {})
}

test_signing_not_required_allowed if {
	count(policy.deny) == 0 with input as item({}, {"requireSigning": false})
}

test_image_not_evaluated if {
	count(policy.deny) == 0 with input as item({"packageType": "Image"}, {})
}

test_missing_package_type_evaluated if {
	count(policy.deny) == 1 with input as {"resource": {"configuration": {"functionName": "payments"}}}
}
