package lambda_shield.lambda_vpc_multi_az_test

import data.lambda_shield.lambda_vpc_multi_az as policy

item(subnet_ids, minimum) := {
	"resource": {
		"resourceType": "AWS::Lambda::Function",
		"configuration": {"functionName": "queue-worker", "vpcConfig": {"subnetIds": subnet_ids, "securityGroupIds": ["sg-0123456789abcdef0"]}},
	},
	"parameters": {"availabilityZones": minimum},
}

test_single_subnet_denied if {
	violations := policy.deny with input as item(["subnet-0a1b2c3d4e5f60001"], 2)
	count(violations) == 1
	some violation in violations
	contains(violation.message, "1 subnet")
}

test_two_subnets_allowed if {
	count(policy.deny) == 0 with input as item(["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], 2)
}

test_duplicate_subnet_counted_once if {
	count(policy.deny) == 1 with input as item(["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60001"], 2)
}

test_three_zones_required if {
	count(policy.deny) == 1 with input as item(["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], 3)
}

test_outside_vpc_not_evaluated if {
	count(policy.deny) == 0 with input as item([], 2)
}

test_default_minimum_is_two if {
	count(policy.deny) == 1 with input as object.remove(item(["subnet-0a1b2c3d4e5f60001"], 2), ["parameters"])
}
