package lambda_shield.lambda_layers_trusted_accounts_test

import data.lambda_shield.lambda_layers_trusted_accounts as policy

own_layer := {"arn": "arn:aws:lambda:us-east-1:123456789012:layer:shared-utils:4", "codeSize": 1024}

foreign_layer := {"arn": "arn:aws:lambda:us-east-1:999988887777:layer:fast-json:12", "codeSize": 2048}

item(layers, allowed) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"awsAccountId": "123456789012",
		"configuration": {"functionName": "parser", "layers": layers},
	},
	"parameters": {"allowedAccountIds": allowed},
}

test_foreign_layer_denied if {
	violations := policy.deny with input as item([own_layer, foreign_layer], [])
	count(violations) == 1
	some violation in violations
	contains(violation.message, "999988887777")
	violation.path == ["configuration", "layers", 1, "arn"]
}

test_own_layer_allowed if {
	count(policy.deny) == 0 with input as item([own_layer], [])
}

test_allowlisted_publisher_allowed if {
	count(policy.deny) == 0 with input as item([own_layer, foreign_layer], ["999988887777"])
}

test_no_layers_allowed if {
	count(policy.deny) == 0 with input as item([], [])
}

test_null_layers_allowed if {
	count(policy.deny) == 0 with input as item(null, [])
}
