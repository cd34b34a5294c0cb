package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.ArrayTerm;
import dev.lambdashield.rego.ast.Body;
import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.Import;
import dev.lambdashield.rego.ast.Module;
import dev.lambdashield.rego.ast.ObjectTerm;
import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Scalar;
import dev.lambdashield.rego.ast.SetTerm;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Terms;
import dev.lambdashield.rego.ast.Var;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles modules as an ordered list of named stages. Each stage reads the result of the ones
 * before it. Compilation stops after the first stage that reports errors, with all of its errors.
 */
public final class Compiler {

    /** A named compiler stage. */
    public record Stage(String name, Runnable action) {
    }

    private final FunctionLookup functions;
    private final List<RegoError> errors = new ArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private List<Module> modules;
    private RuleTree tree;
    private FunctionCheck functionCheck;

    private Compiler(List<Module> modules, FunctionLookup functions) {
        this.modules = new ArrayList<>(modules);
        this.functions = functions;
    }

    /** Returns the stages in order. Comments explain where the order matters. */
    private List<Stage> stages() {
        return List.of(
                // Names first, so that later stages read references into data instead of rule names.
                new Stage("ResolveNames", this::resolveNames),
                new Stage("BuildRuleTree", this::buildRuleTree),
                // Safety needs the rule tree to know which calls have an output argument.
                new Stage("CheckSafety", this::checkSafety),
                new Stage("CheckFunctions", this::checkFunctions),
                new Stage("CheckRecursion", () -> new RecursionCheck(tree, errors).run()),
                // Indexing reads the bodies in their final order.
                new Stage("BuildRuleIndex", this::buildRuleIndex));
    }

    /** Returns the names of the stages in the order they run. */
    public static List<String> stageNames() {
        List<String> names = new ArrayList<>();
        for (Stage s : new Compiler(List.of(), null).stages()) {
            names.add(s.name());
        }
        return names;
    }

    /**
     * Compiles parsed modules.
     *
     * @throws RegoException listing the errors of the first stage that failed
     */
    public static Program compile(List<Module> modules, FunctionLookup functions) {
        Compiler compiler = new Compiler(modules, functions);
        for (Stage stage : compiler.stages()) {
            runGuarded(stage);
            if (!compiler.errors.isEmpty()) {
                List<RegoError> sorted = new ArrayList<>(compiler.errors);
                Collections.sort(sorted);
                throw new RegoException(sorted);
            }
        }
        return new Program(compiler.modules, compiler.tree, functions, compiler);
    }

    /** Runs a stage; a stack overflow on deeply nested terms becomes a compile error. */
    private static void runGuarded(Stage stage) {
        try {
            stage.action().run();
        } catch (StackOverflowError e) {
            throw new RegoException(dev.lambdashield.rego.errors.ErrorCode.COMPILE, "stage " + stage.name()
                    + " failed: terms are nested too deeply for the thread's stack",
                    dev.lambdashield.rego.ast.Location.UNKNOWN);
        }
    }

    // ---- stages ----

    private void resolveNames() {
        Map<String, Set<String>> rulesByPackage = new HashMap<>();
        for (Module m : modules) {
            Set<String> names = rulesByPackage.computeIfAbsent(m.pkg().path().toString(), k -> new HashSet<>());
            for (Rule r : m.rules()) {
                names.add(r.head().name());
            }
        }
        List<Module> resolved = new ArrayList<>();
        for (Module m : modules) {
            Map<String, Ref> imports = new LinkedHashMap<>();
            for (Import i : m.imports()) {
                imports.put(i.boundName(), i.path());
            }
            NameResolver resolver = new NameResolver(m.pkg().path(), rulesByPackage.get(m.pkg().path().toString()),
                    imports, errors, counter);
            List<Rule> rules = new ArrayList<>();
            for (Rule r : m.rules()) {
                rules.add(resolver.resolveRule(r));
            }
            resolved.add(m.withRules(rules));
        }
        modules = resolved;
    }

    private void buildRuleTree() {
        RuleTreeBuilder builder = new RuleTreeBuilder(errors);
        for (Module m : modules) {
            builder.addPackage(m);
            for (Rule r : m.rules()) {
                builder.add(m, r);
            }
        }
        tree = builder.build();
        functionCheck = new FunctionCheck(tree, functions, errors);
    }

