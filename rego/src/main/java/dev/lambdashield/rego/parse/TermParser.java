package dev.lambdashield.rego.parse;

import dev.lambdashield.rego.ast.ArrayComprehension;
import dev.lambdashield.rego.ast.ArrayTerm;
import dev.lambdashield.rego.ast.Body;
import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Every;
import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.ast.ObjectComprehension;
import dev.lambdashield.rego.ast.ObjectTerm;
import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.Scalar;
import dev.lambdashield.rego.ast.SetComprehension;
import dev.lambdashield.rego.ast.SetTerm;
import dev.lambdashield.rego.ast.SomeDecl;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Var;
import dev.lambdashield.rego.ast.With;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.NullValue;
import dev.lambdashield.rego.value.NumberValue;
import dev.lambdashield.rego.value.StringValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses bodies, expressions and terms. Methods follow the grammar from the lowest precedence
 * ({@code :=}, {@code =}) through {@code in}, comparisons, {@code |}, {@code &}, {@code + -} to
 * {@code * / %} and single terms.
 */
class TermParser extends TokenCursor {

    /** Keywords that v0 modules enable through {@code import future.keywords...}; v1 has them all. */
    protected boolean keywordIn;
    protected boolean keywordEvery;
    protected boolean keywordIf;
    protected boolean keywordContains;
    /** Whether {@code not { ... }} negates a whole body, as {@code import rego.v2} enables. */
    protected boolean notBody;
    private boolean barIsOperator = true;
    private int wildcards;

    TermParser(List<Token> tokens, List<RegoError> errors) {
        super(tokens, errors);
    }

    protected void enableAllKeywords() {
        keywordIn = true;
        keywordEvery = true;
        keywordIf = true;
        keywordContains = true;
    }

    // ---- bodies and expressions ----

    /** Parses expressions up to {@code end}, separated by semicolons or line breaks. */
    protected Body parseBody(TokenKind end) {
        List<Expr> exprs = new ArrayList<>();
        while (true) {
            exprs.add(parseLiteral());
            if (match(TokenKind.SEMICOLON)) {
                continue;
            }
            if (check(end)) {
                return new Body(exprs);
            }
            if (!peek().newlineBefore()) {
                throw error(peek(), "unexpected " + peek().describe() + ": expected end of expression");
            }
        }
    }

    protected Expr parseLiteral() {
        Token start = peek();
        if (start.isIdent("some")) {
            advance();
            Term some = parseSome(start.location());
            return new Expr(some, false, parseWiths(), start.location());
        }
        if (keywordEvery && start.isIdent("every")) {
            advance();
            return new Expr(parseEvery(start.location()), false, parseWiths(), start.location());
        }
        boolean negated = false;
        if (start.isIdent("not")) {
            advance();
            negated = true;
            if (notBody && check(TokenKind.LBRACE)) {
                return parseNotBody(start);
            }
        }
        Term term = parseExprTerm();
        return new Expr(term, negated, parseWiths(), start.location());
    }

    /**
     * Parses {@code not { body }} as {@code count([true | body]) == 0}, which is true exactly when
     * the body has no solution; variables bound inside stay local to it.
     */
    private Expr parseNotBody(Token start) {
        Location at = start.location();
        advance();
        Body body = parseBody(TokenKind.RBRACE);
        expect(TokenKind.RBRACE, "at end of negated body");
        Term solutions = new ArrayComprehension(new Scalar(BooleanValue.TRUE, at), body, at);
        Term count = new Call(operator("count", at), List.of(solutions), at);
        Term none = new Call(operator("equal", at), List.of(count, new Scalar(NumberValue.of(0), at)), at);
        return new Expr(none, false, parseWiths(), at);
    }

    private List<With> parseWiths() {
        List<With> withs = new ArrayList<>();
        while (peek().isIdent("with")) {
            Token with = advance();
            Term target = parseTerm();
            Ref ref = target instanceof Ref r ? r
                    : target instanceof Var v ? new Ref(List.of(v), v.location()) : null;
            if (ref == null) {
                throw error(with, "invalid with target: expected a reference");
            }
            if (!peek().isIdent("as")) {
                throw error(peek(), "unexpected " + peek().describe() + ": expected as");
            }
            advance();
            withs.add(new With(ref, parseTermRelation(), with.location()));
        }
        return withs;
    }

