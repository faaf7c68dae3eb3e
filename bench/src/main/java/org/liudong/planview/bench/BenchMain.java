package org.liudong.planview.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.liudong.planview.config.Settings;
import org.liudong.planview.db.Database;

/**
 * The benchmark: replays a fixed, seeded set of requests against a running server over HTTP, and
 * the same work as raw SQL over JDBC in the same run (PostGIS's own time to write the same
 * GeoJSON / MVT bytes: the floor) and, given {@code --mapserver}, against MapServer 8 on the same
 * table (the anchor: tiles and /items boxes, {@link MapServerAnchor}), then prints one table with
 * the ratios.
 *
 * <pre>java -cp planview.jar org.liudong.planview.bench.BenchMain --url http://127.0.0.1:7071 --seconds 8 --out bench/results.md</pre>
 * The database comes from DATABASE_URL (the same one the server uses).
 */
public final class BenchMain {
    private static final long SEED = 20261201L;
    private static final int SAMPLES = 256;
    private static final String COLLECTION = "land-parcels";
    private static final List<String> CASES = List.of("items", "feature", "tiles", "analysis", "export");

    private final String baseUrl;
    private final HikariDataSource db;
    private final double seconds;
    private final ResultTable table = new ResultTable();
    /** The anchor: MapServer's mapserv behind lighttpd (its URL up to the query), or null. */
    private String mapserverUrl;
    /** A second server on the same database with the tile cache on, or null. */
    private String cachedUrl;

