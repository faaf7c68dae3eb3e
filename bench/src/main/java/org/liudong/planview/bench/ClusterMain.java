package org.liudong.planview.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loopback cluster's benchmark (deploy/cluster.sh, {@code ./planview bench --cases cluster}):
 * reads served by the replica, an import seen through the replica after its lag, exports read on
 * the replica (and the replica stopped under exports), a server killed
 * and the replica stopped under load with failed requests counted, the cache's hit ratio on a
 * replayed tile set, and one server against two. Every figure is what this run saw; the servers,
 * both PostgreSQL clusters, nginx and this client share the machine's cores.
 */
public final class ClusterMain {
    private static final Pattern NUMBER_MATCHED = Pattern.compile("\"numberMatched\":(\\d+)");
    private static final double WORLD = 40_075_016.685578488;

    private final String nginx;
    private final List<String> servers;
    private final String script;
    private final String primaryUrl;
    private final String replicaUrl;
    private final String user;
    private final String password;
    private final String token;
    private final int seconds;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder report = new StringBuilder();
    private double[] extent;  // lon/lat of the parcels
    private List<int[]> loadTiles;
    private List<int[]> replayTiles;

    private ClusterMain(Map<String, String> a) throws IOException {
        nginx = a.get("--nginx");
        servers = List.of(a.get("--servers").split(","));
        script = a.get("--script");
        primaryUrl = a.get("--primary");
        replicaUrl = a.get("--replica");
        user = a.getOrDefault("--user", "planview");
        password = Files.readString(Path.of(a.get("--password-file"))).trim();
        token = Files.readString(Path.of(a.get("--token-file"))).trim();
        seconds = Integer.parseInt(a.getOrDefault("--seconds", "20"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i], args[i + 1]);
        ClusterMain bench = new ClusterMain(a);
        bench.run();
        Files.writeString(Path.of(a.get("--out")), bench.report.toString());
        System.out.println(bench.report);
    }

    private void run() throws Exception {
        line("# Loopback cluster benchmark");
        line("");
        line("Run " + Instant.now() + " on " + Machine.describe() + ": a primary (5440) and a streaming replica (5441) of "
                + "PostgreSQL, two servers (7500, 7501), nginx (7510) balancing and caching; " + count(primaryUrl, "SELECT count(*) FROM land_parcel")
                + " parcels. Load from this client on the same machine.");
        line("");
        prepare();
        replicaReads();
        importThroughReplica();
        exportsOnReplica();
        serverKilled();
        replicaStopped();
        cacheHitRatio();
        oneVersusTwo();
    }

    // ------------------------------------------------------------ the cases

    private void replicaReads() throws Exception {
        line("## Reads served by the replica");
        line("");
        long[] before = transactions();
        Load load = load(nginx, 4, seconds / 2, null);
        long[] after = transactions();
        line("Items (random boxes, uncacheable) and tiles through nginx, 4 clients, " + seconds / 2 + " s: " + load.summary() + ".");
        line("");
        line("| database | transactions during the run (pg_stat_database.xact_commit) |");
        line("|---|---|");
        line("| primary | " + (after[0] - before[0]) + " |");
        line("| replica | " + (after[1] - before[1]) + " |");
        line("");
        line("The primary's share: catalogue look-ups and each server's replica check (the primary's WAL position every 0.5 s). "
                + "Items, tiles and their change markers were read on the replica.");
        line("");
    }

