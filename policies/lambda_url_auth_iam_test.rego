package lambda_shield.lambda_url_auth_iam_test

import data.lambda_shield.lambda_url_auth_iam as policy

item(enrichment) := {
	"resource": {"resourceType": "AWS::Lambda::Function", "configuration": {"functionName": "hooks"}},
	"enrichment": enrichment,
}

url(auth_type) := {
	"FunctionUrl": "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/",
	"FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:hooks",
	"AuthType": auth_type,
}

test_auth_none_denied if {
	violations := policy.deny with input as item({"functionUrl": url("NONE")})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "NONE")
	contains(violation.message, "lambda-url.us-east-1.on.aws")
}

test_auth_iam_allowed if {
	count(policy.deny) == 0 with input as item({"functionUrl": url("AWS_IAM")})
}

test_no_url_allowed if {
	count(policy.deny) == 0 with input as item({})
}

test_without_enrichment_nothing_reported if {
	count(policy.deny) == 0 with input as {"resource": {"configuration": {"functionName": "hooks"}}}
}
