package org.liudong.planview.exchange.export;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liudong.planview.db.Sql;

/** The figures of an export's rows that decide how it is written, counted by PostgreSQL over whichever relation holds them. */
final class RowFigures {
    private RowFigures() {
    }

    /** The geometry types present, with their counts (null geometry as the key "NONE"). */
    static Map<String, Long> geometryTypes(Connection c, String relation) throws SQLException {
        Map<String, Long> types = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(GeometryType(geom), 'NONE'), count(*) FROM " + relation + " x GROUP BY 1 ORDER BY 1")) {
            while (rs.next()) types.put(rs.getString(1), rs.getLong(2));
        }
        return types;
    }

    /** The longest value, in UTF-8 bytes, of each of the given columns. */
    static Map<String, Long> longestText(Connection c, String relation, List<String> aliases) throws SQLException {
        Map<String, Long> longest = new LinkedHashMap<>();
        if (aliases.isEmpty()) return longest;
        List<String> parts = new ArrayList<>();
        for (String a : aliases) parts.add("max(octet_length(x." + Sql.ident(a) + "::text))");
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + String.join(", ", parts) + " FROM " + relation + " x")) {
            rs.next();
            for (int i = 0; i < aliases.size(); i++) longest.put(aliases.get(i), rs.getLong(i + 1));
        }
        return longest;
    }
}
