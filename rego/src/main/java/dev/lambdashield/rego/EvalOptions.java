package dev.lambdashield.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rego.coverage.CoverageRecorder;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Options of one evaluation: the input document, the deadline, built-in error mode, output sinks and
 * the optional coverage recorder.
 */
public final class EvalOptions {

    private final Value input;
    private final Instant deadline;
    private final boolean strictBuiltinErrors;
    private final Consumer<String> printSink;
    private final Consumer<String> traceSink;
    private final CoverageRecorder coverage;

    private EvalOptions(Builder builder) {
        this.input = builder.input;
        this.deadline = builder.deadline;
        this.strictBuiltinErrors = builder.strictBuiltinErrors;
        this.printSink = builder.printSink;
        this.traceSink = builder.traceSink;
        this.coverage = builder.coverage;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns options with no input, no deadline and non-strict built-in errors. */
    public static EvalOptions defaults() {
        return builder().build();
    }

    /** Returns the input document, or null when the input is undefined. */
    public Value input() {
        return input;
    }

    /** Returns the deadline, or null for none. */
    public Instant deadline() {
        return deadline;
    }

    public boolean strictBuiltinErrors() {
        return strictBuiltinErrors;
    }

    /** Returns the receiver of {@code print} output, or null to drop it. */
    public Consumer<String> printSink() {
        return printSink;
    }

    /** Returns the receiver of {@code trace} notes, or null to drop them. */
    public Consumer<String> traceSink() {
        return traceSink;
    }

    /** Returns the recorder of the locations evaluation reaches, or null when coverage is off. */
    public CoverageRecorder coverage() {
        return coverage;
    }

    /** Builds {@link EvalOptions}. */
    public static final class Builder {
        private Value input;
        private Instant deadline;
        private boolean strictBuiltinErrors;
        private Consumer<String> printSink;
        private Consumer<String> traceSink;
        private CoverageRecorder coverage;

        private Builder() {
        }

        /** Sets the input document; without one, {@code input} is undefined. */
        public Builder input(Value value) {
            this.input = value;
            return this;
        }

        public Builder input(JsonNode json) {
            this.input = json == null ? null : ValueJson.fromJsonNode(json);
            return this;
        }

        /** Sets the input from JSON text; malformed text raises {@link IllegalArgumentException}. */
        public Builder inputJson(String json) {
            this.input = ValueJson.parse(json);
            return this;
        }

        /** Sets the time after which evaluation ends with {@code eval_cancel_error}. */
        public Builder deadline(Instant time) {
            this.deadline = time;
            return this;
        }

        /** Makes failing built-ins raise errors instead of making their expression undefined. */
        public Builder strictBuiltinErrors(boolean strict) {
            this.strictBuiltinErrors = strict;
            return this;
        }

        /** Sets the receiver of {@code print} output, one call per printed line. */
        public Builder printSink(Consumer<String> sink) {
            this.printSink = sink;
            return this;
        }

        /** Sets the receiver of {@code trace} notes. */
        public Builder traceSink(Consumer<String> sink) {
            this.traceSink = sink;
            return this;
        }

        /**
         * Sets the recorder told of every expression evaluated and every rule head that produced a
         * value; null, the default, turns coverage off at the cost of one null check per expression.
         */
        public Builder coverage(CoverageRecorder recorder) {
            this.coverage = recorder;
            return this;
        }

        public EvalOptions build() {
            return new EvalOptions(this);
        }
    }
}
