package org.liudong.planview.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * A Shapefile export of 100,000 parcels through the server, timed, with the server's peak heap
 * read over JMX while it runs — the export must stream, not hold the layer in memory.
 */
final class ExportCase {
    private static final int PARCELS = 100_000;

    private ExportCase() {
    }

    static void run(BenchMain bench, int jmxPort) throws Exception {
        long lastId;
        try (Connection c = bench.db().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM land_parcel ORDER BY id OFFSET ? LIMIT 1")) {
            ps.setInt(1, PARCELS - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    bench.table().note("export: fewer than " + PARCELS + " parcels, not measured");
                    return;
                }
                lastId = rs.getLong(1);
            }
        }
        String filter = URLEncoder.encode("id <= " + lastId, StandardCharsets.UTF_8);
        String path = "/collections/land-parcels/export?format=shapefile&filter-lang=cql2-text&filter=" + filter;
        try (HeapProbe heap = new HeapProbe(jmxPort)) {
            heap.resetPeaks();
            long t0 = System.nanoTime();
            long bytes = bench.get(path);
            double secs = (System.nanoTime() - t0) / 1e9;
            long peak = heap.peakHeapBytes();
            long max = heap.maxHeapBytes();
            bench.table().note(String.format(Locale.ROOT,
                    "Shapefile export of %,d parcels: %.1f s, %.1f MiB ZIP; server peak heap %.0f MiB of %.0f MiB max %s (targets: < 10 s, ≤ 256 MiB)",
                    PARCELS, secs, bytes / 1048576.0, peak / 1048576.0, max / 1048576.0,
                    secs < 10 && peak <= 256L * 1048576 ? "✓" : "✗ missed"));
        }
    }
}
