package dev.lambdashield.rego.parse;

import dev.lambdashield.rego.ast.Body;
import dev.lambdashield.rego.ast.Call;
import dev.lambdashield.rego.ast.Expr;
import dev.lambdashield.rego.ast.Head;
import dev.lambdashield.rego.ast.Import;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.ast.Package;
import dev.lambdashield.rego.ast.Ref;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Scalar;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.ast.Var;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.value.BooleanValue;
import dev.lambdashield.rego.value.StringValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a module: the package, imports and rules. After a syntax error the parser skips to the
 * next line that starts at column 1, so one parse reports the errors of every rule.
 */
class ModuleParser extends TermParser {

    /** A parsed rule with the line where its statement starts, for attaching metadata blocks. */
    record ParsedRule(Rule rule, int line) {
    }

    private final boolean v1Default;
    private boolean v1;
    private Package pkg;
    private int packageLine;
    private final List<Import> imports = new ArrayList<>();
    private final List<ParsedRule> rules = new ArrayList<>();

    ModuleParser(List<Token> tokens, List<RegoError> errors, boolean v1Default) {
        super(tokens, errors);
        this.v1Default = v1Default;
        this.v1 = v1Default;
        if (v1Default) {
            enableAllKeywords();
        }
    }

    boolean isV1() {
        return v1;
    }

    Package pkg() {
        return pkg;
    }

    int packageLine() {
        return packageLine;
    }

    List<Import> imports() {
        return imports;
    }

    List<ParsedRule> rules() {
        return rules;
    }

    void parseModule() {
        try {
            parsePackage();
        } catch (SyntaxError e) {
            return;
        }
        while (!atEnd()) {
            try {
                parseStatement();
            } catch (SyntaxError e) {
                synchronize();
            }
        }
    }

    private void synchronize() {
        advance();
        while (!atEnd() && !(peek().newlineBefore() && peek().location().column() == 1)) {
            advance();
        }
    }

    private void parsePackage() {
        Token start = peek();
        if (!start.isIdent("package")) {
            throw error(start, "unexpected " + start.describe() + ": expected package");
        }
        advance();
        if (!check(TokenKind.IDENT)) {
            throw error(peek(), "unexpected " + peek().describe() + ": expected ident");
        }
        Term path = parseTerm();
        Ref ref = toPath(path, "package");
        pkg = new Package(new Ref(prepend(new Var("data", path.location()), ref), ref.location()), start.location());
        packageLine = start.location().line();
        expectStatementEnd();
    }

    private static List<Term> prepend(Term head, Ref ref) {
        List<Term> terms = new ArrayList<>();
        terms.add(head);
        Var first = (Var) ref.head();
        terms.add(new Scalar(StringValue.of(first.name()), first.location()));
        terms.addAll(ref.terms().subList(1, ref.size()));
        return terms;
    }

    /** Checks that a package or import path is a variable followed by constant string operands. */
    private Ref toPath(Term term, String statement) {
        Ref ref = term instanceof Var v ? new Ref(List.of(v), v.location()) : term instanceof Ref r ? r : null;
        if (ref == null || !(ref.head() instanceof Var)) {
            throw error(term.location(), "unexpected term: expected " + statement + " path");
        }
        for (int i = 1; i < ref.size(); i++) {
            if (!(ref.get(i) instanceof Scalar s && s.value() instanceof StringValue)) {
                throw error(ref.get(i).location(), "invalid " + statement + " path: operands must be strings");
            }
        }
        return ref;
    }

    private void expectStatementEnd() {
        if (!atEnd() && !peek().newlineBefore() && !match(TokenKind.SEMICOLON)) {
            throw error(peek(), "unexpected " + peek().describe() + ": expected end of statement");
        }
    }

    private void parseStatement() {
        Token start = peek();
        if (start.isIdent("import")) {
            parseImport();
        } else if (start.isIdent("package")) {
            throw error(start, "unexpected package: a module has exactly one package");
        } else {
            parseRules();
        }
    }

