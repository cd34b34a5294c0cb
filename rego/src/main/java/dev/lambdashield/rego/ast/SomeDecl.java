package dev.lambdashield.rego.ast;

import java.util.List;

/**
 * A {@code some} declaration: either plain variables ({@code some x, y}) or a membership
 * ({@code some x in xs}, {@code some k, v in xs}), which is then a single
 * {@code internal.member_2} or {@code internal.member_3} call in {@link #symbols()}.
 */
public record SomeDecl(List<Term> symbols, Location location) implements Term {

    public SomeDecl {
        symbols = List.copyOf(symbols);
    }

    public boolean isMembership() {
        return symbols.size() == 1 && symbols.get(0) instanceof Call;
    }

    @Override
    public String toString() {
        return "some " + symbols;
    }
}
