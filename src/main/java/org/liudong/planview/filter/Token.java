package org.liudong.planview.filter;

import org.liudong.planview.http.Text;

/**
 * One lexical unit of CQL2 text.
 *
 * @param text     for STRING and QUOTED_IDENTIFIER the value with quotes removed, else as written
 * @param position first character, counted from 1 in Unicode code points
 * @param end      the character after the last (1-based), so that WKT can be cut out of the text
 */
record Token(Kind kind, String text, int position, int end) {
    enum Kind { IDENTIFIER, QUOTED_IDENTIFIER, STRING, NUMBER, LEFT_PAREN, RIGHT_PAREN, COMMA, OPERATOR, END }

    boolean is(Kind k) {
        return kind == k;
    }

    /** An unquoted word equal to {@code keyword}, ignoring case (CQL2 keywords are case-insensitive). */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    boolean isOperator(String symbol) {
        return kind == Kind.OPERATOR && text.equals(symbol);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the filter";
            case STRING -> "the string '" + Text.shorten(text, FilterException.ECHO) + "'";
            case QUOTED_IDENTIFIER -> "\"" + Text.shorten(text, FilterException.ECHO) + "\"";
            default -> "'" + Text.shorten(text, FilterException.ECHO) + "'";
        };
    }
}
