package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes a template parsed by {@link TemplateParser} against Rego variables, as OPA's
 * strings.render_template runs Go's text/template. The variables reach Go through JSON, so numbers
 * behave as float64 and sets as arrays. A missing object key prints {@code <undefined>}, as in OPA.
 * At run time a value is a {@link Value}, a {@link Long} (an int from a literal or len), null (Go's
 * nil) or {@link TemplateFunctions#UNDEFINED}.
 */
final class TemplateRenderer {

    private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
    private final StringBuilder out = new StringBuilder();
    private final TemplateFunctions functions = new TemplateFunctions();

    private TemplateRenderer(ObjectValue root) {
        Map<String, Object> global = new HashMap<>();
        global.put("$", root);
        scopes.push(global);
    }

    static String render(String template, ObjectValue variables) {
        List<TemplateParser.Node> nodes = TemplateParser.parse(template);
        TemplateRenderer renderer = new TemplateRenderer(variables);
        renderer.run(nodes, variables);
        return renderer.out.toString();
    }

    private void run(List<TemplateParser.Node> nodes, Object dot) {
        scopes.push(new HashMap<>());
        try {
            for (TemplateParser.Node node : nodes) {
                runNode(node, dot);
            }
        } finally {
            scopes.pop();
        }
    }

    private void runNode(TemplateParser.Node node, Object dot) {
        if (node instanceof TemplateParser.Text text) {
            out.append(text.text());
        } else if (node instanceof TemplateParser.Action action) {
            Object value = pipeline(action.pipeline(), dot);
            if (action.pipeline().variables().isEmpty()) {
                out.append(TemplateFunctions.print(value));
            }
        } else if (node instanceof TemplateParser.Branch branch) {
            Object value = pipeline(branch.condition(), dot);
            if (TemplateFunctions.isTrue(value)) {
                run(branch.then(), branch.with() ? value : dot);
            } else {
                run(branch.otherwise(), dot);
            }
        } else if (node instanceof TemplateParser.Range range) {
            runRange(range, dot);
        }
    }

    private void runRange(TemplateParser.Range range, Object dot) {
        List<String> variables = range.collection().variables();
        TemplateParser.Pipeline source = new TemplateParser.Pipeline(List.of(), range.collection().commands());
        Object collection = pipeline(source, dot);
        List<Object[]> entries = new ArrayList<>();
        if (collection instanceof ArrayValue a) {
            for (int i = 0; i < a.size(); i++) {
                entries.add(new Object[] {(long) i, a.get(i)});
            }
        } else if (collection instanceof SetValue s) {
            long i = 0;
            for (Value element : s.elements()) {
                entries.add(new Object[] {i++, element});
            }
        } else if (collection instanceof ObjectValue o) {
            o.entries().forEach((key, value) -> entries.add(new Object[] {key, value}));
        } else if (collection != null && !(collection instanceof NullValue)) {
            throw TemplateLexer.error("range can't iterate over " + TemplateFunctions.print(collection));
        }
        if (entries.isEmpty()) {
            run(range.otherwise(), dot);
            return;
        }
        for (Object[] entry : entries) {
            Map<String, Object> scope = new HashMap<>();
            if (variables.size() == 1) {
                scope.put(variables.get(0), entry[1]);
            } else if (variables.size() == 2) {
                scope.put(variables.get(0), entry[0]);
                scope.put(variables.get(1), entry[1]);
            }
            scopes.push(scope);
            try {
                run(range.body(), entry[1]);
            } finally {
                scopes.pop();
            }
        }
    }

    private Object pipeline(TemplateParser.Pipeline pipeline, Object dot) {
        Object value = null;
        boolean piped = false;
        for (List<TemplateLexer.Token> command : pipeline.commands()) {
            value = command(command, dot, piped ? value : Missing.INSTANCE);
            piped = true;
        }
        for (String variable : pipeline.variables()) {
            declare(variable, value);
        }
        return value;
    }

    /** Marks that no value was piped into a command. */
    private enum Missing { INSTANCE }

    private Object command(List<TemplateLexer.Token> tokens, Object dot, Object piped) {
        List<Object> operands = new ArrayList<>();
        int[] position = {0};
        TemplateLexer.Token first = tokens.get(0);
        boolean isFunction = first.kind() == TemplateLexer.Kind.WORD && TemplateFunctions.isFunction(first.text());
        if (isFunction) {
            position[0] = 1;
        }
        while (position[0] < tokens.size()) {
            operands.add(operand(tokens, position, dot));
        }
        if (piped != Missing.INSTANCE) {
            operands.add(piped);
        }
        if (isFunction) {
            return functions.call(first.text(), operands);
        }
        if (operands.size() != 1) {
            throw TemplateLexer.error("can't give argument to non-function " + first.text());
        }
        return operands.get(0);
    }

    private Object operand(List<TemplateLexer.Token> tokens, int[] position, Object dot) {
        TemplateLexer.Token token = tokens.get(position[0]++);
        if (token.kind() == TemplateLexer.Kind.STRING) {
            return StringValue.of(token.text());
        }
        if (token.text().equals("(")) {
            int depth = 1;
            int start = position[0];
            while (position[0] < tokens.size() && depth > 0) {
                String text = tokens.get(position[0]++).text();
                depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
            }
            if (depth != 0) {
                throw TemplateLexer.error("unclosed left paren");
            }
            List<TemplateLexer.Token> inner = tokens.subList(start, position[0] - 1);
            return pipeline(new TemplateParser.Pipeline(List.of(), splitCommands(inner)), dot);
        }
        return word(token.text(), dot);
    }

    private static List<List<TemplateLexer.Token>> splitCommands(List<TemplateLexer.Token> tokens) {
        List<List<TemplateLexer.Token>> commands = new ArrayList<>();
        List<TemplateLexer.Token> command = new ArrayList<>();
        int depth = 0;
        for (TemplateLexer.Token token : tokens) {
            depth += token.text().equals("(") ? 1 : token.text().equals(")") ? -1 : 0;
            if (token.text().equals("|") && depth == 0) {
                commands.add(command);
                command = new ArrayList<>();
            } else {
                command.add(token);
            }
        }
        commands.add(command);
        return commands;
    }

    private Object word(String word, Object dot) {
        switch (word) {
            case "." -> {
                return dot;
            }
            case "true", "false" -> {
                return BooleanValue.of(word.equals("true"));
            }
            case "nil" -> {
                return null;
            }
            default -> {
                // Falls through to fields, variables and numbers below.
            }
        }
        if (word.startsWith(".")) {
            return fields(dot, word.substring(1), word);
        }
        if (word.startsWith("$")) {
            int dotIndex = word.indexOf('.');
            String name = dotIndex < 0 ? word : word.substring(0, dotIndex);
            Object value = lookup(name);
            return dotIndex < 0 ? value : fields(value, word.substring(dotIndex + 1), word);
        }
        return number(word);
    }

    private static Object number(String word) {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException notInteger) {
            try {
                return NumberValue.of(new BigDecimal(word));
            } catch (NumberFormatException notNumber) {
                throw TemplateLexer.error("function \"" + word + "\" not defined");
            }
        }
    }

    private Object fields(Object start, String chain, String expression) {
        Object current = start;
        for (String field : chain.split("\\.")) {
            if (current == TemplateFunctions.UNDEFINED) {
                return current;
            }
            if (current instanceof ObjectValue object) {
                current = object.get(field);
                if (current == null) {
                    return TemplateFunctions.UNDEFINED;
                }
            } else {
                String type = current == null || current instanceof NullValue ? "nil" : TemplateFunctions.goType(current);
                throw TemplateLexer.error("executing \"template\" at <" + expression + ">: can't evaluate field "
                        + field + " in type " + type);
            }
        }
        return current;
    }

    private Object lookup(String name) {
        for (Map<String, Object> scope : scopes) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
        }
        throw TemplateLexer.error("undefined variable: " + name);
    }

    private void declare(String name, Object value) {
        scopes.peek().put(name, value);
    }
}
