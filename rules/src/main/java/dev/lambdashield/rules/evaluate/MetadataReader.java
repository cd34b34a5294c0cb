package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import dev.lambdashield.rego.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy's {@link PolicyMetadata} from the fields of its package {@code # METADATA} block, checking
 * every field docs/policy-contract.md requires. Problems are thrown as {@link PolicyLoadException} with code
 * {@code invalid_policy_metadata} at the block's location.
 */
public final class MetadataReader {

    public static final String PACKAGE_PREFIX = "data.lambda_shield.";

    private static final Pattern ID = Pattern.compile("lambda-[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> ENRICHMENT_SOURCES = Set.of("function_url", "code_signing", "execution_role");

    private final String packagePath;
    private final Location location;

    private MetadataReader(String packagePath, Location location) {
        this.packagePath = packagePath;
        this.location = location;
    }

    /**
     * Reads the metadata of the package {@code packagePath} (e.g. {@code data.lambda_shield.lambda_tracing_active}).
     *
     * @throws PolicyLoadException naming the first invalid or missing field
     */
    public static PolicyMetadata read(String packagePath, ObjectValue fields, Location location) {
        return new MetadataReader(packagePath, location).read(fields);
    }

    private PolicyMetadata read(ObjectValue fields) {
        ObjectValue custom = object(fields, "custom", true);
        String id = string(custom, "id", true);
        if (!ID.matcher(id).matches()) {
            throw problem("custom.id '" + id + "' is not kebab case starting with 'lambda-'");
        }
        String expectedPackage = PACKAGE_PREFIX + id.replace('-', '_');
        if (!expectedPackage.equals(packagePath)) {
            throw problem("custom.id '" + id + "' requires package " + expectedPackage.substring("data.".length())
                    + ", found " + packagePath.substring(Math.min(packagePath.length(), "data.".length())));
        }
        Severity severity = parse(() -> Severity.parse(string(custom, "severity", true)));
        List<String> types = strings(custom, "resource_types", true);
        if (types.isEmpty()) {
            throw problem("custom.resource_types is empty; name at least one Config resource type");
        }
        List<String> enrichment = strings(custom, "enrichment", false);
        for (String source : enrichment) {
            if (!ENRICHMENT_SOURCES.contains(source)) {
                throw problem("custom.enrichment '" + source + "' is not one of function_url, code_signing, "
                        + "execution_role");
            }
        }
        return new PolicyMetadata(id, string(fields, "title", true), string(fields, "description", false),
                severity, types, strings(custom, "controls", false), parameters(custom), remediation(custom),
                enrichment, string(custom, "version", true), packagePath, location);
    }

    private Map<String, ParameterSpec> parameters(ObjectValue custom) {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        ObjectValue parameters = object(custom, "parameters", false);
        if (parameters == null) {
            return specs;
        }
        for (Map.Entry<Value, Value> entry : parameters.entries().entrySet()) {
            String name = text(entry.getKey(), "custom.parameters key");
            if (!(entry.getValue() instanceof ObjectValue spec)) {
                throw problem("custom.parameters." + name + " must be a map with type, default and description");
            }
            ParameterType type = parse(() -> ParameterType.parse(string(spec, "type", true)));
            Value declared = spec.get("default");
            Value typedDefault = null;
            if (declared != null && !(declared instanceof NullValue)) {
                try {
                    typedDefault = ParameterValues.fromDeclared(type, declared);
                } catch (IllegalArgumentException e) {
                    throw problem("custom.parameters." + name + ".default: " + e.getMessage());
                }
            }
            specs.put(name, new ParameterSpec(name, type, typedDefault, string(spec, "description", false)));
        }
        return specs;
    }

    private Remediation remediation(ObjectValue custom) {
        ObjectValue remediation = object(custom, "remediation", false);
        if (remediation == null) {
            return null;
        }
        RemediationMode mode = parse(() -> RemediationMode.parse(string(remediation, "mode", true)));
        String document = string(remediation, "document", false);
        if (mode != RemediationMode.MANUAL && document == null) {
            throw problem("custom.remediation.document is required when mode is " + mode.name().toLowerCase());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        ObjectValue declared = object(remediation, "parameters", false);
        if (declared != null) {
            for (Map.Entry<Value, Value> entry : declared.entries().entrySet()) {
                parameters.put(text(entry.getKey(), "custom.remediation.parameters key"),
                        text(entry.getValue(), "custom.remediation.parameters value"));
            }
        }
        return new Remediation(mode, document, parameters, string(remediation, "text", false),
                string(remediation, "url", false));
    }

    private ObjectValue object(ObjectValue parent, String key, boolean required) {
        Value value = parent.get(key);
        if (value == null || value instanceof NullValue) {
            if (required) {
                throw problem("missing field " + key);
            }
            return null;
        }
        if (!(value instanceof ObjectValue object)) {
            throw problem("field " + key + " must be a map, found " + value.typeName());
        }
        return object;
    }

    private String string(ObjectValue parent, String key, boolean required) {
        Value value = parent.get(key);
        if (value == null || value instanceof NullValue) {
            if (required) {
                throw problem("missing field " + key);
            }
            return null;
        }
        return text(value, "field " + key);
    }

    private List<String> strings(ObjectValue parent, String key, boolean required) {
        Value value = parent.get(key);
        List<String> result = new ArrayList<>();
        if (value == null || value instanceof NullValue) {
            if (required) {
                throw problem("missing field " + key);
            }
            return result;
        }
        if (!(value instanceof ArrayValue array)) {
            throw problem("field " + key + " must be a list, found " + value.typeName());
        }
        for (Value element : array.elements()) {
            result.add(text(element, "element of " + key));
        }
        return result;
    }

    private String text(Value value, String what) {
        if (value instanceof StringValue s) {
            return s.value();
        }
        // YAML turns unquoted versions such as 1.0 into numbers; keep their text.
        if (value instanceof dev.lambdashield.rego.value.NumberValue n) {
            return n.toString();
        }
        throw problem(what + " must be a string, found " + value.typeName());
    }

    private <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    private PolicyLoadException problem(String message) {
        return new PolicyLoadException("invalid_policy_metadata", packagePath + ": " + message, location);
    }
}
