package org.liudong.planview.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's one table, as Markdown, so it can go into docs/benchmark.md as printed. */
public final class ResultTable {
    private record Row(String kase, String side, int concurrency, LatencyStats stats, String ratio, String target) {
    }

    /** A row that only compares two sides already in the table. */
    private record RatioRow(String kase, String side, String ratio, String target) {
    }

    private final List<Object> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void add(String kase, String side, int concurrency, LatencyStats stats, String ratio, String target) {
        rows.add(new Row(kase, side, concurrency, stats, ratio, target));
    }

    public void ratioRow(String kase, String side, String ratio, String target) {
        rows.add(new RatioRow(kase, side, ratio, target));
    }

    public void note(String line) {
        notes.add(line);
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| case | side | conc. | n | p50 ms | p95 ms | p99 ms | req/s | KiB/resp | errors | ratio | target |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Object o : rows) {
            if (o instanceof RatioRow q) {
                b.append(String.format(Locale.ROOT, "| %s | %s |  |  |  |  |  |  |  |  | %s | %s |%n", q.kase, q.side, q.ratio, q.target));
                continue;
            }
            Row r = (Row) o;
            LatencyStats s = r.stats;
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.2f | %.2f | %.2f | %.1f | %.1f | %d | %s | %s |%n",
                    r.kase, r.side, r.concurrency, s.count(), s.percentileMs(50), s.percentileMs(95), s.percentileMs(99),
                    s.perSecond(), s.meanBytes() / 1024.0, s.errors(), r.ratio, r.target));
        }
        if (!notes.isEmpty()) {
            b.append('\n');
            for (String n : notes) b.append("- ").append(n).append('\n');
        }
        return b.toString();
    }

    public static String ratio(double value, double limit, boolean atMost) {
        boolean met = atMost ? value <= limit : value >= limit;
        return String.format(Locale.ROOT, "%.2f× %s", value, met ? "✓" : "✗ missed");
    }
}
