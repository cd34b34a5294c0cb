package lambda_shield.lambda_environment_cmk_encrypted_test

import data.lambda_shield.lambda_environment_cmk_encrypted as policy

key := "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

item(configuration, require_without) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": object.union({"functionName": "invoices"}, configuration),
	},
	"parameters": {"requireWithoutVariables": require_without},
}

test_variables_without_key_denied if {
	violations := policy.deny with input as item({"environment": {"variables": {"TABLE": "invoices"}}}, false)
	count(violations) == 1
	some violation in violations
	contains(violation.message, "invoices")
	not contains(violation.message, "TABLE")
}

test_variables_with_key_allowed if {
	configuration := {"environment": {"variables": {"TABLE": "invoices"}}, "kmskeyArn": key}
	count(policy.deny) == 0 with input as item(configuration, false)
}

test_no_variables_allowed if {
	count(policy.deny) == 0 with input as item({"environment": null}, false)
}

test_no_variables_required_denied if {
	count(policy.deny) == 1 with input as item({}, true)
}

test_empty_key_denied if {
	configuration := {"environment": {"variables": {"TABLE": "invoices"}}, "kmskeyArn": ""}
	count(policy.deny) == 1 with input as item(configuration, false)
}
