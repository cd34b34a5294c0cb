package dev.lambdashield.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rego.ast.Annotations;
import dev.lambdashield.rego.ast.Body;
import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.ast.Module;
import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Scalar;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Var;
import dev.lambdashield.rego.compile.CompiledQuery;
import dev.lambdashield.rego.compile.Program;
import dev.lambdashield.rego.compile.RuleTree;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.eval.Evaluation;
import dev.lambdashield.rego.parse.RegoParser;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiled modules and base data, ready to evaluate. Immutable and thread-safe: any number of
 * queries may run at once, each with its own input.
 */
public final class CompiledPolicy {

    /** Compiled queries are kept for reuse, up to this many distinct texts. */
    private static final int QUERY_CACHE_SIZE = 256;
    private static final String RESULT_VAR = "$result";

    private final Program program;
    private final Value data;
    private final RegoVersion version;
    private final List<Annotation> annotations;
    private final Set<String> packages;
    private final Map<String, CompiledQuery> queryCache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompiledQuery> eldest) {
                    return size() > QUERY_CACHE_SIZE;
                }
            });

    CompiledPolicy(Program program, Value data, RegoVersion version) {
        this.program = program;
        this.data = data;
        this.version = version;
        this.annotations = List.copyOf(collectAnnotations(program));
        Set<String> names = new TreeSet<>();
        for (Module m : program.modules()) {
            names.add(m.pkg().path().toString());
        }
        this.packages = Collections.unmodifiableSet(names);
    }

    /**
     * Evaluates a query such as {@code data.x.deny[msg]} and returns one map per solution, from
     * each variable of the query to its value; an empty list means the query is undefined.
     *
     * @throws RegoException when the query does not parse or compile, or evaluation fails
     */
    public List<Map<String, Value>> query(String query, EvalOptions options) {
        CompiledQuery compiled = queryCache.get(query);
        if (compiled == null) {
            compiled = program.compileQuery(RegoParser.parseQuery(query, version == RegoVersion.V1));
            queryCache.put(query, compiled);
        }
        return run(compiled, options);
    }

    /**
     * Evaluates a reference such as {@code data.lambda_shield.public_access.deny}; empty when it is
     * undefined. A reference with variables must have exactly one value.
     */
    public Optional<Value> evaluate(String reference, EvalOptions options) {
        String key = "\u0000ref:" + reference;
        CompiledQuery compiled = queryCache.get(key);
        if (compiled == null) {
            compiled = compileReference(reference);
            queryCache.put(key, compiled);
        }
        List<Map<String, Value>> rows = run(compiled, options);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (rows.size() > 1) {
            throw new RegoException(ErrorCode.EVAL_CONFLICT, reference + " has " + rows.size()
                    + " values; use query() for references with variables", Location.UNKNOWN);
        }
        return Optional.ofNullable(rows.get(0).get("result"));
    }

    /** Evaluates a reference and returns its value as JSON; empty when it is undefined. */
    public Optional<JsonNode> evaluateJson(String reference, EvalOptions options) {
        return evaluate(reference, options).map(ValueJson::toJsonNode);
    }

    private CompiledQuery compileReference(String reference) {
        Term term = RegoParser.parseTerm(reference);
        if (!(term instanceof Ref || term instanceof Var)) {
            throw new RegoException(ErrorCode.PARSE, "expected a reference such as data.pkg.rule, got " + reference,
                    term.location());
        }
        Location at = term.location();
        Var result = new Var(RESULT_VAR, at);
        Call assign = new Call(new Ref(List.of(new Var("eq", at)), at), List.of(result, term), at);
        CompiledQuery compiled = program.compileQuery(new Body(List.of(new Expr(assign, false, List.of(), at))));
        return new CompiledQuery(compiled.body(), Map.of(RESULT_VAR, "result"));
    }

    private List<Map<String, Value>> run(CompiledQuery compiled, EvalOptions options) {
        Evaluation.Settings settings = new Evaluation.Settings(options.input(), options.strictBuiltinErrors(),
                options.printSink(), options.deadline(), options.traceSink(), Map.of(), options.coverage());
        return new Evaluation(program, data, settings).run(compiled);
    }

    /** Returns the {@code # METADATA} blocks of every module, in module order. */
    public List<Annotation> annotations() {
        return annotations;
    }

    /** Returns the packages of the compiled modules, e.g. {@code data.lambda_shield.public_access}. */
    public Set<String> packages() {
        return packages;
    }

    /** Returns the syntax version the policy was compiled with. */
    public RegoVersion regoVersion() {
        return version;
    }

    /** Returns the compiled program, for tools such as the test runner. */
    public Program program() {
        return program;
    }

    /** Returns the base document. */
    public Value data() {
        return data;
    }

    private static List<Annotation> collectAnnotations(Program program) {
        List<Annotation> out = new ArrayList<>();
        for (Module m : program.modules()) {
            String pkg = m.pkg().path().toString();
            for (Annotations a : m.packageAnnotations()) {
                out.add(new Annotation(a.scope(), pkg, a.location(), a.fields()));
            }
            for (Rule r : m.rules()) {
                List<String> path = new ArrayList<>(m.pkg().names());
                path.add(r.head().name());
                for (Term operand : r.head().ref().terms().subList(1, r.head().ref().size())) {
                    if (!(operand instanceof Scalar s && s.value() instanceof StringValue name)) {
                        break;
                    }
                    path.add(name.value());
                }
                for (Annotations a : r.annotations()) {
                    out.add(new Annotation(a.scope(), RuleTree.pathText(path), a.location(), a.fields()));
                }
            }
        }
        return out;
    }
}
