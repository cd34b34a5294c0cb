package dev.lambdashield.rego.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rego.CompiledPolicy;
import dev.lambdashield.rego.EvalOptions;
import dev.lambdashield.rego.Rego;
import dev.lambdashield.rego.RegoVersion;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Terms;
import dev.lambdashield.rego.compile.Compiler;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.parse.RegoParser;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs one conformance case. Modules are named {@code test-0.rego}, {@code test-1.rego}, ... as
 * in OPA's runner, because some expected messages include the file name.
 */
public final class CaseRunner {

    private final RegoVersion version;
    private final Duration timeout;

    public CaseRunner(RegoVersion version, Duration timeout) {
        this.version = version;
        this.timeout = timeout;
    }

    public CaseResult run(ConformanceCase c) {
        try {
            return runChecked(c);
        } catch (RegoException e) {
            return expectError(c, e);
        } catch (RuntimeException | StackOverflowError e) {
            return CaseResult.fail(c, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private CaseResult runChecked(ConformanceCase c) {
        Rego rego = Rego.compiler().regoVersion(version);
        for (int i = 0; i < c.modules().size(); i++) {
            rego.module("test-" + i + ".rego", c.modules().get(i));
        }
        if (c.data() != null && !c.data().isNull()) {
            rego.data(c.data());
        }
        CompiledPolicy policy = rego.compile();
        EvalOptions.Builder options = EvalOptions.builder()
                .strictBuiltinErrors(c.strictError())
                .deadline(Instant.now().plus(timeout));
        if (c.input() != null) {
            options.input(c.input());
        } else if (c.inputTerm() != null) {
            options.input(termValue(c.inputTerm()));
        }
        List<Map<String, Value>> rows = policy.query(c.query(), options.build());
        if (c.wantResult() == null) {
            return CaseResult.fail(c, "expected error " + expectedError(c) + " but got result " + format(rows));
        }
        return compare(c, rows);
    }

    private static Value termValue(String source) {
        Term term = RegoParser.parseTerm(source);
        if (!Terms.isConstant(term)) {
            throw new IllegalArgumentException("input_term is not a constant: " + source);
        }
        return Compiler.constantValue(term);
    }

    private static String expectedError(ConformanceCase c) {
        return (c.wantErrorCode() == null ? "" : c.wantErrorCode()) + (c.wantError() == null ? "" : " \"" + c.wantError() + "\"");
    }

    private CaseResult expectError(ConformanceCase c, RegoException e) {
        if (c.wantErrorCode() == null && c.wantError() == null) {
            return CaseResult.fail(c, "unexpected error: " + e.getMessage().replace('\n', ' '));
        }
        for (RegoError error : e.errors()) {
            boolean codeMatches = c.wantErrorCode() == null || c.wantErrorCode().equals(error.code().code());
            String full = error.location().file() + ":" + error.location().line() + ": " + error.code().code() + ": "
                    + error.message();
            boolean messageMatches = c.wantError() == null || error.message().contains(c.wantError())
                    || full.contains(c.wantError());
            if (codeMatches && messageMatches) {
                return CaseResult.pass(c);
            }
        }
        return CaseResult.fail(c, "expected error " + expectedError(c) + " but got " + e.getMessage().replace('\n', ' '));
    }

    private static CaseResult compare(ConformanceCase c, List<Map<String, Value>> rows) {
        List<Value> actual = new ArrayList<>();
        for (Map<String, Value> row : rows) {
            ObjectValue.Builder object = ObjectValue.builder();
            row.forEach((k, v) -> object.put(StringValue.of(k), c.sortBindings() ? sorted(asJson(v)) : asJson(v)));
            actual.add(object.build());
        }
        List<Value> expected = new ArrayList<>();
        for (JsonNode row : c.wantResult()) {
            Value value = ValueJson.fromJsonNode(row);
            if (c.sortBindings() && value instanceof ObjectValue o) {
                ObjectValue.Builder object = ObjectValue.builder();
                o.entries().forEach((k, v) -> object.put(k, sorted(v)));
                value = object.build();
            }
            expected.add(value);
        }
        Collections.sort(actual);
        Collections.sort(expected);
        if (actual.equals(expected)) {
            return CaseResult.pass(c);
        }
        return CaseResult.fail(c, "expected " + abbreviate(expected.toString()) + " but got " + abbreviate(actual.toString()));
    }

    /** Converts to the JSON data model the expected results use: sets become arrays, keys strings. */
    private static Value asJson(Value v) {
        return ValueJson.fromJsonNode(ValueJson.toJsonNode(v));
    }

    private static Value sorted(Value v) {
        if (v instanceof ArrayValue a) {
            List<Value> elements = new ArrayList<>(a.elements());
            Collections.sort(elements);
            return ArrayValue.of(elements);
        }
        return v;
    }

    private static String format(List<Map<String, Value>> rows) {
        return abbreviate(rows.toString());
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
