package lambda_shield.lambda_environment_no_secrets_test

import data.lambda_shield.lambda_environment_no_secrets as policy

item(variables) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": {"functionName": "mailer", "environment": {"variables": variables}},
	},
	"parameters": {"allowedNames": [], "entropyThreshold": 4.5, "minEntropyLength": 20},
}

only_violation(variables) := violation if {
	violations := policy.deny with input as item(variables)
	count(violations) == 1
	some violation in violations
}

test_password_name_denied_without_value if {
	violation := only_violation({"DB_PASSWORD": "correct-horse-battery"})
	contains(violation.message, "DB_PASSWORD")
	contains(violation.message, "name suggests a credential")
	not contains(violation.message, "correct-horse-battery")
	violation.path == ["configuration", "environment", "variables", "DB_PASSWORD"]
}

test_camel_case_token_name_denied if {
	only_violation({"githubToken": "not-a-real-value-1"})
}

test_secret_arn_reference_allowed if {
	count(policy.deny) == 0 with input as item({"DB_PASSWORD_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"})
}

test_ssm_parameter_reference_allowed if {
	count(policy.deny) == 0 with input as item({"API_KEY_PARAMETER": "/mailer/prod/api-key"})
}

test_access_key_id_denied if {
	violation := only_violation({"UPSTREAM": "AKIAIOSFODNN7EXAMPLE"})
	contains(violation.message, "AWS access key id")
	not contains(violation.message, "AKIAIOSFODNN7EXAMPLE")
}

test_private_key_denied if {
	violation := only_violation({"SIGNER": "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"})
	contains(violation.message, "private key")
}

test_url_credentials_denied if {
	violation := only_violation({"DATABASE_URL": "postgres://app:hunter2hunter2@db.internal:5432/app"})
	contains(violation.message, "credentials in a URL")
}

test_high_entropy_value_denied if {
	# Entropy of this 40-character value is about 4.66 bits per character.
	violation := only_violation({"UPSTREAM_SIGNING": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"})
	contains(violation.message, "high entropy")
}

test_uuid_not_random_enough if {
	# Entropy of a UUID is about 3.9 bits per character.
	count(policy.deny) == 0 with input as item({"TENANT_ID": "f47ac10b-58cc-4372-a567-0e02b2c3d479"})
}

test_plain_settings_allowed if {
	variables := {
		"TABLE_NAME": "orders-table-production-eu",
		"QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
		"LOG_LEVEL": "INFO",
		"AUTH_MODE": "cognito",
	}
	count(policy.deny) == 0 with input as item(variables)
}

test_allowed_name_not_reported if {
	input_value := object.union(item({"DB_PASSWORD": "correct-horse-battery"}), {"parameters": {"allowedNames": ["DB_PASSWORD"]}})
	count(policy.deny) == 0 with input as input_value
}

test_entropy_matches_python_reference if {
	bits := policy.shannon_entropy("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
	bits > 4.66
	bits < 4.67
}

test_no_variables_allowed if {
	count(policy.deny) == 0 with input as {"resource": {"configuration": {"functionName": "mailer", "environment": null}}}
}
