package org.liudong.planview.analysis;

/** A 部标 file that cannot be read, with the line at fault (0 = the file as a whole). */
final class BubiaoFormatException extends RuntimeException {
    private final int line;

    BubiaoFormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }

    /** The message as a caller reads it: "line 12: …". */
    String detail() {
        return (line > 0 ? "line " + line + ": " : "") + getMessage();
    }
}
