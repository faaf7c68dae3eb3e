package org.liudong.planview.bench;

import java.util.Arrays;

/** Latencies of one timed run, in nanoseconds, and what they add up to. */
public final class LatencyStats {
    private final long[] sorted;
    private final double seconds;
    private final long bytes;
    private final int errors;

    public LatencyStats(long[] latencies, double seconds, long bytes, int errors) {
        this.sorted = latencies.clone();
        Arrays.sort(this.sorted);
        this.seconds = seconds;
        this.bytes = bytes;
        this.errors = errors;
    }

    public int count() {
        return sorted.length;
    }

    /** Nearest-rank percentile in milliseconds. */
    public double percentileMs(double p) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    public double perSecond() {
        return seconds <= 0 ? Double.NaN : sorted.length / seconds;
    }

    public double meanBytes() {
        return sorted.length == 0 ? 0 : (double) bytes / sorted.length;
    }

    public int errors() {
        return errors;
    }
}
