# METADATA
# title: The execution role is not an administrator and cannot escalate privileges
# description: >-
#   Code running in the function, or an attacker who injects code into it, has every permission of its
#   execution role. The role must not have administrator access (a managed policy in deniedPolicyArns,
#   or an Allow of every action ("*") or every IAM action ("iam:*") on every resource), must not allow
#   every action through NotAction, and must not have a combination of actions known to let a
#   principal raise its own privileges (for example iam:PassRole with lambda:CreateFunction and
#   lambda:InvokeFunction). Only Allow statements on Resource "*" count, and Deny statements,
#   conditions and permission boundaries are not taken into account. The policy documents come from
#   the execution_role enrichment (ListAttachedRolePolicies, GetPolicy, GetPolicyVersion,
#   ListRolePolicies, GetRolePolicy).
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: lambda-execution-role-least-privilege
#   version: 1.0.0
#   severity: HIGH
#   resource_types:
#     - AWS::Lambda::Function
#   controls:
#     - AWS Config iam-policy-no-statements-with-admin-access
#   parameters:
#     deniedPolicyArns:
#       type: list
#       default:
#         - arn:aws:iam::aws:policy/AdministratorAccess
#         - arn:aws:iam::aws:policy/PowerUserAccess
#         - arn:aws:iam::aws:policy/IAMFullAccess
#       description: Managed policies that an execution role must not have attached.
#   enrichment:
#     - execution_role
#   remediation:
#     mode: approval
#     document: LambdaShield-RevokeRoleSessions
#     parameters:
#       FunctionName: configuration.functionName
#     text: >-
#       Replace the broad policies with one that grants only the actions and resources the function
#       uses (IAM Access Analyzer can generate it from CloudTrail activity), then revoke the role's
#       active sessions so that credentials issued before the change stop working.
#     url: https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html
package lambda_shield.lambda_execution_role_least_privilege

default function_name := "(unnamed function)"

function_name := name if {
	name := input.resource.configuration.functionName
	is_string(name)
} else := name if {
	name := input.resource.resourceName
	is_string(name)
}

parameters := object.get(input, "parameters", {})

denied_policy_arns := {arn | some arn in object.get(parameters, "deniedPolicyArns", [
	"arn:aws:iam::aws:policy/AdministratorAccess",
	"arn:aws:iam::aws:policy/PowerUserAccess",
	"arn:aws:iam::aws:policy/IAMFullAccess",
])}

role := input.enrichment.executionRole

role_label := name if {
	name := role.RoleName
	is_string(name)
} else := arn if {
	arn := input.resource.configuration.role
}

as_array(value) := value if is_array(value)

as_array(value) := [value] if not is_array(value)

# Every policy document of the role, labelled for messages.
documents contains [label, document] if {
	some attached in role.AttachedPolicies
	label := sprintf("managed policy %s", [attached.PolicyArn])
	document := attached.Document
}

documents contains [label, document] if {
	some inline in role.InlinePolicies
	label := sprintf("inline policy %s", [inline.PolicyName])
	document := inline.Document
}

# Allow statements that apply to every resource, which are what the checks below consider.
broad_statements contains [label, statement] if {
	some entry in documents
	[label, document] := entry
	some statement in as_array(document.Statement)
	statement.Effect == "Allow"
	"*" in as_array(object.get(statement, "Resource", []))
}

action_matches(pattern, action) if lower(pattern) == action

action_matches(pattern, action) if {
	endswith(pattern, "*")
	startswith(action, lower(trim_suffix(pattern, "*")))
}

granted(action) if {
	some entry in broad_statements
	statement := entry[1]
	some pattern in as_array(object.get(statement, "Action", []))
	action_matches(pattern, action)
}

# Combinations of actions that let a principal raise its own privileges, after Rhino Security
# Labs' published list of IAM privilege-escalation methods.
escalation_paths := [
	["iam:createpolicyversion"],
	["iam:setdefaultpolicyversion"],
	["iam:attachrolepolicy"],
	["iam:putrolepolicy"],
	["iam:attachuserpolicy"],
	["iam:putuserpolicy"],
	["iam:attachgrouppolicy"],
	["iam:putgrouppolicy"],
	["iam:createaccesskey"],
	["iam:createloginprofile"],
	["iam:updateloginprofile"],
	["iam:updateassumerolepolicy"],
	["iam:addusertogroup"],
	["iam:passrole", "lambda:createfunction", "lambda:invokefunction"],
	["iam:passrole", "lambda:createfunction", "lambda:createeventsourcemapping"],
	["lambda:updatefunctioncode"],
	["iam:passrole", "ec2:runinstances"],
	["iam:passrole", "cloudformation:createstack"],
	["iam:passrole", "glue:createdevendpoint"],
	["iam:passrole", "datapipeline:createpipeline", "datapipeline:putpipelinedefinition"],
]

path := ["enrichment", "executionRole"]

deny contains violation if {
	some attached in role.AttachedPolicies
	attached.PolicyArn in denied_policy_arns
	violation := {
		"message": sprintf("Lambda function %s: execution role %s has managed policy %s attached", [function_name, role_label, attached.PolicyArn]),
		"path": path,
	}
}

deny contains violation if {
	some entry in broad_statements
	[label, statement] := entry
	some pattern in as_array(object.get(statement, "Action", []))
	pattern in {"*", "*:*"}
	violation := {
		"message": sprintf("Lambda function %s: execution role %s allows every action on every resource in %s", [function_name, role_label, label]),
		"path": path,
	}
}

deny contains violation if {
	some entry in broad_statements
	[label, statement] := entry
	some pattern in as_array(object.get(statement, "Action", []))
	lower(pattern) == "iam:*"
	violation := {
		"message": sprintf("Lambda function %s: execution role %s allows iam:* on every resource in %s", [function_name, role_label, label]),
		"path": path,
	}
}

deny contains violation if {
	some entry in broad_statements
	[label, statement] := entry
	object.get(statement, "NotAction", null) != null
	violation := {
		"message": sprintf("Lambda function %s: execution role %s allows every action except a few through NotAction in %s", [function_name, role_label, label]),
		"path": path,
	}
}

deny contains violation if {
	some escalation in escalation_paths
	every action in escalation {
		granted(action)
	}
	violation := {
		"message": sprintf(
			"Lambda function %s: execution role %s can escalate its privileges with %s on every resource",
			[function_name, role_label, concat(" + ", escalation)],
		),
		"path": path,
	}
}
