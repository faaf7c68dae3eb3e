package org.liudong.planview.filter;

import java.util.OptionalInt;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * A filter the server will not run: a syntax error, an unknown property, a type mismatch, bad
 * geometry or a limit exceeded. Always the caller's mistake, so always 400; the detail says what
 * is wrong and, where it can, at which character of the filter text (counted from 1).
 */
public class FilterException extends Problem {
    /** How much of a caller's text a message echoes: it stands inside a sentence with a position. */
    static final int ECHO = 60;

    private final int position;

    public FilterException(String detail) {
        this(0, detail);
    }

    private FilterException(int position, String detail) {
        super(400, "Bad Request", detail);
        this.position = position;
    }

    /** "at character 17: expected a value after '=' but found 'AND'". */
    public static FilterException at(int position, String what) {
        return new FilterException(position, "at character " + position + ": " + what);
    }

    /** For messages that name the thing first: "unknown property 'foo' at character 1; …". */
    public static FilterException withPosition(int position, String detail) {
        return new FilterException(position, detail);
    }

    /** The character (from 1) the problem was found at, when there is one. */
    public OptionalInt position() {
        return position > 0 ? OptionalInt.of(position) : OptionalInt.empty();
    }
}
