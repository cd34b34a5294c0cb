package dev.lambdashield.rego.parse;

import dev.lambdashield.rego.ast.Annotations;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code # METADATA} comment blocks and parses their YAML into annotation objects. */
final class MetadataParser {

    /** A metadata block and the last source line it covers. */
    record Block(Annotations annotations, int endLine) {
    }

    private static final Pattern AUTHOR = Pattern.compile("^(.*?)\\s*<([^>]*)>\\s*$");

    private MetadataParser() {
    }

    static List<Block> parse(List<Comment> comments, List<RegoError> errors) {
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < comments.size()) {
            Comment start = comments.get(i);
            if (!start.text().trim().equals("METADATA")) {
                i++;
                continue;
            }
            int line = start.location().line();
            List<String> yamlLines = new ArrayList<>();
            int j = i + 1;
            while (j < comments.size() && comments.get(j).location().line() == line + 1
                    && comments.get(j).location().column() == start.location().column()) {
                yamlLines.add(comments.get(j).text());
                line++;
                j++;
            }
            Annotations parsed = parseBlock(yamlLines, start.location(), errors);
            if (parsed != null) {
                blocks.add(new Block(parsed, line));
            }
            i = j;
        }
        return blocks;
    }

    private static Annotations parseBlock(List<String> lines, Location at, List<RegoError> errors) {
        StringBuilder yaml = new StringBuilder();
        for (String line : lines) {
            yaml.append(line.startsWith(" ") ? line.substring(1) : line).append('\n');
        }
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            document = new Yaml(new SafeConstructor(options)).load(yaml.toString());
        } catch (YAMLException e) {
            errors.add(new RegoError(ErrorCode.PARSE, "invalid metadata YAML: " + firstLine(e.getMessage()), at));
            return null;
        }
        if (document == null) {
            document = Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            errors.add(new RegoError(ErrorCode.PARSE, "invalid metadata: expected a YAML mapping", at));
            return null;
        }
        ObjectValue.Builder fields = ObjectValue.builder();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            fields.put(StringValue.of(key), normalizeField(key, toValue(entry.getValue())));
        }
        Value scope = fields.get(StringValue.of("scope"));
        String scopeName = scope instanceof StringValue s ? s.value() : null;
        return new Annotations(scopeName, fields.build(), at);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed YAML";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Expands OPA's short forms: an author string becomes {name, email}, a resource string becomes {ref}. */
    private static Value normalizeField(String key, Value value) {
        if (!(value instanceof ArrayValue list)) {
            return value;
        }
        if (key.equals("authors")) {
            List<Value> authors = new ArrayList<>();
            for (Value author : list.elements()) {
                authors.add(author instanceof StringValue s ? parseAuthor(s.value()) : author);
            }
            return ArrayValue.of(authors);
        }
        if (key.equals("related_resources")) {
            List<Value> resources = new ArrayList<>();
            for (Value resource : list.elements()) {
                resources.add(resource instanceof StringValue s
                        ? ObjectValue.builder().put("ref", s).build() : resource);
            }
            return ArrayValue.of(resources);
        }
        return value;
    }

    private static Value parseAuthor(String text) {
        ObjectValue.Builder author = ObjectValue.builder();
        Matcher m = AUTHOR.matcher(text.trim());
        if (m.matches()) {
            if (!m.group(1).isEmpty()) {
                author.put("name", StringValue.of(m.group(1)));
            }
            author.put("email", StringValue.of(m.group(2)));
        } else {
            author.put("name", StringValue.of(text.trim()));
        }
        return author.build();
    }

    static Value toValue(Object yaml) {
        if (yaml == null) {
            return NullValue.INSTANCE;
        }
        if (yaml instanceof Boolean b) {
            return BooleanValue.of(b);
        }
        if (yaml instanceof Integer || yaml instanceof Long) {
            return NumberValue.of(((Number) yaml).longValue());
        }
        if (yaml instanceof BigInteger big) {
            return NumberValue.of(big);
        }
        if (yaml instanceof Double || yaml instanceof Float) {
            double d = ((Number) yaml).doubleValue();
            return Double.isFinite(d) ? NumberValue.of(new BigDecimal(Double.toString(d))) : StringValue.of(yaml.toString());
        }
        if (yaml instanceof List<?> list) {
            List<Value> elements = new ArrayList<>();
            for (Object element : list) {
                elements.add(toValue(element));
            }
            return ArrayValue.of(elements);
        }
        if (yaml instanceof Map<?, ?> map) {
            ObjectValue.Builder object = ObjectValue.builder();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.put(StringValue.of(String.valueOf(entry.getKey())), toValue(entry.getValue()));
            }
            return object.build();
        }
        return StringValue.of(yaml.toString());
    }
}
