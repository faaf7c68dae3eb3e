package org.liudong.planview.auth;

import java.util.Locale;
import java.util.Optional;

/** What an account may do; each role may do all that the ones before it may. */
public enum Role {
    /** reads public and internal collections */
    VIEWER,
    /** also imports, replaces and rolls back layers */
    EDITOR,
    /** also manages accounts, collection access and reads the audit trail */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** As stored and shown: viewer, editor, admin. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) return Optional.empty();
        for (Role r : values()) if (r.code().equals(text.strip().toLowerCase(Locale.ROOT))) return Optional.of(r);
        return Optional.empty();
    }
}
