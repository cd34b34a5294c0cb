package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.Head;
import dev.lambdashield.rego.ast.Module;
import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Scalar;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.value.StringValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places every rule at the path of its reference's constant string prefix and checks that the
 * rules of one path agree: one kind, at most one default, one arity for functions.
 */
final class RuleTreeBuilder {

    private final List<RegoError> errors;
    private final Map<List<String>, List<CompiledRule>> byPath = new LinkedHashMap<>();
    private final List<List<String>> packages = new ArrayList<>();

    RuleTreeBuilder(List<RegoError> errors) {
        this.errors = errors;
    }

    /** Records a package, whose document exists (as an empty object at least) even without rules. */
    void addPackage(Module module) {
        packages.add(module.pkg().names());
    }

    void add(Module module, Rule rule) {
        List<String> path = new ArrayList<>(module.pkg().names());
        List<Term> suffix = new ArrayList<>();
        Ref ref = rule.head().ref();
        path.add(rule.head().name());
        for (int i = 1; i < ref.size(); i++) {
            Term t = ref.get(i);
            if (suffix.isEmpty() && t instanceof Scalar s && s.value() instanceof StringValue str) {
                path.add(str.value());
            } else {
                suffix.add(t);
            }
        }
        if (rule.head().kind() == Head.Kind.FUNCTION && !suffix.isEmpty()) {
            errors.add(new RegoError(ErrorCode.TYPE, "function references must be constant: " + ref,
                    rule.location()));
            return;
        }
        byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(new CompiledRule(rule, module, suffix, null));
    }

    RuleTree build() {
        RuleTree tree = new RuleTree();
        for (List<String> pkg : packages) {
            tree.getOrCreate(pkg);
        }
        for (Map.Entry<List<String>, List<CompiledRule>> entry : byPath.entrySet()) {
            RuleSet set = toRuleSet(entry.getKey(), entry.getValue());
            if (set != null) {
                tree.getOrCreate(entry.getKey()).setRules(set);
            }
        }
        return tree;
    }

    private RuleSet toRuleSet(List<String> path, List<CompiledRule> rules) {
        String text = RuleTree.pathText(path);
        Head.Kind kind = rules.get(0).rule().head().kind();
        CompiledRule defaultRule = null;
        List<CompiledRule> others = new ArrayList<>();
        int arity = -1;
        for (CompiledRule r : rules) {
            Head head = r.rule().head();
            if (head.kind() != kind || (kind == Head.Kind.FUNCTION && arity >= 0 && head.args().size() != arity)) {
                errors.add(new RegoError(ErrorCode.TYPE, "conflicting rules " + text + " found", r.rule().location()));
                return null;
            }
            if (kind == Head.Kind.FUNCTION) {
                arity = head.args().size();
            }
            if (r.rule().isDefault()) {
                if (defaultRule != null) {
                    errors.add(new RegoError(ErrorCode.TYPE, "multiple default rules " + text + " found",
                            r.rule().location()));
                    return null;
                }
                defaultRule = r;
            } else {
                others.add(r);
            }
        }
        return new RuleSet(path, kind, others, defaultRule);
    }
}
