package org.liudong.planview.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.MarkedSnapshot;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.Links;
import org.liudong.planview.http.Problem;
import org.liudong.planview.query.Cursor;
import org.liudong.planview.query.ItemsRequest;
import org.liudong.planview.query.ItemsSql;
import org.liudong.planview.query.PageQuery;
import org.liudong.planview.http.Text;
import org.liudong.planview.query.QueryFailures;

/**
 * Answers items and item requests. GeoJSON is written by PostGIS feature by feature and copied to
 * the response as rows arrive (a server-side cursor, fetch size {@value #FETCH_SIZE}): a page of
 * 10,000 parcels never exists whole in the server's memory. The Features' UTF-8 bytes go to the
 * response as PostgreSQL sent them, never decoded into Java strings and encoded again. A page is
 * read in the request's snapshot (a {@link MarkedSnapshot}), and its
 * first rows are held before writing, so that a page which holds the end of the result needs no
 * count statement (see {@link #matched}).
 *
 * <p>Every round trip to PostgreSQL is on the clock (docs/benchmark.md): the time limit is the
 * driver's query timeout (a cancel request when it fires) rather than a {@code SET LOCAL} of its
 * own, and a single feature is one statement outside any transaction.
 */
final class ItemsResponse {
    static final int FETCH_SIZE = 500;
    /**
     * How much of a page is read and held before the first byte is written: a page that ends
     * within it needs no count statement for numberMatched. About 2,000 parcels; bounded in bytes,
     * so a page of large geometries is still streamed.
     */
    static final long READ_AHEAD_BYTES = 1 << 20;
    private final QueryLimit limit;

    ItemsResponse(QueryLimit limit) {
        this.limit = limit;
    }

    /** The page as GeoJSON, read in the request's snapshot ({@link MarkedSnapshot}). */
    void geoJson(MarkedSnapshot read, PageQuery page, Context ctx, CollectionInfo c, ItemsRequest r) throws SQLException {
        Links links = Links.of(ctx);
        String path = "/collections/" + Links.segment(c.id()) + "/items";
        PageRows rows = new PageRows(read.rows(page.statement()), page, r.limit());
        rows.readAhead(READ_AHEAD_BYTES);
        // Before the first byte is written: a count that fails is still a clean problem answer.
        long matched = matched(read.connection(), c, r, rows);
        ctx.status(200);
        ctx.contentType(Documents.GEOJSON);
        ctx.header("Content-Crs", "<" + r.crs().uri() + ">");
        writeCollection(ctx, rows, c, r, matched, links, path);
    }

    private void writeCollection(Context ctx, PageRows rows, CollectionInfo c, ItemsRequest r, long matched,
                                 Links links, String path) throws SQLException {
        long position = r.paging().position();
        try {
            OutputStream w = new BufferedOutputStream(ctx.outputStream(), 1 << 16);
            w.write(ascii("{\"type\":\"FeatureCollection\",\"features\":[\n"));
            rows.writeTo(w);
            int returned = rows.returned();
            ArrayNode l = Documents.JSON.createArrayNode();
            Map<String, List<String>> q = r.query();
            Links.add(l, links.url(path, Links.with(q, "f", null)), "self", Documents.GEOJSON, "This page");
            Links.add(l, links.url(path, Links.with(q, "f", "html")), "alternate", "text/html", "This page as HTML");
            if (rows.more() && rows.lastKeys() != null) {
                Links.add(l, links.url(path, next(q, r, position + returned, rows.lastKeys(), matched)), "next", Documents.GEOJSON, "Next page");
            }
            if (position > 0) {
                Links.add(l, links.url(path, prev(q, r, position)), "prev", Documents.GEOJSON, "Previous page");
            }
            Links.add(l, links.url("/collections/" + Links.segment(c.id())), "collection", "application/json", "The collection");
            w.write(("\n],\"numberMatched\":" + matched + ",\"numberReturned\":" + returned
                    + ",\"timeStamp\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"links\":" + l + "}\n")
                    .getBytes(StandardCharsets.UTF_8));
            w.flush();
        } catch (IOException e) {
            // The client went away mid-stream; nothing to answer.
            throw new UncheckedIOException(e);
        }
    }

