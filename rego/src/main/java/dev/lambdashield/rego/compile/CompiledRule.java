package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.Module;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Term;

import java.util.List;

/**
 * A rule after compilation, with the module it came from. {@code suffix} holds the operands of
 * the rule's reference after its constant prefix (the path of its {@link RuleSet}), for rules such
 * as {@code p[x] := y} that contribute keys to an object.
 */
public record CompiledRule(Rule rule, Module module, List<Term> suffix, RuleIndexEntry index) {

    public CompiledRule {
        suffix = List.copyOf(suffix);
    }

    public boolean isV1() {
        return module.v1();
    }
}
