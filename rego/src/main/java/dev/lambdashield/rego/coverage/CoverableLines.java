package dev.lambdashield.rego.coverage;

import dev.lambdashield.rego.ast.ArrayComprehension;
import dev.lambdashield.rego.ast.Body;
import dev.lambdashield.rego.ast.Every;
import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.ast.Module;
import dev.lambdashield.rego.ast.ObjectComprehension;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.SetComprehension;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Terms;
import dev.lambdashield.rego.ast.With;

import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The lines of a module that coverage counts, as {@code opa test --coverage} does: the line of
 * every rule head (including {@code else} branches) and the line of every body expression,
 * including expressions inside comprehensions and {@code every}.
 *
 * <p>NOTE: an expression counts on the line where it starts; the further lines of an expression
 * that spans several lines are not counted.
 */
final class CoverableLines {

    private final NavigableSet<Integer> lines = new TreeSet<>();

    private CoverableLines() {
    }

    static NavigableSet<Integer> of(Module module) {
        CoverableLines collected = new CoverableLines();
        for (Rule rule : module.rules()) {
            for (Rule part = rule; part != null; part = part.elseRule()) {
                collected.addRule(part);
            }
        }
        return collected.lines;
    }

    private void addRule(Rule rule) {
        add(rule.head().location());
        if (rule.head().value() != null) {
            addNested(rule.head().value());
        }
        if (rule.head().key() != null) {
            addNested(rule.head().key());
        }
        addBody(rule.body());
    }

    private void addBody(Body body) {
        for (Expr expr : body.exprs()) {
            add(expr.location());
            addNested(expr.term());
            for (With with : expr.withs()) {
                addNested(with.value());
            }
        }
    }

    /** Adds the expressions of the bodies nested in a term; {@link Terms#visit} reaches deeper nesting. */
    private void addNested(Term term) {
        Terms.visit(term, t -> {
            if (t instanceof ArrayComprehension c) {
                addShallow(c.body());
            } else if (t instanceof SetComprehension c) {
                addShallow(c.body());
            } else if (t instanceof ObjectComprehension c) {
                addShallow(c.body());
            } else if (t instanceof Every e) {
                addShallow(e.body());
            }
        });
    }

    private void addShallow(Body body) {
        for (Expr expr : body.exprs()) {
            add(expr.location());
        }
    }

    private void add(Location location) {
        if (location != null && location.isKnown()) {
            lines.add(location.line());
        }
    }
}
