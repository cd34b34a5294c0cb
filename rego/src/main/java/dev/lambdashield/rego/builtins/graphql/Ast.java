package dev.lambdashield.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.List;

/**
 * The GraphQL syntax tree, with the fields of gqlparser's Go structs so that it converts to the Rego
 * objects OPA returns. Lists may be null where the source had no such part.
 */
final class Ast {

    private Ast() {
    }

    /** A 1-based source position; null for nodes read back from a Rego object. */
    record Pos(int line, int column) {
    }

    /** The executable document: operations and fragments. */
    static final class QueryDocument {
        List<OperationDefinition> operations = new ArrayList<>();
        List<FragmentDefinition> fragments = new ArrayList<>();
    }

    static final class OperationDefinition {
        String operation = "";
        String name = "";
        List<VariableDefinition> variableDefinitions;
        List<Directive> directives;
        List<Selection> selectionSet;
        Pos pos;
    }

    static final class VariableDefinition {
        String variable = "";
        TypeRef type;
        Value defaultValue;
        List<Directive> directives;
        boolean used;
        Pos pos;
    }

    /** A field, fragment spread or inline fragment. */
    interface Selection {
        Pos pos();
    }

    static final class Field implements Selection {
        String alias = "";
        String name = "";
        List<Argument> arguments;
        List<Directive> directives;
        List<Selection> selectionSet;
        Pos pos;

        @Override
        public Pos pos() {
            return pos;
        }
    }

    static final class FragmentSpread implements Selection {
        String name = "";
        List<Directive> directives;
        Pos pos;

        @Override
        public Pos pos() {
            return pos;
        }
    }

    static final class InlineFragment implements Selection {
        String typeCondition = "";
        List<Directive> directives;
        List<Selection> selectionSet;
        Pos pos;

        @Override
        public Pos pos() {
            return pos;
        }
    }

    static final class FragmentDefinition {
        String name = "";
        /** Singular, because gqlparser names the field so. */
        List<VariableDefinition> variableDefinition;
        String typeCondition = "";
        List<Directive> directives;
        List<Selection> selectionSet;
        Pos pos;
    }

    static final class Argument {
        String name = "";
        Value value;
        Pos pos;
    }

    static final class Directive {
        String name = "";
        List<Argument> arguments;
        /** Empty in parsed documents; gqlparser fills it only during validation. */
        String location = "";
        Pos pos;
    }

    /** A type reference: a named type, or a list of {@link #elem}, possibly non-null. */
    static final class TypeRef {
        String namedType = "";
        TypeRef elem;
        boolean nonNull;
        Pos pos;

        String name() {
            return elem == null ? namedType : elem.name();
        }

        /** Renders the type as GraphQL writes it, e.g. {@code [String!]!}. */
        @Override
        public String toString() {
            String base = elem == null ? namedType : "[" + elem + "]";
            return nonNull ? base + "!" : base;
        }
    }

    /** A literal or variable; the kind numbers are gqlparser's ValueKind constants. */
    static final class Value {
        static final int VARIABLE = 0;
        static final int INT = 1;
        static final int FLOAT = 2;
        static final int STRING = 3;
        static final int BLOCK = 4;
        static final int BOOLEAN = 5;
        static final int NULL = 6;
        static final int ENUM = 7;
        static final int LIST = 8;
        static final int OBJECT = 9;

        String raw = "";
        List<ChildValue> children;
        int kind;
        Pos pos;
    }

    /** A list element (with an empty name) or an object field of a {@link Value}. */
    static final class ChildValue {
        String name = "";
        Value value;
        Pos pos;
    }

    /** The type system document. */
    static final class SchemaDocument {
        List<SchemaDefinition> schema = new ArrayList<>();
        List<SchemaDefinition> schemaExtension = new ArrayList<>();
        List<DirectiveDefinition> directives = new ArrayList<>();
        List<Definition> definitions = new ArrayList<>();
        List<Definition> extensions = new ArrayList<>();
    }

    static final class SchemaDefinition {
        String description = "";
        List<Directive> directives;
        List<OperationTypeDefinition> operationTypes;
        Pos pos;
    }

    static final class OperationTypeDefinition {
        String operation = "";
        String type = "";
        Pos pos;
    }

    /** A named type definition or extension; {@link #kind} is SCALAR, OBJECT, INTERFACE, UNION, ENUM or INPUT_OBJECT. */
    static final class Definition {
        String kind = "";
        String description = "";
        String name = "";
        List<Directive> directives;
        List<String> interfaces;
        List<FieldDefinition> fields;
        List<String> types;
        List<EnumValueDefinition> enumValues;
        boolean builtIn;
        Pos pos;
    }

    /** A field of an object or interface, or an input field (then without arguments). */
    static final class FieldDefinition {
        String description = "";
        String name = "";
        List<ArgumentDefinition> arguments;
        Value defaultValue;
        TypeRef type;
        List<Directive> directives;
        Pos pos;
    }

    static final class ArgumentDefinition {
        String description = "";
        String name = "";
        Value defaultValue;
        TypeRef type;
        List<Directive> directives;
        Pos pos;
    }

    static final class EnumValueDefinition {
        String description = "";
        String name = "";
        List<Directive> directives;
        Pos pos;
    }

    static final class DirectiveDefinition {
        String description = "";
        String name = "";
        List<ArgumentDefinition> arguments;
        List<String> locations;
        boolean isRepeatable;
        Pos pos;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
