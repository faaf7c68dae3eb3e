package org.liudong.planview.exchange.gdal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.db.Database;

/**
 * At most N jobs of a kind at once across every server on the database: the rest are told to
 * come back later instead of queueing threads and disk. A slot is a PostgreSQL advisory lock
 * (one key per slot) held by a session of its own for as long as the job runs, so servers share
 * the count without sharing memory, and a server that dies mid-job frees its slot with its session.
 */
public final class JobSlots {
    /** First keys of the slot locks ("plvx" exports, "plvi" imports); the second is the slot's number. */
    private static final int EXPORTS = 0x706c7678;
    private static final int IMPORTS = 0x706c7669;
    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?, ?)";

    private final DatabaseSettings db;
    private final int namespace;
    private final int max;
    private final String purpose;

    private JobSlots(DatabaseSettings db, int namespace, int max, String purpose) {
        if (max < 1) throw new IllegalArgumentException("at least one slot");
        this.db = db;
        this.namespace = namespace;
        this.max = max;
        this.purpose = purpose;
    }

    /** {@code max} exports at once on this database. */
    public static JobSlots exports(DatabaseSettings db, int max) {
        return new JobSlots(db, EXPORTS, max, "export slot");
    }

    /** One import at a time on this database: two replaces of one layer must not interleave, and each is heavy work. */
    public static JobSlots imports(DatabaseSettings db) {
        return new JobSlots(db, IMPORTS, 1, "import slot");
    }

    /** A free slot, or empty when all are taken; a database that cannot be reached is thrown (a 503). */
    public Optional<Slot> tryAcquire() {
        Connection session = null;
        try {
            session = Database.session(db, purpose);
            try (PreparedStatement ps = session.prepareStatement(TRY_LOCK)) {
                for (int slot = 0; slot < max; slot++) {
                    ps.setInt(1, namespace);
                    ps.setInt(2, slot);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getBoolean(1)) return Optional.of(new Slot(session, namespace, slot));
                    }
                }
            }
            session.close();
            return Optional.empty();
        } catch (SQLException e) {
            if (session != null) {
                try {
                    session.close();
                } catch (SQLException ignored) {
                    // the first failure is the one to report
                }
            }
            throw new IllegalStateException("cannot take a " + purpose, e);
        }
    }

    /**
     * A held slot. Closing it unlocks first, and only then ends the session: a session's end is
     * processed by its backend after the client has moved on, so a job started right after this
     * one (the next import) could otherwise still find the slot taken. Should the unlock fail, the
     * session's end lets go of the lock all the same.
     */
    public static final class Slot implements AutoCloseable {
        private final Connection session;
        private final int namespace;
        private final int number;

        private Slot(Connection session, int namespace, int number) {
            this.session = session;
            this.namespace = namespace;
            this.number = number;
        }

        @Override
        public void close() {
            try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                ps.setInt(1, namespace);
                ps.setInt(2, number);
                ps.execute();
            } catch (SQLException e) {
                // the session is broken: its end below (or its death) frees the lock
            }
            try {
                session.close();
            } catch (SQLException e) {
                // A session that cannot be closed cleanly is gone anyway, and its locks with it.
            }
        }
    }
}
