# METADATA
# title: The resource policy does not open a function URL to everyone
# description: >-
#   A function URL with auth type NONE is reachable by anyone on the internet once the resource policy
#   allows lambda:InvokeFunctionUrl to principal "*" under the condition lambda:FunctionUrlAuthType
#   NONE. That statement is visible in the configuration item, so this check needs no Lambda API call.
#   A statement that allows the action to "*" with no auth-type condition is reported as a warning,
#   because it opens the URL whenever the URL's auth type is NONE.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
# custom:
#   id: lambda-url-policy-not-public
#   version: 1.0.0
#   severity: CRITICAL
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Security Hub Lambda.1
#     - Prowler awslambda_function_url_public
#   parameters: {}
#   remediation:
#     mode: approval
#     document: LambdaShield-RemovePublicPolicyStatements
#     parameters:
#       FunctionName: configuration.functionName
#     text: >-
#       Change the function URL's auth type to AWS_IAM with `aws lambda update-function-url-config
#       --auth-type AWS_IAM`, then remove the public statement with `aws lambda remove-permission`.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
package lambda_shield.lambda_url_policy_not_public

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

wildcard_principal(statement) if statement.Principal == "*"

wildcard_principal(statement) if {
	some principal in as_array(statement.Principal.AWS)
	principal == "*"
}

# IAM action patterns only use a trailing "*" in practice ("*", "lambda:*", "lambda:Invoke*").
action_matches(pattern, action) if lower(pattern) == action

action_matches(pattern, action) if {
	endswith(pattern, "*")
	startswith(action, lower(trim_suffix(pattern, "*")))
}

url_invoke_statements contains statement if {
	some statement in as_array(policy_document.Statement)
	statement.Effect == "Allow"
	wildcard_principal(statement)
	some pattern in as_array(statement.Action)
	action_matches(pattern, "lambda:invokefunctionurl")
}

auth_type_values(statement) := {upper(value) |
	some _, conditions in statement.Condition
	some key, values in conditions
	lower(key) == "lambda:functionurlauthtype"
	some value in as_array(values)
}

deny contains violation if {
	some statement in url_invoke_statements
	"NONE" in auth_type_values(statement)
	violation := {
		"message": sprintf(
			"Lambda function %s: resource policy allows lambda:InvokeFunctionUrl to any principal with lambda:FunctionUrlAuthType NONE, so the function URL is public",
			[function_name],
		),
		"path": ["supplementaryConfiguration", "Policy", "Statement"],
	}
}

warn contains advisory if {
	some statement in url_invoke_statements
	count(auth_type_values(statement)) == 0
	advisory := {
		"message": sprintf(
			"Lambda function %s: resource policy allows lambda:InvokeFunctionUrl to any principal without a lambda:FunctionUrlAuthType condition; the URL is public if its auth type is NONE",
			[function_name],
		),
		"path": ["supplementaryConfiguration", "Policy", "Statement"],
	}
}