    private BenchMain(String baseUrl, HikariDataSource db, double seconds) {
        this.baseUrl = baseUrl;
        this.db = db;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        // Keep a connection per client thread alive (the default keeps 5).
        System.setProperty("http.maxConnections", "16");
        Map<String, String> opts = Options.parse(args);
        String url = opts.getOrDefault("url", "http://127.0.0.1:7071");
        double seconds = Double.parseDouble(opts.getOrDefault("seconds", "8"));
        Path out = Path.of(opts.getOrDefault("out", "bench/results.md"));
        Settings settings = Settings.fromEnvironment();
        try (HikariDataSource pool = Database.pool(settings.database(), 10)) {
            BenchMain bench = new BenchMain(url, pool, seconds);
            bench.mapserverUrl = opts.get("mapserver");
            bench.cachedUrl = opts.get("cached-url");
            String report = bench.run(opts);
            System.out.println(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.err.println("bench: table written to " + out);
        }
    }

    private String run(Map<String, String> opts) throws Exception {
        long parcels = Samples.scalarLong(db, "SELECT count(*) FROM land_parcel");
        List<Long> ids = Samples.ids(db, SEED, SAMPLES);
        List<double[]> centres = Samples.centres(db, ids);
        double half = Samples.halfSizeFor(db, centres, 1000);
        System.err.printf(Locale.ROOT, "bench: %,d parcels; bbox half-size %.5f° for ~1000 parcels; %d seeded centres%n",
                parcels, half, centres.size());

        List<String> bboxes = new ArrayList<>();
        for (double[] c : centres) bboxes.add(Samples.bbox(c, half));

        List<String> cases = List.of(opts.getOrDefault("cases", String.join(",", CASES)).split(","));
        for (String name : cases) {
            if (!CASES.contains(name)) throw new IllegalArgumentException("--cases: unknown case '" + name + "'; cases are " + CASES);
        }
        if (cases.contains("items")) itemsCases(bboxes);
        if (cases.contains("feature")) featureCase(ids);
        if (cases.contains("tiles")) TileCases.run(this, centres);
        if (cases.contains("analysis")) AnalysisCases.run(this, centres);
        if (cases.contains("export") && opts.containsKey("jmx")) ExportCase.run(this, Integer.parseInt(opts.get("jmx")));
        if (opts.containsKey("startup-ms")) {
            long startupMs = Long.parseLong(opts.get("startup-ms"));
            table.note(String.format(Locale.ROOT, "Server start-up to first healthy /health answer (median of 3, JVM launch "
                    + "included): %d ms %s (target < 3 s)", startupMs, startupMs < 3000 ? "✓" : "✗ missed"));
        }
        String extra = opts.getOrDefault("notes", "");

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Benchmark on %s — %,d synthetic parcels, %.0f s per case, seed %d%n%n",
                Machine.describe(), parcels, seconds, SEED));
        report.append(table.markdown());
        if (!extra.isBlank()) report.append(extra).append('\n');
        return report.toString();
    }

    // ------------------------------------------------------------------ items

    /** The parcel properties the server puts in each Feature, in the same order. */
    static final String PARCEL_PROPERTIES = "json_build_object('parcel_code', parcel_code, 'land_use_code', land_use_code, "
            + "'land_use_name', land_use_name, 'status', status, 'area_m2', area_m2, 'area_ha', area_ha, 'area_mu', area_mu, "
            + "'plot_ratio', plot_ratio, 'zone_id', zone_id, 'area_id', area_id, 'synthetic', synthetic)";

    /**
     * A parcel's Feature text as the server writes it: byte for byte json_build_object's, joined as
     * text (json_build_object would parse each geometry's GeoJSON again, a fifth of a page's time).
     */
    static final String PARCEL_FEATURE = "'{\"type\" : \"Feature\", \"id\" : ' || id || ', \"geometry\" : ' "
            + "|| ST_AsGeoJSON(geom, 7, 0) || ', \"properties\" : ' || " + PARCEL_PROPERTIES + "::text || '}'";

    /** PostGIS writing one page of GeoJSON Features for a box, and its numberMatched: the floor for /items. */
    private static final String RAW_ITEMS_PAGE = "SELECT " + PARCEL_FEATURE + " FROM land_parcel "
            + "WHERE ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4490)) %s ORDER BY id LIMIT 1001";
    private static final String RAW_ITEMS_COUNT = "SELECT count(*) FROM land_parcel "
            + "WHERE ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4490)) %s";
    /** One page of /items: the box holds about this many parcels. */
    private static final int ITEMS_LIMIT = 1000;
    private static final String CQL = "land_use_code IN ('1001','1101') AND area_ha > 0.03";
    private static final String RAW_CQL = "AND land_use_code IN ('1001','1101') AND area_ha > 0.03";

    private void itemsCases(List<String> bboxes) throws Exception {
        String cql = URLEncoder.encode(CQL, StandardCharsets.UTF_8);
        PathFor plain = i -> "/collections/" + COLLECTION + "/items?limit=" + ITEMS_LIMIT + "&bbox=" + bboxes.get(i);
        ServerStats plainStats = compare("items bbox ~1000", plain, i -> rawItems(bboxes.get(i), ""), bboxes.size(), 1.5);
        anchorItems("items bbox ~1000", plain, MapServerAnchor.ITEMS_COLLECTION, bboxes, plainStats);
        PathFor filtered = i -> plain.path(i) + "&filter-lang=cql2-text&filter=" + cql;
        ServerStats cqlStats = compare("items CQL2 + bbox", filtered, i -> rawItems(bboxes.get(i), RAW_CQL), bboxes.size(), 1.5);
        anchorItems("items CQL2 + bbox", filtered, MapServerAnchor.ITEMS_CQL_COLLECTION, bboxes, cqlStats);
    }

    /**
     * The same boxes through MapServer's OGC API Features, when the anchor runs: first what both
     * sides answer is compared page by page (a note under the table), then MapServer is timed as
     * the tiles' anchor is, and the table gets server ÷ MapServer.
     */
    private void anchorItems(String name, PathFor serverPath, String collection, List<String> bboxes, ServerStats server)
            throws Exception {
        if (mapserverUrl == null) return;
        BenchMain.PathFor anchorUrl = i -> MapServerAnchor.itemsUrl(mapserverUrl, collection, bboxes.get(i), ITEMS_LIMIT);
        table.note(ItemsPages.compare(name, i -> baseUrl + serverPath.path(i), anchorUrl, bboxes.size(), ITEMS_LIMIT));
        ServerStats anchor = measure(i -> fetch(anchorUrl.path(i)), bboxes.size());
        MapServerAnchor.add(table, name, "MapServer 8 (OGC API)", anchor, server, "server");
    }

    private long rawItems(String bbox, String extraCondition) throws Exception {
        String[] b = bbox.split(",");
        long bytes = 0;
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(String.format(RAW_ITEMS_COUNT, extraCondition))) {
                bind(ps, b);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    bytes += Long.toString(rs.getLong(1)).length();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(String.format(RAW_ITEMS_PAGE, extraCondition))) {
                bind(ps, b);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) bytes += rs.getString(1).length() + 1;
                }
            }
        }
        return bytes;
    }

    private static void bind(PreparedStatement ps, String[] b) throws Exception {
        for (int k = 0; k < 4; k++) ps.setDouble(k + 1, Double.parseDouble(b[k]));
    }

    private static final String RAW_FEATURE = "SELECT " + PARCEL_FEATURE + " FROM land_parcel WHERE id = ?";

    private void featureCase(List<Long> ids) throws Exception {
        compare("single feature", i -> "/collections/" + COLLECTION + "/items/" + ids.get(i), i -> {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(RAW_FEATURE)) {
                ps.setLong(1, ids.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1).length() : 0;
                }
            }
        }, ids.size(), 1.5);
    }

    // ------------------------------------------------------------------ shared

    interface PathFor {
        String path(int i);
    }

    /**
     * One case: the server at concurrency 1 and 8, raw SQL at concurrency 1; ratio of p50s, and
     * the throughput gain from 1 to 8.
     */
    /** The server's figures of one case: concurrency 1 and 8. */
    record ServerStats(LatencyStats one, LatencyStats eight) {
    }

    ServerStats compare(String name, PathFor path, TimedRun.Request raw, int kinds, double p50Target) throws Exception {
        return compareRequests(name, i -> get(path.path(i)), raw, kinds, p50Target);
    }

    /** {@link #compare} for any request to the server (a POST, say), not only a GET of a path. */
    ServerStats compareRequests(String name, TimedRun.Request viaHttp, TimedRun.Request raw, int kinds, double p50Target)
            throws Exception {
        viaHttp.run(0);  // warm: JIT, pool, PostgreSQL's caches
        raw.run(0);
        TimedRun.run(viaHttp, kinds, 2, Math.min(2, seconds / 4), 200);
        TimedRun.run(raw, kinds, 2, Math.min(2, seconds / 4), 200);
        LatencyStats rawStats = TimedRun.run(raw, kinds, 1, seconds, 100_000);
        LatencyStats one = TimedRun.run(viaHttp, kinds, 1, seconds, 100_000);
        // The same requests at concurrency 8 (rounded up to whole rounds of 8, at least two):
        // throughput is compared on equal work. The time bound is only a safety net here.
        int sameWork = Math.max(16, (one.count() + 7) / 8 * 8);
        LatencyStats eight = TimedRun.run(viaHttp, kinds, 8, seconds * 4, sameWork);
        table.add(name, "raw SQL", 1, rawStats, "", "");
        table.add(name, "server", 1, one, ResultTable.ratio(one.percentileMs(50) / rawStats.percentileMs(50), p50Target, true)
                + " of raw", "p50 ≤ " + p50Target + "× raw");
        table.add(name, "server", 8, eight, ResultTable.ratio(eight.perSecond() / one.perSecond(), 1.6, false)
                + " req/s of c1", "≥ 1.6× c1");
        System.err.printf(Locale.ROOT, "bench: %-20s raw p50 %.2f ms, server p50 %.2f ms, c8 %.1f req/s%n", name,
                rawStats.percentileMs(50), one.percentileMs(50), eight.perSecond());
        return new ServerStats(one, eight);
    }

    /**
     * One side measured alone, as compare measures the server: a warm-up, concurrency 1 for the
     * case's time, then the same requests at concurrency 8.
     */
    ServerStats measure(TimedRun.Request request, int kinds) throws Exception {
        request.run(0);
        // Warm every worker behind the URL (MapServer: each of its FastCGI processes opens its own
        // PostGIS session, and a fresh session's first spatial query plans for 25–180 ms) before timing.
        TimedRun.run(request, kinds, 8, seconds, 64);
        TimedRun.run(request, kinds, 2, Math.min(2, seconds / 4), 200);
        LatencyStats one = TimedRun.run(request, kinds, 1, seconds, 100_000);
        int sameWork = Math.max(16, (one.count() + 7) / 8 * 8);
        LatencyStats eight = TimedRun.run(request, kinds, 8, seconds * 4, sameWork);
        return new ServerStats(one, eight);
    }

    /**
     * One GET, its body read to the end; the bytes that crossed the wire. A plain blocking
     * HTTP/1.1 client on kept-alive connections: java.net.http's asynchronous pipeline added
     * about a millisecond of its own to every request (thread hand-offs), which is not the
     * server's time.
     */
    long get(String pathAndQuery) throws Exception {
        return fetch(baseUrl + pathAndQuery);
    }

    /** As {@link #get}, any URL (MapServer, the cached server). */
    long fetch(String url) throws Exception {
        return send(url, null);
    }

    /** As {@link #get}, a POST of a JSON body to the server. */
    long post(String path, String json) throws Exception {
        return send(baseUrl + path, json);
    }

    /** A GET of any URL, uncompressed, its body kept: for checking what two sides answer, not for timing. */
    static byte[] body(String url) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        exchange(url, null, false, out);
        return out.toByteArray();
    }

    private static long send(String url, String json) throws Exception {
        return exchange(url, json, true, null);
    }

    /** One request; the bytes that crossed the wire, copied to {@code sink} when one is given. */
    private static long exchange(String url, String json, boolean gzip, java.io.OutputStream sink) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setRequestProperty("Accept", "application/geo+json, application/vnd.mapbox-vector-tile, application/json");
        c.setRequestProperty("Accept-Encoding", gzip ? "gzip" : "identity");
        if (json != null) {
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (java.io.OutputStream out = c.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        long n = 0;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (in != null) {
                byte[] buf = new byte[65536];
                int k;
                while ((k = in.read(buf)) >= 0) {
                    n += k;
                    if (sink != null) sink.write(buf, 0, k);
                }
            }
        }
        if (status != 200 && status != 204) throw new IllegalStateException(url + " answered " + status);
        return n;
    }

    String mapserverUrl() {
        return mapserverUrl;
    }

    String cachedUrl() {
        return cachedUrl;
    }

    HikariDataSource db() {
        return db;
    }

    ResultTable table() {
        return table;
    }

    double seconds() {
        return seconds;
    }
}
