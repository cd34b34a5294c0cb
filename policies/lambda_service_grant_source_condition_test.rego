package lambda_shield.lambda_service_grant_source_condition_test

import data.lambda_shield.lambda_service_grant_source_condition as policy

item(statements) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": {"functionName": "thumbnails"},
		"supplementaryConfiguration": {"Policy": {"Version": "2012-10-17", "Statement": statements}},
	},
	"parameters": {"sourceAccountServices": ["s3.amazonaws.com", "ses.amazonaws.com"], "exemptServices": []},
}

grant(service, condition) := {
	"Sid": "grant",
	"Effect": "Allow",
	"Principal": {"Service": service},
	"Action": "lambda:InvokeFunction",
	"Resource": "arn:aws:lambda:us-east-1:123456789012:function:thumbnails",
	"Condition": condition,
}

test_sns_without_source_arn_denied if {
	violations := policy.deny with input as item([grant("sns.amazonaws.com", {})])
	count(violations) == 1
	some violation in violations
	contains(violation.message, "sns.amazonaws.com")
	contains(violation.message, "aws:SourceArn")
}

test_sns_with_source_arn_allowed if {
	condition := {"ArnLike": {"AWS:SourceArn": "arn:aws:sns:us-east-1:123456789012:uploads"}}
	count(policy.deny) == 0 with input as item([grant("sns.amazonaws.com", condition)])
}

test_s3_with_source_arn_only_denied if {
	condition := {"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::uploads-bucket"}}
	violations := policy.deny with input as item([grant("s3.amazonaws.com", condition)])
	count(violations) == 1
	some violation in violations
	contains(violation.message, "aws:SourceAccount")
}

test_s3_with_both_conditions_allowed if {
	condition := {
		"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::uploads-bucket"},
		"StringEquals": {"AWS:SourceAccount": "123456789012"},
	}
	count(policy.deny) == 0 with input as item([grant("s3.amazonaws.com", condition)])
}

test_s3_without_conditions_two_violations if {
	count(policy.deny) == 2 with input as item([grant("s3.amazonaws.com", {})])
}

test_alexa_event_source_token_allowed if {
	condition := {"StringEquals": {"lambda:EventSourceToken": "amzn1.ask.skill.1234"}}
	count(policy.deny) == 0 with input as item([grant("alexa-appkit.amazon.com", condition)])
}

test_exempt_service_allowed if {
	count(policy.deny) == 0 with input as object.union(item([grant("events.amazonaws.com", {})]), {"parameters": {"exemptServices": ["events.amazonaws.com"]}})
}

test_service_list_principal_denied if {
	count(policy.deny) == 2 with input as item([grant(["sns.amazonaws.com", "events.amazonaws.com"], {})])
}
