/**
 * Configuration of the rule: {@link dev.lambdashield.rules.settings.Settings} is the only class in the module
 * that reads environment variables or system properties.
 */
package dev.lambdashield.rules.settings;
