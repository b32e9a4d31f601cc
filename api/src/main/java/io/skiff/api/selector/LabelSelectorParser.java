package io.skiff.api.selector;

import io.skiff.api.errors.ApiException;
import io.skiff.api.selector.LabelLexer.Token;
import io.skiff.api.selector.LabelLexer.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Recursive-descent parser of the label selector grammar:
 * <pre>
 *   selector    ::= requirement ( "," requirement )*
 *   requirement ::= [ "!" ] KEY [ ( "in" | "notin" ) "(" VALUES ")" | ( "=" | "==" | "!=" | ">" | "<" ) VALUE ]
 * </pre>
 * Errors are 400 BadRequest worded as Kubernetes' parser words them, e.g.
 * {@code unable to parse requirement: found '', expected: identifier}.
 */
final class LabelSelectorParser {
    private static final String OPERATORS = "in, notin, =, ==, !=, gt, lt";

    private final List<Token> tokens;
    private int position;

    private LabelSelectorParser(String selector) {
        this.tokens = LabelLexer.scan(selector);
    }

    static List<Requirement> parse(String selector) {
        return new LabelSelectorParser(selector).selector();
    }

    private List<Requirement> selector() {
        List<Requirement> requirements = new ArrayList<>();
        while (true) {
            Token next = lookahead(true);
            if (next.type() == Type.END) {
                return requirements;
            }
            if (next.type() != Type.IDENTIFIER && next.type() != Type.NOT) {
                throw ApiException.badRequest("found '" + next.literal() + "', expected: !, identifier, or 'end of string'");
            }
            try {
                requirements.add(requirement());
            } catch (SyntaxError e) {
                throw ApiException.badRequest("unable to parse requirement: " + e.getMessage());
            }
            Token after = consume(true);
            if (after.type() == Type.END) {
                return requirements;
            }
            if (after.type() != Type.COMMA) {
                throw ApiException.badRequest("found '" + after.literal() + "', expected: ',' or 'end of string'");
            }
            Token following = lookahead(true);
            if (following.type() != Type.IDENTIFIER && following.type() != Type.NOT) {
                throw ApiException.badRequest("found '" + following.literal() + "', expected: identifier after ','");
            }
        }
    }

    private Requirement requirement() {
        boolean negated = false;
        Token key = consume(true);
        if (key.type() == Type.NOT) {
            negated = true;
            key = consume(true);
        }
        if (key.type() != Type.IDENTIFIER) {
            throw new SyntaxError("found '" + key.literal() + "', expected: identifier");
        }
        List<String> keyErrors = LabelSyntax.keyErrors(key.literal());
        if (!keyErrors.isEmpty()) {
            // Kubernetes validates the key here against a nil field path, which prints as <nil>.
            throw new SyntaxError(LabelSyntax.invalid("<nil>", LabelSyntax.quote(key.literal()), keyErrors));
        }
        Type next = lookahead(true).type();
        if (negated) {
            return validated(key.literal(), Operator.DOES_NOT_EXIST, List.of());
        }
        if (next == Type.END || next == Type.COMMA) {
            return validated(key.literal(), Operator.EXISTS, List.of());
        }
        Operator operator = operator();
        List<String> values = operator.isSetBased() ? values() : exactValue();
        return validated(key.literal(), operator, values);
    }

    private Operator operator() {
        Token t = consume(false);
        return switch (t.type()) {
            case IN -> Operator.IN;
            case NOT_IN -> Operator.NOT_IN;
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            case GREATER -> Operator.GREATER_THAN;
            case LESS -> Operator.LESS_THAN;
            default -> throw new SyntaxError("found '" + t.literal() + "', expected: " + OPERATORS);
        };
    }

    /** {@code ( a, b )}: a sorted set; {@code ()} and empty places between commas are the empty value. */
    private List<String> values() {
        Token open = consume(true);
        if (open.type() != Type.OPEN) {
            throw new SyntaxError("found '" + open.literal() + "' expected: '('");
        }
        Token first = lookahead(true);
        if (first.type() == Type.CLOSE) {
            consume(true);
            return List.of("");
        }
        if (first.type() != Type.IDENTIFIER && first.type() != Type.COMMA) {
            throw new SyntaxError("found '" + first.literal() + "', expected: ',', ')' or identifier");
        }
        TreeSet<String> values = new TreeSet<>();
        while (true) {
            Token t = consume(true);
            if (t.type() == Type.IDENTIFIER) {
                values.add(t.literal());
                Token n = lookahead(true);
                if (n.type() == Type.CLOSE) {
                    break;
                }
                if (n.type() != Type.COMMA) {
                    throw new SyntaxError("found '" + n.literal() + "', expected: ',' or ')'");
                }
            } else if (t.type() == Type.COMMA) {
                if (values.isEmpty()) {
                    values.add("");
                }
                Type n = lookahead(true).type();
                if (n == Type.CLOSE || n == Type.COMMA) {
                    values.add("");
                }
                if (n == Type.CLOSE) {
                    break;
                }
            } else {
                throw new SyntaxError("found '" + t.literal() + "', expected: ',', or identifier");
            }
        }
        consume(true);
        return new ArrayList<>(values);
    }

    /** The single value after {@code =}; nothing before {@code ,} or the end is the empty value. */
    private List<String> exactValue() {
        Type next = lookahead(true).type();
        if (next == Type.END || next == Type.COMMA) {
            return List.of("");
        }
        Token t = consume(true);
        if (t.type() != Type.IDENTIFIER) {
            throw new SyntaxError("found '" + t.literal() + "', expected: identifier");
        }
        return List.of(t.literal());
    }

    private static Requirement validated(String key, Operator operator, List<String> values) {
        List<String> problems = Requirement.problems(key, operator, values);
        if (!problems.isEmpty()) {
            throw new SyntaxError(Requirement.aggregate(problems));
        }
        return new Requirement(key, operator, values);
    }

    /** In value position {@code in} and {@code notin} are plain identifiers: {@code in in (in)} is valid. */
    private Token lookahead(boolean valueContext) {
        return asContext(tokens.get(position), valueContext);
    }

    private Token consume(boolean valueContext) {
        Token t = lookahead(valueContext);
        if (position < tokens.size() - 1) {
            position++;
        }
        return t;
    }

    private static Token asContext(Token t, boolean valueContext) {
        if (valueContext && (t.type() == Type.IN || t.type() == Type.NOT_IN)) {
            return new Token(Type.IDENTIFIER, t.literal());
        }
        return t;
    }

    /** A requirement that does not parse; the selector wraps it into the 400 message. */
    private static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
