package org.liudong.planview.places;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.liudong.planview.http.Problem;

/**
 * {@code GET /named-places[?q=…]}: what the texts name in Liudong without giving its position —
 * villages and their 屯, a school, ports, housing estates, a river (table named_place, V25) — with
 * the quote that names each and the document it is in. There is no geometry to give: every item
 * says {@code "position": null}, so that a search can answer “named in 《…》, position not given”
 * instead of a point. {@code q} matches the Chinese or English name, or the village a 屯 is part of.
 */
public final class NamedPlaceRoutes {
    private static final int MAX_QUERY = 50;
    private static final Set<String> PARAMETERS = Set.of("q");
    // strpos, not LIKE: the caller's text is matched literally, % and _ included
    private static final String SEARCH = """
            SELECT id, name_zh, name_en, kind, kind_zh, part_of, file, line, quote, title, date, note_zh
            FROM named_place
            WHERE ?::text IS NULL
               OR strpos(lower(name_zh), lower(?)) > 0 OR strpos(lower(name_en), lower(?)) > 0
               OR strpos(coalesce(part_of, ''), ?) > 0
            ORDER BY name_zh = coalesce(?, '') DESC, id""";

    private final DataSource ds;

    public NamedPlaceRoutes(DataSource ds) {
        this.ds = ds;
    }

    public void register(Javalin app) {
        app.get("/named-places", this::search);
    }

    private void search(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!PARAMETERS.contains(name)) throw Problem.badRequest("unknown parameter '" + shorten(name) + "'; only q is accepted");
        }
        String q = ctx.queryParam("q");
        if (q != null) {
            q = q.strip();
            if (q.isEmpty()) throw Problem.badRequest("parameter q is empty: give part of a name, or leave q out for every item");
            if (q.codePointCount(0, q.length()) > MAX_QUERY) throw Problem.badRequest("parameter q: at most " + MAX_QUERY + " characters");
        }
        List<Map<String, Object>> items;
        try {
            items = find(q);
        } catch (SQLException e) {
            throw new Problem(503, "Service Unavailable", "the database is not reachable; try again shortly");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("numberMatched", items.size());
        body.put("items", items);
        ctx.header("Cache-Control", "no-cache");
        ctx.json(body);
    }

    private List<Map<String, Object>> find(String q) throws SQLException {
        List<Map<String, Object>> items = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(SEARCH)) {
            for (int i = 1; i <= 5; i++) ps.setString(i, q);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    for (String column : List.of("id", "name_zh", "name_en", "kind", "kind_zh", "part_of")) {
                        item.put(column, rs.getString(column));
                    }
                    item.put("position", null);
                    Map<String, Object> source = new LinkedHashMap<>();
                    source.put("file", rs.getString("file"));
                    source.put("line", rs.getInt("line"));
                    source.put("quote", rs.getString("quote"));
                    source.put("title", rs.getString("title"));
                    source.put("date", rs.getString("date"));
                    item.put("source", source);
                    item.put("note_zh", rs.getString("note_zh"));
                    items.add(item);
                }
            }
        }
        return items;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
