package org.liudong.planview.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.db.SqlStatement;

/**
 * The statement of one page of features and how to read its rows: the Feature as GeoJSON text in
 * column {@value #FEATURE}, then the page's sort keys as text in {@code key_1 … key_n} (the id
 * last), from which the next page's {@link Cursor} is made. The statement asks for one row more
 * than the limit: that row only tells whether there is a next page.
 */
public record PageQuery(SqlStatement statement, int keyCount) {
    static final String FEATURE = "feature";
    static final String KEY = "key_";

    /** The Feature's UTF-8 bytes, as the driver received them (the client encoding is UTF-8). */
    public byte[] featureBytes(ResultSet rs) throws SQLException {
        return rs.getBytes(FEATURE);
    }

    /** The sort-key values of the row, in ORDER BY order; null for SQL NULL. */
    public List<String> keys(ResultSet rs) throws SQLException {
        List<String> v = new ArrayList<>(keyCount);
        for (int i = 1; i <= keyCount; i++) v.add(rs.getString(KEY + i));
        return v;
    }
}
