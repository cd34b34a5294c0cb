package dev.lambdashield.rego.ast;

/**
 * A Rego term: a scalar, variable, reference, composite, comprehension or call, as OPA's AST
 * names them. Some declarations and {@code every} are terms too, because an expression contains
 * exactly one term.
 */
public sealed interface Term
        permits Scalar, Var, Ref, ArrayTerm, SetTerm, ObjectTerm, ArrayComprehension, SetComprehension,
        ObjectComprehension, Call, SomeDecl, Every {

    Location location();
}
