package lambda_shield.lambda_function_not_public_test

import data.lambda_shield.lambda_function_not_public as policy

item(statements) := {"resource": {
	"resourceType": "AWS::Lambda::Function",
	"awsAccountId": "123456789012",
	"configuration": {"functionName": "orders"},
	"supplementaryConfiguration": {"Policy": {"Version": "2012-10-17", "Statement": statements}},
}}

public_statement := {
	"Sid": "open",
	"Effect": "Allow",
	"Principal": "*",
	"Action": "lambda:InvokeFunction",
	"Resource": "arn:aws:lambda:us-east-1:123456789012:function:orders",
}

test_wildcard_principal_denied if {
	violations := policy.deny with input as item([public_statement])
	count(violations) == 1
	some violation in violations
	contains(violation.message, "orders")
	contains(violation.message, "\"open\"")
}

test_aws_wildcard_principal_denied if {
	statement := object.union(public_statement, {"Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}})
	count(policy.deny) == 1 with input as item([statement])
}

test_policy_as_json_string_denied if {
	raw := json.marshal({"Version": "2012-10-17", "Statement": [public_statement]})
	count(policy.deny) == 1 with input as {"resource": {"configuration": {"functionName": "orders"}, "supplementaryConfiguration": {"Policy": raw}}}
}

test_source_account_condition_allowed if {
	statement := object.union(public_statement, {"Condition": {"StringEquals": {"AWS:SourceAccount": "123456789012"}}})
	count(policy.deny) == 0 with input as item([statement])
}

test_org_condition_allowed if {
	statement := object.union(public_statement, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})
	count(policy.deny) == 0 with input as item([statement])
}

test_wildcard_condition_value_denied if {
	statement := object.union(public_statement, {"Condition": {"StringLike": {"AWS:SourceAccount": "*"}}})
	count(policy.deny) == 1 with input as item([statement])
}

test_if_exists_condition_denied if {
	statement := object.union(public_statement, {"Condition": {"StringEqualsIfExists": {"aws:SourceAccount": "123456789012"}}})
	count(policy.deny) == 1 with input as item([statement])
}

test_negated_operator_denied if {
	statement := object.union(public_statement, {"Condition": {"StringNotEquals": {"aws:SourceAccount": "444455556666"}}})
	count(policy.deny) == 1 with input as item([statement])
}

test_account_principal_allowed if {
	statement := object.union(public_statement, {"Principal": {"AWS": "arn:aws:iam::123456789012:root"}})
	count(policy.deny) == 0 with input as item([statement])
}

test_deny_effect_ignored if {
	statement := object.union(public_statement, {"Effect": "Deny"})
	count(policy.deny) == 0 with input as item([statement])
}

test_single_statement_object_denied if {
	count(policy.deny) == 1 with input as item(public_statement)
}

test_no_policy_allowed if {
	count(policy.deny) == 0 with input as {"resource": {"configuration": {"functionName": "orders"}, "supplementaryConfiguration": {}}}
}
