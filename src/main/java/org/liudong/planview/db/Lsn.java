package org.liudong.planview.db;

import java.util.Optional;

/**
 * A position in PostgreSQL's write-ahead log, as {@code pg_current_wal_lsn()} prints it
 * ({@code 16/B374D848}: two hexadecimal halves of a 64-bit number). Positions compare as unsigned
 * numbers; a replica that has replayed up to one has every transaction committed before it.
 */
public record Lsn(long value) implements Comparable<Lsn> {

    /** The position in PostgreSQL's text form, or empty for anything else (a caller's header is not trusted). */
    public static Optional<Lsn> parse(String text) {
        if (text == null || !text.matches("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}")) return Optional.empty();
        String[] parts = text.split("/");
        return Optional.of(new Lsn(Long.parseUnsignedLong(parts[0], 16) << 32 | Long.parseUnsignedLong(parts[1], 16)));
    }

    public boolean atLeast(Lsn other) {
        return compareTo(other) >= 0;
    }

    /** Bytes of WAL from {@code earlier} to this position (0 when this one is not later). */
    public long bytesAfter(Lsn earlier) {
        return Math.max(0, value - earlier.value);
    }

    @Override
    public int compareTo(Lsn o) {
        return Long.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
