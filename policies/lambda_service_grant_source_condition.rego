# METADATA
# title: Service-principal grants name the source resource
# description: >-
#   When a resource-policy statement lets an AWS service (for example sns.amazonaws.com) invoke the
#   function without an aws:SourceArn condition, any resource of that service in any account can make
#   the service call the function: the confused-deputy problem. Every Allow to a service principal
#   needs aws:SourceArn (lambda:EventSourceToken for Alexa skills). S3 bucket and SES ARNs carry no
#   account id, so grants to the services in sourceAccountServices also need aws:SourceAccount.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html
# custom:
#   id: lambda-service-grant-source-condition
#   version: 1.0.0
#   severity: HIGH
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Security Hub Lambda.1
#   parameters:
#     sourceAccountServices:
#       type: list
#       default:
#         - s3.amazonaws.com
#         - ses.amazonaws.com
#       description: Service principals whose grants must also carry an aws:SourceAccount condition.
#     exemptServices:
#       type: list
#       default: []
#       description: Service principals exempt from this check.
#   remediation:
#     mode: manual
#     text: >-
#       Add the permission again with `aws lambda add-permission --source-arn <resource ARN>` (and
#       `--source-account <account id>` for S3 and SES), then remove the unconditioned statement.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html
package lambda_shield.lambda_service_grant_source_condition

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

policy_document := document if {
	raw := input.resource.supplementaryConfiguration.Policy
	is_string(raw)
	document := json.unmarshal(raw)
}

policy_document := raw if {
	raw := input.resource.supplementaryConfiguration.Policy
	is_object(raw)
}

as_array(value) := value if is_array(value)

as_array(value) := [value] if not is_array(value)

lowered(values) := {lower(value) | some value in values}

parameters := object.get(input, "parameters", {})

source_account_services := lowered(object.get(parameters, "sourceAccountServices", ["s3.amazonaws.com", "ses.amazonaws.com"]))

exempt_services := lowered(object.get(parameters, "exemptServices", []))

source_arn_keys := {"aws:sourcearn", "lambda:sourcearn", "lambda:eventsourcetoken"}

allow_statements contains statement if {
	some statement in as_array(policy_document.Statement)
	statement.Effect == "Allow"
}

has_condition_key(statement, keys) if {
	some _, conditions in statement.Condition
	some key, _ in conditions
	lower(key) in keys
}

granted_services contains [statement, service] if {
	some statement in allow_statements
	some service in as_array(statement.Principal.Service)
	not lower(service) in exempt_services
}

deny contains violation if {
	some grant in granted_services
	[statement, service] := grant
	not has_condition_key(statement, source_arn_keys)
	violation := {
		"message": sprintf(
			"Lambda function %s: resource policy lets service principal %s invoke it without an aws:SourceArn condition",
			[function_name, service],
		),
		"path": ["supplementaryConfiguration", "Policy", "Statement"],
	}
}

deny contains violation if {
	some grant in granted_services
	[statement, service] := grant
	lower(service) in source_account_services
	not has_condition_key(statement, {"aws:sourceaccount"})
	violation := {
		"message": sprintf(
			"Lambda function %s: resource policy lets service principal %s invoke it without an aws:SourceAccount condition",
			[function_name, service],
		),
		"path": ["supplementaryConfiguration", "Policy", "Statement"],
	}
}
