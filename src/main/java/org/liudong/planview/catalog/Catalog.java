package org.liudong.planview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.http.Problem;

/**
 * Which collections exist, read from the {@code collection} table and the tables it names.
 * Everything that serves layers (features, tiles, export) asks this class, so a layer that is
 * {@link #register registered} or {@link #refresh refreshed} is served at once by all of them.
 * Routes look collections up given their caller ({@link #require(String, Caller)}, {@link #all(Caller)}):
 * an internal collection does not exist for a caller who may not see it, in every route alike.
 *
 * <p>Other servers on the same database (and psql) change the catalogue too: {@link #all} compares
 * the catalogue's stamp — row count, newest {@code updated_at}, newest change marker — with what it
 * read last, {@link #find} does so at most every {@link #STAMP_CHECK}, and an unknown id is looked
 * up in the table. So another server's import or replace (which moves the collection's change
 * marker) is served here with its columns and extent within a second. Extents and resolved styles
 * are computed on first use and cached until the stamp moves; rows of a layer's table changed with
 * psql (which moves no marker) show a stale extent until {@link #refresh()}.
 */
public final class Catalog {
    /** As the catalogue's CHECK constraint says: anything else cannot be a collection. */
    /** Where the rows of past versions of collections are kept (V62). */
    public static final String HISTORY_SCHEMA = "layer_history";
    private static final java.util.regex.Pattern VALID_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    /**
     * How stale a looked-up collection may be after another server changed it. Not every request:
     * {@link #find} is on the tile and items path, and the stamp is a round trip.
     */
    static final java.time.Duration STAMP_CHECK = java.time.Duration.ofSeconds(1);
    private volatile long stampCheckedNanos = System.nanoTime();
    private final DataSource ds;
    private volatile Map<String, CollectionInfo> collections = Map.of();
    private volatile List<CollectionGroup> groups = List.of();
    private volatile String stamp = "";
    private final Map<String, Optional<double[]>> extents = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> styles = new ConcurrentHashMap<>();
    private final PastVersions versions;
    private final Map<String, Optional<String[]>> temporalExtents = new ConcurrentHashMap<>();

    public Catalog(DataSource ds) {
        this.ds = ds;
        this.versions = new PastVersions(ds);
        refresh();
    }

    public Optional<CollectionInfo> find(String id) {
        if (id == null || !VALID_ID.matcher(id).matches()) return Optional.empty();
        if (System.nanoTime() - stampCheckedNanos > STAMP_CHECK.toNanos()) {
            try {
                refreshIfChanged();
            } catch (IllegalStateException unreachable) {
                // Serve from what is known: the request's own query meets the outage and answers 503.
            }
        }
        CollectionInfo known = collections.get(id);
        if (known != null) return Optional.of(known);
        return lookUp(id);
    }

    /**
     * The collection a request names, as its caller may see it: a 404 problem that says where the
     * collections are listed when there is none — or when it is internal and the caller may not
     * see it (a 403 would tell that it exists).
     */
    public CollectionInfo require(String id, Caller caller) {
        return find(id).filter(c -> visibleTo(c, caller)).orElseThrow(() -> Problem.notFound("no collection '"
                + (id.length() <= 80 ? id : id.substring(0, 77) + "...") + "'; the collections are listed at /collections"));
    }

    /**
     * As {@link #require(String, Caller)}, at a version: {@code version} null (or the newest
     * version) gives the current data; an older one gives its rows as kept in layer_history.
     */
    public CollectionInfo require(String id, Caller caller, String version) {
        CollectionInfo current = require(id, caller);
        if (version == null) return current;
        return versions.at(current, version);
    }

    /** Every collection the caller may see, in the layer panel's order (group, then the row's sort order). */
    public List<CollectionInfo> all(Caller caller) {
        refreshIfChanged();
        return collections.values().stream().filter(c -> visibleTo(c, caller)).toList();
    }

    private static boolean visibleTo(CollectionInfo c, Caller caller) {
        return !c.internal() || caller.mayReadInternal();
    }

