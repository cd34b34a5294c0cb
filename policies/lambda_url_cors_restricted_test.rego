package lambda_shield.lambda_url_cors_restricted_test

import data.lambda_shield.lambda_url_cors_restricted as policy

item(cors) := {
	"resource": {"resourceType": "AWS::Lambda::Function", "configuration": {"functionName": "portal-api"}},
	"enrichment": {"functionUrl": {
		"FunctionUrl": "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/",
		"AuthType": "AWS_IAM",
		"Cors": cors,
	}},
}

test_any_origin_with_credentials_denied if {
	violations := policy.deny with input as item({"AllowOrigins": ["*"], "AllowCredentials": true})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "portal-api")
}

test_any_origin_without_credentials_warns if {
	count(policy.deny) == 0 with input as item({"AllowOrigins": ["*"], "AllowCredentials": false})
	count(policy.warn) == 1 with input as item({"AllowOrigins": ["*"], "AllowCredentials": false})
}

test_listed_origin_with_credentials_allowed if {
	cors := {"AllowOrigins": ["https://app.example.com"], "AllowCredentials": true}
	count(policy.deny) == 0 with input as item(cors)
	count(policy.warn) == 0 with input as item(cors)
}

test_no_cors_allowed if {
	count(policy.deny) == 0 with input as {"resource": {"configuration": {"functionName": "portal-api"}}, "enrichment": {"functionUrl": {"AuthType": "AWS_IAM"}}}
}