    private void parseImport() {
        Token start = advance();
        Term path = parseTerm();
        Ref ref = toPath(path, "import");
        String root = ((Var) ref.head()).name();
        String alias = null;
        if (peek().isIdent("as") && !peek().newlineBefore()) {
            advance();
            Token name = expect(TokenKind.IDENT, "after as");
            alias = name.text();
        }
        switch (root) {
            case "data", "input" -> imports.add(new Import(ref, alias, start.location()));
            case "future" -> importFutureKeywords(ref, start);
            case "rego" -> importRegoV1(ref, start);
            default -> throw error(path.location(), "invalid import " + ref + ": path must begin with input, data, future or rego");
        }
        expectStatementEnd();
    }

    private void importFutureKeywords(Ref ref, Token at) {
        if (ref.size() < 2 || !((Scalar) ref.get(1)).value().equals(StringValue.of("keywords")) || ref.size() > 3) {
            throw error(at, "invalid import " + ref + ": must be future.keywords or future.keywords.<keyword>");
        }
        if (ref.size() == 2) {
            enableAllKeywords();
            return;
        }
        String word = ((StringValue) ((Scalar) ref.get(2)).value()).value();
        switch (word) {
            case "in" -> keywordIn = true;
            case "every" -> {
                keywordEvery = true;
                keywordIn = true;
            }
            case "if" -> keywordIf = true;
            case "not" -> {
                // `not` is always a keyword; newer OPA versions accept this import, so it is accepted as a no-op.
            }
            case "contains" -> keywordContains = true;
            default -> throw error(at, "invalid import " + ref + ": unknown future keyword " + word);
        }
    }

    /**
     * Handles {@code import rego.v1}, and {@code import rego.v2}, which adds {@code not { ... }} bodies.
     * NOTE: rego.v2 is read as v1 plus negated bodies; any other change it makes is not supported.
     */
    private void importRegoV1(Ref ref, Token at) {
        Object version = ref.size() == 2 ? ((Scalar) ref.get(1)).value() : null;
        if (!StringValue.of("v1").equals(version) && !StringValue.of("v2").equals(version)) {
            throw error(at, "invalid import " + ref + ": only rego.v1 and rego.v2 can be imported");
        }
        v1 = true;
        notBody = StringValue.of("v2").equals(version);
        enableAllKeywords();
    }

    // ---- rules ----

    private void parseRules() {
        Token start = peek();
        boolean isDefault = false;
        if (start.isIdent("default")) {
            advance();
            isDefault = true;
        }
        Head head = parseHead(isDefault);
        if (isDefault) {
            parseDefault(head, start);
            return;
        }
        List<Body> bodies = new ArrayList<>();
        Body first = parseRuleBody(head, true);
        bodies.add(first);
        while (!v1 && check(TokenKind.LBRACE) && !peek().newlineBefore()) {
            advance();
            bodies.add(parseBlock());
        }
        Rule elseChain = parseElseChain(head);
        for (Body body : bodies) {
            rules.add(new ParsedRule(new Rule(head, body, elseChain, false, List.of(), start.location()),
                    start.location().line()));
        }
    }

    private void parseDefault(Head head, Token start) {
        if (head.value() == null || head.key() != null) {
            throw error(start, "default rules must have a value: default " + head.ref() + " := <value>");
        }
        Body body = new Body(List.of(trueExpr(start.location())));
        rules.add(new ParsedRule(new Rule(head, body, null, true, List.of(), start.location()), start.location().line()));
        expectStatementEnd();
    }

    private Head parseHead(boolean isDefault) {
        Token start = peek();
        if (!start.is(TokenKind.IDENT)) {
            throw error(start, "unexpected " + start.describe() + ": expected rule head");
        }
        Term refTerm = parseRuleRef();
        Ref ref = refTerm instanceof Ref r ? r : new Ref(List.of(refTerm), refTerm.location());
        List<Term> args = null;
        if (refTerm instanceof Call call) {
            ref = call.operator();
            args = call.args();
        }
        Term key = null;
        Term value = null;
        boolean assign = false;
        if (keywordContains && peek().isIdent("contains") && !peek().newlineBefore()) {
            advance();
            key = parseTermIn();
        }
        if (key == null && (checkSameLine(TokenKind.UNIFY) || checkSameLine(TokenKind.ASSIGN))) {
            assign = advance().is(TokenKind.ASSIGN);
            value = parseTermIn();
        }
        Head head = new Head(ref, args, key, value, assign, start.location());
        return normalizeHead(head, isDefault);
    }

