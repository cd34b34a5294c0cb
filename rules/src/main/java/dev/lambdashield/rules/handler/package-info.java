/**
 * The Lambda entry point and its wiring. {@link dev.lambdashield.rules.handler.ConfigRuleHandler} is the thin
 * handler Lambda calls; {@link dev.lambdashield.rules.handler.RuleApplication} keeps what lives for a container
 * (settings, SDK clients, the compiled policy bundle, the sinks) and is what the CLI builds for
 * {@code invoke --dry-run}; {@link dev.lambdashield.rules.handler.InvocationRunner} runs one invocation:
 * parse, collect, evaluate, report.
 */
package dev.lambdashield.rules.handler;
