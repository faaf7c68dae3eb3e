package org.liudong.planview.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.config.ReadReplicaSettings;
import org.liudong.planview.http.ConnectionFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a read goes: to one of the read-only replicas in rotation, or to the primary. A check in
 * the background asks the primary where its WAL is and each replica how far it has replayed;
 * a replica that cannot be reached, or that is further behind than the settings allow, is out of
 * rotation until a later check finds it well again. A read that must see a given write (its
 * caller just made it) goes only to a replica that has replayed past that write's position.
 *
 * <p>Lag is measured by position, not by replay timestamps (which stand still while the primary
 * is idle): the check remembers when the primary was at which position; a replica that has
 * replayed the position the primary had at time T is at most {@code now − T} behind.
 */
public final class ReadRouting implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReadRouting.class);
    /**
     * The position up to which the primary's WAL is on disk, so a replica can have it: a committed
     * transaction is there (synchronous_commit), and the write position may run ahead of it by WAL
     * the replica is not yet sent.
     */
    private static final String PRIMARY_LSN = "SELECT pg_current_wal_flush_lsn()::text";
    private static final int VALIDATION_SECONDS = 1;
    private static final String REPLAY_LSN = "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text";

    private final DataSource primary;
    private final List<Replica> replicas;
    private final List<HikariDataSource> ownedPools;
    private final Duration maxLag;
    private final Duration interval;
    private final AtomicInteger next = new AtomicInteger();
    /** When the primary was at which position: newest last, as old as the lag allowed and a little more. */
    private final Deque<long[]> samples = new ArrayDeque<>();
    private volatile Lsn primaryPosition;
    private volatile String primaryProblem;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "planview:replica-check");
        t.setDaemon(true);
        return t;
    });

    private ReadRouting(DataSource primary, List<Replica> replicas, List<HikariDataSource> ownedPools, Duration maxLag, Duration interval) {
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
        this.ownedPools = List.copyOf(ownedPools);
        this.maxLag = maxLag;
        this.interval = interval;
    }

    /** Every read to the primary: no replicas configured. */
    public static ReadRouting primaryOnly(DataSource primary) {
        return new ReadRouting(primary, List.of(), List.of(), Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    /** A pool of {@code poolSize} for each replica the settings name; checked from {@link #start()}. */
    public static ReadRouting open(DataSource primary, ReadReplicaSettings settings, int poolSize) {
        List<Replica> replicas = new ArrayList<>();
        List<HikariDataSource> pools = new ArrayList<>();
        int n = 0;
        for (DatabaseSettings db : settings.replicas()) {
            n++;
            HikariDataSource pool = Database.pool(db, poolSize, "planview-replica-" + n);
            pools.add(pool);
            // Named by address only: the name is shown by /health, the password is not.
            replicas.add(new Replica("replica " + n + " (" + db.host() + ":" + db.port() + "/" + db.database() + ")", pool, db));
        }
        return new ReadRouting(primary, replicas, pools, settings.maxLag(), settings.checkInterval());
    }

    public ReadRouting start() {
        if (!replicas.isEmpty()) {
            check();
            checker.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    public boolean hasReplicas() {
        return !replicas.isEmpty();
    }

    public List<Replica> replicas() {
        return replicas;
    }

    /** The primary's WAL position at the last check (null before one, or while it is unreachable). */
    public Lsn primaryPosition() {
        return primaryPosition;
    }

    public String primaryProblem() {
        return primaryProblem;
    }

    public DataSource primary() {
        return primary;
    }

    /**
     * The database for a read that must see every write up to {@code mustSee} (null: any replica
     * in rotation will do). Replicas in rotation take turns; none fit: the primary. Should the
     * chosen replica turn out unreachable, it is taken out at once and the primary serves instead.
     */
    public DataSource forReading(Lsn mustSee) {
        return replicaFor(mustSee).<DataSource>map(OrPrimary::new).orElse(primary);
    }

    /**
     * The replica a read that must see {@code mustSee} may go to — replicas in rotation take turns —
     * itself rather than a source that falls back to the primary (for work that needs one database
     * throughout, an export's snapshot); empty when none fits.
     */
    public Optional<Replica> replicaFor(Lsn mustSee) {
        int size = replicas.size();
        if (size == 0) return Optional.empty();
        int start = Math.floorMod(next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            Replica r = replicas.get((start + i) % size);
            if (r.serves(mustSee)) return Optional.of(r);
        }
        return Optional.empty();
    }

    /** The primary's WAL position now: a write committed before this call is at or before it. */
    public Optional<Lsn> currentPrimaryPosition() throws SQLException {
        try (Connection c = primary.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PRIMARY_LSN)) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("replica check failed: {}", e.toString());
        }
    }

    /** One round: the primary's position, then each replica's. */
    void check() {
        long now = System.nanoTime();
        try {
            Optional<Lsn> p = currentPrimaryPosition();
            if (p.isPresent()) {
                primaryPosition = p.get();
                primaryProblem = null;
                remember(now, p.get());
            }
        } catch (SQLException e) {
            // Replicas keep serving reads while the primary is away; their lag is then not known afresh.
            primaryProblem = ConnectionFailures.unreachable(e) ? "unreachable" : "check failed (SQLState " + e.getSQLState() + ")";
        }
        for (Replica r : replicas) {
            Replica.State before = r.state();
            Replica.State after = checkOne(r, now);
            r.set(after);
            if (before.inRotation() != after.inRotation()) {
                if (after.inRotation()) log.info("{} is back in rotation", r.name());
                else log.warn("{} is out of rotation: {}", r.name(), after.problem());
            }
        }
    }

    private Replica.State checkOne(Replica r, long now) {
        try (Connection c = r.pool().getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(3);
            try (ResultSet rs = st.executeQuery(REPLAY_LSN)) {
                rs.next();
                boolean standby = rs.getBoolean(1);
                Lsn replayed = standby ? Lsn.parse(rs.getString(2)).orElse(null) : null;
                if (!standby) {
                    // Not a standby (a copy, or a replica promoted after a fail-over): readable, but it
                    // cannot tell how far it has come, so reads that must see a write go to the primary.
                    return new Replica.State(true, true, null, null, 0, null);
                }
                if (replayed == null) return new Replica.State(true, false, null, null, 0, "has replayed nothing yet");
                Lsn primaryNow = primaryPosition;
                long bytes = primaryNow == null ? 0 : primaryNow.bytesAfter(replayed);
                Duration lag = lag(replayed, now);
                boolean tooFar = lag.compareTo(maxLag) > 0;
                return new Replica.State(true, !tooFar, replayed, lag, bytes,
                        tooFar ? "more than " + maxLag.toSeconds() + " s behind the primary" : null);
            }
        } catch (SQLException e) {
            return Replica.State.unreachable(ConnectionFailures.unreachable(e) ? "unreachable" : "check failed (SQLState " + e.getSQLState() + ")");
        }
    }

    private synchronized void remember(long now, Lsn position) {
        samples.addLast(new long[] {now, position.value()});
        long keep = maxLag.toNanos() + 4 * interval.toNanos();
        while (samples.size() > 1 && now - samples.peekFirst()[0] > keep) samples.removeFirst();
    }

    /** How long ago the primary was last at a position the replica has replayed (0 when it has all). */
    private synchronized Duration lag(Lsn replayed, long now) {
        if (samples.isEmpty()) return Duration.ZERO;
        java.util.Iterator<long[]> newestFirst = samples.descendingIterator();
        long[] newest = samples.peekLast();
        if (replayed.atLeast(new Lsn(newest[1]))) return Duration.ZERO;
        while (newestFirst.hasNext()) {
            long[] s = newestFirst.next();
            if (replayed.atLeast(new Lsn(s[1]))) return Duration.ofNanos(now - s[0]);
        }
        // Behind even the oldest position remembered: at least that far behind.
        return Duration.ofNanos(now - samples.peekFirst()[0]).plus(interval);
    }

    @Override
    public void close() {
        checker.shutdownNow();
        ownedPools.forEach(HikariDataSource::close);
    }

    /** A replica's pool, falling back to the primary when the replica cannot be reached. */
    private final class OrPrimary extends ConnectionSource {
        private final Replica replica;

        OrPrimary(Replica replica) {
            this.replica = replica;
        }

        /**
         * The replica's connection, checked as it is borrowed (one empty round trip): a replica
         * that went away since the last check then costs no request, which the pool's own check
         * (only of connections idle for a while) would not promise.
         */
        @Override
        public Connection getConnection() throws SQLException {
            Connection c;
            try {
                c = replica.pool().getConnection();
            } catch (SQLException e) {
                if (!ConnectionFailures.unreachable(e)) throw e;
                return outOfRotation();
            }
            boolean valid;
            try {
                valid = c.isValid(VALIDATION_SECONDS);
            } catch (SQLException e) {
                valid = false;
            }
            if (valid) return c;
            replica.pool().evictConnection(c);
            return outOfRotation();
        }

        private Connection outOfRotation() throws SQLException {
            Replica.State was = replica.state();
            replica.set(Replica.State.unreachable("unreachable"));
            if (was.inRotation()) log.warn("{} is out of rotation: unreachable; reading from the primary", replica.name());
            return primary.getConnection();
        }
    }
}
