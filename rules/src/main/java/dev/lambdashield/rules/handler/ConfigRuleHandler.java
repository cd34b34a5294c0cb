package dev.lambdashield.rules.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ConfigEvent;

/**
 * The Lambda handler AWS Config invokes ({@code dev.lambdashield.rules.handler.ConfigRuleHandler::handleRequest}).
 * The application, including the compiled policies and the SDK clients, is built in the static initializer,
 * so it happens once per container, during Lambda's init phase, and warm invocations reuse it.
 */
public final class ConfigRuleHandler implements RequestHandler<ConfigEvent, String> {

    private static final RuleApplication APPLICATION = RuleApplication.fromEnvironment();

    @Override
    public String handleRequest(ConfigEvent event, Context context) {
        return APPLICATION.handleRequest(event, context);
    }
}
