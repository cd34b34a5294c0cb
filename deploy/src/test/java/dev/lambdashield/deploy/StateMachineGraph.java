package dev.lambdashield.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The states of an Amazon States Language definition as a graph, with a small evaluator for Choice rules. */
final class StateMachineGraph {

    private final JsonNode states;

    StateMachineGraph(JsonNode definition) {
        this.states = definition.path("States");
    }

    JsonNode state(String name) {
        return states.path(name);
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        states.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Returns every state a state can move to: Next, Default, each choice's Next and each catcher's Next. */
    List<String> successors(String name) {
        JsonNode state = state(name);
        List<String> next = new ArrayList<>();
        addText(next, state.path("Next"));
        addText(next, state.path("Default"));
        state.path("Choices").forEach(choice -> addText(next, choice.path("Next")));
        state.path("Catch").forEach(catcher -> addText(next, catcher.path("Next")));
        return next;
    }

    /**
     * Returns the states reachable from {@code start}, following {@code edges} and never entering a state that
     * {@code stop} accepts (those are left out of the result).
     */
    Set<String> reachable(String start, java.util.function.Function<String, List<String>> edges, Predicate<String> stop) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String name = queue.removeFirst();
            if (stop.test(name) || !seen.add(name)) {
                continue;
            }
            queue.addAll(edges.apply(name));
        }
        return seen;
    }

    Set<String> reachable(String start) {
        return reachable(start, this::successors, name -> false);
    }

    boolean isType(String name, String type) {
        return type.equals(state(name).path("Type").asText());
    }

    /** Returns the Next of the first choice whose rule matches {@code input}, else the Default (null when there is none). */
    String choose(String choiceState, JsonNode input) {
        JsonNode state = state(choiceState);
        for (JsonNode choice : state.path("Choices")) {
            if (matches(choice, input)) {
                return choice.path("Next").asText();
            }
        }
        return state.hasNonNull("Default") ? state.path("Default").asText() : null;
    }

    /** Evaluates a Choice rule: And, Or, Not, IsPresent, StringEquals, BooleanEquals, NumericGreaterThanEquals. */
    static boolean matches(JsonNode rule, JsonNode input) {
        if (rule.has("And")) {
            for (JsonNode part : rule.path("And")) {
                if (!matches(part, input)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode part : rule.path("Or")) {
                if (matches(part, input)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.path("Not"), input);
        }
        JsonNode value = select(input, rule.path("Variable").asText());
        if (rule.has("IsPresent")) {
            return !value.isMissingNode() == rule.path("IsPresent").asBoolean();
        }
        if (rule.has("StringEquals")) {
            return value.isTextual() && value.asText().equals(rule.path("StringEquals").asText());
        }
        if (rule.has("BooleanEquals")) {
            return value.isBoolean() && value.asBoolean() == rule.path("BooleanEquals").asBoolean();
        }
        if (rule.has("NumericGreaterThanEquals")) {
            return value.isNumber()
                    && value.decimalValue().compareTo(new BigDecimal(rule.path("NumericGreaterThanEquals").asText())) >= 0;
        }
        throw new IllegalArgumentException("this test's evaluator does not know the rule " + rule);
    }

    /** Resolves a dotted JSONPath such as {@code $.a.b[0].c}. */
    static JsonNode select(JsonNode input, String path) {
        JsonNode node = input;
        for (String segment : path.substring(2).split("\\.")) {
            int bracket = segment.indexOf('[');
            String field = bracket < 0 ? segment : segment.substring(0, bracket);
            node = node.path(field);
            if (bracket >= 0) {
                node = node.path(Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1)));
            }
        }
        return node;
    }

    private static void addText(List<String> names, JsonNode node) {
        if (node.isTextual()) {
            names.add(node.asText());
        }
    }
}
