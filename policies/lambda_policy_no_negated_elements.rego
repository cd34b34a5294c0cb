# METADATA
# title: Resource policies do not combine Allow with NotPrincipal or NotAction
# description: >-
#   Allow with NotPrincipal grants access to every principal except the ones listed, including
#   anonymous callers; Allow with NotAction grants every action except the ones listed, including
#   actions added to Lambda later. Both grant far more than the author usually meant.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
# custom:
#   id: lambda-policy-no-negated-elements
#   version: 1.0.0
#   severity: HIGH
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Security Hub Lambda.1
#   parameters: {}
#   remediation:
#     mode: manual
#     text: >-
#       Replace the statement with one that lists the principals in Principal and the actions in
#       Action, then remove the old statement with `aws lambda remove-permission`.
#     url: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
package lambda_shield.lambda_policy_no_negated_elements

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

statement_label(statement) := label if {
	is_string(statement.Sid)
	label := sprintf("\"%s\"", [statement.Sid])
}

statement_label(statement) := "without a Sid" if not is_string(statement.Sid)

deny contains violation if {
	some statement in as_array(policy_document.Statement)
	statement.Effect == "Allow"
	some element in ["NotPrincipal", "NotAction"]
	object.get(statement, element, null) != null
	violation := {
		"message": sprintf(
			"Lambda function %s: resource policy statement %s combines Allow with %s",
			[function_name, statement_label(statement), element],
		),
		"path": ["supplementaryConfiguration", "Policy", "Statement"],
	}
}
