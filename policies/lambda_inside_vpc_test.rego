package lambda_shield.lambda_inside_vpc_test

import data.lambda_shield.lambda_inside_vpc as policy

item(vpc_config, parameters) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": {"functionName": "sync", "vpcConfig": vpc_config},
	},
	"parameters": object.union({"subnetIds": []}, parameters),
}

in_vpc := {"subnetIds": ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], "securityGroupIds": ["sg-0123456789abcdef0"]}

test_no_vpc_denied if {
	violations := policy.deny with input as item({"subnetIds": [], "securityGroupIds": []}, {})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "sync")
}

test_null_vpc_config_denied if {
	count(policy.deny) == 1 with input as item(null, {})
}

test_vpc_allowed if {
	count(policy.deny) == 0 with input as item(in_vpc, {})
}

test_allowed_subnets_allowed if {
	parameters := {"subnetIds": ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"]}
	count(policy.deny) == 0 with input as item(in_vpc, parameters)
}

test_unlisted_subnet_denied if {
	violations := policy.deny with input as item(in_vpc, {"subnetIds": ["subnet-0a1b2c3d4e5f60001"]})
	count(violations) == 1
	some violation in violations
	contains(violation.message, "subnet-0a1b2c3d4e5f60002")
}
