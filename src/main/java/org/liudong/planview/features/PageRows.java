package org.liudong.planview.features;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.query.PageQuery;

/**
 * The rows of one page as they come from the driver: the Features' bytes, how many the page holds,
 * whether a row beyond the limit exists (a next page), and the sort keys of the page's last row.
 * The first rows can be read ahead and held before anything is written, so that a page which ends
 * within them tells numberMatched itself (see {@link ItemsResponse}); the rest are streamed.
 */
final class PageRows {
    private static final byte[] FEATURE_SEPARATOR = {',', '\n'};
    private final ResultSet rs;
    private final PageQuery query;
    private final int limit;
    private final List<byte[]> held = new ArrayList<>();
    private int returned;
    private boolean more;
    private boolean ended;
    private List<String> lastKeys;

    PageRows(ResultSet rs, PageQuery query, int limit) {
        this.rs = rs;
        this.query = query;
        this.limit = limit;
    }

    /**
     * Reads and holds rows until the page is known whole — the result ended, or the row after the
     * limit came — or {@code maxBytes} are held. Returns whether the page is known whole.
     */
    boolean readAhead(long maxBytes) throws SQLException {
        long bytes = 0;
        while (!known() && bytes < maxBytes) {
            byte[] f = next();
            if (f == null) break;
            held.add(f);
            bytes += f.length;
        }
        return known();
    }

    /** Whether the whole page has been read: its size and whether a next page exists are final. */
    boolean known() {
        return ended || more;
    }

    /** The page's features read so far (all of them once {@link #known()}). */
    int returned() {
        return returned;
    }

    /** Whether the result went on past the page (valid once the page is written or {@link #known()}). */
    boolean more() {
        return more;
    }

    /** Whether the result ended within the page (valid once {@link #known()}). */
    boolean ended() {
        return ended;
    }

    /** The sort keys of the page's last feature when the page is full, else null. */
    List<String> lastKeys() {
        return lastKeys;
    }

    /** Writes the held features, then streams the rest of the page, separated as a GeoJSON array's members. */
    void writeTo(OutputStream w) throws SQLException, IOException {
        int written = 0;
        for (byte[] f : held) {
            if (written++ > 0) w.write(FEATURE_SEPARATOR);
            w.write(f);
        }
        held.clear();
        byte[] f;
        while ((f = next()) != null) {
            if (written++ > 0) w.write(FEATURE_SEPARATOR);
            w.write(f);
        }
    }

    /** The features as held and then read, for a page built whole in memory (HTML). */
    List<byte[]> readAll() throws SQLException {
        List<byte[]> all = new ArrayList<>(held);
        held.clear();
        byte[] f;
        while ((f = next()) != null) all.add(f);
        return all;
    }

    /** The next feature of the page, or null at its end (the limit reached, or the rows ended). */
    private byte[] next() throws SQLException {
        if (known()) return null;
        if (!rs.next()) {
            ended = true;
            return null;
        }
        if (returned == limit) {
            more = true;  // the extra row asked for: only tells that there is a next page
            return null;
        }
        byte[] f = query.featureBytes(rs);
        returned++;
        if (returned == limit) lastKeys = query.keys(rs);
        return f;
    }
}
