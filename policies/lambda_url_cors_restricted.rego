# METADATA
# title: Function URL CORS does not let every origin send credentials
# description: >-
#   A CORS configuration that allows origin "*" together with AllowCredentials lets scripts on any
#   website call the function URL with the visitor's credentials. The check denies that combination
#   and warns when "*" is allowed without credentials. It needs the function_url enrichment
#   (GetFunctionUrlConfig); functions without a URL or without CORS pass.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-cors
# custom:
#   id: lambda-url-cors-restricted
#   version: 1.0.0
#   severity: MEDIUM
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - Prowler awslambda_function_url_cors_policy
#   parameters: {}
#   enrichment:
#     - function_url
#   remediation:
#     mode: manual
#     text: >-
#       List the allowed origins explicitly with `aws lambda update-function-url-config --cors
#       AllowOrigins=https://app.example.com,AllowCredentials=true`.
#     url: https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-cors
package lambda_shield.lambda_url_cors_restricted

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

cors := input.enrichment.functionUrl.Cors

any_origin if {
	some origin in cors.AllowOrigins
	origin == "*"
}

path := ["enrichment", "functionUrl", "Cors", "AllowOrigins"]

deny contains violation if {
	any_origin
	cors.AllowCredentials == true
	violation := {
		"message": sprintf("Lambda function %s has a function URL whose CORS configuration allows every origin (*) with credentials", [function_name]),
		"path": path,
	}
}

warn contains advisory if {
	any_origin
	not cors.AllowCredentials == true
	advisory := {
		"message": sprintf("Lambda function %s has a function URL whose CORS configuration allows every origin (*)", [function_name]),
		"path": path,
	}
}
