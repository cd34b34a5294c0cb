package lambda_shield.lambda_function_settings_test

import data.lambda_shield.lambda_function_settings as policy

defaults := {"role": [], "timeout": 3, "minTimeout": 1, "memorySize": 128, "minMemorySize": 128}

item(configuration, parameters) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": object.union(
			{
				"functionName": "resize",
				"role": "arn:aws:iam::123456789012:role/service-role/resize-role",
				"timeout": 3,
				"memorySize": 128,
			},
			configuration,
		),
	},
	"parameters": object.union(defaults, parameters),
}

test_defaults_allow_small_function if {
	count(policy.deny) == 0 with input as item({}, {})
}

test_timeout_above_maximum_denied if {
	violations := policy.deny with input as item({"timeout": 30}, {})
	count(violations) == 1
	some violation in violations
	violation.path == ["configuration", "timeout"]
	contains(violation.message, "30 s")
}

test_memory_above_maximum_denied if {
	violations := policy.deny with input as item({"memorySize": 1024}, {"memorySize": 512})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "1024 MB")
}

test_memory_below_minimum_denied if {
	count(policy.deny) == 1 with input as item({"memorySize": 256}, {"memorySize": 1024, "minMemorySize": 512})
}

test_timeout_below_minimum_denied if {
	count(policy.deny) == 1 with input as item({"timeout": 3}, {"timeout": 60, "minTimeout": 10})
}

test_role_by_name_allowed if {
	count(policy.deny) == 0 with input as item({}, {"role": ["resize-role"]})
}

test_role_by_arn_allowed if {
	count(policy.deny) == 0 with input as item({}, {"role": ["arn:aws:iam::123456789012:role/service-role/resize-role"]})
}

test_other_role_denied if {
	violations := policy.deny with input as item({}, {"role": ["approved-role"]})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "resize-role")
}

test_defaults_apply_without_parameters if {
	count(policy.deny) == 1 with input as object.remove(item({"timeout": 900}, {}), ["parameters"])
}
