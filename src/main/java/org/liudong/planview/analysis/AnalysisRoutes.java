package org.liudong.planview.analysis;

import io.javalin.Javalin;
import javax.sql.DataSource;
import org.liudong.planview.db.Reads;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.config.Settings;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.WorkDirs;

/** Statistics, the red-line report and the constraint flag wired together: all App needs to know of this package. */
public final class AnalysisRoutes {
    private final StatisticsRoutes statistics;
    private final RedlineRoutes redline;
    private final ConstraintRoutes constraints;

    public AnalysisRoutes(DataSource ds, Reads reads, Catalog catalog, QueryLimit limit, Settings settings, WorkDirs work, AuditLog audit) {
        StatisticsQuery query = new StatisticsQuery(ds, limit, settings.analysis());
        this.statistics = new StatisticsRoutes(catalog, settings.analysis(), query, reads);
        // GDAL here only converts uploaded files: it needs no database credentials.
        GdalRunner gdal = new GdalRunner(java.util.Map.of(), settings.exchange().gdalTimeout());
        this.redline = new RedlineRoutes(ds, catalog, new RedlineAnalysis(catalog, limit, query), gdal,
                work, settings.exchange(), settings.analysis(), audit);
        this.constraints = new ConstraintRoutes(ds, catalog, audit);
    }

    public void register(Javalin app) {
        statistics.register(app);
        redline.register(app);
        constraints.register(app);
    }
}
