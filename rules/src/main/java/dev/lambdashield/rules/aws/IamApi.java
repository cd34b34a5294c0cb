package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.iam.model.AttachedPolicy;

import java.util.List;

/**
 * The read-only IAM operations that enrichment uses to collect a role's policy documents. Implementations
 * follow pagination, retry (see {@link Retry}) and throw {@link AwsCallException} when a call fails for good.
 * Documents are returned as JSON text, already URL-decoded.
 */
public interface IamApi {

    String SERVICE = "iam";

    /** Every managed policy attached to the role (ListAttachedRolePolicies, all pages). */
    List<AttachedPolicy> listAttachedRolePolicies(String roleName);

    /** The default version's document of a managed policy (GetPolicy, then GetPolicyVersion). */
    String managedPolicyDocument(String policyArn);

    /** The names of the role's inline policies (ListRolePolicies, all pages). */
    List<String> listRolePolicies(String roleName);

    /** An inline policy's document (GetRolePolicy). */
    String rolePolicyDocument(String roleName, String policyName);
}
