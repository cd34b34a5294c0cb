package dev.lambdashield.rules.settings;

/** An environment variable with a value the rule cannot use; the message names the variable, never its value. */
public class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
