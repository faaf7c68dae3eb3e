package org.liudong.planview.filter;

import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.http.Text;

/**
 * Splits CQL2 text into tokens. Works on code points so that positions in messages count
 * characters as a planner sees them (一个汉字 is one character).
 */
final class Cql2Lexer {
    private final int[] chars;
    private int i;

    private Cql2Lexer(String text) {
        this.chars = text.codePoints().toArray();
    }

    static List<Token> tokenize(String text) {
        return new Cql2Lexer(text).all();
    }

    /** The characters from {@code position} (1-based) up to, not including, {@code end}. */
    static String slice(String text, int position, int end) {
        int from = text.offsetByCodePoints(0, position - 1);
        int to = text.offsetByCodePoints(from, end - position);
        return text.substring(from, to);
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (i < chars.length && Character.isWhitespace(chars[i])) i++;
            if (i >= chars.length) {
                tokens.add(new Token(Token.Kind.END, "", i + 1, i + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = i;
        int c = chars[i];
        if (c == '(') return single(Token.Kind.LEFT_PAREN);
        if (c == ')') return single(Token.Kind.RIGHT_PAREN);
        if (c == ',') return single(Token.Kind.COMMA);
        if (c == '\'') return string();
        if (c == '"') return quotedIdentifier();
        if (c == '=') return single(Token.Kind.OPERATOR);
        if (c == '<' || c == '>') {
            i++;
            if (i < chars.length && (chars[i] == '=' || (c == '<' && chars[i] == '>'))) i++;
            return token(Token.Kind.OPERATOR, start);
        }
        if (isDigit(c) || c == '.' || ((c == '-' || c == '+') && startsNumber(i + 1))) return number();
        if (Character.isLetter(c) || c == '_') return identifier();
        throw FilterException.at(start + 1, unexpected(c));
    }

    private Token single(Token.Kind kind) {
        i++;
        return token(kind, i - 1);
    }

    private Token token(Token.Kind kind, int start) {
        return new Token(kind, new String(chars, start, i - start), start + 1, i + 1);
    }

    private Token identifier() {
        int start = i;
        while (i < chars.length && (Character.isLetterOrDigit(chars[i]) || chars[i] == '_' || chars[i] == '.' || chars[i] == ':')) {
            i++;
        }
        return token(Token.Kind.IDENTIFIER, start);
    }

    private Token quotedIdentifier() {
        int start = i++;
        StringBuilder name = new StringBuilder();
        while (true) {
            if (i >= chars.length) throw FilterException.at(start + 1, "the quoted property name is not closed with '\"'");
            int c = chars[i++];
            if (c == '"') break;
            if (c == 0) throw FilterException.at(i, "the property name contains the character U+0000");
            name.appendCodePoint(c);
        }
        if (name.isEmpty()) throw FilterException.at(start + 1, "empty property name \"\"");
        return new Token(Token.Kind.QUOTED_IDENTIFIER, name.toString(), start + 1, i + 1);
    }

    /** 'text' with '' (or \') standing for one quote, as CQL2 writes it. */
    private Token string() {
        int start = i++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (i >= chars.length) throw FilterException.at(start + 1, "the string is not closed with a quote (')");
            int c = chars[i++];
            if (c == '\'') {
                if (i < chars.length && chars[i] == '\'') {
                    value.append('\'');
                    i++;
                    continue;
                }
                break;
            }
            if (c == '\\' && i < chars.length && chars[i] == '\'') {
                value.append('\'');
                i++;
                continue;
            }
            // PostgreSQL text cannot hold NUL; refusing it here keeps it from becoming a 500 there.
            if (c == 0) throw FilterException.at(i, "the string contains the character U+0000, which text cannot hold");
            value.appendCodePoint(c);
        }
        return new Token(Token.Kind.STRING, value.toString(), start + 1, i + 1);
    }

    private Token number() {
        int start = i;
        if (chars[i] == '-' || chars[i] == '+') i++;
        while (i < chars.length && isDigit(chars[i])) i++;
        if (i < chars.length && chars[i] == '.') {
            i++;
            while (i < chars.length && isDigit(chars[i])) i++;
        }
        if (i < chars.length && (chars[i] == 'e' || chars[i] == 'E')) {
            int mark = i++;
            if (i < chars.length && (chars[i] == '-' || chars[i] == '+')) i++;
            if (i < chars.length && isDigit(chars[i])) {
                while (i < chars.length && isDigit(chars[i])) i++;
            } else {
                i = mark;
            }
        }
        Token t = token(Token.Kind.NUMBER, start);
        if (t.text().matches("[-+]?\\.?")) throw FilterException.at(start + 1, unexpected(chars[start]));
        if (i < chars.length && (Character.isLetter(chars[i]) || chars[i] == '_')) {
            throw FilterException.at(i + 1, "unexpected '" + Character.toString(chars[i]) + "' right after the number " + Text.shorten(t.text(), FilterException.ECHO));
        }
        return t;
    }

    private boolean startsNumber(int at) {
        return at < chars.length && (isDigit(chars[at]) || (chars[at] == '.' && at + 1 < chars.length && isDigit(chars[at + 1])));
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String unexpected(int c) {
        String hint = switch (c) {
            case '!' -> " (CQL2 writes 'not equal' as <>)";
            case '-' -> " (CQL2 has no comments, and arithmetic is not supported)";
            case ';' -> " (a filter is one expression)";
            case '\uFF08', '\uFF09' -> " (a full-width parenthesis: use ASCII ( and ))";
            case '\u2018', '\u2019', '\u201C', '\u201D' -> " (a typographic quote: use ASCII ' for strings and \" for property names)";
            case '\uFF0C' -> " (a full-width comma: use ASCII ,)";
            case '\uFF1D' -> " (a full-width equals sign: use ASCII =)";
            default -> "";
        };
        String shown = c < 0x20 || c == 0x7F ? String.format("U+%04X", c) : "'" + Character.toString(c) + "'";
        return "unexpected character " + shown + hint;
    }
}
