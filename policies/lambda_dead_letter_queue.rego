# METADATA
# title: Lambda functions have a dead-letter queue
# description: >-
#   For asynchronous invocations, Lambda drops an event after its retries fail unless a dead-letter
#   queue (an SQS queue or SNS topic) receives it, so failures go unnoticed and the data is lost.
#   When dlqArns is set, the target must be one of those ARNs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/lambda-dlq-check.html
# custom:
#   id: lambda-dead-letter-queue
#   version: 1.0.0
#   severity: MEDIUM
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - AWS Config lambda-dlq-check
#     - Checkov CKV_AWS_116
#   parameters:
#     dlqArns:
#       type: list
#       default: []
#       description: ARNs of the SQS queues and SNS topics allowed as dead-letter targets; empty allows any.
#   remediation:
#     mode: approval
#     document: LambdaShield-AttachDeadLetterQueue
#     parameters:
#       FunctionName: configuration.functionName
#     text: >-
#       Set a dead-letter queue with `aws lambda update-function-configuration --dead-letter-config
#       TargetArn=<queue or topic ARN>`; the execution role needs sqs:SendMessage or sns:Publish on it.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
package lambda_shield.lambda_dead_letter_queue

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

allowed_targets := {arn | some arn in object.get(parameters, "dlqArns", [])}

target_arn := arn if {
	arn := input.resource.configuration.deadLetterConfig.targetArn
	is_string(arn)
	arn != ""
}

path := ["configuration", "deadLetterConfig", "targetArn"]

deny contains violation if {
	is_object(input.resource.configuration)
	not target_arn
	violation := {
		"message": sprintf("Lambda function %s has no dead-letter queue", [function_name]),
		"path": path,
	}
}

deny contains violation if {
	count(allowed_targets) > 0
	is_string(target_arn)
	not target_arn in allowed_targets
	violation := {
		"message": sprintf("Lambda function %s sends failed events to %s, which is not in dlqArns", [function_name, target_arn]),
		"path": path,
	}
}
