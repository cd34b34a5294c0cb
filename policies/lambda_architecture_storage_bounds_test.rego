package lambda_shield.lambda_architecture_storage_bounds_test

import data.lambda_shield.lambda_architecture_storage_bounds as policy

item(architectures, storage, parameters) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": {"functionName": "transcode", "architectures": architectures, "ephemeralStorage": {"size": storage}},
	},
	"parameters": object.union({"allowedArchitectures": [], "minEphemeralStorage": 0, "maxEphemeralStorage": 0}, parameters),
}

test_defaults_allow_anything if {
	count(policy.deny) == 0 with input as item(["x86_64"], 10240, {})
}

test_disallowed_architecture_denied if {
	violations := policy.deny with input as item(["x86_64"], 512, {"allowedArchitectures": ["arm64"]})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "x86_64")
}

test_allowed_architecture_allowed if {
	count(policy.deny) == 0 with input as item(["arm64"], 512, {"allowedArchitectures": ["arm64"]})
}

test_storage_above_maximum_denied if {
	violations := policy.deny with input as item(["arm64"], 10240, {"maxEphemeralStorage": 2048})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "10240 MB")
}

test_storage_below_minimum_denied if {
	count(policy.deny) == 1 with input as item(["arm64"], 512, {"minEphemeralStorage": 1024})
}
