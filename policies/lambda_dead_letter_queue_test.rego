package lambda_shield.lambda_dead_letter_queue_test

import data.lambda_shield.lambda_dead_letter_queue as policy

queue := "arn:aws:sqs:us-east-1:123456789012:orders-dlq"

item(dead_letter_config, allowed) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": {"functionName": "orders", "deadLetterConfig": dead_letter_config},
	},
	"parameters": {"dlqArns": allowed},
}

test_missing_queue_denied if {
	violations := policy.deny with input as item(null, [])
	count(violations) == 1
	some violation in violations
	contains(violation.message, "no dead-letter queue")
}

test_null_target_denied if {
	count(policy.deny) == 1 with input as item({"targetArn": null}, [])
}

test_any_queue_allowed if {
	count(policy.deny) == 0 with input as item({"targetArn": queue}, [])
}

test_listed_queue_allowed if {
	count(policy.deny) == 0 with input as item({"targetArn": queue}, [queue])
}

test_unlisted_queue_denied if {
	violations := policy.deny with input as item({"targetArn": queue}, ["arn:aws:sns:us-east-1:123456789012:failures"])
	count(violations) == 1
	some violation in violations
	contains(violation.message, queue)
}