    private Term parseSome(Location at) {
        List<Term> symbols = new ArrayList<>();
        symbols.add(parseTermRelation());
        while (match(TokenKind.COMMA)) {
            symbols.add(parseTermRelation());
        }
        if (keywordIn && peek().isIdent("in")) {
            advance();
            Term domain = parseTermRelation();
            if (symbols.size() > 2) {
                throw error(at, "unexpected , token: some-in takes one or two variables");
            }
            String op = symbols.size() == 1 ? "internal.member_2" : "internal.member_3";
            List<Term> args = new ArrayList<>(symbols);
            args.add(domain);
            return new SomeDecl(List.of(new Call(operator(op, at), args, at)), at);
        }
        for (Term symbol : symbols) {
            if (!(symbol instanceof Var)) {
                throw error(symbol.location(), "unexpected term: expected var in some declaration");
            }
        }
        return new SomeDecl(symbols, at);
    }

    private Term parseEvery(Location at) {
        Term first = parseTermRelation();
        Term key = null;
        Term value = first;
        if (match(TokenKind.COMMA)) {
            key = first;
            value = parseTermRelation();
        }
        if (!peek().isIdent("in")) {
            throw error(peek(), "unexpected " + peek().describe() + ": expected in in every");
        }
        advance();
        Term domain = parseTermRelation();
        expect(TokenKind.LBRACE, "in every");
        Body body = parseBody(TokenKind.RBRACE);
        expect(TokenKind.RBRACE, "at end of every");
        return new Every(key, value, domain, body, at);
    }

    protected Term parseExprTerm() {
        Term lhs = parseMemberOrIn();
        if (checkSameLine(TokenKind.ASSIGN) || checkSameLine(TokenKind.UNIFY)) {
            Token op = advance();
            Term rhs = parseMemberOrIn();
            String name = op.is(TokenKind.ASSIGN) ? "assign" : "eq";
            return new Call(operator(name, op.location()), List.of(lhs, rhs), lhs.location());
        }
        return lhs;
    }

    /**
     * Parses an expression operand, which unlike a term in a list may be {@code key, value in xs}.
     * The comma form is tried first and abandoned when no {@code in} follows the second term.
     */
    private Term parseMemberOrIn() {
        Term lhs = parseTermRelation();
        if (keywordIn && checkSameLine(TokenKind.COMMA)) {
            int mark = current;
            int errorCount = errors.size();
            try {
                advance();
                Term value = parseTermRelation();
                if (peek().isIdent("in") && !peek().newlineBefore()) {
                    Token in = advance();
                    Term domain = parseTermRelation();
                    lhs = new Call(operator("internal.member_3", in.location()), List.of(lhs, value, domain), lhs.location());
                    return parseInChain(lhs);
                }
            } catch (SyntaxError e) {
                // not the comma form; the caller reports the comma
            }
            current = mark;
            errors.subList(errorCount, errors.size()).clear();
        }
        return parseInChain(lhs);
    }

    protected Term parseTermIn() {
        return parseInChain(parseTermRelation());
    }

    private Term parseInChain(Term lhs) {
        while (keywordIn && peek().isIdent("in") && !peek().newlineBefore()) {
            Token in = advance();
            Term rhs = parseTermRelation();
            lhs = new Call(operator("internal.member_2", in.location()), List.of(lhs, rhs), lhs.location());
        }
        return lhs;
    }

    protected Term parseTermRelation() {
        Term lhs = parseTermOr();
        while (!peek().newlineBefore()) {
            String name = switch (peek().kind()) {
                case EQUAL -> "equal";
                case NEQ -> "neq";
                case LT -> "lt";
                case LTE -> "lte";
                case GT -> "gt";
                case GTE -> "gte";
                default -> null;
            };
            if (name == null) {
                return lhs;
            }
            Token op = advance();
            Term rhs = parseTermOr();
            lhs = new Call(operator(name, op.location()), List.of(lhs, rhs), lhs.location());
        }
        return lhs;
    }

    private Term parseTermOr() {
        Term lhs = parseTermAnd();
        while (barIsOperator && checkSameLine(TokenKind.BAR)) {
            Token op = advance();
            Term rhs = parseTermAnd();
            lhs = new Call(operator("or", op.location()), List.of(lhs, rhs), lhs.location());
        }
        return lhs;
    }

    private Term parseTermAnd() {
        Term lhs = parseTermArith();
        while (checkSameLine(TokenKind.AMP)) {
            Token op = advance();
            Term rhs = parseTermArith();
            lhs = new Call(operator("and", op.location()), List.of(lhs, rhs), lhs.location());
        }
        return lhs;
    }