    /** The next page: the same query with a cursor after the last feature (offset dropped). */
    static Map<String, List<String>> next(Map<String, List<String>> q, ItemsRequest r, long position, List<String> lastKeys,
                                          long matched) {
        Map<String, List<String>> m = Links.with(Links.with(q, "offset", null), "cursor",
                new Cursor(r.sortbyText(), position, lastKeys, matched).encode());
        return Links.with(m, "limit", Integer.toString(r.limit()));
    }

    /** The previous page by offset: going back is rare, and one page back from any page is cheap enough. */
    static Map<String, List<String>> prev(Map<String, List<String>> q, ItemsRequest r, long position) {
        Map<String, List<String>> m = Links.with(Links.with(q, "cursor", null), "offset",
                Long.toString(Math.max(0, position - r.limit())));
        return Links.with(m, "limit", Integer.toString(r.limit()));
    }

    /** One page parsed back into JSON, for the HTML rendering (at most {@code limit} features), read in the request's snapshot. */
    Page page(MarkedSnapshot read, PageQuery query, CollectionInfo c, ItemsRequest r) throws SQLException {
        PageRows rows = new PageRows(read.rows(query.statement()), query, r.limit());
        List<JsonNode> features = new ArrayList<>();
        try {
            for (byte[] f : rows.readAll()) features.add(Documents.JSON.readTree(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long matched = matched(read.connection(), c, r, rows);
        return new Page(features, matched, r.paging().position(), rows.more() ? rows.lastKeys() : null);
    }

    record Page(List<JsonNode> features, long matched, long position, List<String> nextKeys) {
    }

    /** One feature's GeoJSON text, or a 404. */
    String item(DataSource ds, CollectionInfo c, String featureId, SupportedCrs crs) {
        if (!validId(c, featureId)) throw noSuchFeature(c, featureId);
        SqlStatement st = ItemsSql.item(c, featureId, crs);
        try (Connection conn = ds.getConnection(); PreparedStatement ps = limit.apply(st.prepare(conn)); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw noSuchFeature(c, featureId);
            return rs.getString(1);
        } catch (SQLException e) {
            throw QueryFailures.problem(e, "feature " + featureId + " of " + c.id());
        }
    }

    /**
     * The Feature text with its links added as its last member, spliced into PostGIS's text:
     * parsing a Feature into a tree and writing it out again cost more than the database lookup.
     */
    static String withItemLinks(String feature, Links links, CollectionInfo c, String featureId) {
        String col = "/collections/" + Links.segment(c.id());
        String self = col + "/items/" + Links.segment(featureId);
        ArrayNode l = Documents.JSON.createArrayNode();
        Links.add(l, links.url(self), "self", Documents.GEOJSON, "This feature");
        Links.add(l, links.url(self + "?f=html"), "alternate", "text/html", "This feature as HTML");
        Links.add(l, links.url(col), "collection", "application/json", "The collection");
        int end = feature.lastIndexOf('}');
        return feature.substring(0, end) + ", \"links\" : " + l + "}";
    }

    /** An id that cannot be of the id column's type cannot name a feature: 404 without asking the database. */
    private static boolean validId(CollectionInfo c, String id) {
        return switch (c.idProperty().type()) {
            case INTEGER -> id.matches("-?\\d{1,18}");
            case NUMBER -> id.matches("-?\\d+(\\.\\d+)?");
            default -> !id.isEmpty() && id.length() <= 1000 && id.indexOf('\0') < 0;
        };
    }

    private static Problem noSuchFeature(CollectionInfo c, String id) {
        return Problem.notFound("collection " + c.id() + " has no feature '" + Text.shorten(id) + "'");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * numberMatched. Pages reached by a next link reuse the count of the first page (carried in
     * the cursor), so that page 1,000 of a million parcels does not count them again. A page whose
     * rows ended within what was read tells it too: the features before it and its own (unless it
     * is empty past an offset, which may lie beyond the end). Anything else is counted — in the
     * request's snapshot, so the count and the features agree however the table changes meanwhile.
     * Most small and filtered pages thus cost one statement, not two.
     */
    private long matched(Connection conn, CollectionInfo c, ItemsRequest r, PageRows rows) throws SQLException {
        Cursor cursor = r.paging().cursor();
        if (cursor != null && cursor.matched() >= 0) return cursor.matched();
        long offset = r.paging().offset();
        if (cursor == null && rows.known() && rows.ended() && (rows.returned() > 0 || offset == 0)) {
            return offset + rows.returned();
        }
        try (PreparedStatement ps = limit.apply(ItemsSql.count(c, r.selection()).prepare(conn)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
