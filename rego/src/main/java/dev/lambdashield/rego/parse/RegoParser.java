package dev.lambdashield.rego.parse;

import dev.lambdashield.rego.ast.Annotations;
import dev.lambdashield.rego.ast.Body;
import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.ast.Module;
import dev.lambdashield.rego.ast.Rule;
import dev.lambdashield.rego.ast.Term;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoError;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.ObjectValue;
import dev.lambdashield.rego.value.StringValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Entry points of the parser: modules, queries and single terms. */
public final class RegoParser {

    private RegoParser() {
    }

    /**
     * Parses a module. {@code v1} selects Rego v1 syntax; a v0 module that imports {@code rego.v1}
     * becomes a v1 module.
     *
     * @throws RegoException with every syntax error of the file
     */
    public static Module parseModule(String file, String source, boolean v1) {
        List<RegoError> errors = new ArrayList<>();
        Lexer lexer = new Lexer(file, source, errors);
        List<Token> tokens = lexer.tokenize();
        ModuleParser parser = new ModuleParser(tokens, errors, v1);
        try {
            parser.parseModule();
        } catch (StackOverflowError e) {
            throw tooDeep(file);
        }
        if (parser.pkg() == null && errors.isEmpty()) {
            errors.add(new RegoError(ErrorCode.PARSE, "empty module", Location.of(file, 1, 1)));
        }
        List<MetadataParser.Block> blocks = MetadataParser.parse(lexer.comments(), errors);
        if (!errors.isEmpty()) {
            throw sorted(errors);
        }
        return assemble(file, parser, blocks);
    }

    private static Module assemble(String file, ModuleParser parser, List<MetadataParser.Block> blocks) {
        List<Annotations> packageAnnotations = new ArrayList<>();
        List<List<Annotations>> ruleAnnotations = new ArrayList<>();
        for (int i = 0; i < parser.rules().size(); i++) {
            ruleAnnotations.add(new ArrayList<>());
        }
        for (MetadataParser.Block block : blocks) {
            attach(block, parser, packageAnnotations, ruleAnnotations);
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < parser.rules().size(); i++) {
            Rule rule = parser.rules().get(i).rule();
            rules.add(new Rule(rule.head(), rule.body(), rule.elseRule(), rule.isDefault(), ruleAnnotations.get(i),
                    rule.location()));
        }
        return new Module(file, parser.pkg(), parser.imports(), rules, packageAnnotations, parser.isV1());
    }

    /** Attaches a block to the package or rule statement that starts right after it. */
    private static void attach(MetadataParser.Block block, ModuleParser parser, List<Annotations> packageAnnotations,
                               List<List<Annotations>> ruleAnnotations) {
        int next = block.endLine() + 1;
        Annotations a = block.annotations();
        if (block.endLine() < parser.packageLine()) {
            packageAnnotations.add(withScope(a, "package"));
            return;
        }
        for (int i = 0; i < parser.rules().size(); i++) {
            if (parser.rules().get(i).line() >= next) {
                ruleAnnotations.get(i).add(withScope(a, "rule"));
                return;
            }
        }
        packageAnnotations.add(withScope(a, "package"));
    }

    private static Annotations withScope(Annotations a, String defaultScope) {
        if (a.scope() != null) {
            return a;
        }
        ObjectValue.Builder fields = ObjectValue.builder();
        a.fields().entries().forEach(fields::put);
        fields.put("scope", StringValue.of(defaultScope));
        return new Annotations(defaultScope, fields.build(), a.location());
    }

    /**
     * Parses a query: one or more expressions separated by semicolons or line breaks.
     * NOTE: queries accept the v1 keywords ({@code in}, {@code every}, {@code if}) in both versions,
     * so {@code v1} only documents the caller's intent for now.
     */
    public static Body parseQuery(String source, boolean v1) {
        List<RegoError> errors = new ArrayList<>();
        List<Token> tokens = new Lexer("query", source, errors).tokenize();
        TermParser parser = new TermParser(tokens, errors);
        parser.enableAllKeywords();
        Body body = null;
        try {
            if (parser.atEnd()) {
                throw parser.error(parser.peek(), "empty query");
            }
            body = parser.parseBody(TokenKind.EOF);
        } catch (TokenCursor.SyntaxError e) {
            // the error is recorded in the list
        } catch (StackOverflowError e) {
            throw tooDeep("query");
        }
        if (!errors.isEmpty()) {
            throw sorted(errors);
        }
        return body;
    }

    /** Parses one term, such as an input given in Rego form. */
    public static Term parseTerm(String source) {
        List<RegoError> errors = new ArrayList<>();
        List<Token> tokens = new Lexer("term", source, errors).tokenize();
        TermParser parser = new TermParser(tokens, errors);
        parser.enableAllKeywords();
        Term term = null;
        try {
            term = parser.parseTermIn();
            if (!parser.atEnd()) {
                throw parser.error(parser.peek(), "unexpected " + parser.peek().describe() + ": expected end of term");
            }
        } catch (TokenCursor.SyntaxError e) {
            // the error is recorded in the list
        } catch (StackOverflowError e) {
            throw tooDeep("term");
        }
        if (!errors.isEmpty()) {
            throw sorted(errors);
        }
        return term;
    }

    /**
     * Reports source nested too deeply for the thread's stack, which small stacks reach before the
     * parser's own nesting bound.
     */
    static RegoException tooDeep(String file) {
        return new RegoException(ErrorCode.PARSE, "nesting is too deep for the parser: reduce the nesting of terms",
                Location.of(file, 1, 1));
    }

    private static RegoException sorted(List<RegoError> errors) {
        List<RegoError> copy = new ArrayList<>(errors);
        Collections.sort(copy);
        return new RegoException(copy);
    }
}
