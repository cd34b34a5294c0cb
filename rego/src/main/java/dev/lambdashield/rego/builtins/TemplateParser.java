package dev.lambdashield.rego.builtins;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the subset of Go's text/template that strings.render_template supports: text, actions
 * with pipelines ({@code {{.a.b | printf "%s"}}}), variables, {@code if}/{@code else if}/{@code else},
 * {@code range} (with {@code $i, $v :=} and {@code else}), {@code with}, comments and the
 * {@code {{-}}} / {@code -}}} trim markers. {@code define}, {@code template} and {@code block} are
 * rejected as unsupported.
 */
final class TemplateParser {

    /** A node of the parsed template. */
    sealed interface Node permits Text, Action, Branch, Range {
    }

    record Text(String text) implements Node {
    }

    /** Prints the pipeline's value, or only binds its variables when it declares some. */
    record Action(Pipeline pipeline) implements Node {
    }

    /** {@code if} (with is false) or {@code with} (with is true). */
    record Branch(boolean with, Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {
    }

    record Range(Pipeline collection, List<Node> body, List<Node> otherwise) implements Node {
    }

    /** Commands joined by '|', with the variables it declares (empty when it declares none). */
    record Pipeline(List<String> variables, List<List<TemplateLexer.Token>> commands) {
    }

    private final List<Object> items;
    private int index;
    /** The tokens after "else" of the last {{else ...}} that parseList stopped at. */
    private List<TemplateLexer.Token> elseTokens = List.of();

    private TemplateParser(List<Object> items) {
        this.items = items;
    }

    static List<Node> parse(String template) {
        TemplateParser parser = new TemplateParser(TemplateLexer.split(template));
        List<Node> nodes = new ArrayList<>();
        String end = parser.parseList(nodes);
        if (end != null) {
            throw TemplateLexer.error("unexpected {{" + end + "}}");
        }
        return nodes;
    }

    /** Parses nodes until {{end}} or {{else ...}}, returning that keyword's text, or null at the end of input. */
    private String parseList(List<Node> nodes) {
        while (index < items.size()) {
            Object item = items.get(index++);
            if (item instanceof String text) {
                nodes.add(new Text(text));
                continue;
            }
            List<TemplateLexer.Token> action = asTokens(item);
            if (action.isEmpty()) {
                continue;
            }
            String keyword = action.get(0).text();
            switch (keyword) {
                case "end" -> {
                    return "end";
                }
                case "else" -> {
                    elseTokens = action.subList(1, action.size());
                    return "else";
                }
                case "if", "with" -> nodes.add(branch(keyword.equals("with"), action.subList(1, action.size())));
                case "range" -> nodes.add(range(action.subList(1, action.size())));
                case "define", "template", "block", "break", "continue" ->
                        throw TemplateLexer.error("{{" + keyword + "}} is not supported");
                default -> nodes.add(new Action(pipeline(action)));
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<TemplateLexer.Token> asTokens(Object item) {
        return (List<TemplateLexer.Token>) item;
    }

    private Node branch(boolean with, List<TemplateLexer.Token> condition) {
        List<Node> then = new ArrayList<>();
        String end = parseList(then);
        List<Node> otherwise = new ArrayList<>();
        boolean elseIf = "else".equals(end) && !elseTokens.isEmpty() && elseTokens.get(0).text().equals("if");
        if (elseIf && !with) {
            otherwise.add(branch(false, elseTokens.subList(1, elseTokens.size())));
        } else if ("else".equals(end) && elseTokens.isEmpty()) {
            end = parseList(otherwise);
            expectEnd(end);
        } else {
            expectEnd(end);
        }
        return new Branch(with, pipeline(condition), then, otherwise);
    }

    private Node range(List<TemplateLexer.Token> header) {
        List<Node> body = new ArrayList<>();
        String end = parseList(body);
        List<Node> otherwise = new ArrayList<>();
        if ("else".equals(end)) {
            end = parseList(otherwise);
        }
        expectEnd(end);
        return new Range(pipeline(header), body, otherwise);
    }

    private static void expectEnd(String end) {
        if (!"end".equals(end)) {
            throw TemplateLexer.error(end == null ? "unexpected EOF" : "unexpected {{" + end + "}}");
        }
    }

    private static Pipeline pipeline(List<TemplateLexer.Token> tokens) {
        List<String> variables = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).text().equals(":=") || tokens.get(i).text().equals("=")) {
                for (TemplateLexer.Token token : tokens.subList(0, i)) {
                    if (!token.text().equals(",")) {
                        variables.add(token.text());
                    }
                }
                start = i + 1;
                break;
            }
        }
        List<List<TemplateLexer.Token>> commands = new ArrayList<>();
        List<TemplateLexer.Token> command = new ArrayList<>();
        int depth = 0;
        for (TemplateLexer.Token token : tokens.subList(start, tokens.size())) {
            depth += token.text().equals("(") ? 1 : token.text().equals(")") ? -1 : 0;
            if (token.text().equals("|") && depth == 0 && token.kind() == TemplateLexer.Kind.SYMBOL) {
                commands.add(command);
                command = new ArrayList<>();
            } else {
                command.add(token);
            }
        }
        commands.add(command);
        if (commands.stream().anyMatch(List::isEmpty)) {
            throw TemplateLexer.error("missing value for command");
        }
        return new Pipeline(variables, commands);
    }
}
