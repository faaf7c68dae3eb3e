package org.liudong.planview.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.liudong.planview.exchange.Upload;
import org.liudong.planview.testing.TestServer;
import org.liudong.planview.testing.TileMath;
import org.liudong.planview.tiles.MvtReader;

/**
 * Readers of items and tiles while the collection is replaced again and again see the old or the
 * new version whole: every answer holds one batch only (all of it when the page is large enough), and
 * numberMatched agrees.
 */
class ReplaceWhileReadingTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final int A = 120;
    private static final int B = 80;
    private static final int REPLACES = 6;

    @Test
    void readersSeeOneVersionWhole() throws Exception {
        String id = "test-concurrent-" + System.nanoTime() % 1_000_000;
        byte[] a = VersionFixtures.batch("A", 1, A).getBytes(StandardCharsets.UTF_8);
        byte[] b = VersionFixtures.batch("B", 1001, B).getBytes(StandardCharsets.UTF_8);
        assertEquals(201, Upload.post("/collections", "a.geojson", a, Upload.fields("id", id, "title_zh", "并发")).statusCode());
        String tile = TileMath.tileOf(109.47, 24.36, 12);

        AtomicBoolean stop = new AtomicBoolean();
        List<String> failures = new CopyOnWriteArrayList<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Map<String, Integer> reads = new ConcurrentHashMap<>();
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String name = "items-" + t;
            // One reader asks for pages shorter than either version: its numberMatched is counted by a
            // second statement, which must see the same snapshot as the page; the others' pages hold it all.
            int limit = t == 2 ? 50 : 1000;
            readers.add(started(() -> loop(name, stop, started, reads, failures, () -> {
                JsonNode page = json.readTree(TestServer.get("/collections/" + id + "/items?limit=" + limit + "&properties=batch").body());
                Set<String> batches = new HashSet<>();
                page.get("features").forEach(f -> batches.add(f.at("/properties/batch").asText()));
                int expected = batches.contains("A") ? A : B;
                if (batches.size() != 1 || page.get("numberReturned").asInt() != Math.min(limit, expected)
                        || page.get("numberMatched").asInt() != expected) {
                    failures.add(name + ": batches " + batches + ", returned " + page.get("numberReturned") + ", matched " + page.get("numberMatched"));
                }
                seen.addAll(batches);
            })));
        }
        readers.add(started(() -> loop("tiles", stop, started, reads, failures, () -> {
            HttpResponse<byte[]> r = TestServer.getBytes("/collections/" + id + "/tiles/WebMercatorQuad/" + tile);
            List<Long> ids = MvtReader.layers(r.body()).get(0).featureIds();
            boolean allA = ids.stream().allMatch(i -> i <= A);
            boolean allB = ids.stream().allMatch(i -> i > 1000);
            if (!(allA && ids.size() == A) && !(allB && ids.size() == B)) failures.add("tile: " + ids.size() + " features, mixed " + !(allA || allB));
        })));

        assertTrue(started.await(60, TimeUnit.SECONDS), "every reader read once before the replaces");
        for (int i = 0; i < REPLACES; i++) {
            byte[] next = i % 2 == 0 ? b : a;
            HttpResponse<String> r = Upload.put("/collections/" + id + "/items", "next.geojson", next, Upload.fields());
            assertEquals(200, r.statusCode(), r.body());
        }
        Thread.sleep(300);
        stop.set(true);
        for (Thread t : readers) t.join(60_000);

        assertEquals(List.of(), failures);
        assertEquals(Set.of("A", "B"), seen, "both versions were read");
        reads.forEach((reader, n) -> assertTrue(n > REPLACES, reader + " read " + n + " times"));
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    interface Read {
        void run() throws Exception;
    }

    /** Reads until told to stop (and at most five minutes); a failure is recorded, never thrown away. */
    private static void loop(String name, AtomicBoolean stop, CountDownLatch started, Map<String, Integer> reads, List<String> failures, Read read) {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        boolean first = true;
        while (!stop.get() && System.nanoTime() < until) {
            try {
                read.run();
                reads.merge(name, 1, Integer::sum);
            } catch (Exception | AssertionError e) {
                failures.add(name + ": " + e);
            }
            if (first) {
                started.countDown();
                first = false;
            }
        }
    }
}
