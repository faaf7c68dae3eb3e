package org.liudong.planview.exchange;

import io.javalin.Javalin;
import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.db.Reads;
import org.liudong.planview.exchange.export.ExportRoutes;
import org.liudong.planview.exchange.export.Exporter;
import org.liudong.planview.exchange.export.ScratchTable;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.JobSlots;
import org.liudong.planview.exchange.gdal.LeftoverSweeper;
import org.liudong.planview.exchange.gdal.WorkDirs;
import org.liudong.planview.exchange.gdal.WorkOwner;
import org.liudong.planview.exchange.imports.ImportRoutes;
import org.liudong.planview.exchange.imports.Importer;
import org.liudong.planview.versions.LayerVersions;

/**
 * Export and import wired together: the one thing App needs to know about this package. It owns
 * this server's exchange work (tables and directories named by a {@link WorkOwner}) and sweeps
 * what crashed servers left, at start and every {@link ExchangeLimits#sweepInterval()}.
 */
public final class ExchangeRoutes implements AutoCloseable {
    private final WorkOwner owner;
    private final WorkDirs work;
    private final LeftoverSweeper sweeper;
    private final ExchangeLimits limits;
    private final ExportRoutes export;
    private final ImportRoutes imports;

    /**
     * @param reads       where a request's reads go: an export reads on a read replica when the request's reads may
     * @param replicaWait how long an export waits for a replica to replay its values (the replicas' allowed lag) before it reads on the primary
     */
    public ExchangeRoutes(DataSource ds, Catalog catalog, DatabaseSettings database, ExchangeLimits limits, LayerVersions versions,
                          AuditLog audit, Reads reads, Duration replicaWait) {
        this.limits = limits;
        this.owner = WorkOwner.start(database);
        this.work = new WorkDirs(limits.workDir(), owner);
        this.sweeper = new LeftoverSweeper(ds, owner, limits.workDir(), List.of(ScratchTable.SCHEMA, Importer.STAGING_SCHEMA),
                List.of(Exporter.OWNED_ROWS));
        sweeper.sweep();
        sweeper.every(limits.sweepInterval());
        GdalRunner gdal = new GdalRunner(database.libpqEnvironment(), limits.gdalTimeout());
        this.export = new ExportRoutes(catalog, new Exporter(ds, gdal, work, limits, replicaWait),
                JobSlots.exports(database, limits.maxConcurrentExports()), audit, reads);
        this.imports = new ImportRoutes(new Importer(ds, catalog, gdal, owner, limits, versions, audit), audit, work, limits,
                JobSlots.imports(database));
    }

    /** This server's work directories, for other jobs that read uploads (the red-line report). */
    public WorkDirs workDirs() {
        return work;
    }

    public void register(Javalin app) {
        export.register(app);
        imports.register(app);
    }

    /** Uploads are spooled into this server's own work directory, so that a crash mid-upload leaves nothing unowned. */
    public void configureUploads(MultipartConfig multipart) {
        configureUploads(multipart, limits, work);
    }

    /** Bounds Jetty's multipart parsing (uploads) by the import limit, spooling to {@code work} past 1 MB. */
    public static void configureUploads(MultipartConfig multipart, ExchangeLimits limits, WorkDirs work) {
        multipart.cacheDirectory(work.root().toString());
        multipart.maxFileSize(limits.maxUploadBytes(), SizeUnit.BYTES);
        multipart.maxTotalRequestSize(limits.maxUploadBytes() + 1024 * 1024, SizeUnit.BYTES);
        multipart.maxInMemoryFileSize(1024 * 1024, SizeUnit.BYTES);
    }

    /** Stops sweeping and lets go of the owner's lock: what is left of this server's work may be swept by others. */
    @Override
    public void close() {
        sweeper.close();
        owner.close();
    }
}
