package org.liudong.planview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.query.PageQuery;
import org.liudong.planview.testing.TestDatabase;

/**
 * A page's rows read from PostgreSQL through a server-side cursor (fetch size 5), held ahead or
 * streamed: the same features either way, and the page's end told right.
 */
class PageRowsTest {
    /** 30 rows "f1" … "f30" in the shape of a page query (feature, key_1). */
    private static final PageQuery THIRTY = new PageQuery(new SqlStatement(
            "SELECT 'f' || g AS feature, g::text AS key_1 FROM generate_series(1, 30) g ORDER BY g", List.of()), 1);

    private interface Check {
        void on(PageRows rows) throws Exception;
    }

    private static void page(int limit, Check check) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = THIRTY.statement().prepare(c)) {
                ps.setFetchSize(5);
                try (ResultSet rs = ps.executeQuery()) {
                    check.on(new PageRows(rs, THIRTY, limit));
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static String written(PageRows rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rows.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String features(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "f" + i).collect(Collectors.joining(",\n"));
    }

    @Test
    void aPageShorterThanTheResultKnowsThereIsMore() throws Exception {
        page(10, rows -> {
            assertTrue(rows.readAhead(1 << 20));
            assertTrue(rows.more());
            assertFalse(rows.ended());
            assertEquals(10, rows.returned());
            assertEquals(List.of("10"), rows.lastKeys());
            assertEquals(features(1, 10), written(rows));
        });
    }

    @Test
    void aPageReachingTheEndKnowsItEnded() throws Exception {
        page(30, rows -> {
            assertTrue(rows.readAhead(1 << 20));
            assertTrue(rows.ended());
            assertFalse(rows.more());
            assertEquals(30, rows.returned());
            assertEquals(features(1, 30), written(rows));
        });
        page(50, rows -> {
            assertTrue(rows.readAhead(1 << 20));
            assertTrue(rows.ended());
            assertEquals(30, rows.returned());
            assertNull(rows.lastKeys(), "a page that is not full has no next cursor");
        });
    }

    @Test
    void aReadAheadStoppedByItsByteLimitStreamsTheRest() throws Exception {
        page(20, rows -> {
            assertFalse(rows.readAhead(6), "three features of two bytes fill six bytes");
            assertEquals(3, rows.returned());
            assertFalse(rows.known());
            assertEquals(features(1, 20), written(rows));
            assertEquals(20, rows.returned());
            assertTrue(rows.more());
            assertEquals(List.of("20"), rows.lastKeys());
        });
    }

    @Test
    void allRowsForAPageBuiltInMemory() throws Exception {
        page(12, rows -> {
            rows.readAhead(4);
            List<byte[]> all = rows.readAll();
            assertEquals(12, all.size());
            assertEquals("f12", new String(all.get(11), StandardCharsets.UTF_8));
            assertTrue(rows.more());
        });
    }
}
