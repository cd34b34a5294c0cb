# METADATA
# title: Environment variables contain no secrets
# description: >-
#   Environment variables are readable by anyone allowed lambda:GetFunctionConfiguration, appear in
#   infrastructure templates and deployment logs, and are not rotated automatically. A variable is reported when its
#   name suggests a password, token, key or other credential (and its value is not a reference
#   such as a Secrets Manager ARN or SSM parameter name), when its value has the shape of a known
#   credential (AWS access key id, private key, GitHub, Slack or Stripe token, JSON Web Token,
#   credentials in a URL), or when its value looks random (Shannon entropy of at least
#   entropyThreshold bits per character over at least minEntropyLength characters). Messages name the
#   variable, never its value.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html
# custom:
#   id: lambda-environment-no-secrets
#   version: 1.0.0
#   severity: CRITICAL
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Prowler awslambda_function_no_secrets_in_variables
#     - Checkov CKV_AWS_45
#   parameters:
#     allowedNames:
#       type: list
#       default: []
#       description: Variable names never reported (for example a public client id that looks random).
#     entropyThreshold:
#       type: number
#       default: 4.5
#       description: Shannon entropy, in bits per character, at or above which a value counts as random.
#     minEntropyLength:
#       type: integer
#       default: 20
#       description: Shortest value, in characters, that the entropy test applies to.
#   remediation:
#     mode: approval
#     document: LambdaShield-QuarantineFunction
#     parameters:
#       FunctionName: configuration.functionName
#     text: >-
#       Rotate the exposed credential, store it in AWS Secrets Manager or SSM Parameter Store, replace the
#       variable's value with the secret's ARN or parameter name, and read it at run time.
#     url: https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html
package lambda_shield.lambda_environment_no_secrets

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

allowed_names := {name | some name in object.get(parameters, "allowedNames", [])}

entropy_threshold := object.get(parameters, "entropyThreshold", 4.5)

min_entropy_length := object.get(parameters, "minEntropyLength", 20)

variables[name] := value if {
	some name, value in input.resource.configuration.environment.variables
	is_string(value)
	not name in allowed_names
}

secret_name_pattern := `(?i)(passw(or)?d|passphrase|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|(^|[_.-])pwd($|[_.-]))`

value_patterns := {
	"an AWS access key id": `\b(AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b`,
	"a private key": `-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY`,
	"a GitHub token": `\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})`,
	"a Slack token": `\bxox[abposr]-[A-Za-z0-9-]{10,}`,
	"a Stripe key": `\b[sr]k_live_[A-Za-z0-9]{20,}`,
	"a JSON Web Token": `\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*`,
	"credentials in a URL": `[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@`,
}

# Values that point at a secret store instead of holding the secret.
reference_prefixes := ["arn:", "{{resolve:", "/aws/reference/", "ssm:", "secretsmanager:"]

reference(value) if {
	some prefix in reference_prefixes
	startswith(value, prefix)
}

reference(value) if regex.match(`^/[A-Za-z0-9_./-]+$`, value)

# Rego has no logarithm built-in, so log2 of small integers comes from policies/data/log2.json.
# With n characters and k_c occurrences of character c, H = log2(n) - sum(k_c * log2(k_c)) / n.
shannon_entropy(text) := bits if {
	log2 := data.lambda_shield_data.log2.table
	characters := split(substring(text, 0, 256), "")
	n := count(characters)
	n > 0
	distinct := {character | some character in characters}
	weighted := sum([k * log2[k] |
		some character in distinct
		k := count([1 | some other in characters; other == character])
	])
	bits := log2[n] - (weighted / n)
}

findings contains [name, "its name suggests a credential"] if {
	some name, value in variables
	regex.match(secret_name_pattern, name)
	count(value) >= 8
	not reference(value)
}

findings contains [name, reason] if {
	some name, value in variables
	some kind, pattern in value_patterns
	regex.match(pattern, value)
	reason := sprintf("its value looks like %s", [kind])
}

findings contains [name, "its value looks random (high entropy)"] if {
	some name, value in variables
	count(value) >= min_entropy_length
	not reference(value)
	not contains(value, "://")
	not regex.match(`\s`, value)
	shannon_entropy(value) >= entropy_threshold
}

deny contains violation if {
	some name, _ in variables
	reasons := {reason | some finding in findings; finding[0] == name; reason := finding[1]}
	count(reasons) > 0
	violation := {
		"message": sprintf(
			"Lambda function %s: environment variable %s may hold a secret: %s",
			[function_name, name, concat("; ", sort(reasons))],
		),
		"path": ["configuration", "environment", "variables", name],
	}
}
