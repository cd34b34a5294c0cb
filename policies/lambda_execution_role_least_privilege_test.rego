package lambda_shield.lambda_execution_role_least_privilege_test

import data.lambda_shield.lambda_execution_role_least_privilege as policy

logging_policy := {
	"PolicyName": "AWSLambdaBasicExecutionRole",
	"PolicyArn": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
	"Document": {"Version": "2012-10-17", "Statement": [{
		"Effect": "Allow",
		"Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
		"Resource": "*",
	}]},
}

inline(statements) := {"PolicyName": "app", "Document": {"Version": "2012-10-17", "Statement": statements}}

item(attached, inline_policies) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": {"functionName": "deployer", "role": "arn:aws:iam::123456789012:role/deployer-role"},
	},
	"parameters": {"deniedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"]},
	"enrichment": {"executionRole": {
		"RoleName": "deployer-role",
		"RoleArn": "arn:aws:iam::123456789012:role/deployer-role",
		"AttachedPolicies": attached,
		"InlinePolicies": inline_policies,
	}},
}

test_least_privilege_role_allowed if {
	statements := [{"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/orders"}]
	count(policy.deny) == 0 with input as item([logging_policy], [inline(statements)])
}

test_administrator_policy_denied if {
	admin := {"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess", "Document": {"Version": "2012-10-17", "Statement": []}}
	violations := policy.deny with input as item([logging_policy, admin], [])
	count(violations) == 1
	some violation in violations
	contains(violation.message, "AdministratorAccess")
	contains(violation.message, "deployer-role")
}

test_star_star_denied if {
	violations := policy.deny with input as item([], [inline([{"Effect": "Allow", "Action": "*", "Resource": "*"}])])
	some violation in violations
	contains(violation.message, "every action on every resource")
}

test_iam_wildcard_denied if {
	violations := policy.deny with input as item([], [inline([{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}])])
	some violation in violations
	contains(violation.message, "iam:*")
}

test_pass_role_escalation_denied if {
	statements := [
		{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"},
		{"Effect": "Allow", "Action": ["lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"},
	]
	violations := policy.deny with input as item([], [inline(statements)])
	count(violations) == 1
	some violation in violations
	contains(violation.message, "iam:passrole + lambda:createfunction + lambda:invokefunction")
}

test_partial_escalation_allowed if {
	statements := [{"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction"], "Resource": "*"}]
	count(policy.deny) == 0 with input as item([], [inline(statements)])
}

test_scoped_resource_ignored if {
	statements := [{"Effect": "Allow", "Action": "iam:PutRolePolicy", "Resource": "arn:aws:iam::123456789012:role/sandbox-*"}]
	count(policy.deny) == 0 with input as item([], [inline(statements)])
}

test_wildcard_action_prefix_escalation_denied if {
	statements := [{"Effect": "Allow", "Action": "iam:Put*", "Resource": "*"}]
	violations := policy.deny with input as item([], [inline(statements)])
	count(violations) == 3
}

test_not_action_denied if {
	statements := [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]
	violations := policy.deny with input as item([], [inline(statements)])
	some violation in violations
	contains(violation.message, "NotAction")
}

test_without_enrichment_nothing_reported if {
	count(policy.deny) == 0 with input as {"resource": {"configuration": {"functionName": "deployer"}}}
}
