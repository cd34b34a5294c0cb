# METADATA
# title: Function URLs require IAM authentication
# description: >-
#   A function URL with auth type NONE accepts unauthenticated HTTPS requests from anyone who learns
#   the URL, leaving authentication to the function's own code. AWS_IAM makes Lambda check a SigV4
#   signature and the caller's IAM permissions first. The URL configuration is not in the
#   configuration item, so this policy needs the function_url enrichment (GetFunctionUrlConfig);
#   functions without a URL pass.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
# custom:
#   id: lambda-url-auth-iam
#   version: 1.0.0
#   severity: HIGH
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Prowler awslambda_function_url_public
#   parameters: {}
#   enrichment:
#     - function_url
#   remediation:
#     mode: approval
#     document: LambdaShield-SetFunctionUrlAuthIam
#     parameters:
#       FunctionName: configuration.functionName
#     text: >-
#       Switch the URL to IAM authentication with `aws lambda update-function-url-config --auth-type AWS_IAM`
#       and give callers lambda:InvokeFunctionUrl, or put the function behind API Gateway with an authorizer.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
package lambda_shield.lambda_url_auth_iam

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

function_url := input.enrichment.functionUrl

deny contains violation if {
	is_object(function_url)
	function_url.AuthType != "AWS_IAM"
	violation := {
		"message": sprintf("Lambda function %s has function URL %s with auth type %s, not AWS_IAM", [function_name, function_url.FunctionUrl, function_url.AuthType]),
		"path": ["enrichment", "functionUrl", "AuthType"],
	}
}
