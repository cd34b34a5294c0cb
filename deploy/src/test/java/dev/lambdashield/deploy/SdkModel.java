package dev.lambdashield.deploy;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS SDK for Java v2 model classes of a service, found by reflection: an operation {@code Api} of service
 * {@code svc} exists when {@code software.amazon.awssdk.services.<package>.model.<Api>Request} does, and its
 * members are that class's {@link SdkField}s, named as in the service's API reference ({@code FunctionName}).
 */
final class SdkModel {

    /** Service names as SSM documents and Step Functions write them, to the SDK's package name. */
    private static final Map<String, String> PACKAGES = Map.of(
            "lambda", "lambda",
            "iam", "iam",
            "ssm", "ssm",
            "config", "config",
            "securityhub", "securityhub",
            "sns", "sns",
            "sfn", "sfn",
            "states", "sfn");

    private final String service;
    private final String modelPackage;

    private SdkModel(String service, String modelPackage) {
        this.service = service;
        this.modelPackage = modelPackage;
    }

    /** Returns the model of this service, or empty when the test classpath has no SDK module for it. */
    static Optional<SdkModel> forService(String service) {
        String name = PACKAGES.get(service.toLowerCase(Locale.ROOT));
        return name == null ? Optional.empty()
                : Optional.of(new SdkModel(service, "software.amazon.awssdk.services." + name + ".model."));
    }

    String service() {
        return service;
    }

    /** Returns the request's members by name, or empty when the operation does not exist. */
    Optional<Map<String, SdkField<?>>> requestMembers(String operation) {
        return pojo(pascalCase(operation) + "Request").map(SdkModel::fieldsOf);
    }

    /** Returns the response's members by name, or empty when the operation does not exist. */
    Optional<Map<String, SdkField<?>>> responseMembers(String operation) {
        return pojo(pascalCase(operation) + "Response").map(SdkModel::fieldsOf);
    }

    /**
     * Whether {@code name} is an error this service raises: a model class extending the service's base exception
     * but not that base class itself, because the base matches every error.
     */
    boolean hasError(String name) {
        try {
            Class<?> type = Class.forName(modelPackage + name);
            Class<?> base = type.getSuperclass();
            return Throwable.class.isAssignableFrom(type) && base != null && base.getPackageName().equals(type.getPackageName());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Checks that {@code value} is a known value of the model enum {@code enumName}, e.g. AutomationExecutionStatus. */
    boolean isEnumValue(String enumName, String value) {
        try {
            Class<?> type = Class.forName(modelPackage + enumName);
            Object parsed = type.getMethod("fromValue", String.class).invoke(null, value);
            return parsed != null && !parsed.toString().equals("UNKNOWN_TO_SDK_VERSION");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no enum " + modelPackage + enumName, e);
        }
    }

    /** Returns the members of the structure in a field, for SDK_POJO fields and lists or maps of them. */
    static Optional<Map<String, SdkField<?>>> nestedMembers(SdkField<?> field) {
        SdkField<?> element = elementField(field);
        if (element.marshallingType() == MarshallingType.SDK_POJO) {
            return Optional.of(fieldsOf(element.constructor().get()));
        }
        return Optional.empty();
    }

    /** Checks whether the field is a map with free-form keys (e.g. {@code Tags}), whose keys are not members. */
    static boolean isMap(SdkField<?> field) {
        return field.marshallingType() == MarshallingType.MAP;
    }

    /** Checks whether the field is a list. */
    static boolean isList(SdkField<?> field) {
        return field.marshallingType() == MarshallingType.LIST;
    }

    /** Returns a list's element field, a map's value field, or the field itself. */
    static SdkField<?> elementField(SdkField<?> field) {
        if (field.marshallingType() == MarshallingType.LIST) {
            return field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        }
        if (field.marshallingType() == MarshallingType.MAP) {
            return field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        }
        return field;
    }

    /** {@code startAutomationExecution} to {@code StartAutomationExecution}. */
    static String pascalCase(String operation) {
        return operation.isEmpty() ? operation : Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
    }

    private Optional<SdkPojo> pojo(String simpleName) {
        try {
            Class<?> type = Class.forName(modelPackage + simpleName);
            java.lang.reflect.Method builderMethod = type.getMethod("builder");
            Object builder = builderMethod.invoke(null);
            // The public Builder interface, because the implementing class is not accessible.
            return Optional.of((SdkPojo) builderMethod.getReturnType().getMethod("build").invoke(builder));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + modelPackage + simpleName, e);
        }
    }

    private static Map<String, SdkField<?>> fieldsOf(SdkPojo pojo) {
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            fields.put(field.memberName(), field);
        }
        return fields;
    }
}
