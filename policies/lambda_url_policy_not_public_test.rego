package lambda_shield.lambda_url_policy_not_public_test

import data.lambda_shield.lambda_url_policy_not_public as policy

item(statement) := {"resource": {
	"resourceType": "AWS::Lambda::Function",
	"configuration": {"functionName": "webhook"},
	"supplementaryConfiguration": {"Policy": {"Version": "2012-10-17", "Statement": [statement]}},
}}

url_statement := {
	"Sid": "FunctionURLAllowPublicAccess",
	"Effect": "Allow",
	"Principal": "*",
	"Action": "lambda:InvokeFunctionUrl",
	"Resource": "arn:aws:lambda:us-east-1:123456789012:function:webhook",
	"Condition": {"StringEquals": {"lambda:FunctionUrlAuthType": "NONE"}},
}

test_public_url_denied if {
	violations := policy.deny with input as item(url_statement)
	count(violations) == 1
	some violation in violations
	contains(violation.message, "webhook")
}

test_lambda_wildcard_action_denied if {
	count(policy.deny) == 1 with input as item(object.union(url_statement, {"Action": ["lambda:*"]}))
}

test_iam_auth_allowed if {
	statement := object.union(url_statement, {"Condition": {"StringEquals": {"lambda:FunctionUrlAuthType": "AWS_IAM"}}})
	count(policy.deny) == 0 with input as item(statement)
}

test_account_principal_allowed if {
	statement := object.union(url_statement, {"Principal": {"AWS": "arn:aws:iam::123456789012:root"}})
	count(policy.deny) == 0 with input as item(statement)
}

test_invoke_function_only_allowed if {
	count(policy.deny) == 0 with input as item(object.union(url_statement, {"Action": "lambda:InvokeFunction"}))
}

test_no_auth_condition_warns if {
	statement := object.remove(url_statement, ["Condition"])
	count(policy.deny) == 0 with input as item(statement)
	count(policy.warn) == 1 with input as item(statement)
}
