package org.liudong.planview.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one request kind at a fixed concurrency for a bounded time (and a bounded count). The
 * workers share one walk through the seeded list of requests, from its start: request {@code i}
 * is kind {@code i % kinds} whatever the concurrency, so a run at concurrency 8 given the count
 * that concurrency 1 completed does the very same requests — a fair throughput comparison even
 * where requests differ a lot in cost (a z12 tile over the centre against one at the edge).
 */
public final class TimedRun {
    /** One request; returns the number of bytes received. Throws on a failed request. */
    @FunctionalInterface
    public interface Request {
        long run(int index) throws Exception;
    }

    private TimedRun() {
    }

    public static LatencyStats run(Request request, int requestKinds, int concurrency, double seconds, int maxRequests)
            throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        List<long[]> perWorker = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    int i = issued.getAndIncrement();
                    if (i >= maxRequests) break;
                    long t0 = System.nanoTime();
                    try {
                        bytes.addAndGet(request.run(i % requestKinds));
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == lat.length) lat = java.util.Arrays.copyOf(lat, n * 2);
                    lat[n++] = System.nanoTime() - t0;
                }
                return java.util.Arrays.copyOf(lat, n);
            }));
        }
        pool.shutdown();
        for (Future<long[]> f : futures) {
            try {
                perWorker.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perWorker.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new LatencyStats(all, elapsed, bytes.get(), errors.get());
    }
}
