package org.liudong.planview.exchange.gdal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the scratch and staging tables, the rows of work (an export's values) and the work
 * directories that no live server owns —
 * what a crash (of a server, of PostgreSQL, of the machine) left behind — at start and then
 * periodically. Ownership, not age, decides ({@link WorkOwner}): the running jobs of another server
 * on the same database are spared however long they take, and a crashed server's leftovers go at
 * once. A periodic sweep removes an owner's things only when it was found dead twice in a row, so
 * that a server whose session a database restart has just ended has time to take its lock again.
 */
public final class LeftoverSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeftoverSweeper.class);

    private final DataSource ds;
    private final WorkOwner owner;
    private final Path exchangeDir;
    private final List<String> schemas;
    private final List<String> rowTables;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "leftover-sweeper");
        t.setDaemon(true);
        return t;
    });
    /** Owners found dead by the previous periodic sweep. */
    private Set<String> deadBefore = Set.of();

    public LeftoverSweeper(DataSource ds, WorkOwner owner, Path exchangeDir, List<String> schemas) {
        this(ds, owner, exchangeDir, schemas, List.of());
    }

    /**
     * @param schemas   the schemas of work tables (named by their owner)
     * @param rowTables tables whose rows are work of an owner, named in their {@code owner} column
     *                  (an export's values, V110): a dead owner's rows are deleted with its tables
     */
    public LeftoverSweeper(DataSource ds, WorkOwner owner, Path exchangeDir, List<String> schemas, List<String> rowTables) {
        this.ds = ds;
        this.owner = owner;
        this.exchangeDir = exchangeDir.toAbsolutePath().normalize();
        this.schemas = List.copyOf(schemas);
        this.rowTables = List.copyOf(rowTables);
    }

    /** Sweeps now everything whose owner is not alive (at start: nothing of this server exists yet). */
    public void sweep() {
        sweep(false);
    }

    /** Sweeps every {@code interval} from now on, keeping this server's own lock held meanwhile. */
    public LeftoverSweeper every(Duration interval) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                owner.ensureHeld();
                sweep(true);
            } catch (RuntimeException e) {
                log.warn("leftover sweep skipped: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private synchronized void sweep(boolean deadTwice) {
        try (Connection c = ds.getConnection()) {
            Set<String> live = new HashSet<>(WorkOwner.live(c));
            live.add(owner.id());
            Set<String> dead = new TreeSet<>();
            // This database's servers' directories; of the top level only what an older version left
            // ("" — owner ids there may be of servers on another database, whose locks this one cannot see).
            Map<String, List<Path>> dirs = new java.util.LinkedHashMap<>(WorkDirs.byOwner(WorkDirs.ofDatabase(exchangeDir, owner)));
            List<Path> older = WorkDirs.byOwner(exchangeDir).getOrDefault("", List.of());
            if (!older.isEmpty()) dirs.put("", older);
            dirs.keySet().stream().filter(o -> !live.contains(o)).forEach(dead::add);
            Map<String, Map<String, List<String>>> tables = new java.util.LinkedHashMap<>();
            for (String schema : schemas) {
                Map<String, List<String>> bySchema = WorkTables.byOwner(c, schema);
                tables.put(schema, bySchema);
                bySchema.keySet().stream().filter(o -> !live.contains(o)).forEach(dead::add);
            }
            Map<String, Set<String>> rowOwners = new java.util.LinkedHashMap<>();
            for (String table : rowTables) {
                Set<String> owners = WorkRows.owners(c, table);
                rowOwners.put(table, owners);
                owners.stream().filter(o -> !live.contains(o)).forEach(dead::add);
            }
            Set<String> removable = new TreeSet<>(dead);
            if (deadTwice) removable.retainAll(deadBefore);
            deadBefore = Set.copyOf(dead);
            for (String gone : removable) {
                for (var schema : tables.entrySet()) {
                    for (String table : schema.getValue().getOrDefault(gone, List.of())) {
                        boolean dropped = WorkTables.drop(c, schema.getKey(), table);
                        log.info("{} work table {}.{} of {}", dropped ? "dropped" : "still in use, kept for now:", schema.getKey(),
                                table, describe(gone));
                    }
                }
                for (var rows : rowOwners.entrySet()) {
                    if (!rows.getValue().contains(gone)) continue;
                    log.info("deleted {} rows of {} of {}", WorkRows.delete(c, rows.getKey(), gone), rows.getKey(), describe(gone));
                }
                for (Path p : dirs.getOrDefault(gone, List.of())) {
                    log.info("removing work directory {} of {}", p, describe(gone));
                    WorkDirs.delete(p);
                }
            }
        } catch (SQLException e) {
            log.warn("cannot sweep leftovers now (the next sweep tries again): {}", e.getMessage());
        }
    }

    private static String describe(String ownerId) {
        return ownerId.isEmpty() ? "an older version" : "server " + ownerId + ", which is no longer running";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
