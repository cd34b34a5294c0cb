package dev.lambdashield.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks an executable document against a schema with gqlparser's validation rules and messages:
 * operation, fragment and variable names, known types, fields, arguments and directives, required
 * arguments, literal values, leaf selections, fragment type conditions and fragment cycles. Errors come in
 * document order.
 * NOTE: overlapping fields are not checked, and variable positions only where the operation itself uses
 * them, not inside the fragments it spreads.
 */
final class QueryValidator {

    private final GraphqlSchema schema;
    private final Ast.QueryDocument document;
    private final Map<String, Ast.FragmentDefinition> fragments = new HashMap<>();
    private final List<GraphqlError> errors = new ArrayList<>();
    private final FieldRules fieldRules;

    private QueryValidator(GraphqlSchema schema, Ast.QueryDocument document) {
        this.schema = schema;
        this.document = document;
        this.fieldRules = new FieldRules(schema, errors);
        for (Ast.FragmentDefinition fragment : document.fragments) {
            fragments.putIfAbsent(fragment.name, fragment);
        }
    }

    /** Returns every violation found, in document order. An empty list means the document is valid. */
    static List<GraphqlError> validate(GraphqlSchema schema, Ast.QueryDocument document) {
        QueryValidator validator = new QueryValidator(schema, document);
        validator.checkDocument();
        return validator.errors;
    }

    private void checkDocument() {
        Set<String> operationNames = new HashSet<>();
        for (Ast.OperationDefinition operation : document.operations) {
            if (operation.name.isEmpty() && document.operations.size() > 1) {
                error(operation.pos, "This anonymous operation must be the only defined operation.");
            }
            if (!operation.name.isEmpty() && !operationNames.add(operation.name)) {
                error(operation.pos, "There can be only one operation named \"" + operation.name + "\".");
            }
            checkOperation(operation);
        }
        Set<String> fragmentNames = new HashSet<>();
        Set<String> usedFragments = usedFragments();
        for (Ast.FragmentDefinition fragment : document.fragments) {
            if (!fragmentNames.add(fragment.name)) {
                error(fragment.pos, "There can be only one fragment named \"" + fragment.name + "\".");
            }
            if (!usedFragments.contains(fragment.name)) {
                error(fragment.pos, "Fragment \"" + fragment.name + "\" is never used.");
            }
            checkFragmentCycle(fragment);
            checkFragmentDefinition(fragment);
        }
    }

    private void checkOperation(Ast.OperationDefinition operation) {
        Ast.Definition root = schema.rootFor(operation.operation);
        if (root == null) {
            error(operation.pos, "Schema does not support operation type \"" + operation.operation + "\"");
        }
        checkVariableDefinitions(operation);
        Map<String, Ast.VariableDefinition> variables = new HashMap<>();
        Ast.orEmpty(operation.variableDefinitions).forEach(variable -> variables.putIfAbsent(variable.variable, variable));
        fieldRules.valueRules().useVariables(variables);
        fieldRules.checkDirectives(operation.directives, operation.operation.toUpperCase(Locale.ROOT));
        if (operation.operation.equals("subscription") && Ast.orEmpty(operation.selectionSet).size() > 1) {
            error(operation.pos, operation.name.isEmpty()
                    ? "Anonymous Subscription must select only one top level field."
                    : "Subscription \"" + operation.name + "\" must select only one top level field.");
        }
        checkSelectionSet(root, operation.selectionSet);
        fieldRules.valueRules().useVariables(Map.of());
        checkVariableUsage(operation);
    }

    private void checkVariableDefinitions(Ast.OperationDefinition operation) {
        Set<String> names = new HashSet<>();
        for (Ast.VariableDefinition variable : Ast.orEmpty(operation.variableDefinitions)) {
            if (!names.add(variable.variable)) {
                error(variable.pos, "There can be only one variable named \"$" + variable.variable + "\".");
            }
            Ast.Definition type = variable.type == null ? null : schema.types.get(variable.type.name());
            if (variable.type != null && type == null) {
                error(variable.pos, "Unknown type \"" + variable.type.name() + "\".");
            } else if (type != null && !GraphqlSchema.isInputType(type)) {
                error(variable.pos, "Variable \"$" + variable.variable + "\" cannot be non-input type \""
                        + variable.type + "\".");
            } else {
                fieldRules.valueRules().check(variable.type, variable.defaultValue);
            }
            fieldRules.checkDirectives(variable.directives, "VARIABLE_DEFINITION");
        }
    }

