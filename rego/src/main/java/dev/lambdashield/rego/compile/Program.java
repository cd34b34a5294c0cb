package dev.lambdashield.rego.compile;

import dev.lambdashield.rego.ast.Module;

import java.util.List;

/**
 * The result of compiling a set of modules: the modules after rewriting, the rule tree the
 * evaluator walks, and the function declarations. Immutable once built.
 */
public final class Program {

    private final List<Module> modules;
    private final RuleTree ruleTree;
    private final FunctionLookup functions;
    private final Compiler compiler;

    Program(List<Module> modules, RuleTree ruleTree, FunctionLookup functions, Compiler compiler) {
        this.modules = List.copyOf(modules);
        this.ruleTree = ruleTree;
        this.functions = functions;
        this.compiler = compiler;
    }

    public List<Module> modules() {
        return modules;
    }

    public RuleTree ruleTree() {
        return ruleTree;
    }

    public FunctionLookup functions() {
        return functions;
    }

    /**
     * Compiles a query against this program.
     *
     * @throws dev.lambdashield.rego.errors.RegoException when the query is unsafe or calls an unknown function
     */
    public CompiledQuery compileQuery(dev.lambdashield.rego.ast.Body query) {
        return compiler.compileQuery(query);
    }
}
