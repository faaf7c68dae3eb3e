package org.liudong.planview.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.liudong.planview.config.Settings;
import org.liudong.planview.db.Database;

/**
 * The soak: a planner's mix of requests — items in a box, parcel tiles, the land-use statistics of
 * a box and GeoJSON exports — at a fixed concurrency
 * for many minutes, with one PostgreSQL restart in the middle, run by a command the script hands
 * in (on a cluster of the soak's own). It reports what failed and when, p50/p99 per kind, how long
 * the server took to serve again after the restart, and the server's heap over the run (JMX):
 * the live heap after a full collection at the start and at the end, and the heap left after each
 * of the JVM's own collections, sampled every 10 s, with its trend.
 *
 * <pre>java -cp … SoakMain --url http://127.0.0.1:7071 --minutes 10 --concurrency 16 --jmx 7072
 *      --restart-command "pg_ctlcluster --skip-systemctl-redirect 15 soak restart" --out bench/soak.md</pre>
 */
public final class SoakMain {
    private static final long SEED = 20261202L;
    private static final int CENTRES = 256;
    private static final long HEAP_SAMPLE_MS = 10_000;
    /** A client told 503 (or cut off) waits this long before its next request, as Retry-After asks it to. */
    private static final long BACK_OFF_MS = 250;

    enum Kind {
        ITEMS(40), TILE(35), STATISTICS(20), EXPORT(5);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** One request: when it started and ended (ms since the soak began), its status (-1: no answer), and for a 503 whose fault. */
    record Outcome(Kind kind, long startMs, long endMs, long latencyNanos, int status, boolean databaseSaid) {
        boolean ok() {
            return status == 200 || status == 204;
        }

        /** An export refused because every export slot was taken: the server working as designed, not a failure. */
        boolean busy() {
            return status == 503 && !databaseSaid;
        }

        boolean failed() {
            return !ok() && !busy();
        }
    }

    record HeapSample(long atMs, long bytes) {
    }

    private final String baseUrl;
    private final List<String> boxes = new ArrayList<>();
    private final List<String> smallBoxes = new ArrayList<>();
    private final List<double[]> centres;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private long began;

    private SoakMain(String baseUrl, List<double[]> centres, double half, double smallHalf) {
        this.baseUrl = baseUrl;
        this.centres = centres;
        for (double[] c : centres) {
            boxes.add(Samples.bbox(c, half));
            smallBoxes.add(Samples.bbox(c, smallHalf));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "16"));
        System.setProperty("http.maxConnections", Integer.toString(concurrency));
        String url = opts.getOrDefault("url", "http://127.0.0.1:7071");
        double minutes = Double.parseDouble(opts.getOrDefault("minutes", "10"));
        Path out = Path.of(opts.getOrDefault("out", "bench/soak.md"));
        long parcels;
        SoakMain soak;
        try (HikariDataSource db = Database.pool(Settings.fromEnvironment().database(), 2)) {
            parcels = Samples.scalarLong(db, "SELECT count(*) FROM land_parcel");
            List<double[]> centres = Samples.centres(db, Samples.ids(db, SEED, CENTRES));
            soak = new SoakMain(url, centres, Samples.halfSizeFor(db, centres, 1000), Samples.halfSizeFor(db, centres, 200));
        }
        String report = soak.run(minutes, concurrency, Integer.parseInt(opts.get("jmx")), opts.get("restart-command"), parcels);
        System.out.println(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.err.println("soak: report written to " + out);
    }

    private String run(double minutes, int concurrency, int jmxPort, String restartCommand, long parcels) throws Exception {
        long durationMs = (long) (minutes * 60_000);
        long warmUpMs = Math.min(30_000, durationMs / 10);
        List<HeapSample> afterGc = new ArrayList<>();
        long[] restart = {-1, -1, -1};  // start ms, end ms, exit code
        long liveAtStart;
        long liveAtEnd;
        try (HeapProbe heap = new HeapProbe(jmxPort)) {
            began = System.currentTimeMillis();
            long end = began + durationMs;
            AtomicInteger counter = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(concurrency);
            for (int w = 0; w < concurrency; w++) workers.submit(() -> work(counter, end));
            workers.shutdown();
            Thread.sleep(warmUpMs);
            liveAtStart = heap.liveBytesAfterFullGc();
            Thread restarter = new Thread(() -> restart(restartCommand, durationMs / 2, restart), "soak-restart");
            restarter.start();
            while (System.currentTimeMillis() < end) {
                afterGc.add(new HeapSample(now(), heap.usedAfterLastGcBytes()));
                Thread.sleep(Math.max(0, Math.min(HEAP_SAMPLE_MS, end - System.currentTimeMillis())));
            }
            workers.awaitTermination(5, TimeUnit.MINUTES);
            restarter.join();
            liveAtEnd = heap.liveBytesAfterFullGc();
        }
        return report(minutes, concurrency, parcels, restart, warmUpMs, liveAtStart, liveAtEnd, afterGc);
    }

