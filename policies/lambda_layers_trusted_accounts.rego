# METADATA
# title: Lambda layers come from the function's account or allowlisted publishers
# description: >-
#   A layer's code runs inside the function with the function's permissions, so a layer published by
#   an unknown account is a supply-chain risk: its publisher can ship a new version at any time. Each
#   layer's account (the fifth field of its ARN) must be the function's own account or one of
#   allowedAccountIds.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html
# custom:
#   id: lambda-layers-trusted-accounts
#   version: 1.0.0
#   severity: MEDIUM
#   resource_types:
#     - AWS::Lambda::Function
#   controls: []
#   parameters:
#     allowedAccountIds:
#       type: list
#       default: []
#       description: Account ids, besides the function's own, whose published layers functions may use.
#   remediation:
#     mode: manual
#     text: >-
#       Copy the layer into your own account after reviewing it, or add its publisher to
#       allowedAccountIds, then update the function with `aws lambda update-function-configuration --layers`.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html
package lambda_shield.lambda_layers_trusted_accounts

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

own_accounts contains account if account := input.resource.awsAccountId

own_accounts contains account if account := input.context.accountId

trusted_accounts := {account | some account in object.get(parameters, "allowedAccountIds", [])} | own_accounts

deny contains violation if {
	some index, layer in input.resource.configuration.layers
	parts := split(layer.arn, ":")
	account := parts[4]
	not account in trusted_accounts
	violation := {
		"message": sprintf("Lambda function %s uses layer %s from account %s, which is not allowlisted", [function_name, layer.arn, account]),
		"path": ["configuration", "layers", index, "arn"],
	}
}