    private void importThroughReplica() throws Exception {
        line("## An import on the primary, seen through the replica");
        line("");
        int features = 50;
        String id = "cluster-probe-" + Long.toHexString(System.nanoTime());
        long t0 = System.nanoTime();
        HttpResponse<String> made = http.send(multipart(nginx + "/collections", id, layer(features)), HttpResponse.BodyHandlers.ofString());
        long importMs = (System.nanoTime() - t0) / 1_000_000;
        if (made.statusCode() != 201) throw new IllegalStateException("import: " + made.statusCode() + " " + made.body());
        String lsn = made.headers().firstValue("Planview-Lsn").orElseThrow();
        long answered = System.nanoTime();
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(nginx + "/collections/" + id + "/items?limit=1"))
                .header("Planview-Lsn", lsn).build(), HttpResponse.BodyHandlers.ofString());
        long ownCount = matched(own);
        long replayMs = -1;
        try (Connection r = db(replicaUrl); PreparedStatement ps = r.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            ps.setString(1, lsn);
            for (int i = 0; i < 10_000; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        replayMs = (System.nanoTime() - answered) / 1_000_000;
                        break;
                    }
                }
                Thread.sleep(2);
            }
        }
        // A reader without the writer's position: served by whichever database the server picks.
        long visibleMs = -1;
        long seen = -1;
        Map<Integer, Integer> answers = new TreeMap<>();
        for (int i = 0; i < 2000 && seen != features; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(servers.get(0) + "/collections/" + id + "/items?limit=1"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            answers.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 200) seen = matched(r);
            if (seen == features) visibleMs = (System.nanoTime() - answered) / 1_000_000;
            else Thread.sleep(5);
        }
        long onReplica = count(replicaUrl, "SELECT count(*) FROM imported." + id.replace('-', '_'));
        line("| step | figure |");
        line("|---|---|");
        line("| import of " + features + " features (POST /collections through nginx) | " + importMs + " ms, WAL position " + lsn + " |");
        line("| the editor's next read (Planview-Lsn sent: primary) | numberMatched " + ownCount + " at once |");
        line("| replica replayed past that position (pg_last_wal_replay_lsn, polled every 2 ms) | " + replayMs + " ms after the import's answer |");
        line("| another reader's items show " + features + " features (server 1, no Planview-Lsn) | " + visibleMs
                + " ms after the import's answer; answers while polling by status: " + answers + " |");
        line("| rows of the new table on the replica (SQL) | " + onReplica + " |");
        line("");
    }

    /**
     * Chinese text with both quotes and a question mark: it reaches the replica only as a row of
     * values. The same text is CQL2 (the export's filter) and SQL (the count it is checked against).
     */
    private static final String EXPORT_FILTER = "status IN ('已出让', '已储备') AND land_use_name <> '某某''s \"引号\"用地?'";

    /** The central half of the parcels' extent, as bbox and as SQL. */
    private String exportBox(boolean sql) {
        double w = (extent[2] - extent[0]) / 4;
        double h = (extent[3] - extent[1]) / 4;
        double[] b = {extent[0] + w, extent[1] + h, extent[2] - w, extent[3] - h};
        return sql ? String.format(Locale.ROOT, "ST_MakeEnvelope(%.6f, %.6f, %.6f, %.6f, 4490)", b[0], b[1], b[2], b[3])
                : String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", b[0], b[1], b[2], b[3]);
    }

    private String exportUrl(String format) {
        return nginx + "/collections/land-parcels/export?format=" + format + "&filter-lang=cql2-text&filter="
                + java.net.URLEncoder.encode(EXPORT_FILTER, StandardCharsets.UTF_8) + "&bbox=" + exportBox(false);
    }

    private void exportsOnReplica() throws Exception {
        line("## Exports read on the replica");
        line("");
        long expected = count(primaryUrl, "SELECT count(*) FROM land_parcel WHERE " + EXPORT_FILTER + " AND ST_Intersects(geom, " + exportBox(true) + ")");
        String valuesWritten = "SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'export_parameters'";
        String returned = "SELECT tup_returned FROM pg_stat_database WHERE datname = current_database()";
        line("Filter `" + EXPORT_FILTER + "` and the central half of the parcels' extent as bbox, through nginx; "
                + expected + " parcels match by SQL on the primary.");
        line("");
        line("| format | time | numberMatched | features in the file (ogrinfo) | rows returned on the replica / on the primary (pg_stat_database.tup_returned) | export sessions seen on the replica / the primary (pg_stat_activity, every 20 ms) |");
        line("|---|---|---|---|---|---|");
        long valuesBefore = count(primaryUrl, valuesWritten);
        for (String format : List.of("shapefile", "gpkg")) {
            long[] r0 = {count(replicaUrl, returned), count(primaryUrl, returned)};
            AtomicLong[] seen = {new AtomicLong(), new AtomicLong()};
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread watcher = new Thread(() -> watchExportSessions(running, seen), "export-sessions");
            watcher.start();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(exportUrl(format))).build(), HttpResponse.BodyHandlers.ofByteArray());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            running.set(false);
            watcher.join();
            if (r.statusCode() != 200) throw new IllegalStateException("export " + format + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
            long[] r1 = {count(replicaUrl, returned), count(primaryUrl, returned)};
            line("| " + format + " | " + ms + " ms | " + r.headers().firstValue("OGC-NumberMatched").orElse("?") + " | " + featuresIn(format, r.body())
                    + " | " + (r1[0] - r0[0]) + " / " + (r1[1] - r0[1]) + " | " + seen[0] + " / " + seen[1] + " |");
        }
        line("");
        // A backend that stays idle (a pooled connection) reports its statistics up to 10 s after the insert.
        long written = count(primaryUrl, valuesWritten) - valuesBefore;
        for (int i = 0; i < 150 && written < 2; i++) {
            Thread.sleep(100);
            written = count(primaryUrl, valuesWritten) - valuesBefore;
        }
        line("Export values written on the primary (`export_parameters`, pg_stat_user_tables.n_tup_ins): "
                + written + "; left afterwards: " + count(primaryUrl, "SELECT count(*) FROM export_parameters")
                + "; scratch tables left: " + count(primaryUrl, "SELECT count(*) FROM pg_tables WHERE schemaname = 'export_scratch'") + ".");
        line("");

        // The replica stopped while exports run: each is whole (its file holds numberMatched features) or a 503, never short.
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        Map<String, Long> readOnBefore = exportsReadOn();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String outcome;
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(exportUrl("gpkg"))).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 200) outcome = featuresIn("gpkg", r.body()) == expected ? "200, whole" : "200, SHORT";
                        else outcome = Integer.toString(r.statusCode());
                    } catch (Exception e) {
                        outcome = "client error: " + e.getClass().getSimpleName();
                    }
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
            }, "export-client-" + i);
            t.start();
            clients.add(t);
        }
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 250L);
        // Stopped while ogr2ogr reads an export's rows on it, if it does within 5 s.
        boolean midExport = awaitExportSession(5_000);
        shell("stop-replica");
        long stoppedAt = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(Math.max(0, seconds * 600L - (System.nanoTime() - t0) / 1_000_000));
        shell("start-replica");
        long startedAt = (System.nanoTime() - t0) / 1_000_000;
        for (Thread t : clients) t.join();
        Map<String, Long> readOn = exportsReadOn();
        readOn.replaceAll((k, v) -> v - readOnBefore.getOrDefault(k, 0L));
        line("2 clients exporting the same GeoPackage in a loop through nginx for " + seconds + " s; the replica stopped after "
                + stoppedAt + " ms (" + (midExport ? "while ogr2ogr was fetching an export's rows from it" : "no export seen reading on it") + ") and started again after " + startedAt + " ms: " + new TreeMap<>(outcomes) + " (a 200's file is whole "
                + "when ogrinfo counts the " + expected + " features SQL counts). By the servers' logs (a server's 503 is retried by nginx "
                + "on the other server): " + readOn
                + ". Export values left on the primary: " + count(primaryUrl, "SELECT count(*) FROM export_parameters") + ".");
        line("");
    }

    /** Whether ogr2ogr is seen reading an export's rows on the replica (a FETCH under way) within {@code millis}. */
    private boolean awaitExportSession(long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        try (Connection replica = db(replicaUrl); PreparedStatement ps = replica.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'planview export' AND datname = current_database()"
                        + " AND state = 'active' AND query LIKE 'FETCH%'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) return true;
                }
                Thread.sleep(5);
            }
        }
        return false;
    }

    /**
     * Exports the two servers' logs say they wrote, by the database they read on, and those they
     * answered 503 (which nginx retries on the other server).
     */
    private static Map<String, Long> exportsReadOn() throws IOException {
        Map<String, Long> on = new TreeMap<>(Map.of("replica", 0L, "primary", 0L, "503 from a server", 0L));
        Path logs = Path.of(System.getProperty("planview.cluster.dir", "/var/tmp/planview-cluster"), "logs");
        for (String server : List.of("server-1.log", "server-2.log")) {
            Path log = logs.resolve(server);
            if (!Files.exists(log)) continue;
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                lines.forEach(l -> {
                    if (l.contains("exported ") && l.contains("features of land-parcels read on ")) {
                        on.merge(l.contains("read on the primary") ? "primary" : "replica", 1L, Long::sum);
                    } else if (l.contains("GET /collections/land-parcels/export: 503")) {
                        on.merge("503 from a server", 1L, Long::sum);
                    }
                });
            }
        }
        return on;
    }

    /** Counts, until told to stop, the samples in which an export's session was active on the replica and on the primary. */
    private void watchExportSessions(java.util.concurrent.atomic.AtomicBoolean running, AtomicLong[] seen) {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'planview export' AND datname = current_database()";
        try (Connection replica = db(replicaUrl); Connection primary = db(primaryUrl);
             PreparedStatement onReplica = replica.prepareStatement(sql); PreparedStatement onPrimary = primary.prepareStatement(sql)) {
            while (running.get()) {
                try (ResultSet rs = onReplica.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) seen[0].incrementAndGet();
                }
                try (ResultSet rs = onPrimary.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) seen[1].incrementAndGet();
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            System.err.println("export sessions: " + e.getMessage());
        }
    }

    /** The features of a file's first layer as ogrinfo counts them (a shapefile ZIP: all its .shp). */
    private static long featuresIn(String format, byte[] body) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("planview-cluster-export");
        try {
            List<Path> files = new ArrayList<>();
            if (format.equals("shapefile")) {
                try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(body))) {
                    for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        Path f = dir.resolve(Path.of(e.getName()).getFileName().toString());
                        Files.copy(zip, f);
                        if (f.toString().endsWith(".shp")) files.add(f);
                    }
                }
            } else {
                Path f = dir.resolve("export." + format);
                Files.write(f, body);
                files.add(f);
            }
            long total = 0;
            for (Path f : files) {
                Process p = new ProcessBuilder("ogrinfo", "-ro", "-so", "-al", f.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                // The first layer only: a GeoPackage's second is its layer_styles table.
                Matcher m = Pattern.compile("(?m)^Feature Count: (\\d+)$").matcher(out);
                if (m.find()) total += Long.parseLong(m.group(1));
            }
            return total;
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private void serverKilled() throws Exception {
        line("## One server killed mid-load");
        line("");
        Load load = load(nginx, 8, seconds, (elapsed, done) -> {
            if (elapsed >= seconds * 250L && done.add("kill")) shell("kill-server", "1");
        });
        line("8 clients through nginx for " + seconds + " s; `kill -9` of server 1 after " + seconds / 4 + " s: " + load.summary() + ".");
        line("");
        line("Answered by: " + load.upstreams());
        line("");
        long t0 = System.nanoTime();
        shell("start-server", "1");
        line("Server 1 started again in " + (System.nanoTime() - t0) / 1_000_000 + " ms (to its first healthy answer).");
        line("");
    }

    private void replicaStopped() throws Exception {
        line("## The replica stopped mid-load");
        line("");
        long[] before = transactions(true);
        Load load = load(nginx, 8, seconds, (elapsed, done) -> {
            if (elapsed >= seconds * 250L && done.add("stop")) shell("stop-replica");
            if (elapsed >= seconds * 600L && done.add("start")) shell("start-replica");
        });
        long primaryDuring = transactions(true)[0] - before[0];
        line("8 clients through nginx for " + seconds + " s; the replica stopped (`pg_ctl stop -m fast`) after " + seconds / 4
                + " s and started again after " + seconds * 6 / 10 + " s: " + load.summary() + ". The primary committed "
                + primaryDuring + " transactions meanwhile (the reads it took over).");
        line("");
        long back = -1;
        long t0 = System.nanoTime();
        for (int i = 0; i < 600; i++) {
            String h = get(servers.get(0) + "/health").body();
            if (h.contains("\"role\":\"replica\"") && h.contains("\"inRotation\":true")) {
                back = (System.nanoTime() - t0) / 1_000_000;
                break;
            }
            Thread.sleep(100);
        }
        line("Back in rotation (server 1's /health) " + back + " ms after the load ended.");
        line("");
    }

    private void cacheHitRatio() throws Exception {
        line("## nginx's cache on a replayed tile set");
        line("");
        line("| pass | tiles | HIT | MISS | other | hit ratio |");
        line("|---|---|---|---|---|---|");
        for (int pass = 1; pass <= 2; pass++) {
            Map<String, Integer> statuses = new TreeMap<>();
            for (int[] t : replayTiles) {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(nginx + tile(t))).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                statuses.merge(r.headers().firstValue("X-Cache-Status").orElse("none"), 1, Integer::sum);
            }
            int hit = statuses.getOrDefault("HIT", 0);
            int miss = statuses.getOrDefault("MISS", 0);
            line("| " + pass + " | " + replayTiles.size() + " | " + hit + " | " + miss + " | " + (replayTiles.size() - hit - miss) + " "
                    + statuses + " | " + String.format(Locale.ROOT, "%.1f %%", 100.0 * hit / replayTiles.size()) + " |");
        }
        line("");
    }

    private void oneVersusTwo() throws Exception {
        line("## One server against two (no cache: straight to the servers)");
        line("");
        load(String.join(",", servers), 8, 5, null);  // both warm (server 1 was restarted above), not counted
        line("The same mix at 8 clients, " + seconds + " s each, in the order run (one server, both, one again):");
        line("");
        line("| servers | " + "throughput | p50 | p99 | failed |");
        line("|---|---|---|---|---|");
        line("| 1 | " + load(servers.get(0), 8, seconds, null).row() + " |");
        line("| 2 | " + load(String.join(",", servers), 8, seconds, null).row() + " |");
        line("| 1 | " + load(servers.get(0), 8, seconds, null).row() + " |");
        line("");
        line("Both servers, both PostgreSQL clusters, nginx and this client share the machine's "
                + Runtime.getRuntime().availableProcessors() + " cores.");
        line("");
    }

    // ------------------------------------------------------------ load

    interface Hook {
        void at(long elapsedMs, java.util.Set<String> done) throws Exception;
    }

    private final class Load {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
        final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        double elapsed;

        String summary() {
            return (ok.get() + failed.get()) + " requests, " + failed.get() + " failed" + (failures.isEmpty() ? "" : " " + failures)
                    + String.format(Locale.ROOT, ", %.0f req/s", (ok.get() + failed.get()) / elapsed);
        }

        String upstreams() {
            return answeredBy.toString();
        }

        String row() {
            long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            double p50 = l.length == 0 ? 0 : l[l.length / 2] / 1e6;
            double p99 = l.length == 0 ? 0 : l[Math.min(l.length - 1, (int) (l.length * 0.99))] / 1e6;
            return String.format(Locale.ROOT, "%.0f req/s | %.1f ms | %.1f ms | %d", (ok.get() + failed.get()) / elapsed, p50, p99, failed.get());
        }
    }

    /** Items in random boxes and parcel tiles, half and half, from {@code clients} threads for {@code secs}. */
    private Load load(String targets, int clients, int secs, Hook hook) throws Exception {
        String[] bases = targets.split(",");
        Load load = new Load();
        long start = System.nanoTime();
        long end = start + secs * 1_000_000_000L;
        java.util.Set<String> done = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        AtomicLong counter = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            Random rnd = new Random(42 + c);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = counter.getAndIncrement();
                    String base = bases[(int) (n % bases.length)];
                    String path = rnd.nextBoolean() ? itemsInBox(rnd) : tile(loadTiles.get(rnd.nextInt(loadTiles.size())));
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                            .header("Accept-Encoding", "gzip");
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        int s = r.statusCode();
                        if (s == 200 || s == 204 || s == 304) {
                            load.ok.incrementAndGet();
                            load.latencies.add(System.nanoTime() - t0);
                        } else {
                            load.failed.incrementAndGet();
                            load.failures.computeIfAbsent("HTTP " + s, k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (IOException e) {
                        load.failed.incrementAndGet();
                        load.failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        while (System.nanoTime() < end) {
            if (hook != null) hook.at((System.nanoTime() - start) / 1_000_000, done);
            Thread.sleep(50);
        }
        for (Thread t : threads) t.join();
        load.elapsed = (System.nanoTime() - start) / 1e9;
        if (bases.length == 1 && bases[0].equals(nginx)) upstreamsFromLog(load, start);
        return load;
    }

    /** Which server answered, as nginx's access log says (upstream=…), for the requests of this run. */
    private void upstreamsFromLog(Load load, long startNanos) {
        Path log = Path.of(System.getProperty("planview.cluster.dir", "/var/tmp/planview-cluster"), "logs", "nginx-access.log");
        try {
            List<String> lines = Files.readAllLines(log);
            int take = Math.min(lines.size(), load.ok.get() + load.failed.get());
            for (String l : lines.subList(lines.size() - take, lines.size())) {
                Matcher m = Pattern.compile("upstream=(.*?) upstream_status").matcher(l);
                if (!m.find()) continue;
                String who = m.group(1).equals("-") ? "nginx's cache" : m.group(1).contains(",") ? "retried on the other server" : m.group(1);
                load.answeredBy.computeIfAbsent(who, k -> new AtomicInteger()).incrementAndGet();
            }
        } catch (IOException e) {
            load.answeredBy.put("(nginx log unreadable: " + e.getMessage() + ")", new AtomicInteger());
        }
    }

    // ------------------------------------------------------------ helpers

    private void prepare() throws SQLException {
        try (Connection c = db(primaryUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), "
                     + "ST_XMin(m), ST_YMin(m), ST_XMax(m), ST_YMax(m) FROM (SELECT ST_Extent(geom) e, ST_Extent(geom_3857) m FROM land_parcel) s")) {
            rs.next();
            extent = new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            double[] merc = {rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)};
            loadTiles = tilesOver(merc, 14, 400);
            replayTiles = tilesOver(merc, 15, 300);
        }
    }

    private static List<int[]> tilesOver(double[] m, int z, int max) {
        double size = WORLD / (1 << z);
        int x0 = (int) Math.floor((m[0] + WORLD / 2) / size);
        int x1 = (int) Math.floor((m[2] + WORLD / 2) / size);
        int y0 = (int) Math.floor((WORLD / 2 - m[3]) / size);
        int y1 = (int) Math.floor((WORLD / 2 - m[1]) / size);
        List<int[]> all = new ArrayList<>();
        for (int x = x0; x <= x1; x++) for (int y = y0; y <= y1; y++) all.add(new int[] {z, x, y});
        java.util.Collections.shuffle(all, new Random(7));
        return all.subList(0, Math.min(max, all.size()));
    }

    private static String tile(int[] t) {
        return "/collections/land-parcels/tiles/WebMercatorQuad/" + t[0] + "/" + t[2] + "/" + t[1];
    }

    private String itemsInBox(Random rnd) {
        double w = 0.004;
        double x = extent[0] + rnd.nextDouble() * (extent[2] - extent[0] - w);
        double y = extent[1] + rnd.nextDouble() * (extent[3] - extent[1] - w);
        return String.format(Locale.ROOT, "/collections/land-parcels/items?limit=20&bbox=%.6f,%.6f,%.6f,%.6f", x, y, x + w, y + w);
    }

    private Connection db(String url) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private long count(String url, String sql) throws SQLException {
        try (Connection c = db(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long[] transactions() throws SQLException {
        return transactions(false);
    }

    /** Committed transactions of the planview database on the primary and (unless {@code primaryOnly}) the replica. */
    private long[] transactions(boolean primaryOnly) throws SQLException {
        String sql = "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()";
        return new long[] {count(primaryUrl, sql), primaryOnly ? 0 : count(replicaUrl, sql)};
    }

    private static long matched(HttpResponse<String> r) {
        Matcher m = NUMBER_MATCHED.matcher(r.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] layer(int n) {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            double x = extent[0] + 0.001 * i;
            double y = extent[1];
            if (i > 0) b.append(',');
            b.append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"n\":%d},\"geometry\":{\"type\":\"Point\","
                    + "\"coordinates\":[%.6f,%.6f]}}", i, x, y));
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest multipart(String url, String id, byte[] file) {
        String boundary = "----planview-cluster";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n" + id + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"title_zh\"\r\n\r\n集群探针\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"probe.geojson\"\r\nContent-Type: application/geo+json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private void shell(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(script);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed");
    }

    private void line(String s) {
        report.append(s).append('\n');
        System.err.println(s);
    }
}
