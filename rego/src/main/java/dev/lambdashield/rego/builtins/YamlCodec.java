package dev.lambdashield.rego.builtins;

import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.SetValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;
import dev.lambdashield.rego.value.ValueJson;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between values and YAML text with SnakeYAML. Timestamps stay strings and map keys become
 * strings, because OPA reads YAML through its JSON form.
 * NOTE: yaml.marshal output can differ from go-yaml's in style (SnakeYAML quotes with ' where go-yaml
 * uses "), though both parse back to the same value.
 */
final class YamlCodec {

    private YamlCodec() {
    }

    static String marshal(Value value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(0);
        Yaml yaml = new Yaml(new Representer(options), options);
        return yaml.dump(toJava(value));
    }

    /** Parses the first YAML document; an empty document is null. */
    static Value unmarshal(String text) {
        Yaml yaml = new Yaml(new StringTimestampConstructor(new LoaderOptions()));
        try {
            return fromJava(yaml.load(text));
        } catch (MarkedYAMLException e) {
            throw BuiltinException.failure(describe(e));
        } catch (YAMLException | ArithmeticException e) {
            throw BuiltinException.failure("yaml: " + e.getMessage());
        }
    }

    /** Words a parse error as go-yaml does: {@code yaml: line N: did not find expected ...}. */
    private static String describe(MarkedYAMLException e) {
        Mark mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        int butGot = problem.indexOf(", but ");
        if (problem.startsWith("expected ") && butGot > 0) {
            problem = "did not find " + problem.substring(0, butGot);
        }
        String line = mark == null ? "" : "line " + (mark.getLine() + 1) + ": ";
        return "yaml: " + line + problem;
    }

    private static Object toJava(Value value) {
        if (value instanceof NullValue) {
            return null;
        }
        if (value instanceof BooleanValue b) {
            return b.value();
        }
        if (value instanceof NumberValue n) {
            if (n.isInteger()) {
                BigInteger integer = n.bigInteger().orElseThrow();
                return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
            }
            return n.doubleValue();
        }
        if (value instanceof StringValue s) {
            return s.value();
        }
        if (value instanceof ArrayValue a) {
            return toJavaList(a.elements());
        }
        if (value instanceof SetValue s) {
            return toJavaList(s.elements());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> entry : ((ObjectValue) value).entries().entrySet()) {
            String key = entry.getKey() instanceof StringValue s ? s.value() : ValueJson.toJson(entry.getKey());
            map.put(key, toJava(entry.getValue()));
        }
        return map;
    }

    private static List<Object> toJavaList(Collection<Value> elements) {
        List<Object> list = new ArrayList<>(elements.size());
        for (Value element : elements) {
            list.add(toJava(element));
        }
        return list;
    }

    private static Value fromJava(Object object) {
        if (object == null) {
            return NullValue.INSTANCE;
        }
        if (object instanceof Boolean b) {
            return BooleanValue.of(b);
        }
        if (object instanceof Integer || object instanceof Long) {
            return NumberValue.of(((Number) object).longValue());
        }
        if (object instanceof BigInteger b) {
            return NumberValue.of(b);
        }
        if (object instanceof BigDecimal d) {
            return NumberValue.of(d);
        }
        if (object instanceof Number n) {
            return NumberValue.of(n.doubleValue());
        }
        if (object instanceof String s) {
            return StringValue.of(s);
        }
        if (object instanceof byte[] bytes) {
            return StringValue.of(Base64.getEncoder().encodeToString(bytes));
        }
        if (object instanceof Map<?, ?> map) {
            ObjectValue.Builder result = ObjectValue.builder();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                result.put(StringValue.of(keyText(entry.getKey())), fromJava(entry.getValue()));
            }
            return result.build();
        }
        if (object instanceof Collection<?> collection) {
            List<Value> elements = new ArrayList<>(collection.size());
            for (Object element : collection) {
                elements.add(fromJava(element));
            }
            return ArrayValue.of(elements);
        }
        return StringValue.of(object.toString());
    }

    private static String keyText(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof String s) {
            return s;
        }
        return ValueJson.toJson(fromJava(key));
    }

    /** A safe constructor that leaves YAML timestamps as the strings they were written as. */
    private static final class StringTimestampConstructor extends SafeConstructor {
        StringTimestampConstructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }
}
