package dev.lambdashield.rules.observe;

import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

import java.time.Instant;
import java.util.List;

/**
 * An SLF4J logger writing JSON lines through {@link JsonLogOutput}. It receives the fluent API's key-value
 * pairs as fields (through {@link LoggingEventAware}) instead of having SLF4J fold them into the message.
 */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {

    private static final long serialVersionUID = 1L;

    JsonLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return JsonLogOutput.enabled(name, Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return JsonLogOutput.enabled(name, Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return JsonLogOutput.enabled(name, Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return JsonLogOutput.enabled(name, Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return JsonLogOutput.enabled(name, Level.ERROR);
    }

    @Override
    public void log(LoggingEvent event) {
        if (!JsonLogOutput.enabled(name, event.getLevel())) {
            return;
        }
        String message = MessageFormatter.basicArrayFormat(event.getMessage(), event.getArgumentArray());
        JsonLogOutput.write(JsonLogLayout.format(Instant.now(), event.getLevel(), name, message,
                MDC.getCopyOfContextMap(), event.getKeyValuePairs(), event.getThrowable()));
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        JsonLogOutput.write(JsonLogLayout.format(Instant.now(), level, name, message, MDC.getCopyOfContextMap(),
                List.of(), throwable));
    }
}
