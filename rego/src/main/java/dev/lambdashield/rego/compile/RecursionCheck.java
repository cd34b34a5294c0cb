package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Scalar;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Terms;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.value.StringValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reports rules that depend on themselves, directly or through other rules and functions. */
final class RecursionCheck {

    private final RuleTree tree;
    private final List<RegoError> errors;
    private final Map<RuleSet, Set<RuleSet>> edges = new HashMap<>();

    RecursionCheck(RuleTree tree, List<RegoError> errors) {
        this.tree = tree;
        this.errors = errors;
    }

    void run() {
        List<RuleSet> all = new ArrayList<>();
        collect(tree.root(), all);
        for (RuleSet set : all) {
            edges.put(set, dependencies(set));
        }
        Set<RuleSet> done = new HashSet<>();
        for (RuleSet set : all) {
            List<RuleSet> stack = new ArrayList<>();
            if (findCycle(set, stack, new HashSet<>(), done)) {
                report(stack);
                return;
            }
        }
    }

    private static void collect(RuleTree.Node node, List<RuleSet> out) {
        if (node.rules() != null) {
            out.add(node.rules());
        }
        for (RuleTree.Node child : node.children().values()) {
            collect(child, out);
        }
    }

    private boolean findCycle(RuleSet set, List<RuleSet> stack, Set<RuleSet> onStack, Set<RuleSet> done) {
        if (onStack.contains(set)) {
            stack.add(set);
            return true;
        }
        if (done.contains(set)) {
            return false;
        }
        stack.add(set);
        onStack.add(set);
        for (RuleSet next : edges.getOrDefault(set, Set.of())) {
            if (findCycle(next, stack, onStack, done)) {
                return true;
            }
        }
        stack.remove(stack.size() - 1);
        onStack.remove(set);
        done.add(set);
        return false;
    }

    private void report(List<RuleSet> stack) {
        RuleSet repeated = stack.get(stack.size() - 1);
        int start = stack.indexOf(repeated);
        StringBuilder chain = new StringBuilder();
        for (int i = start; i < stack.size(); i++) {
            if (chain.length() > 0) {
                chain.append(" -> ");
            }
            chain.append(stack.get(i).pathText());
        }
        CompiledRule first = repeated.rules().isEmpty() ? repeated.defaultRule() : repeated.rules().get(0);
        String kind = repeated.isFunction() ? "function " : "rule ";
        errors.add(new RegoError(ErrorCode.RECURSION, kind + repeated.pathText() + " is recursive: " + chain,
                first.rule().location()));
    }

    private Set<RuleSet> dependencies(RuleSet set) {
        Set<RuleSet> deps = new LinkedHashSet<>();
        List<CompiledRule> rules = new ArrayList<>(set.rules());
        if (set.defaultRule() != null) {
            rules.add(set.defaultRule());
        }
        for (CompiledRule r : rules) {
            for (Rule rule = r.rule(); rule != null; rule = rule.elseRule()) {
                for (Term t : termsOf(rule)) {
                    Terms.visit(t, sub -> addDependency(sub, deps));
                }
            }
        }
        return deps;
    }

    static List<Term> termsOf(Rule rule) {
        List<Term> terms = new ArrayList<>();
        for (var e : rule.body().exprs()) {
            terms.add(e.term());
            for (var w : e.withs()) {
                terms.add(w.value());
            }
        }
        if (rule.head().value() != null) {
            terms.add(rule.head().value());
        }
        if (rule.head().key() != null) {
            terms.add(rule.head().key());
        }
        terms.addAll(rule.head().ref().terms().subList(1, rule.head().ref().size()));
        return terms;
    }

    private void addDependency(Term t, Set<RuleSet> deps) {
        Ref ref = null;
        if (t instanceof Ref r && r.hasRoot("data")) {
            ref = r;
        } else if (t instanceof Call c && c.operator().hasRoot("data")) {
            ref = c.operator();
        }
        if (ref == null) {
            return;
        }
        RuleTree.Node node = tree.root();
        for (int i = 1; i < ref.size(); i++) {
            if (node.rules() != null) {
                deps.add(node.rules());
            }
            if (!(ref.get(i) instanceof Scalar s && s.value() instanceof StringValue str)) {
                break;
            }
            RuleTree.Node child = node.child(str.value());
            if (child == null) {
                return;
            }
            node = child;
        }
        addSubtree(node, deps);
    }

    private static void addSubtree(RuleTree.Node node, Set<RuleSet> deps) {
        if (node.rules() != null) {
            deps.add(node.rules());
        }
        for (RuleTree.Node child : node.children().values()) {
            addSubtree(child, deps);
        }
    }
}
