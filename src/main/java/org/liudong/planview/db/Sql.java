package org.liudong.planview.db;

/** Quoting of SQL identifiers. Identifiers come from the catalogue, never from a request. */
public final class Sql {
    private Sql() {
    }

    /** A double-quoted identifier; embedded quotes are doubled, so no name can break out. */
    public static String ident(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not an SQL identifier: " + name);
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
