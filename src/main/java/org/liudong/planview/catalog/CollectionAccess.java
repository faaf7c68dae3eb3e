package org.liudong.planview.catalog;

import java.util.Locale;
import java.util.Optional;

/** Who may see a collection (the catalogue's {@code access} column, V60). */
public enum CollectionAccess {
    /** whoever may read at all */
    PUBLIC,
    /** signed-in accounts only; to anyone else it does not exist */
    INTERNAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CollectionAccess> parse(String text) {
        if (text == null) return Optional.empty();
        for (CollectionAccess a : values()) if (a.code().equals(text.strip().toLowerCase(Locale.ROOT))) return Optional.of(a);
        return Optional.empty();
    }
}
