package lambda_shield.lambda_required_tags_test

import data.lambda_shield.lambda_required_tags as policy

item(tags, required) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": {"functionName": "exporter"},
		"tags": tags,
	},
	"parameters": {"requiredKeyTags": required},
}

test_no_tags_denied if {
	violations := policy.deny with input as item({}, [])
	count(violations) == 1
	some violation in violations
	contains(violation.message, "no tags")
}

test_only_aws_tags_denied if {
	count(policy.deny) == 1 with input as item({"aws:cloudformation:stack-name": "exports"}, [])
}

test_any_tag_allowed if {
	count(policy.deny) == 0 with input as item({"team": "data"}, [])
}

test_missing_required_key_denied if {
	violations := policy.deny with input as item({"team": "data"}, ["team", "cost-center"])
	count(violations) == 1
	some violation in violations
	contains(violation.message, "cost-center")
}

test_keys_case_sensitive if {
	count(policy.deny) == 1 with input as item({"Team": "data"}, ["team"])
}

test_required_keys_present_allowed if {
	count(policy.deny) == 0 with input as item({"team": "data", "cost-center": "cc-42"}, ["team", "cost-center"])
}

test_tag_list_accepted if {
	count(policy.deny) == 0 with input as item([{"key": "team", "value": "data"}], ["team"])
}
