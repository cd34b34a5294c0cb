package lambda_shield.lambda_cross_account_allowlisted_test

import data.lambda_shield.lambda_cross_account_allowlisted as policy

item(principal, condition, parameters) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"awsAccountId": "123456789012",
		"configuration": {"functionName": "billing"},
		"supplementaryConfiguration": {"Policy": {"Version": "2012-10-17", "Statement": [{
			"Sid": "partner",
			"Effect": "Allow",
			"Principal": {"AWS": principal},
			"Action": "lambda:InvokeFunction",
			"Resource": "arn:aws:lambda:us-east-1:123456789012:function:billing",
			"Condition": condition,
		}]}},
	},
	"parameters": object.union({"allowedAccountIds": [], "allowedOrganizationIds": []}, parameters),
}

test_other_account_denied if {
	violations := policy.deny with input as item("arn:aws:iam::444455556666:root", {}, {})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "444455556666")
}

test_bare_account_id_denied if {
	count(policy.deny) == 1 with input as item("444455556666", {}, {})
}

test_role_arn_denied if {
	count(policy.deny) == 1 with input as item(["arn:aws:iam::444455556666:role/caller"], {}, {})
}

test_own_account_allowed if {
	count(policy.deny) == 0 with input as item("arn:aws:iam::123456789012:root", {}, {})
}

test_allowlisted_account_allowed if {
	count(policy.deny) == 0 with input as item("arn:aws:iam::444455556666:root", {}, {"allowedAccountIds": ["444455556666"]})
}

test_organization_condition_allowed if {
	condition := {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}
	count(policy.deny) == 0 with input as item("arn:aws:iam::444455556666:root", condition, {})
}

test_other_organization_denied if {
	condition := {"StringEquals": {"aws:PrincipalOrgID": "o-zzzzzzzzzz"}}
	parameters := {"allowedOrganizationIds": ["o-a1b2c3d4e5"]}
	count(policy.deny) == 1 with input as item("arn:aws:iam::444455556666:root", condition, parameters)
}

test_wildcard_organization_denied if {
	condition := {"StringLike": {"aws:PrincipalOrgID": "o-*"}}
	count(policy.deny) == 1 with input as item("arn:aws:iam::444455556666:root", condition, {})
}

test_wildcard_principal_ignored if {
	count(policy.deny) == 0 with input as item("*", {}, {})
}
