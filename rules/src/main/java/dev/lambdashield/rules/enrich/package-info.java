/**
 * Enrichment: the Lambda and IAM API calls that add {@code input.enrichment} for policies whose checks need
 * more than the configuration item (function URL, code signing, execution role policies), as described in
 * docs/policy-contract.md. Enrichment runs only when the {@code LAMBDA_SHIELD_ENRICHMENT} setting is on;
 * otherwise the evaluator skips the policies that declare a source and the invocation logs each skip.
 */
package dev.lambdashield.rules.enrich;