    private void checkSafety() {
        Safety safety = new Safety(errors, functionCheck::arityOf);
        List<Module> checked = new ArrayList<>();
        for (Module m : modules) {
            List<Rule> rules = new ArrayList<>();
            for (Rule r : m.rules()) {
                rules.add(safety.checkRule(r));
            }
            checked.add(m.withRules(rules));
        }
        modules = checked;
    }

    private void checkFunctions() {
        for (Module m : modules) {
            for (Rule r : m.rules()) {
                for (Rule part = r; part != null; part = part.elseRule()) {
                    for (Term t : RecursionCheck.termsOf(part)) {
                        functionCheck.checkTerm(t, m.v1());
                    }
                }
            }
        }
    }

    /** Rebuilds the rule tree from the final rules, each with its index entry. */
    private void buildRuleIndex() {
        RuleTreeBuilder builder = new RuleTreeBuilder(errors);
        for (Module m : modules) {
            builder.addPackage(m);
            for (Rule r : m.rules()) {
                builder.add(m, r);
            }
        }
        tree = builder.build();
        attachIndex(tree.root());
        functionCheck = new FunctionCheck(tree, functions, errors);
    }

    private static void attachIndex(RuleTree.Node node) {
        RuleSet set = node.rules();
        if (set != null) {
            List<CompiledRule> indexed = new ArrayList<>();
            for (CompiledRule r : set.rules()) {
                indexed.add(new CompiledRule(r.rule(), r.module(), r.suffix(), RuleIndexer.indexOf(r.rule())));
            }
            node.setRules(new RuleSet(set.path(), set.kind(), indexed, set.defaultRule()));
        }
        for (RuleTree.Node child : node.children().values()) {
            attachIndex(child);
        }
    }

    // ---- queries ----

    CompiledQuery compileQuery(Body query) {
        try {
            return compileQueryUnguarded(query);
        } catch (StackOverflowError e) {
            throw new RegoException(dev.lambdashield.rego.errors.ErrorCode.COMPILE,
                    "the query is nested too deeply for the thread's stack", dev.lambdashield.rego.ast.Location.UNKNOWN);
        }
    }

    private CompiledQuery compileQueryUnguarded(Body query) {
        List<RegoError> queryErrors = new ArrayList<>();
        Scope scope = new Scope(null);
        NameResolver resolver = new NameResolver(null, Set.of(), Map.of(), queryErrors, counter);
        Body resolved = resolver.resolveQuery(query, scope);
        FunctionCheck check = new FunctionCheck(tree, functions, queryErrors);
        Body ordered = new Safety(queryErrors, check::arityOf).checkQuery(resolved, new HashSet<>());
        for (Expr e : ordered.exprs()) {
            check.checkTerm(e.term(), false);
        }
        if (!queryErrors.isEmpty()) {
            Collections.sort(queryErrors);
            throw new RegoException(queryErrors);
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Var v : Terms.vars(ordered)) {
            if (!v.isGenerated() && !NameResolver.displayName(v.name()).startsWith("_")) {
                outputs.put(v.name(), NameResolver.displayName(v.name()));
            }
        }
        return new CompiledQuery(ordered, outputs);
    }

    // ---- helpers shared by the stages ----

    /** Returns the names of a reference's constant string prefix after {@code data}. */
    static List<String> groundPath(Ref ref) {
        List<String> path = new ArrayList<>();
        for (int i = 1; i < ref.size(); i++) {
            if (!(ref.get(i) instanceof Scalar s && s.value() instanceof StringValue str)) {
                break;
            }
            path.add(str.value());
        }
        return path;
    }

    /** Returns the value of a constant term (see {@link Terms#isConstant}). */
    public static Value constantValue(Term term) {
        if (term instanceof Scalar s) {
            return s.value();
        }
        if (term instanceof ArrayTerm a) {
            List<Value> elements = new ArrayList<>();
            for (Term e : a.elements()) {
                elements.add(constantValue(e));
            }
            return ArrayValue.of(elements);
        }
        if (term instanceof SetTerm s) {
            SetValue.Builder set = SetValue.builder();
            for (Term e : s.elements()) {
                set.add(constantValue(e));
            }
            return set.build();
        }
        if (term instanceof ObjectTerm o) {
            ObjectValue.Builder object = ObjectValue.builder();
            for (ObjectTerm.Entry e : o.entries()) {
                object.put(constantValue(e.key()), constantValue(e.value()));
            }
            return object.build();
        }
        throw new IllegalArgumentException("not a constant term: " + term);
    }
}