    private void work(AtomicInteger counter, long end) {
        while (System.currentTimeMillis() < end) {
            int i = counter.getAndIncrement();
            Kind kind = kindOf(i);
            long start = now();
            long t0 = System.nanoTime();
            int[] answer = fetch(path(kind, i));
            long latency = System.nanoTime() - t0;
            Outcome o = new Outcome(kind, start, now(), latency, answer[0], answer[1] == 1);
            outcomes.add(o);
            if (!o.ok()) pause(BACK_OFF_MS);
        }
    }

    /** Request {@code i}'s kind, by the weights, the same on every run. */
    private static Kind kindOf(int i) {
        int roll = new SplittableRandom(SEED + i).nextInt(100);
        for (Kind k : Kind.values()) {
            if (roll < k.weight) return k;
            roll -= k.weight;
        }
        return Kind.ITEMS;
    }

    private String path(Kind kind, int i) {
        int c = i % centres.size();
        return switch (kind) {
            case ITEMS -> "/collections/land-parcels/items?limit=100&bbox=" + boxes.get(c);
            case TILE -> {
                int z = 14 + i % 3;
                int[] t = TileCases.tileOf(centres.get(c)[0], centres.get(c)[1], z);
                yield "/collections/land-parcels/tiles/WebMercatorQuad/" + z + "/" + t[1] + "/" + t[0];
            }
            case STATISTICS -> "/collections/land-parcels/statistics?groupBy=land_use_code&sum=area_ha&bbox=" + boxes.get(c);
            case EXPORT -> "/collections/land-parcels/export?format=geojson&bbox=" + smallBoxes.get(c);
        };
    }

