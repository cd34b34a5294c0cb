package lambda_shield.lambda_policy_no_negated_elements_test

import data.lambda_shield.lambda_policy_no_negated_elements as policy

item(statement) := {"resource": {
	"resourceType": "AWS::Lambda::Function",
	"configuration": {"functionName": "reports"},
	"supplementaryConfiguration": {"Policy": {"Version": "2012-10-17", "Statement": [statement]}},
}}

base := {
	"Sid": "s1",
	"Effect": "Allow",
	"Principal": {"AWS": "arn:aws:iam::123456789012:root"},
	"Action": "lambda:InvokeFunction",
	"Resource": "*",
}

test_not_principal_denied if {
	statement := object.union(object.remove(base, ["Principal"]), {"NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}})
	violations := policy.deny with input as item(statement)
	count(violations) == 1
	some violation in violations
	contains(violation.message, "NotPrincipal")
	contains(violation.message, "\"s1\"")
}

test_not_action_denied if {
	statement := object.union(object.remove(base, ["Action"]), {"NotAction": "lambda:DeleteFunction"})
	violations := policy.deny with input as item(statement)
	count(violations) == 1
	some violation in violations
	contains(violation.message, "NotAction")
}

test_both_denied_twice if {
	statement := object.union(object.remove(base, ["Action", "Principal"]), {"NotAction": "lambda:DeleteFunction", "NotPrincipal": "*"})
	count(policy.deny) == 2 with input as item(statement)
}

test_deny_with_not_principal_allowed if {
	statement := object.union(object.remove(base, ["Principal"]), {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}})
	count(policy.deny) == 0 with input as item(statement)
}

test_plain_statement_allowed if {
	count(policy.deny) == 0 with input as item(base)
}
