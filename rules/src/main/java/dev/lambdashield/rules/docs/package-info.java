/**
 * The generator of {@code docs/policies/<id>.md}, one page per policy, and of the index
 * {@code docs/policies/README.md}, all from the policies' {@code # METADATA} blocks, so that the documentation
 * cannot drift from the policies. The CLI's {@code docs} command and a unit test call it.
 */
package dev.lambdashield.rules.docs;