    private Term parseRuleRef() {
        Term term = parseTerm();
        if (term instanceof Var || term instanceof Call c && c.operator().head() instanceof Var) {
            return term;
        }
        if (term instanceof Ref r && r.head() instanceof Var) {
            return term;
        }
        throw error(term.location(), "unexpected term: expected rule head reference");
    }

    /**
     * Fills in v0's partial-set form and the implicit {@code true} value.
     * NOTE: in v0, only {@code name[key]} without a value is a partial set; a longer reference
     * such as {@code a.b[key]} becomes a rule with the value {@code true}.
     */
    private Head normalizeHead(Head head, boolean isDefault) {
        if (head.args() != null && head.value() == null) {
            return head.withParts(head.ref(), head.args(), null, new Scalar(BooleanValue.TRUE, head.location()));
        }
        if (head.args() != null || head.key() != null || head.value() != null) {
            return head;
        }
        Ref ref = head.ref();
        if (!v1 && ref.size() == 2 && !isDefault) {
            return head.withParts(ref.prefix(1), null, ref.get(1), null);
        }
        return head.withParts(ref, null, null, new Scalar(BooleanValue.TRUE, head.location()));
    }

    private Body parseRuleBody(Head head, boolean first) {
        if (keywordIf && peek().isIdent("if") && !peek().newlineBefore()) {
            advance();
            if (check(TokenKind.LBRACE)) {
                Body block = tryParseBlock();
                if (block != null) {
                    return block;
                }
            }
            Expr expr = parseLiteral();
            return new Body(List.of(expr));
        }
        if (check(TokenKind.LBRACE) && !peek().newlineBefore()) {
            if (v1) {
                throw error(peek(), "`if` keyword is required before rule body");
            }
            advance();
            return parseBlock();
        }
        expectStatementEnd();
        // The implicit body sits on the head's line, as in OPA, so that line coverage does not
        // count it on the line of the next statement.
        return new Body(List.of(trueExpr(head.location())));
    }

    /**
     * Parses {@code { body }} after {@code if}; returns null, with the position restored, when the
     * braces hold an object or set term instead, as in {@code p if {x | x := 1}}.
     */
    private Body tryParseBlock() {
        int mark = current;
        int errorCount = errors.size();
        try {
            advance();
            return parseBlock();
        } catch (SyntaxError e) {
            current = mark;
            errors.subList(errorCount, errors.size()).clear();
            return null;
        }
    }

    private Body parseBlock() {
        if (check(TokenKind.RBRACE)) {
            throw error(peek(), "found empty body");
        }
        Body body = parseBody(TokenKind.RBRACE);
        expect(TokenKind.RBRACE, "at end of rule body");
        return body;
    }

    private Rule parseElseChain(Head head) {
        if (!peek().isIdent("else")) {
            return null;
        }
        Token at = advance();
        Term value = null;
        boolean assign = head.assign();
        if (check(TokenKind.UNIFY) || check(TokenKind.ASSIGN)) {
            assign = advance().is(TokenKind.ASSIGN);
            value = parseTermIn();
        }
        if (value == null) {
            value = new Scalar(BooleanValue.TRUE, at.location());
        }
        Head elseHead = new Head(head.ref(), head.args(), null, value, assign, at.location());
        Body body;
        if ((keywordIf && peek().isIdent("if")) || check(TokenKind.LBRACE) && !peek().newlineBefore()) {
            body = parseRuleBody(elseHead, false);
        } else {
            body = new Body(List.of(trueExpr(at.location())));
        }
        Rule next = parseElseChain(head);
        return new Rule(elseHead, body, next, false, List.of(), at.location());
    }

    static Expr trueExpr(Location at) {
        return new Expr(new Scalar(BooleanValue.TRUE, at), false, List.of(), at);
    }
}
