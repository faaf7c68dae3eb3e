package org.liudong.planview.exchange;

import io.javalin.Javalin;
import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import javax.sql.DataSource;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.exchange.export.ExportRoutes;
import org.liudong.planview.exchange.export.Exporter;
import org.liudong.planview.exchange.export.ScratchTable;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.JobSlots;
import org.liudong.planview.exchange.gdal.WorkDirs;
import org.liudong.planview.exchange.gdal.WorkTables;
import org.liudong.planview.exchange.imports.ImportRoutes;
import org.liudong.planview.exchange.imports.Importer;
import org.liudong.planview.versions.LayerVersions;

/** Export and import wired together: the one thing App needs to know about this package. */
public final class ExchangeRoutes {
    private final ExportRoutes export;
    private final ImportRoutes imports;

    public ExchangeRoutes(DataSource ds, Catalog catalog, DatabaseSettings database, ExchangeLimits limits, LayerVersions versions,
                          AuditLog audit) {
        WorkDirs work = new WorkDirs(limits.workDir());
        // Left by a crash: older than any job may run.
        work.sweep(limits.gdalTimeout().multipliedBy(2));
        WorkTables.sweep(ds, ScratchTable.SCHEMA, limits.gdalTimeout().multipliedBy(2));
        WorkTables.sweep(ds, Importer.STAGING_SCHEMA, limits.gdalTimeout().multipliedBy(2));
        GdalRunner gdal = new GdalRunner(database.libpqEnvironment(), limits.gdalTimeout());
        this.export = new ExportRoutes(catalog, new Exporter(ds, gdal, work, limits), new JobSlots(limits.maxConcurrentExports()), audit);
        this.imports = new ImportRoutes(new Importer(ds, catalog, gdal, limits, versions, audit), audit, work, limits);
    }

    public void register(Javalin app) {
        export.register(app);
        imports.register(app);
    }

    /** Bounds Jetty's multipart parsing (uploads) by the import limit, spooling to disk past 1 MB. */
    public static void configureUploads(MultipartConfig multipart, ExchangeLimits limits) {
        multipart.cacheDirectory(limits.workDir().toString());
        multipart.maxFileSize(limits.maxUploadBytes(), SizeUnit.BYTES);
        multipart.maxTotalRequestSize(limits.maxUploadBytes() + 1024 * 1024, SizeUnit.BYTES);
        multipart.maxInMemoryFileSize(1024 * 1024, SizeUnit.BYTES);
    }
}
