package lambda_shield.lambda_reserved_concurrency_test

import data.lambda_shield.lambda_reserved_concurrency as policy

item(supplementary, parameters) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": {"functionName": "notifier"},
		"supplementaryConfiguration": supplementary,
	},
	"parameters": object.union({"ConcurrencyLimitLow": 0, "ConcurrencyLimitHigh": 0}, parameters),
}

test_unset_denied if {
	violations := policy.deny with input as item({}, {})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "no reserved concurrency")
}

test_set_allowed if {
	count(policy.deny) == 0 with input as item({"Concurrency": {"reservedConcurrentExecutions": 10}}, {})
}

test_json_string_accepted if {
	count(policy.deny) == 0 with input as item({"Concurrency": "{\"reservedConcurrentExecutions\":10}"}, {})
}

test_below_low_denied if {
	violations := policy.deny with input as item({"Concurrency": {"reservedConcurrentExecutions": 2}}, {"ConcurrencyLimitLow": 5})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "ConcurrencyLimitLow 5")
}

test_above_high_denied if {
	count(policy.deny) == 1 with input as item({"Concurrency": {"reservedConcurrentExecutions": 500}}, {"ConcurrencyLimitHigh": 100})
}

test_within_bounds_allowed if {
	parameters := {"ConcurrencyLimitLow": 5, "ConcurrencyLimitHigh": 100}
	count(policy.deny) == 0 with input as item({"Concurrency": {"reservedConcurrentExecutions": 50}}, parameters)
}