    /** {status, 1 if a 503's problem names the database}; status -1 when no answer came (refused, reset, timed out). */
    private int[] fetch(String pathAndQuery) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + pathAndQuery).toURL().openConnection();
            c.setConnectTimeout(5_000);
            c.setReadTimeout(120_000);
            c.setRequestProperty("Accept-Encoding", "gzip");
            int status = c.getResponseCode();
            boolean database = false;
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null) {
                    if (status == 503) {
                        database = new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("database");
                    } else {
                        byte[] buf = new byte[65536];
                        while (in.read(buf) >= 0) {
                            // drain: the body is part of the request's time
                        }
                    }
                }
            }
            return new int[] {status, database ? 1 : 0};
        } catch (IOException e) {
            return new int[] {-1, 0};
        }
    }

    private void restart(String command, long atMs, long[] restart) {
        if (command == null || command.isBlank()) return;
        pause(Math.max(0, began + atMs - System.currentTimeMillis()));
        restart[0] = now();
        try {
            Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            p.getInputStream().transferTo(System.err);
            restart[2] = p.waitFor();
        } catch (IOException | InterruptedException e) {
            System.err.println("soak: the restart command failed: " + e);
        }
        restart[1] = now();
        System.err.printf(Locale.ROOT, "soak: PostgreSQL restarted at %.1f s (%.1f s, exit %d)%n", restart[0] / 1e3,
                (restart[1] - restart[0]) / 1e3, restart[2]);
    }

    private String report(double minutes, int concurrency, long parcels, long[] restart, long warmUpMs, long liveAtStart,
                          long liveAtEnd, List<HeapSample> afterGc) {
        List<Outcome> all = new ArrayList<>(outcomes);
        all.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
        // The outage: from the restart command to the first request answered well after it returned.
        long outageFrom = restart[0];
        long recovered = restart[1] < 0 ? -1 : all.stream().filter(o -> o.ok() && o.startMs() >= restart[1])
                .mapToLong(Outcome::endMs).min().orElse(-1);
        long firstFailure = all.stream().filter(o -> o.failed() && o.endMs() >= outageFrom && outageFrom >= 0)
                .mapToLong(Outcome::endMs).min().orElse(-1);
        long lastFailure = all.stream().filter(o -> o.failed() && inOutage(o, outageFrom, recovered)).mapToLong(Outcome::endMs).max().orElse(-1);

        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Soak on %s — %,d synthetic parcels, %.1f min at concurrency %d, one PostgreSQL "
                + "restart at half time; seed %d%n%n", Machine.describe(), parcels, minutes, concurrency, SEED));
        b.append("| kind | share | requests | ok | 503 database | 503 busy | failed otherwise | p50 ms | p99 ms | p99 ms outside the outage |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Kind k : Kind.values()) row(b, k.name().toLowerCase(Locale.ROOT), k.weight + " %", all.stream().filter(o -> o.kind() == k).toList(),
                outageFrom, recovered);
        row(b, "**all**", "", all, outageFrom, recovered);
        b.append('\n');
        long failedOutside = all.stream().filter(o -> o.failed() && !inOutage(o, outageFrom, recovered)).count();
        long fiveHundreds = all.stream().filter(o -> o.status() >= 500 && o.status() != 503).count();
        long noAnswer = all.stream().filter(o -> o.status() < 0).count();
        if (restart[0] >= 0) {
            b.append(String.format(Locale.ROOT, "- PostgreSQL restart (`%s` on the soak's own cluster) at t = %.1f s, the command took "
                            + "%.1f s (exit %d); failed requests from t = %s to %s; the first request answered well after the "
                            + "command returned ended at t = %s — **%s after the restart began**.%n",
                    "pg_ctlcluster … restart", restart[0] / 1e3, (restart[1] - restart[0]) / 1e3, restart[2], seconds(firstFailure),
                    seconds(lastFailure), seconds(recovered), recovered < 0 ? "never" : seconds(recovered - restart[0])));
        } else {
            b.append("- No PostgreSQL restart (no --restart-command).\n");
        }
        b.append(String.format(Locale.ROOT, "- Failed requests outside the outage: **%d**. Answers other than a 503 problem in all "
                + "the run: %d × 5xx other than 503, %d without an answer (connection refused or reset). A client told 503 waits "
                + "%d ms before its next request.%n", failedOutside, fiveHundreds, noAnswer, BACK_OFF_MS));
        b.append(heapLine(warmUpMs, liveAtStart, liveAtEnd, afterGc));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String share, List<Outcome> os, long outageFrom, long recovered) {
        long[] ok = os.stream().filter(Outcome::ok).mapToLong(Outcome::latencyNanos).toArray();
        long[] okOutside = os.stream().filter(o -> o.ok() && !inOutage(o, outageFrom, recovered)).mapToLong(Outcome::latencyNanos).toArray();
        b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f |%n", name, share, os.size(), ok.length,
                os.stream().filter(o -> o.status() == 503 && o.databaseSaid()).count(), os.stream().filter(Outcome::busy).count(),
                os.stream().filter(o -> o.failed() && !(o.status() == 503)).count(), percentileMs(ok, 50), percentileMs(ok, 99),
                percentileMs(okOutside, 99)));
    }

    private static boolean inOutage(Outcome o, long from, long to) {
        return from >= 0 && o.endMs() >= from && (to < 0 || o.startMs() <= to);
    }

    private static String heapLine(long warmUpMs, long liveAtStart, long liveAtEnd, List<HeapSample> samples) {
        double[] x = samples.stream().mapToDouble(s -> s.atMs() / 60_000.0).toArray();
        double[] y = samples.stream().mapToDouble(s -> s.bytes() / 1048576.0).toArray();
        double slope = slope(x, y);
        int tenth = Math.max(1, y.length / 10);
        return String.format(Locale.ROOT, "- Heap: live after a full collection %.1f MiB at t = %.0f s and %.1f MiB at the end "
                        + "(%+.1f MiB); left after the JVM's own collections, sampled every %d s (%d samples): median of the first "
                        + "tenth %.1f MiB, of the last tenth %.1f MiB, trend %+.2f MiB/min.%n",
                liveAtStart / 1048576.0, warmUpMs / 1e3, liveAtEnd / 1048576.0, (liveAtEnd - liveAtStart) / 1048576.0,
                HEAP_SAMPLE_MS / 1000, y.length, median(Arrays.copyOfRange(y, 0, Math.min(tenth, y.length))),
                median(Arrays.copyOfRange(y, Math.max(0, y.length - tenth), y.length)), slope);
    }

    private static double slope(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) return Double.NaN;
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? Double.NaN : num / den;
    }

    private static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double percentileMs(long[] nanos, double p) {
        return new LatencyStats(nanos, 1, 0, 0).percentileMs(p);
    }

    private static String seconds(long ms) {
        return ms < 0 ? "—" : String.format(Locale.ROOT, "%.1f s", ms / 1e3);
    }

    private long now() {
        return System.currentTimeMillis() - began;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
