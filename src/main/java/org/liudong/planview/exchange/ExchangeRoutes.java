package org.liudong.planview.exchange;

import io.javalin.Javalin;
import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import javax.sql.DataSource;
import org.liudong.planview.auth.EditorAuth;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.config.Settings;

/** Export and import wired together: the one thing App needs to know about this package. */
public final class ExchangeRoutes {
    private final ExportRoutes export;
    private final ImportRoutes imports;

    public ExchangeRoutes(DataSource ds, Catalog catalog, Settings settings, ExchangeLimits limits) {
        WorkDirs work = new WorkDirs(limits.workDir());
        // Left by a crash: older than any job may run.
        work.sweep(limits.gdalTimeout().multipliedBy(2));
        ScratchTable.sweep(ds, ScratchTable.SCHEMA, limits.gdalTimeout().multipliedBy(2));
        ScratchTable.sweep(ds, Importer.STAGING, limits.gdalTimeout().multipliedBy(2));
        GdalRunner gdal = new GdalRunner(settings.database().libpqEnvironment(), limits.gdalTimeout());
        this.export = new ExportRoutes(catalog, new Exporter(ds, gdal, work, limits), new ExportSlots(limits.maxConcurrentExports()));
        this.imports = new ImportRoutes(new Importer(ds, catalog, gdal, limits), new EditorAuth(settings.editorTokens()), work, limits);
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
