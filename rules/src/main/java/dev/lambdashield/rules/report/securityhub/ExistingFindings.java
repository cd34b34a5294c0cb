package dev.lambdashield.rules.report.securityhub;

import dev.lambdashield.rules.aws.SecurityHubApi;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.GetFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.GetFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.StringFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks up which findings Security Hub already holds for a set of functions, with {@code GetFindings} filtered by
 * product ARN and resource ARN.
 *
 * <p>This lookup is how {@code CreatedAt} stays the time a finding was first seen: an update copies the stored
 * value. Deriving it instead is not possible, because no event carries the time a violation first appeared.
 * It also lets the reporter skip PASSED and ARCHIVED imports for findings that never existed.
 * Filtering by resource rather than by finding id needs one call per 20 functions whatever the number of
 * policies, so a periodic run over 10,000 functions makes about 500 calls plus extra pages.
 * NOTE: GetFindings is throttled at a few calls per second (an AWS quota); {@link
 * dev.lambdashield.rules.aws.Retry} absorbs short bursts, but very large periodic runs spend most of their time here.
 */
final class ExistingFindings {

    /** Security Hub accepts at most 20 values per filter field. */
    static final int MAX_VALUES_PER_FILTER = 20;
    static final int PAGE_SIZE = 100;

    private ExistingFindings() {
    }

    /** Returns this product's stored findings about {@code resourceArns}, by finding id. */
    static Map<String, ExistingFinding> lookup(SecurityHubApi api, String productArn, List<String> resourceArns) {
        Map<String, ExistingFinding> found = new HashMap<>();
        for (int start = 0; start < resourceArns.size(); start += MAX_VALUES_PER_FILTER) {
            List<String> chunk = resourceArns.subList(start, Math.min(resourceArns.size(), start + MAX_VALUES_PER_FILTER));
            List<StringFilter> resourceFilters = new ArrayList<>();
            for (String arn : chunk) {
                resourceFilters.add(equalTo(arn));
            }
            AwsSecurityFindingFilters filters = AwsSecurityFindingFilters.builder()
                    .productArn(equalTo(productArn))
                    .resourceId(resourceFilters)
                    .build();
            String nextToken = null;
            do {
                GetFindingsResponse response = api.getFindings(GetFindingsRequest.builder()
                        .filters(filters).maxResults(PAGE_SIZE).nextToken(nextToken).build());
                for (AwsSecurityFinding finding : response.findings()) {
                    found.put(finding.id(), toExisting(finding));
                }
                nextToken = response.nextToken();
            } while (nextToken != null && !nextToken.isEmpty());
        }
        return found;
    }

    private static StringFilter equalTo(String value) {
        return StringFilter.builder().comparison(StringFilterComparison.EQUALS).value(value).build();
    }

    private static ExistingFinding toExisting(AwsSecurityFinding finding) {
        String status = finding.compliance() == null ? null : finding.compliance().statusAsString();
        return new ExistingFinding(finding.id(), finding.createdAt(), finding.updatedAt(), status,
                finding.recordStateAsString());
    }
}