    private Term parseTermArith() {
        Term lhs = parseTermFactor();
        while (checkSameLine(TokenKind.PLUS) || checkSameLine(TokenKind.MINUS)) {
            Token op = advance();
            Term rhs = parseTermFactor();
            String name = op.is(TokenKind.PLUS) ? "plus" : "minus";
            lhs = new Call(operator(name, op.location()), List.of(lhs, rhs), lhs.location());
        }
        return lhs;
    }

    private Term parseTermFactor() {
        Term lhs = parseTerm();
        while (checkSameLine(TokenKind.STAR) || checkSameLine(TokenKind.SLASH) || checkSameLine(TokenKind.PERCENT)) {
            Token op = advance();
            Term rhs = parseTerm();
            String name = switch (op.kind()) {
                case STAR -> "mul";
                case SLASH -> "div";
                default -> "rem";
            };
            lhs = new Call(operator(name, op.location()), List.of(lhs, rhs), lhs.location());
        }
        return lhs;
    }

    // ---- single terms ----

    protected Term parseTerm() {
        enter();
        try {
            return parseSuffixes(parsePrimary());
        } finally {
            leave();
        }
    }

    private Term parsePrimary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER:
                advance();
                return number(token.text(), token.location());
            case STRING:
            case RAW_STRING:
                advance();
                return new Scalar(StringValue.of(token.text()), token.location());
            case IDENT:
                return parseIdentTerm();
            case LBRACK:
                return parseArray();
            case LBRACE:
                return parseBraced();
            case LPAREN:
                return parseParenthesized();
            case MINUS:
                return parseNegative();
            default:
                throw error(token, "unexpected " + token.describe() + ": expected term");
        }
    }

    private Term parseIdentTerm() {
        Token token = advance();
        switch (token.text()) {
            case "true":
                return new Scalar(BooleanValue.TRUE, token.location());
            case "false":
                return new Scalar(BooleanValue.FALSE, token.location());
            case "null":
                return new Scalar(NullValue.INSTANCE, token.location());
            case "_":
                return new Var(Var.WILDCARD_PREFIX + (wildcards++), token.location());
            default:
                if (isReserved(token.text())) {
                    throw error(token, "unexpected keyword " + token.text() + ": expected term");
                }
                return new Var(token.text(), token.location());
        }
    }

    private boolean isReserved(String word) {
        return switch (word) {
            case "not", "with", "as", "some", "default", "else", "package", "import" -> true;
            case "in" -> keywordIn;
            case "every" -> keywordEvery;
            case "if" -> keywordIf;
            default -> false;
        };
    }

    private Term number(String text, Location at) {
        try {
            return new Scalar(NumberValue.parse(text), at);
        } catch (NumberFormatException e) {
            throw error(at, "invalid number: " + text);
        }
    }

    private Term parseNegative() {
        Token minus = advance();
        Token next = peek();
        if (next.is(TokenKind.NUMBER) && next.location().offset() == minus.location().offset() + 1) {
            advance();
            return number("-" + next.text(), minus.location());
        }
        Term operand = parseTerm();
        return new Call(operator("minus", minus.location()),
                List.of(new Scalar(NumberValue.of(0), minus.location()), operand), minus.location());
    }

    private Term parseParenthesized() {
        advance();
        boolean saved = barIsOperator;
        barIsOperator = true;
        Term inner = parseMemberOrIn();
        barIsOperator = saved;
        expect(TokenKind.RPAREN, "");
        return inner;
    }

    private Term parseArray() {
        Token open = advance();
        if (match(TokenKind.RBRACK)) {
            return new ArrayTerm(List.of(), open.location());
        }
        Term first = parseHeadElement();
        if (match(TokenKind.BAR)) {
            Body body = parseNestedBody(TokenKind.RBRACK);
            return new ArrayComprehension(first, body, open.location());
        }
        List<Term> elements = parseRestOfList(first, TokenKind.RBRACK);
        return new ArrayTerm(elements, open.location());
    }

    private Term parseBraced() {
        Token open = advance();
        if (match(TokenKind.RBRACE)) {
            return new ObjectTerm(List.of(), open.location());
        }
        Term first = parseHeadElement();
        if (match(TokenKind.COLON)) {
            Term value = parseHeadElement();
            if (match(TokenKind.BAR)) {
                Body body = parseNestedBody(TokenKind.RBRACE);
                return new ObjectComprehension(first, value, body, open.location());
            }
            return parseRestOfObject(first, value, open.location());
        }
        if (match(TokenKind.BAR)) {
            Body body = parseNestedBody(TokenKind.RBRACE);
            return new SetComprehension(first, body, open.location());
        }
        return new SetTerm(parseRestOfList(first, TokenKind.RBRACE), open.location());
    }

    /** Parses the first element of a literal, where {@code |} starts a comprehension body. */
    private Term parseHeadElement() {
        boolean saved = barIsOperator;
        barIsOperator = false;
        try {
            return parseTermIn();
        } finally {
            barIsOperator = saved;
        }
    }

    private Term parseElement() {
        boolean saved = barIsOperator;
        barIsOperator = true;
        try {
            return parseTermIn();
        } finally {
            barIsOperator = saved;
        }
    }

    private Body parseNestedBody(TokenKind end) {
        boolean saved = barIsOperator;
        barIsOperator = true;
        enter();
        try {
            Body body = parseBody(end);
            expect(end, "");
            return body;
        } finally {
            leave();
            barIsOperator = saved;
        }
    }

    private List<Term> parseRestOfList(Term first, TokenKind end) {
        List<Term> elements = new ArrayList<>();
        elements.add(first);
        while (match(TokenKind.COMMA)) {
            if (check(end)) {
                break;
            }
            elements.add(parseElement());
        }
        expect(end, "");
        return elements;
    }

    private Term parseRestOfObject(Term firstKey, Term firstValue, Location at) {
        List<ObjectTerm.Entry> entries = new ArrayList<>();
        entries.add(new ObjectTerm.Entry(firstKey, firstValue));
        while (match(TokenKind.COMMA)) {
            if (check(TokenKind.RBRACE)) {
                break;
            }
            Term key = parseElement();
            expect(TokenKind.COLON, "in object");
            entries.add(new ObjectTerm.Entry(key, parseElement()));
        }
        expect(TokenKind.RBRACE, "");
        return new ObjectTerm(entries, at);
    }

    /** Parses {@code .name}, {@code [term]} and {@code (args)} after a term, on the same line. */
    private Term parseSuffixes(Term term) {
        while (true) {
            if (check(TokenKind.DOT) && isAdjacent()) {
                advance();
                Token name = peek();
                if (!name.is(TokenKind.IDENT)) {
                    throw error(name, "unexpected " + name.describe() + ": expected ident");
                }
                advance();
                term = extend(term, new Scalar(StringValue.of(name.text()), name.location()));
            } else if (check(TokenKind.LBRACK) && isAdjacent()) {
                advance();
                Term operand = parseElement();
                expect(TokenKind.RBRACK, "");
                term = extend(term, operand);
            } else if (check(TokenKind.LPAREN) && isAdjacent() && isCallable(term)) {
                term = parseCallArgs(term);
            } else {
                return term;
            }
        }
    }

    /** Rego requires {@code [} and {@code (} suffixes to follow the term without white space. */
    private boolean isAdjacent() {
        if (check(TokenKind.DOT)) {
            return !peek().newlineBefore();
        }
        return peek().location().offset() == tokens.get(current - 1).end();
    }

    private static boolean isCallable(Term term) {
        if (term instanceof Var) {
            return true;
        }
        return term instanceof Ref r && r.head() instanceof Var && r.isGroundPath();
    }

    private Term parseCallArgs(Term callee) {
        Token open = advance();
        Ref op = callee instanceof Ref r ? r : new Ref(List.of(callee), callee.location());
        List<Term> args = new ArrayList<>();
        if (!check(TokenKind.RPAREN)) {
            args.add(parseElement());
            while (match(TokenKind.COMMA)) {
                if (check(TokenKind.RPAREN)) {
                    break;
                }
                args.add(parseElement());
            }
        }
        expect(TokenKind.RPAREN, "");
        if (op.size() == 1 && ((Var) op.head()).name().equals("set") && args.isEmpty()) {
            return new SetTerm(List.of(), open.location());
        }
        return new Call(op, args, callee.location());
    }

    private static Term extend(Term term, Term operand) {
        if (term instanceof Ref r) {
            return r.concat(List.of(operand));
        }
        return new Ref(List.of(term, operand), term.location());
    }

    /** Builds the reference naming an operator, e.g. {@code internal.member_2}. */
    protected static Ref operator(String name, Location at) {
        String[] parts = name.split("\\.");
        List<Term> terms = new ArrayList<>();
        terms.add(new Var(parts[0], at));
        for (int i = 1; i < parts.length; i++) {
            terms.add(new Scalar(StringValue.of(parts[i]), at));
        }
        return new Ref(terms, at);
    }
}
