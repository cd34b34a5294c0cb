package lambda_shield.lambda_tracing_active_test

import data.lambda_shield.lambda_tracing_active as policy

item(configuration) := {"resource": {
	"resourceType": "AWS::Lambda::Function",
	"configuration": object.union({"functionName": "checkout"}, configuration),
}}

test_pass_through_denied if {
	violations := policy.deny with input as item({"tracingConfig": {"mode": "PassThrough"}})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "PassThrough")
	violation.path == ["configuration", "tracingConfig", "mode"]
}

test_missing_tracing_config_denied if {
	count(policy.deny) == 1 with input as item({})
}

test_active_allowed if {
	count(policy.deny) == 0 with input as item({"tracingConfig": {"mode": "Active"}})
}
