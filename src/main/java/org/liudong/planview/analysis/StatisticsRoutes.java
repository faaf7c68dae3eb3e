package org.liudong.planview.analysis;

import io.javalin.Javalin;
import org.liudong.planview.db.Reads;
import io.javalin.http.Context;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.config.AnalysisLimits;

/**
 * {@code GET /collections/{id}/statistics}: counts, areas and aggregates of a selection, grouped,
 * computed by PostGIS — the 用地平衡表 of a zone, the status of a cluster's land, projects by year.
 * JSON, or CSV with {@code f=csv}.
 */
public final class StatisticsRoutes {
    private final Catalog catalog;
    private final AnalysisLimits limits;
    private final StatisticsQuery query;
    private final Reads reads;

    public StatisticsRoutes(Catalog catalog, AnalysisLimits limits, StatisticsQuery query, Reads reads) {
        this.catalog = catalog;
        this.reads = reads;
        this.limits = limits;
        this.query = query;
    }

    public void register(Javalin app) {
        app.get("/collections/{collectionId}/statistics", this::statistics);
    }

    private void statistics(Context ctx) {
        CollectionInfo c = catalog.require(ctx.pathParam("collectionId"), Caller.of(ctx));
        StatisticsRequest r = StatisticsRequest.parse(c, ctx.queryParamMap(), catalog, Caller.of(ctx), limits);
        Statistics s = query.compute(reads.of(ctx), r);
        ctx.header("Cache-Control", "no-store");
        if (r.csv()) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + c.id() + "-statistics.csv\"; filename*=UTF-8''"
                    + java.net.URLEncoder.encode(c.title(false) + "_统计.csv", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            ctx.contentType("text/csv; charset=utf-8").result(s.csv());
        } else {
            ctx.json(s.json());
        }
    }

}