    /** Reports variables used but not defined, then variables defined but not used, in this operation. */
    private void checkVariableUsage(Ast.OperationDefinition operation) {
        Set<String> defined = new HashSet<>();
        Ast.orEmpty(operation.variableDefinitions).forEach(variable -> defined.add(variable.variable));
        List<Ast.Value> usages = new ArrayList<>();
        VariableUsages.collect(operation, fragments, usages);
        Set<String> used = new HashSet<>();
        for (Ast.Value usage : usages) {
            used.add(usage.raw);
            if (!defined.contains(usage.raw)) {
                error(usage.pos, operation.name.isEmpty()
                        ? "Variable \"$" + usage.raw + "\" is not defined."
                        : "Variable \"$" + usage.raw + "\" is not defined by operation \"" + operation.name + "\".");
            }
        }
        for (Ast.VariableDefinition variable : Ast.orEmpty(operation.variableDefinitions)) {
            if (!used.contains(variable.variable)) {
                error(variable.pos, operation.name.isEmpty()
                        ? "Variable \"$" + variable.variable + "\" is never used."
                        : "Variable \"$" + variable.variable + "\" is never used in operation \"" + operation.name + "\".");
            }
        }
    }

    private void checkFragmentDefinition(Ast.FragmentDefinition fragment) {
        Ast.Definition type = schema.types.get(fragment.typeCondition);
        if (type == null) {
            error(fragment.pos, "Unknown type \"" + fragment.typeCondition + "\".");
        } else if (!GraphqlSchema.isCompositeType(type)) {
            error(fragment.pos, "Fragment \"" + fragment.name + "\" cannot condition on non composite type \""
                    + fragment.typeCondition + "\".");
        }
        fieldRules.checkDirectives(fragment.directives, "FRAGMENT_DEFINITION");
        checkSelectionSet(type, fragment.selectionSet);
    }

    private void checkSelectionSet(Ast.Definition parent, List<Ast.Selection> selections) {
        for (Ast.Selection selection : Ast.orEmpty(selections)) {
            if (selection instanceof Ast.Field field) {
                Ast.Definition fieldType = fieldRules.checkField(parent, field);
                checkSelectionSet(fieldType, field.selectionSet);
            } else if (selection instanceof Ast.FragmentSpread spread) {
                fieldRules.checkDirectives(spread.directives, "FRAGMENT_SPREAD");
                if (!fragments.containsKey(spread.name)) {
                    error(spread.pos, "Unknown fragment \"" + spread.name + "\".");
                }
            } else {
                checkInlineFragment(parent, (Ast.InlineFragment) selection);
            }
        }
    }

    private void checkInlineFragment(Ast.Definition parent, Ast.InlineFragment fragment) {
        Ast.Definition type = parent;
        if (!fragment.typeCondition.isEmpty()) {
            type = schema.types.get(fragment.typeCondition);
            if (type == null) {
                error(fragment.pos, "Unknown type \"" + fragment.typeCondition + "\".");
            } else if (!GraphqlSchema.isCompositeType(type)) {
                error(fragment.pos, "Fragment cannot condition on non composite type \"" + fragment.typeCondition + "\".");
            }
        }
        fieldRules.checkDirectives(fragment.directives, "INLINE_FRAGMENT");
        checkSelectionSet(type, fragment.selectionSet);
    }

    /** Reports a fragment that spreads itself, directly or through other fragments. */
    private void checkFragmentCycle(Ast.FragmentDefinition fragment) {
        List<Ast.FragmentSpread> path = new ArrayList<>();
        if (!findCycle(fragment.name, fragment.selectionSet, path, new HashSet<>())) {
            return;
        }
        List<String> via = new ArrayList<>();
        for (Ast.FragmentSpread spread : path.subList(0, path.size() - 1)) {
            via.add("\"" + spread.name + "\"");
        }
        String suffix = via.isEmpty() ? "" : " via " + String.join(", ", via);
        error(path.get(0).pos, "Cannot spread fragment \"" + fragment.name + "\" within itself" + suffix + ".");
    }

    /** Searches depth-first for a spread of {@code target}, leaving the spreads on the way in {@code path}. */
    private boolean findCycle(String target, List<Ast.Selection> selections, List<Ast.FragmentSpread> path,
            Set<String> visited) {
        for (Ast.Selection selection : Ast.orEmpty(selections)) {
            if (selection instanceof Ast.Field field && findCycle(target, field.selectionSet, path, visited)) {
                return true;
            }
            if (selection instanceof Ast.InlineFragment inline && findCycle(target, inline.selectionSet, path, visited)) {
                return true;
            }
            if (selection instanceof Ast.FragmentSpread spread) {
                path.add(spread);
                if (spread.name.equals(target)) {
                    return true;
                }
                Ast.FragmentDefinition next = fragments.get(spread.name);
                if (next != null && visited.add(spread.name) && findCycle(target, next.selectionSet, path, visited)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    /** Returns the names of fragments reachable from any operation, following spreads through fragments. */
    private Set<String> usedFragments() {
        Set<String> used = new HashSet<>();
        for (Ast.OperationDefinition operation : document.operations) {
            VariableUsages.collectSpreads(operation.selectionSet, fragments, used);
        }
        return used;
    }

    private void error(Ast.Pos pos, String message) {
        errors.add(GraphqlError.at(pos, message));
    }
}
