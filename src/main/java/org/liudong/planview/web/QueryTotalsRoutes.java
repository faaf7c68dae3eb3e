package org.liudong.planview.web;

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
import org.liudong.planview.db.Reads;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.catalog.PropertyType;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.query.ItemsRequest;
import org.liudong.planview.query.SelectionSql;
import org.liudong.planview.query.QueryFailures;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * {@code GET /web/collections/{id}/totals?sum=area_ha,area_mu&filter=…}: the count and the sums
 * of numeric properties over an items query — the totals line of the map's parcel query, added up
 * by PostGIS however many parcels match, instead of by the browser over downloaded features.
 * Takes the same filter parameters as {@code /items} (parsed and compiled by the items request).
 */
public final class QueryTotalsRoutes {
    private static final int MAX_SUMS = 8;
    private static final Set<String> OWN_PARAMETERS = Set.of("sum");

    private final Reads reads;
    private final Catalog catalog;
    private final QueryLimit limit;

    public QueryTotalsRoutes(Reads reads, Catalog catalog, QueryLimit limit) {
        this.reads = reads;
        this.catalog = catalog;
        this.limit = limit;
    }

    public void register(Javalin app) {
        app.get("/web/collections/{collectionId}/totals", this::totals);
    }

    private void totals(Context ctx) throws SQLException {
        String id = ctx.pathParam("collectionId");
        CollectionInfo c = catalog.require(id, Caller.of(ctx), ctx.queryParam("version"));
        List<PropertyInfo> sums = sumProperties(c, ctx.queryParam("sum"));
        ItemsRequest request = ItemsRequest.parse(c, ctx.queryParamMap(), OWN_PARAMETERS);

        List<String> columns = new ArrayList<>();
        columns.add("count(*)");
        for (PropertyInfo p : sums) columns.add("coalesce(sum(" + p.column() + "), 0)::float8");
        SqlStatement where = SelectionSql.where(c, request.selection());
        SqlStatement sql = new SqlStatement("SELECT " + String.join(", ", columns) + " FROM " + c.tableSql() + " t" + where.sql(),
                where.params());

        Map<String, Object> body = new LinkedHashMap<>();
        try (Connection conn = reads.of(ctx).getConnection(); PreparedStatement ps = limit.apply(sql.prepare(conn))) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                body.put("numberMatched", rs.getLong(1));
                Map<String, Object> totals = new LinkedHashMap<>();
                for (int i = 0; i < sums.size(); i++) totals.put(sums.get(i).name(), rs.getDouble(i + 2));
                body.put("sums", totals);
            }
        } catch (SQLException e) {
            throw QueryFailures.problem(e, "totals of " + c.id());
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(body);
    }

    /** The properties to add up: numeric ones of this collection, named in {@code sum}. */
    private static List<PropertyInfo> sumProperties(CollectionInfo c, String raw) {
        List<PropertyInfo> result = new ArrayList<>();
        if (raw == null || raw.isBlank()) return result;
        for (String name : raw.split(",")) {
            String n = name.trim();
            PropertyInfo p = c.property(n).orElseThrow(() -> Problem.badRequest("parameter sum: collection " + c.id()
                    + " has no property '" + Text.shorten(n) + "'"));
            if (p.type() != PropertyType.NUMBER && p.type() != PropertyType.INTEGER) {
                throw Problem.badRequest("parameter sum: property '" + n + "' is not numeric");
            }
            if (result.stream().noneMatch(x -> x.name().equals(n))) result.add(p);
        }
        if (result.size() > MAX_SUMS) throw Problem.badRequest("parameter sum: at most " + MAX_SUMS + " properties");
        return result;
    }
}
