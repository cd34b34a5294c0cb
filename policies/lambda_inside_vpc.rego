# METADATA
# title: Lambda functions run inside a VPC, in allowed subnets
# description: >-
#   A function attached to a VPC reaches private resources through the VPC's network controls
#   (security groups, network ACLs, VPC endpoints, flow logs) instead of the Lambda service network.
#   When subnetIds is set, every subnet the function uses must be in that list.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-3
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/lambda-inside-vpc.html
# custom:
#   id: lambda-inside-vpc
#   version: 1.0.0
#   severity: LOW
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Security Hub Lambda.3
#     - AWS Config lambda-inside-vpc
#     - Prowler awslambda_function_inside_vpc
#     - Checkov CKV_AWS_117
#   parameters:
#     subnetIds:
#       type: list
#       default: []
#       description: Subnet ids the function may use; empty allows any subnet.
#   remediation:
#     mode: manual
#     text: >-
#       Attach the function to private subnets with `aws lambda update-function-configuration
#       --vpc-config SubnetIds=<ids>,SecurityGroupIds=<ids>`; the execution role needs the
#       AWSLambdaVPCAccessExecutionRole permissions.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
package lambda_shield.lambda_inside_vpc

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

allowed_subnets := {id | some id in object.get(parameters, "subnetIds", [])}

# Config records vpcConfig as null or with empty lists for a function outside a VPC.
default subnet_ids := []

subnet_ids := ids if {
	ids := input.resource.configuration.vpcConfig.subnetIds
	is_array(ids)
}

deny contains violation if {
	is_object(input.resource.configuration)
	count(subnet_ids) == 0
	violation := {
		"message": sprintf("Lambda function %s is not attached to a VPC", [function_name]),
		"path": ["configuration", "vpcConfig", "subnetIds"],
	}
}

deny contains violation if {
	count(allowed_subnets) > 0
	some subnet in subnet_ids
	not subnet in allowed_subnets
	violation := {
		"message": sprintf("Lambda function %s uses subnet %s, which is not in subnetIds", [function_name, subnet]),
		"path": ["configuration", "vpcConfig", "subnetIds"],
	}
}
