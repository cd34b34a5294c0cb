# METADATA
# title: Lambda function resource policies do not allow public access
# description: >-
#   A resource-policy statement that allows any principal ("*" or {"AWS": "*"}) lets any AWS account,
#   or anyone at all for a function URL, invoke or manage the function. A statement passes only when a
#   condition pins the caller with a fixed value of aws:SourceAccount, aws:SourceArn, aws:SourceOwner,
#   aws:PrincipalAccount, aws:PrincipalArn, aws:PrincipalOrgID, aws:SourceOrgID or lambda:EventSourceToken.
#   Values with wildcards or policy variables do not count, and neither do IfExists or ForAllValues
#   operators, because they also match requests that lack the key.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-1
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/lambda-function-public-access-prohibited.html
# custom:
#   id: lambda-function-not-public
#   version: 1.0.0
#   severity: CRITICAL
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Security Hub Lambda.1
#     - AWS Config lambda-function-public-access-prohibited
#     - Prowler awslambda_function_not_publicly_accessible
#   parameters: {}
#   remediation:
#     mode: approval
#     document: LambdaShield-RemovePublicPolicyStatements
#     parameters:
#       FunctionName: configuration.functionName
#     text: >-
#       Remove the statement with `aws lambda remove-permission`, or add it again with
#       `--source-account`, `--source-arn` or `--principal-org-id` so that only the intended caller matches.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
package lambda_shield.lambda_function_not_public

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

# The contract delivers the policy parsed; a JSON string is accepted too, as Config sends it.
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

allow_statements contains statement if {
	some statement in as_array(policy_document.Statement)
	statement.Effect == "Allow"
}

wildcard_principal(statement) if statement.Principal == "*"

wildcard_principal(statement) if {
	some principal in as_array(statement.Principal.AWS)
	principal == "*"
}

pinning_keys := {
	"aws:sourceaccount",
	"aws:sourcearn",
	"aws:sourceowner",
	"aws:principalaccount",
	"aws:principalarn",
	"aws:principalorgid",
	"aws:sourceorgid",
	"lambda:eventsourcetoken",
}

positive_operators := {"stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike"}

positive_operator(operator) if {
	name := trim_prefix(lower(operator), "foranyvalue:")
	name in positive_operators
}

fixed_value(value) if {
	is_string(value)
	value != ""
	not contains(value, "*")
	not contains(value, "?")
	not contains(value, "${")
}

pinned(statement) if {
	some operator, conditions in statement.Condition
	positive_operator(operator)
	some key, values in conditions
	lower(key) in pinning_keys
	count(as_array(values)) > 0
	every value in as_array(values) {
		fixed_value(value)
	}
}

statement_label(statement) := label if {
	is_string(statement.Sid)
	label := sprintf("\"%s\"", [statement.Sid])
}

statement_label(statement) := "without a Sid" if not is_string(statement.Sid)

deny contains violation if {
	some statement in allow_statements
	wildcard_principal(statement)
	not pinned(statement)
	violation := {
		"message": sprintf(
			"Lambda function %s: resource policy statement %s allows any principal (*) with no condition pinning the caller to an account, organization or source ARN",
			[function_name, statement_label(statement)],
		),
		"path": ["supplementaryConfiguration", "Policy", "Statement"],
	}
}
