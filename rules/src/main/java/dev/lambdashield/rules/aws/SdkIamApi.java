package dev.lambdashield.rules.aws;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@link IamApi} over the SDK's {@link IamClient}. */
public final class SdkIamApi implements IamApi {

    /** Upper bound on pages per listing, so a misbehaving endpoint cannot loop forever. */
    private static final int MAX_PAGES = 100;

    private final IamClient client;
    private final Retry retry;

    public SdkIamApi(IamClient client, Retry retry) {
        this.client = client;
        this.retry = retry;
    }

    @Override
    public List<AttachedPolicy> listAttachedRolePolicies(String roleName) {
        List<AttachedPolicy> policies = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String pageMarker = marker;
            ListAttachedRolePoliciesResponse response = retry.call(SERVICE, "ListAttachedRolePolicies",
                    () -> client.listAttachedRolePolicies(r -> r.roleName(roleName).marker(pageMarker)));
            policies.addAll(response.attachedPolicies());
            if (!Boolean.TRUE.equals(response.isTruncated())) {
                return policies;
            }
            marker = response.marker();
        }
        throw new IllegalStateException("ListAttachedRolePolicies for role " + roleName + " returned more than "
                + MAX_PAGES + " pages");
    }

    @Override
    public String managedPolicyDocument(String policyArn) {
        String versionId = retry.call(SERVICE, "GetPolicy", () -> client.getPolicy(r -> r.policyArn(policyArn)))
                .policy().defaultVersionId();
        String encoded = retry.call(SERVICE, "GetPolicyVersion",
                () -> client.getPolicyVersion(r -> r.policyArn(policyArn).versionId(versionId)))
                .policyVersion().document();
        return decode(encoded);
    }

    @Override
    public List<String> listRolePolicies(String roleName) {
        List<String> names = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String pageMarker = marker;
            ListRolePoliciesResponse response = retry.call(SERVICE, "ListRolePolicies",
                    () -> client.listRolePolicies(r -> r.roleName(roleName).marker(pageMarker)));
            names.addAll(response.policyNames());
            if (!Boolean.TRUE.equals(response.isTruncated())) {
                return names;
            }
            marker = response.marker();
        }
        throw new IllegalStateException("ListRolePolicies for role " + roleName + " returned more than "
                + MAX_PAGES + " pages");
    }

    @Override
    public String rolePolicyDocument(String roleName, String policyName) {
        String encoded = retry.call(SERVICE, "GetRolePolicy",
                () -> client.getRolePolicy(r -> r.roleName(roleName).policyName(policyName))).policyDocument();
        return decode(encoded);
    }

    // IAM returns policy documents URL-encoded (RFC 3986) inside the XML response.
    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