    private synchronized Optional<CollectionInfo> lookUp(String id) {
        if (collections.containsKey(id)) return Optional.of(collections.get(id));
        try (Connection c = ds.getConnection()) {
            Optional<CollectionInfo> info = CatalogReader.one(c, id);
            info.ifPresent(this::put);
            return info;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the layer catalogue: " + e.getMessage(), e);
        }
    }

    private void refreshIfChanged() {
        stampCheckedNanos = System.nanoTime();
        if (!stamp.equals(readStamp())) refresh();
    }

    /** Moves whenever a catalogue row is added, deleted or changed, and whenever any collection's data is imported or replaced. */
    private String readStamp() {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') || '/' "
                     + "|| coalesce(max(change_marker), 0) FROM collection");
             java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the layer catalogue: " + e.getMessage(), e);
        }
    }

    public List<CollectionGroup> groups() {
        return groups;
    }

    /** Re-reads the whole catalogue and every table's columns; drops cached extents and styles. */
    public synchronized void refresh() {
        String newStamp = readStamp();
        try (Connection c = ds.getConnection()) {
            Map<String, CollectionInfo> fresh = new LinkedHashMap<>();
            for (CollectionInfo info : CatalogReader.all(c)) fresh.put(info.id(), info);
            groups = List.copyOf(CatalogReader.groups(c));
            collections = fresh;
            stamp = newStamp;
            extents.clear();
            temporalExtents.clear();
            styles.clear();
            versions.forget();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the layer catalogue: " + e.getMessage(), e);
        }
    }

    /**
     * Adds or replaces a collection: writes its catalogue row, re-reads its table, and serves it
     * from now on. Call it again after replacing the table's rows, so that extents are recomputed.
     *
     * @throws IllegalArgumentException when the table, its id or geometry column does not exist
     */
    public synchronized CollectionInfo register(CollectionDefinition d) {
        String upsert = """
                INSERT INTO collection (id, table_schema, table_name, id_column, geometry_column, title_zh, title_en,
                    description_zh, description_en, group_id, caveat_zh, caveat_en, default_style, tile_min_zoom,
                    tile_properties, queryables, sort_order, access, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET table_schema = excluded.table_schema, table_name = excluded.table_name,
                    id_column = excluded.id_column, geometry_column = excluded.geometry_column,
                    subset_column = NULL, subset_value = NULL, geometry_dimension = NULL,
                    title_zh = excluded.title_zh, title_en = excluded.title_en,
                    description_zh = excluded.description_zh, description_en = excluded.description_en,
                    group_id = excluded.group_id, caveat_zh = excluded.caveat_zh, caveat_en = excluded.caveat_en,
                    default_style = excluded.default_style, tile_min_zoom = excluded.tile_min_zoom,
                    tile_properties = excluded.tile_properties, queryables = excluded.queryables,
                    sort_order = excluded.sort_order, access = excluded.access, updated_at = now()
                """;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                int i = 0;
                ps.setString(++i, d.id());
                ps.setString(++i, d.schema());
                ps.setString(++i, d.table());
                ps.setString(++i, d.idColumn());
                ps.setString(++i, d.geometryColumn());
                ps.setString(++i, d.texts().titleZh());
                ps.setString(++i, d.texts().titleEn());
                ps.setString(++i, d.texts().descriptionZh());
                ps.setString(++i, d.texts().descriptionEn());
                ps.setString(++i, d.groupId());
                ps.setString(++i, d.texts().caveatZh());
                ps.setString(++i, d.texts().caveatEn());
                ps.setString(++i, d.defaultStyle() == null ? "{}" : d.defaultStyle().toString());
                ps.setInt(++i, d.tileMinZoom());
                ps.setArray(++i, d.tileProperties() == null ? null : c.createArrayOf("text", d.tileProperties().toArray()));
                ps.setArray(++i, d.queryables() == null ? null : c.createArrayOf("text", d.queryables().toArray()));
                ps.setInt(++i, d.sortOrder());
                ps.setString(++i, d.access().code());
                ps.executeUpdate();
            }
            Optional<CollectionInfo> info = CatalogReader.one(c, d.id());
            if (info.isEmpty()) {
                c.rollback();
                throw new IllegalArgumentException("cannot serve " + d.schema() + "." + d.table() + " as collection " + d.id()
                        + ": the table, its id column " + d.idColumn() + " or its geometry column " + d.geometryColumn() + " is missing");
            }
            c.commit();
            put(info.get());
            return info.get();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register collection " + d.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records, in the caller's transaction, that a collection's rows were replaced: its caveat
     * now says where the data came from. Call {@link #refresh()} after the commit.
     */
    public void recordReplacedData(Connection inTransaction, String id, String caveatZh, String caveatEn) throws SQLException {
        try (PreparedStatement ps = inTransaction.prepareStatement(
                "UPDATE collection SET caveat_zh = ?, caveat_en = ?, updated_at = now() WHERE id = ?")) {
            ps.setString(1, caveatZh);
            ps.setString(2, caveatEn);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** Stops serving a collection and deletes its catalogue row (the table is left alone). */
    public synchronized boolean unregister(String id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM collection WHERE id = ?")) {
            ps.setString(1, id);
            boolean deleted = ps.executeUpdate() > 0;
            Map<String, CollectionInfo> next = new LinkedHashMap<>(collections);
            next.remove(id);
            collections = next;
            extents.remove(id);
            temporalExtents.remove(id);
            styles.remove(id);
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot unregister collection " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets who may see a collection.
     *
     * @return false when there is no such collection
     */
    public synchronized boolean setAccess(String id, CollectionAccess access) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE collection SET access = ?, updated_at = now() WHERE id = ?")) {
            ps.setString(1, access.code());
            ps.setString(2, id);
            if (ps.executeUpdate() == 0) return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the access of collection " + id + ": " + e.getMessage(), e);
        }
        refresh();
        return true;
    }

    /** CRS84 {minLon, minLat, maxLon, maxLat}, or empty for a collection without rows. Cached for the current data. */
    public Optional<double[]> extent(CollectionInfo info) {
        if (info.version() != null) {
            try (Connection c = ds.getConnection()) {
                return Optional.ofNullable(CatalogReader.extent(c, info));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot compute the extent of " + info.id() + ": " + e.getMessage(), e);
            }
        }
        return extents.computeIfAbsent(info.id(), id -> {
            try (Connection c = ds.getConnection()) {
                return Optional.ofNullable(CatalogReader.extent(c, info));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot compute the extent of " + id + ": " + e.getMessage(), e);
            }
        }).map(double[]::clone);
    }

    /** {first, last} instant of the collection's times (RFC 3339, UTC), or empty without a temporal property or times. Cached. */
    public Optional<String[]> temporalExtent(CollectionInfo info) {
        return temporalExtents.computeIfAbsent(info.id(), id -> {
            try (Connection c = ds.getConnection()) {
                return Optional.ofNullable(CatalogReader.temporalExtent(c, info));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot compute the temporal extent of " + id + ": " + e.getMessage(), e);
            }
        }).map(String[]::clone);
    }

    /** The default style, with lookup-table categories (e.g. land-use colours) filled in. Cached. */
    public JsonNode style(CollectionInfo info) {
        return styles.computeIfAbsent(info.id(), id -> {
            try (Connection c = ds.getConnection()) {
                return CatalogReader.resolveStyle(c, info);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the style of " + id + ": " + e.getMessage(), e);
            }
        });
    }

    private void put(CollectionInfo info) {
        Map<String, CollectionInfo> next = new LinkedHashMap<>(collections);
        next.put(info.id(), info);
        List<CollectionInfo> ordered = new ArrayList<>(next.values());
        ordered.sort((a, b) -> a.group().sortOrder() != b.group().sortOrder()
                ? Integer.compare(a.group().sortOrder(), b.group().sortOrder())
                : a.sortOrder() != b.sortOrder() ? Integer.compare(a.sortOrder(), b.sortOrder()) : a.id().compareTo(b.id()));
        Map<String, CollectionInfo> sorted = new LinkedHashMap<>();
        for (CollectionInfo c : ordered) sorted.put(c.id(), c);
        collections = sorted;
        extents.remove(info.id());
        temporalExtents.remove(info.id());
        styles.remove(info.id());
    }
}
