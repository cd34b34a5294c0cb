package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.compile.CompiledQuery;
import dev.lambdashield.rego.compile.CompiledRule;
import dev.lambdashield.rego.compile.Program;
import dev.lambdashield.rego.coverage.CoverageRecorder;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.Value;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One evaluation of a query: the state that lives as long as the query (frames of {@code with},
 * caches, the clock reading, limits) and the collaborators that evaluate each concern. Not
 * thread-safe; each query gets its own.
 */
public final class Evaluation {

    /** Settings of one evaluation; {@code coverage} is null when coverage is off. */
    public record Settings(Value input, boolean strictBuiltinErrors, Consumer<String> printSink,
                           Instant deadline, Consumer<String> traceSink, Map<String, Object> runtimeInfo,
                           CoverageRecorder coverage) {

        /** Settings without coverage. */
        public Settings(Value input, boolean strictBuiltinErrors, Consumer<String> printSink,
                        Instant deadline, Consumer<String> traceSink, Map<String, Object> runtimeInfo) {
            this(input, strictBuiltinErrors, printSink, deadline, traceSink, runtimeInfo, null);
        }
    }

    private final Program program;
    private final Value baseData;
    private final Settings settings;
    private final EvalLimits limits;
    private final long timeNowNs;
    private final CoverageRecorder coverage;
    private final Map<Object, Object> queryCache = new HashMap<>();
    private final Deque<CompiledRule> ruleStack = new ArrayDeque<>();
    private WithFrame frame;

    private final TermEval terms = new TermEval(this);
    private final ExprEval exprs = new ExprEval(this);
    private final DataRefs data = new DataRefs(this);
    private final RuleEval rules = new RuleEval(this);
    private final CallEval calls = new CallEval(this);
    private final WithEval withs = new WithEval(this);
    private final Comprehensions comprehensions = new Comprehensions(this);
    private final BuiltinCaller builtinCaller = new BuiltinCaller(this);
    private final EvaluatorBuiltins evaluatorBuiltins = new EvaluatorBuiltins(this);

    public Evaluation(Program program, Value baseData, Settings settings) {
        this.program = program;
        this.baseData = baseData;
        this.settings = settings;
        this.limits = new EvalLimits(settings.deadline());
        this.coverage = settings.coverage();
        Instant now = Instant.now();
        this.timeNowNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        this.frame = WithFrame.root(settings.input());
    }

    /**
     * Evaluates a compiled query and returns one map per solution, from the query's variables to
     * their values; an empty list means the query is undefined.
     *
     * @throws RegoException for evaluation errors, all with a code and location
     */
    public List<Map<String, Value>> run(CompiledQuery query) {
        List<Map<String, Value>> results = new ArrayList<>();
        Bindings b = new Bindings();
        try {
            limits.checkDeadline(Location.UNKNOWN);
            exprs.evalBody(query.body(), b, () -> {
                Map<String, Value> row = new LinkedHashMap<>();
                for (Map.Entry<String, String> v : query.outputVars().entrySet()) {
                    Value value = b.get(v.getKey());
                    if (value != null) {
                        row.put(v.getValue(), value);
                    }
                }
                results.add(row);
                return false;
            });
        } catch (StackOverflowError e) {
            // The nesting bound normally stops first; this covers deep data on small thread stacks.
            throw new RegoException(ErrorCode.EVAL_CANCEL, "evaluation cancelled: the evaluation is nested too deeply",
                    Location.UNKNOWN);
        }
        return results;
    }

    // ---- collaborators ----

    Program program() {
        return program;
    }

    Value baseData() {
        return baseData;
    }

    TermEval terms() {
        return terms;
    }

    ExprEval exprs() {
        return exprs;
    }

    DataRefs data() {
        return data;
    }

    RuleEval rules() {
        return rules;
    }

    CallEval calls() {
        return calls;
    }

    WithEval withs() {
        return withs;
    }

    Comprehensions comprehensions() {
        return comprehensions;
    }

    BuiltinCaller builtinCaller() {
        return builtinCaller;
    }

    EvaluatorBuiltins evaluatorBuiltins() {
        return evaluatorBuiltins;
    }

    EvalLimits limits() {
        return limits;
    }

    // ---- query state ----

    WithFrame frame() {
        return frame;
    }

    void setFrame(WithFrame next) {
        frame = next;
    }

    boolean strictBuiltinErrors() {
        return settings.strictBuiltinErrors();
    }

    long timeNowNs() {
        return timeNowNs;
    }

    Map<Object, Object> queryCache() {
        return queryCache;
    }

    Map<String, Object> runtimeInfo() {
        return settings.runtimeInfo() == null ? Map.of() : settings.runtimeInfo();
    }

    CompiledRule currentRule() {
        return ruleStack.peek();
    }

    /** Runs {@code body} with {@code rule} as the rule being evaluated, for {@code rego.metadata.*}. */
    boolean withRule(CompiledRule rule, Cont body) {
        ruleStack.push(rule);
        try {
            return body.run();
        } finally {
            ruleStack.pop();
        }
    }

    /** Returns the coverage recorder, or null when coverage is off. */
    CoverageRecorder coverage() {
        return coverage;
    }

    /** Tells the coverage recorder, if any, that {@code rule} produced a value. */
    void coverHead(Rule rule) {
        if (coverage != null) {
            coverage.ruleHead(rule.head().location());
        }
    }

    void print(String text) {
        if (settings.printSink() != null) {
            settings.printSink().accept(text);
        }
    }

    void trace(String note) {
        if (settings.traceSink() != null) {
            settings.traceSink().accept(note);
        }
    }
}
