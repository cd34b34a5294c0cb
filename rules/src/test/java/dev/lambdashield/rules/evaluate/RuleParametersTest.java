package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.value.ArrayValue;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleParametersTest {

    private static PolicyMetadata policy(String id, ParameterSpec... specs) {
        Map<String, ParameterSpec> parameters = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            parameters.put(spec.name(), spec);
        }
        return new PolicyMetadata(id, "t", "d", Severity.LOW, List.of("AWS::Lambda::Function"), List.of(), parameters,
                null, List.of(), "1.0.0", "data.lambda_shield." + id.replace('-', '_'), Location.UNKNOWN);
    }

    private static final PolicyMetadata SETTINGS = policy("lambda-function-settings",
            new ParameterSpec("timeout", ParameterType.INTEGER, NumberValue.of(3), ""),
            new ParameterSpec("role", ParameterType.LIST, ArrayValue.EMPTY, ""),
            new ParameterSpec("strict", ParameterType.BOOLEAN, BooleanValue.FALSE, ""),
            new ParameterSpec("ratio", ParameterType.NUMBER, NumberValue.parse("0.5"), ""),
            new ParameterSpec("owner", ParameterType.STRING, StringValue.of("platform"), ""));

    @Test
    void defaults_usedWhenAbsentOrBlank() {
        ObjectValue typed = RuleParameters.resolve(Map.of("timeout", " "), List.of(SETTINGS))
                .forPolicy("lambda-function-settings");

        assertEquals(NumberValue.of(3), typed.get("timeout"));
        assertEquals(ArrayValue.EMPTY, typed.get("role"));
        assertEquals(StringValue.of("platform"), typed.get("owner"));
    }

    @Test
    void values_typedAsDeclared() {
        ObjectValue typed = RuleParameters.resolve(Map.of("timeout", "9007199254740993", "role", "a, b,,c",
                "strict", "TRUE", "ratio", "1e2"), List.of(SETTINGS)).forPolicy("lambda-function-settings");

        assertEquals(NumberValue.of(new BigInteger("9007199254740993")), typed.get("timeout"));
        assertEquals(ArrayValue.of(StringValue.of("a"), StringValue.of("b"), StringValue.of("c")), typed.get("role"));
        assertEquals(BooleanValue.TRUE, typed.get("strict"));
        assertEquals(NumberValue.of(100), typed.get("ratio"));
    }

    @Test
    void listAsJsonArray_accepted() {
        ObjectValue typed = RuleParameters.resolve(Map.of("role", "[\"x\",\"y\"]"), List.of(SETTINGS))
                .forPolicy("lambda-function-settings");

        assertEquals(ArrayValue.of(StringValue.of("x"), StringValue.of("y")), typed.get("role"));
    }

    @Test
    void invalidInteger_namesParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> RuleParameters.resolve(Map.of("timeout", "3.5"), List.of(SETTINGS)));

        assertEquals("timeout", e.parameter());
        assertTrue(e.getMessage().startsWith("invalid_rule_parameter: rule parameter 'timeout'"), e.getMessage());
    }

    @Test
    void invalidBoolean_namesParameter() {
        assertEquals("strict", assertThrows(InvalidParameterException.class,
                () -> RuleParameters.resolve(Map.of("strict", "yes"), List.of(SETTINGS))).parameter());
    }

    @Test
    void requiredWithoutDefault_missing() {
        PolicyMetadata needs = policy("lambda-needs", new ParameterSpec("account", ParameterType.STRING, null, ""));

        assertEquals("account", assertThrows(InvalidParameterException.class,
                () -> RuleParameters.resolve(Map.of(), List.of(needs))).parameter());
    }

    @Test
    void undeclaredParameters_reportedAsUnknown() {
        RuleParameters parameters = RuleParameters.resolve(Map.of("policies", "x", "tiemout", "3"), List.of(SETTINGS));

        assertEquals(Set.of("tiemout"), parameters.unknown());
    }

    @Test
    void selection_idsAndGlobsInBundleOrder() {
        List<PolicyMetadata> all = List.of(policy("lambda-a"), policy("lambda-url-b"), policy("lambda-url-c"));

        assertEquals(List.of("lambda-a", "lambda-url-b", "lambda-url-c"),
                PolicySelection.select(all, "lambda-url-*, lambda-a").stream().map(PolicyMetadata::id).toList());
        assertEquals(3, PolicySelection.select(all, null).size());
        assertEquals(3, PolicySelection.select(all, "  ").size());
        assertEquals(List.of("lambda-url-b"),
                PolicySelection.select(all, "lambda-url-?").stream().map(PolicyMetadata::id).toList().subList(0, 1));
    }

    @Test
    void selection_unmatchedEntry_rejected() {
        List<PolicyMetadata> all = List.of(policy("lambda-a"));

        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> PolicySelection.select(all, "lambda-a,lambda-typo"));

        assertEquals("policies", e.parameter());
        assertTrue(e.getMessage().contains("lambda-typo"), e.getMessage());
    }
}
