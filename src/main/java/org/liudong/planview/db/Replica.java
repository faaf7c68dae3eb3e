package org.liudong.planview.db;

import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.liudong.planview.config.DatabaseSettings;

/**
 * One read-only database and what the last check found: reachable or not, how far its replay
 * has come and how far behind the primary that leaves it. Only {@link ReadRouting} changes it.
 */
public final class Replica {
    private final String name;
    private final HikariDataSource pool;
    private final DatabaseSettings settings;
    private volatile State state = State.unchecked();

    Replica(String name, HikariDataSource pool, DatabaseSettings settings) {
        this.name = name;
        this.pool = pool;
        this.settings = settings;
    }

    /** What a check found. {@code replayed} is null for a database that is not a standby (its lag is unknown). */
    public record State(boolean reachable, boolean inRotation, Lsn replayed, Duration lag, long lagBytes, String problem) {
        static State unchecked() {
            return new State(false, false, null, null, 0, "not checked yet");
        }

        static State unreachable(String problem) {
            return new State(false, false, null, null, 0, problem);
        }
    }

    public String name() {
        return name;
    }

    HikariDataSource pool() {
        return pool;
    }

    /**
     * This replica's own pool, with no fall-back to the primary: for work that must stay on one
     * database from start to end (an export's snapshot, which only the database that made it can
     * lend to ogr2ogr).
     */
    public DataSource dataSource() {
        return pool;
    }

    /** The libpq environment that reaches this replica, for a child process (ogr2ogr) reading it. */
    public Map<String, String> libpqEnvironment() {
        return settings.libpqEnvironment();
    }

    public State state() {
        return state;
    }

    void set(State next) {
        state = next;
    }

    /** Whether a read that must see {@code mustSee} may be sent here. */
    boolean serves(Lsn mustSee) {
        State s = state;
        if (!s.inRotation()) return false;
        return mustSee == null || s.replayed() != null && s.replayed().atLeast(mustSee);
    }
}
