package dev.lambdashield.rules.report;

/** Builds one {@link EvaluationSink} per invocation; registered in the handler's list of standard sinks. */
@FunctionalInterface
public interface SinkFactory {

    EvaluationSink create(SinkContext context);
}
