package io.skiff.api.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a label selector into tokens. Identifiers run until whitespace or one of
 * {@code = ! ( ) , > <}; operators are matched greedily ({@code !=} before {@code !}).
 */
final class LabelLexer {
    enum Type {
        END, OPEN, CLOSE, COMMA, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER, LESS, IN, NOT_IN, IDENTIFIER
    }

    record Token(Type type, String literal) {
    }

    private static final Map<String, Type> SYMBOLS = Map.of(
            "(", Type.OPEN, ")", Type.CLOSE, ",", Type.COMMA, "!", Type.NOT, "=", Type.EQUALS,
            "==", Type.DOUBLE_EQUALS, "!=", Type.NOT_EQUALS, ">", Type.GREATER, "<", Type.LESS);
    private static final Map<String, Type> KEYWORDS = Map.of("in", Type.IN, "notin", Type.NOT_IN);

    private LabelLexer() {
    }

    /** All tokens of {@code s}, the last one always {@link Type#END}. */
    static List<Token> scan(String s) {
        List<Token> tokens = new ArrayList<>();
        int pos = 0;
        while (true) {
            while (pos < s.length() && isWhitespace(s.charAt(pos))) {
                pos++;
            }
            if (pos >= s.length()) {
                tokens.add(new Token(Type.END, ""));
                return tokens;
            }
            int end = isSymbol(s.charAt(pos)) ? symbolEnd(s, pos) : identifierEnd(s, pos);
            String literal = s.substring(pos, end);
            Type type = isSymbol(s.charAt(pos)) ? SYMBOLS.get(literal) : KEYWORDS.getOrDefault(literal, Type.IDENTIFIER);
            tokens.add(new Token(type, literal));
            pos = end;
        }
    }

    /** The longest run of symbol characters that is still an operator; every single symbol is one. */
    private static int symbolEnd(String s, int start) {
        int end = start + 1;
        while (end < s.length() && isSymbol(s.charAt(end)) && SYMBOLS.containsKey(s.substring(start, end + 1))) {
            end++;
        }
        return end;
    }

    private static int identifierEnd(String s, int start) {
        int end = start;
        while (end < s.length() && !isSymbol(s.charAt(end)) && !isWhitespace(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSymbol(char c) {
        return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }
}
