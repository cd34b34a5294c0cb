# METADATA
# title: Lambda functions carry the required tags
# description: >-
#   Tags tie a function to its owner, application and cost center, which incident response, access
#   reviews and tag-based IAM conditions rely on. A function must have at least one tag, and every key
#   in requiredKeyTags. Keys starting with "aws:" are set by AWS and do not count. Keys are
#   case-sensitive.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-6
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/lambda-function-tagged.html
# custom:
#   id: lambda-required-tags
#   version: 1.0.0
#   severity: LOW
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Security Hub Lambda.6
#     - AWS Config lambda-function-tagged
#   parameters:
#     requiredKeyTags:
#       type: list
#       default: []
#       description: Tag keys every function must have.
#   remediation:
#     mode: manual
#     text: Add the tags with `aws lambda tag-resource --resource <function ARN> --tags <key>=<value>`.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/configuration-tags.html
package lambda_shield.lambda_required_tags

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

required_keys := {key | some key in object.get(parameters, "requiredKeyTags", [])}

# The notification form carries tags as an object; a list of {key, value} pairs is accepted too.
tag_keys contains key if {
	is_object(input.resource.tags)
	some key, _ in input.resource.tags
	not startswith(key, "aws:")
}

tag_keys contains key if {
	is_array(input.resource.tags)
	some tag in input.resource.tags
	key := tag.key
	not startswith(key, "aws:")
}

deny contains violation if {
	is_object(input.resource.configuration)
	count(tag_keys) == 0
	violation := {
		"message": sprintf("Lambda function %s has no tags", [function_name]),
		"path": ["tags"],
	}
}

deny contains violation if {
	count(tag_keys) > 0
	some key in required_keys
	not key in tag_keys
	violation := {
		"message": sprintf("Lambda function %s is missing required tag %s", [function_name, key]),
		"path": ["tags", key],
	}
}
