package dev.lambdashield.rego.builtins.graphql;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the variables an operation uses and the fragments it spreads, following spreads into fragments once each. */
final class VariableUsages {

    private VariableUsages() {
    }

    static void collect(Ast.OperationDefinition operation, Map<String, Ast.FragmentDefinition> fragments,
            List<Ast.Value> usages) {
        directives(operation.directives, usages);
        selections(operation.selectionSet, fragments, usages, new HashSet<>());
    }

    static void collectSpreads(List<Ast.Selection> selections, Map<String, Ast.FragmentDefinition> fragments,
            Set<String> spread) {
        for (Ast.Selection selection : Ast.orEmpty(selections)) {
            if (selection instanceof Ast.Field field) {
                collectSpreads(field.selectionSet, fragments, spread);
            } else if (selection instanceof Ast.InlineFragment inline) {
                collectSpreads(inline.selectionSet, fragments, spread);
            } else {
                String name = ((Ast.FragmentSpread) selection).name;
                Ast.FragmentDefinition fragment = fragments.get(name);
                if (spread.add(name) && fragment != null) {
                    collectSpreads(fragment.selectionSet, fragments, spread);
                }
            }
        }
    }

    private static void selections(List<Ast.Selection> selections, Map<String, Ast.FragmentDefinition> fragments,
            List<Ast.Value> usages, Set<String> visited) {
        for (Ast.Selection selection : Ast.orEmpty(selections)) {
            if (selection instanceof Ast.Field field) {
                arguments(field.arguments, usages);
                directives(field.directives, usages);
                selections(field.selectionSet, fragments, usages, visited);
            } else if (selection instanceof Ast.InlineFragment inline) {
                directives(inline.directives, usages);
                selections(inline.selectionSet, fragments, usages, visited);
            } else {
                Ast.FragmentSpread spread = (Ast.FragmentSpread) selection;
                directives(spread.directives, usages);
                Ast.FragmentDefinition fragment = fragments.get(spread.name);
                if (fragment != null && visited.add(spread.name)) {
                    directives(fragment.directives, usages);
                    selections(fragment.selectionSet, fragments, usages, visited);
                }
            }
        }
    }

    private static void directives(List<Ast.Directive> directives, List<Ast.Value> usages) {
        for (Ast.Directive directive : Ast.orEmpty(directives)) {
            arguments(directive.arguments, usages);
        }
    }

    private static void arguments(List<Ast.Argument> arguments, List<Ast.Value> usages) {
        for (Ast.Argument argument : Ast.orEmpty(arguments)) {
            value(argument.value, usages);
        }
    }

    private static void value(Ast.Value value, List<Ast.Value> usages) {
        if (value == null) {
            return;
        }
        if (value.kind == Ast.Value.VARIABLE) {
            usages.add(value);
        }
        for (Ast.ChildValue child : Ast.orEmpty(value.children)) {
            value(child.value, usages);
        }
    }
}
