package dev.lambdashield.rego.conformance;

/** The outcome of one case: passed, or failed with the reason. */
public record CaseResult(ConformanceCase testCase, boolean passed, String reason) {

    static CaseResult pass(ConformanceCase c) {
        return new CaseResult(c, true, "");
    }

    static CaseResult fail(ConformanceCase c, String reason) {
        return new CaseResult(c, false, reason);
    }
}
