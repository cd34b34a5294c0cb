# METADATA
# title: Cross-account grants go only to allowlisted accounts or the organization
# description: >-
#   An Allow statement that names another account's principal lets that account invoke or manage the
#   function. Such a grant passes only when the account is in allowedAccountIds, or when the statement
#   carries an aws:PrincipalOrgID condition with a fixed organization id (one of allowedOrganizationIds
#   when that list is set). Grants to any principal ("*") are the subject of lambda-function-not-public.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html
# custom:
#   id: lambda-cross-account-allowlisted
#   version: 1.0.0
#   severity: HIGH
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Security Hub Lambda.1
#   parameters:
#     allowedAccountIds:
#       type: list
#       default: []
#       description: Account ids, besides the function's own, that resource-policy statements may name.
#     allowedOrganizationIds:
#       type: list
#       default: []
#       description: >-
#         Organization ids accepted in an aws:PrincipalOrgID condition; empty accepts any fixed
#         organization id.
#   remediation:
#     mode: manual
#     text: >-
#       Remove the statement with `aws lambda remove-permission`, or add the account to
#       allowedAccountIds once its access is approved.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html
package lambda_shield.lambda_cross_account_allowlisted

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

parameters := object.get(input, "parameters", {})

allowed_accounts := {account | some account in object.get(parameters, "allowedAccountIds", [])}

allowed_organizations := {id | some id in object.get(parameters, "allowedOrganizationIds", [])}

own_accounts contains account if account := input.resource.awsAccountId

own_accounts contains account if account := input.context.accountId

allow_statements contains statement if {
	some statement in as_array(policy_document.Statement)
	statement.Effect == "Allow"
}

# A principal is a bare account id or an IAM ARN, whose fifth field is the account id.
principal_account(principal) := principal if regex.match(`^[0-9]{12}$`, principal)

principal_account(principal) := account if {
	startswith(principal, "arn:")
	parts := split(principal, ":")
	count(parts) > 5
	account := parts[4]
	account != ""
}

positive_operator(operator) if {
	name := trim_prefix(lower(operator), "foranyvalue:")
	name in {"stringequals", "stringequalsignorecase", "stringlike"}
}

accepted_organization(id) if {
	count(allowed_organizations) == 0
	is_string(id)
	id != ""
	not contains(id, "*")
	not contains(id, "?")
	not contains(id, "${")
}

accepted_organization(id) if id in allowed_organizations

organization_pinned(statement) if {
	some operator, conditions in statement.Condition
	positive_operator(operator)
	some key, values in conditions
	lower(key) == "aws:principalorgid"
	ids := as_array(values)
	count(ids) > 0
	every id in ids {
		accepted_organization(id)
	}
}

deny contains violation if {
	some statement in allow_statements
	some principal in as_array(statement.Principal.AWS)
	account := principal_account(principal)
	not account in own_accounts
	not account in allowed_accounts
	not organization_pinned(statement)
	violation := {
		"message": sprintf(
			"Lambda function %s: resource policy grants access to account %s, which is not in allowedAccountIds, without an aws:PrincipalOrgID condition",
			[function_name, account],
		),
		"path": ["supplementaryConfiguration", "Policy", "Statement"],
	}
}
