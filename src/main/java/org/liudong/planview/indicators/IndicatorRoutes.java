package org.liudong.planview.indicators;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.http.Problem;

/**
 * The plan indicators (规划指标): GET /indicators (theme, scope, warning, f=json|csv) and
 * GET /indicators/{id} (f=json|csv). Every value comes with its source: file, line, quote and the
 * document's title; every progress figure with the rule it was derived by.
 */
public final class IndicatorRoutes {
    private final IndicatorStore store;

    public IndicatorRoutes(DataSource ds) {
        this.store = new IndicatorStore(ds);
    }

    public void register(Javalin app) {
        app.get("/indicators", this::list);
        app.get("/indicators/{id}", this::one);
    }

    private void list(Context ctx) {
        IndicatorRequest r = IndicatorRequest.ofList(ctx.queryParamMap());
        try {
            List<Map<String, Object>> indicators = store.indicators(r, null);
            if (r.format() == IndicatorRequest.Format.CSV) {
                csv(ctx, indicators, "规划指标.csv", "indicators.csv");
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title_zh", "柳东新区规划指标");
            body.put("title_en", "Liudong plan indicators");
            body.put("numberMatched", indicators.size());
            body.put("rules", store.rules());
            body.put("indicators", indicators);
            body.put("links", List.of(
                    link("self", "application/json", "/indicators"),
                    link("alternate", "text/csv", "/indicators?f=csv")));
            ctx.header("Cache-Control", "no-cache");
            ctx.json(body);
        } catch (SQLException e) {
            throw unreachable();
        }
    }

    private void one(Context ctx) {
        String id = IndicatorRequest.indicatorId(ctx.pathParam("id"));
        IndicatorRequest r = IndicatorRequest.ofOne(ctx.queryParamMap());
        try {
            List<Map<String, Object>> found = store.indicators(r, id);
            if (found.isEmpty()) throw Problem.notFound("no indicator '" + id + "'; /indicators lists them");
            if (r.format() == IndicatorRequest.Format.CSV) {
                csv(ctx, found, found.get(0).get("name_zh") + ".csv", id + ".csv");
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>(found.get(0));
            body.put("rules", store.rules());
            body.put("links", List.of(
                    link("self", "application/json", "/indicators/" + id),
                    link("alternate", "text/csv", "/indicators/" + id + "?f=csv"),
                    link("collection", "application/json", "/indicators")));
            ctx.header("Cache-Control", "no-cache");
            ctx.json(body);
        } catch (SQLException e) {
            throw unreachable();
        }
    }

    private static void csv(Context ctx, List<Map<String, Object>> indicators, String fileName, String asciiName) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        ctx.header("Content-Disposition", "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(IndicatorCsv.write(indicators));
    }

    private static Map<String, String> link(String rel, String type, String href) {
        return Map.of("rel", rel, "type", type, "href", href);
    }

    private static Problem unreachable() {
        return new Problem(503, "Service Unavailable", "the database is not reachable; try again shortly");
    }
}
