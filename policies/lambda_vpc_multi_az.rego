# METADATA
# title: VPC functions use subnets in several Availability Zones
# description: >-
#   A function whose subnets all sit in one Availability Zone stops when that zone fails. A function
#   attached to a VPC must use at least availabilityZones subnets; functions outside a VPC are not
#   evaluated. The configuration item lists subnet ids but not their zones, so the check counts
#   distinct subnets, a lower bound that two subnets in the same zone still pass.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-5
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/lambda-vpc-multi-az-check.html
# custom:
#   id: lambda-vpc-multi-az
#   version: 1.0.0
#   severity: MEDIUM
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Security Hub Lambda.5
#     - AWS Config lambda-vpc-multi-az-check
#     - Prowler awslambda_function_vpc_multi_az
#   parameters:
#     availabilityZones:
#       type: integer
#       default: 2
#       description: Minimum number of Availability Zones (counted as distinct subnets).
#   remediation:
#     mode: manual
#     text: >-
#       Add a subnet in another Availability Zone with `aws lambda update-function-configuration
#       --vpc-config SubnetIds=<ids in two or more zones>,SecurityGroupIds=<ids>`.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
package lambda_shield.lambda_vpc_multi_az

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

minimum_zones := object.get(parameters, "availabilityZones", 2)

# NOTE: subnet zones are not in the configuration item; counting distinct subnets can miss two
# subnets in the same zone, but never flags a function that truly spans enough zones.
subnets := {id | some id in input.resource.configuration.vpcConfig.subnetIds}

deny contains violation if {
	count(subnets) > 0
	count(subnets) < minimum_zones
	violation := {
		"message": sprintf(
			"Lambda function %s uses %v subnet(s), so it runs in fewer than %v Availability Zones",
			[function_name, count(subnets), minimum_zones],
		),
		"path": ["configuration", "vpcConfig", "subnetIds"],
	}
}
