package org.liudong.planview.exchange.gdal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server process as the owner of exchange work: its scratch and staging tables and its
 * work directory carry its id, and it holds a PostgreSQL advisory lock on that id for as long as
 * it lives, on a session of its own. A crash ends the session and so releases the lock; whatever
 * carries an id whose lock nobody holds belongs to no live process and may be removed — by any
 * server on the same database, at once, whatever its age ({@link LeftoverSweeper}).
 *
 * <p>Locks say nothing about another database: two servers on two databases (a viewer and a test
 * run on one machine) may share an exchange directory, so work directories sit below a directory
 * of their database ({@link #databaseKey()}), and a server sweeps only its own database's.
 */
public final class WorkOwner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkOwner.class);
    /** The first key of every owner's lock ("plvw"); the second is the owner's number. */
    static final int LOCK_NAMESPACE = 0x706c7677;
    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?, ?)";
    /** The database cluster's system identifier and the database's oid: the same for every server on it, whatever URL it uses. */
    private static final String DATABASE_KEY = "SELECT 'db-' || (SELECT system_identifier FROM pg_control_system()) || '-' "
            + "|| (SELECT oid FROM pg_database WHERE datname = current_database())";
    /** Owners alive now: their lock is granted to some session of this database. */
    private static final String LIVE = """
            SELECT objid::bigint FROM pg_locks
            WHERE locktype = 'advisory' AND classid::bigint = ? AND objsubid = 2 AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""";
    /** e_ (export scratch) or s_ (import staging), the owner's id, a random part. */
    private static final Pattern TABLE = Pattern.compile("[es]_([0-9a-f]{8})_[0-9a-f]{32}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}");
    private static final SecureRandom random = new SecureRandom();

    private final DatabaseSettings database;
    private final int number;
    private final String id;
    private final String databaseKey;
    private Connection session;
    private boolean closed;

    private WorkOwner(DatabaseSettings database, int number, String databaseKey, Connection session) {
        this.database = database;
        this.number = number;
        this.id = String.format("%08x", number);
        this.databaseKey = databaseKey;
        this.session = session;
    }

    /** A new owner with a number no live server holds, its lock taken. */
    public static WorkOwner start(DatabaseSettings database) {
        try {
            Connection session = Database.session(database, "work owner");
            String key = databaseKey(session);
            for (int attempt = 0; attempt < 10; attempt++) {
                int number = 1 + random.nextInt(Integer.MAX_VALUE - 1);
                if (tryLock(session, number)) {
                    WorkOwner owner = new WorkOwner(database, number, key, session);
                    log.info("exchange work of this server is owned by {}", owner.id);
                    return owner;
                }
            }
            session.close();
            throw new IllegalStateException("no free work owner number after 10 attempts");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the work owner's lock", e);
        }
    }

    public String id() {
        return id;
    }

    /** Names the database this owner works on (its work directories' parent): {@code db-<system id>-<oid>}. */
    public String databaseKey() {
        return databaseKey;
    }

    private static String databaseKey(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DATABASE_KEY); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A new table name for {@code prefix} (e = export scratch, s = import staging), owned by this server. */
    public String tableName(char prefix) {
        return prefix + "_" + id + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Makes sure the lock is still held, taking it again on a new session if the old one was lost
     * (a database restart ends every session): call it before starting work that others must not sweep.
     *
     * @throws IllegalStateException with the {@link SQLException} as its cause when the database cannot be reached
     */
    public synchronized void ensureHeld() {
        if (closed) throw new IllegalStateException("work owner " + id + " has stopped");
        try {
            if (session != null && session.isValid(2)) return;
            if (session != null) session.close();
            session = null;
            Connection fresh = Database.session(database, "work owner");
            if (!tryLock(fresh, number)) {
                fresh.close();
                throw new IllegalStateException("work owner " + id + " is held by another session");
            }
            session = fresh;
            log.info("work owner {} took its lock again (the database session had been lost)", id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hold the work owner's lock", e);
        }
    }

    /** The ids of the owners alive now, on any server using this database. */
    static Set<String> live(Connection c) throws SQLException {
        Set<String> live = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(LIVE)) {
            ps.setLong(1, LOCK_NAMESPACE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) live.add(String.format("%08x", rs.getLong(1)));
            }
        }
        return live;
    }

    /** The owner a work table belongs to, or empty for a name that is not a work table's (or of an older version). */
    static Optional<String> ownerOfTable(String table) {
        Matcher m = TABLE.matcher(table);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether a directory name is an owner's work directory. */
    static boolean isOwnerDirectory(String name) {
        return ID.matcher(name).matches();
    }

    private static boolean tryLock(Connection c, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TRY_LOCK)) {
            ps.setInt(1, LOCK_NAMESPACE);
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Ends the session, and with it the lock: what is left of this owner's work may be swept. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (session != null) session.close();
        } catch (SQLException e) {
            log.debug("closing the work owner's session: {}", e.getMessage());
        }
        session = null;
    }
}
