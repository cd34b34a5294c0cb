/**
 * Policy bundle loading and evaluation, with no AWS dependency.
 *
 * <p>{@link dev.lambdashield.rules.evaluate.PolicyBundle} loads and compiles the Rego policies and their
 * {@code # METADATA}; {@link dev.lambdashield.rules.evaluate.PolicySelection} picks policies by id or glob;
 * {@link dev.lambdashield.rules.evaluate.RuleParameters} merges and types the rule's parameters;
 * {@link dev.lambdashield.rules.evaluate.ResourceEvaluator} turns configuration items into
 * {@link dev.lambdashield.rules.evaluate.ResourceDecision}s. The CLI's {@code scan} and {@code test} commands
 * call this package directly.
 */
package dev.lambdashield.rules.evaluate;
