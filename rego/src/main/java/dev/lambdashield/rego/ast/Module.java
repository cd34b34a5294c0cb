package dev.lambdashield.rego.ast;

import java.util.List;

/**
 * A parsed source file: package, imports, rules, and the metadata blocks that apply to the
 * package. {@code v1} is true when the module follows Rego v1 syntax and rules.
 */
public record Module(String file, Package pkg, List<Import> imports, List<Rule> rules,
                     List<Annotations> packageAnnotations, boolean v1) {

    public Module {
        imports = List.copyOf(imports);
        rules = List.copyOf(rules);
        packageAnnotations = List.copyOf(packageAnnotations);
    }

    public Module withRules(List<Rule> newRules) {
        return new Module(file, pkg, imports, newRules, packageAnnotations, v1);
    }
}
