package lambda_shield.lambda_runtime_supported_test

import data.lambda_shield.lambda_runtime_supported as policy

runtimes := {
	"python3.9": {"name": "Python 3.9", "deprecationDate": "2025-12-15"},
	"python3.13": {"name": "Python 3.13", "deprecationDate": "2029-06-30"},
	"nodejs22.x": {"name": "Node.js 22", "deprecationDate": "2027-04-30"},
}

item(configuration, parameters) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configurationItemCaptureTime": "2026-12-01T10:00:00.000Z",
		"configuration": object.union({"functionName": "ingest", "packageType": "Zip"}, configuration),
	},
	"parameters": object.union({"blockedRuntimes": [], "allowedRuntimes": [], "warningDays": 90}, parameters),
	"context": {"evaluationTime": "2026-12-04T12:00:00Z"},
}

test_deprecated_runtime_denied if {
	violations := policy.deny with input as item({"runtime": "python3.9"}, {}) with data.lambda_shield_data.runtimes.identifiers as runtimes
	count(violations) == 1
	some violation in violations
	contains(violation.message, "python3.9")
	contains(violation.message, "2025-12-15")
}

test_supported_runtime_allowed if {
	count(policy.deny) == 0 with input as item({"runtime": "python3.13"}, {}) with data.lambda_shield_data.runtimes.identifiers as runtimes
	count(policy.warn) == 0 with input as item({"runtime": "python3.13"}, {}) with data.lambda_shield_data.runtimes.identifiers as runtimes
}

test_blocked_runtime_denied if {
	count(policy.deny) == 1 with input as item({"runtime": "python3.13"}, {"blockedRuntimes": ["python3.13"]}) with data.lambda_shield_data.runtimes.identifiers as runtimes
}

test_runtime_outside_allowed_list_denied if {
	violations := policy.deny with input as item({"runtime": "python3.13"}, {"allowedRuntimes": ["nodejs22.x"]}) with data.lambda_shield_data.runtimes.identifiers as runtimes
	count(violations) == 1
	some violation in violations
	contains(violation.message, "allowedRuntimes")
}

test_warning_window_warns if {
	# nodejs22.x is deprecated on 2027-04-30, 147 days after the evaluation time.
	advisories := policy.warn with input as item({"runtime": "nodejs22.x"}, {"warningDays": 150}) with data.lambda_shield_data.runtimes.identifiers as runtimes
	count(advisories) == 1
	some advisory in advisories
	contains(advisory.message, "147 days")
	count(policy.deny) == 0 with input as item({"runtime": "nodejs22.x"}, {"warningDays": 150}) with data.lambda_shield_data.runtimes.identifiers as runtimes
}

test_outside_warning_window_silent if {
	count(policy.warn) == 0 with input as item({"runtime": "nodejs22.x"}, {"warningDays": 90}) with data.lambda_shield_data.runtimes.identifiers as runtimes
}

test_unknown_runtime_warns if {
	count(policy.warn) == 1 with input as item({"runtime": "cobol85"}, {}) with data.lambda_shield_data.runtimes.identifiers as runtimes
	count(policy.deny) == 0 with input as item({"runtime": "cobol85"}, {}) with data.lambda_shield_data.runtimes.identifiers as runtimes
}

test_image_function_not_evaluated if {
	configuration := {"runtime": null, "packageType": "Image"}
	count(policy.deny) == 0 with input as item(configuration, {"allowedRuntimes": ["python3.13"]}) with data.lambda_shield_data.runtimes.identifiers as runtimes
}

test_capture_time_used_without_context if {
	bare := object.remove(item({"runtime": "python3.9"}, {}), ["context"])
	count(policy.deny) == 1 with input as bare with data.lambda_shield_data.runtimes.identifiers as runtimes
}

test_shipped_data_lists_current_runtimes if {
	data.lambda_shield_data.runtimes.identifiers["python3.13"].deprecationDate
	data.lambda_shield_data.runtimes.source == "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"
}

test_missing_package_type_evaluated if {
	bare := {"resource": {"configuration": {"functionName": "ingest", "runtime": "python3.9"}}, "context": {"evaluationTime": "2026-12-04T12:00:00Z"}}
	count(policy.deny) == 1 with input as bare with data.lambda_shield_data.runtimes.identifiers as runtimes
}
