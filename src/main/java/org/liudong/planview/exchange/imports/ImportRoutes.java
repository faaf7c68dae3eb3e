package org.liudong.planview.exchange.imports;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.auth.Access;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.CollectionAccess;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.exchange.gdal.GdalTimeoutException;
import org.liudong.planview.exchange.gdal.JobSlots;
import org.liudong.planview.exchange.gdal.WorkDirs;
import org.liudong.planview.http.ErrorHandling;
import org.liudong.planview.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports, for editors only: {@code POST /collections} creates a collection from an uploaded
 * Shapefile ZIP, GeoPackage or GeoJSON; {@code PUT /collections/{id}/items} replaces a
 * collection's data with one. Multipart form, the file in the part {@code file}.
 */
public final class ImportRoutes {
    private static final Logger log = LoggerFactory.getLogger(ImportRoutes.class);
    private final Importer importer;
    private final AuditLog audit;
    private final WorkDirs workDirs;
    private final ExchangeLimits limits;
    /** One import at a time across the servers ({@link JobSlots#imports}). */
    private final JobSlots running;

    public ImportRoutes(Importer importer, AuditLog audit, WorkDirs workDirs, ExchangeLimits limits, JobSlots running) {
        this.running = running;
        this.importer = importer;
        this.audit = audit;
        this.workDirs = workDirs;
        this.limits = limits;
    }

    public void register(Javalin app) {
        app.post("/collections", ctx -> handle(ctx, null), Access.EDITOR);
        app.put("/collections/{collectionId}/items", ctx -> handle(ctx, ctx.pathParam("collectionId")), Access.EDITOR);
        app.post("/collections/{collectionId}/import", ctx -> handle(ctx, ctx.pathParam("collectionId")), Access.EDITOR);
    }

    /**
     * A successful import is audited in its own transaction (LayerWriter); a refused or failed one
     * here, with why.
     */
    private void handle(Context ctx, String replaceId) throws IOException, SQLException {
        AuditEvent attempt = AuditEvent.by(Caller.of(ctx), replaceId == null ? AuditAction.IMPORT : AuditAction.REPLACE)
                .collection(replaceId == null ? formIdOrNull(ctx) : replaceId);
        try {
            upload(ctx, replaceId);
        } catch (Problem e) {
            audit.record(attempt.with("status", e.status()).with("detail", e.detail()).outcome(AuditEvent.Outcome.REFUSED));
            throw e;
        } catch (RuntimeException | IOException | SQLException e) {
            audit.record(attempt.with("status", 500).outcome(AuditEvent.Outcome.FAILURE));
            throw e;
        }
        if (ctx.statusCode() >= 400) {
            audit.record(attempt.with("status", ctx.statusCode()).outcome(ctx.statusCode() >= 500 ? AuditEvent.Outcome.FAILURE
                    : AuditEvent.Outcome.REFUSED));
        }
    }

    /** The new collection's id for the audit row; a form that cannot be read has none (upload says why). */
    private static String formIdOrNull(Context ctx) {
        try {
            return ctx.formParam("id");
        } catch (Exception e) {  // Javalin passes Jetty's checked IOException on unchecked
            return null;
        }
    }

    private void upload(Context ctx, String replaceId) throws IOException, SQLException {
        long declared = ctx.contentLength();
        if (declared > limits.maxUploadBytes() + 1024 * 1024) throw tooLarge();
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.toLowerCase().startsWith("multipart/form-data")) {
            throw new Problem(415, "Unsupported Media Type", "send the file as multipart/form-data in a part named 'file' "
                    + "(curl -F file=@layer.zip …)");
        }
        UploadedFile file = uploadedFile(ctx);
        boolean create = replaceId == null;
        ImportRequest req = new ImportRequest(create ? ctx.formParam("id") : replaceId, create, ctx.formParam("title_zh"),
                ctx.formParam("title_en"), ctx.formParam("encoding"), srid(ctx.formParam("srid")), flag(ctx.formParam("repair")),
                cleanName(file.filename()), Caller.of(ctx), access(ctx.formParam("access")));

        Optional<JobSlots.Slot> slot = running.tryAcquire();
        if (slot.isEmpty()) {
            ctx.header("Retry-After", "30");
            ErrorHandling.write(ctx, 503, "Service Unavailable", "another import is running; try again in a moment", Map.of());
            return;
        }
        Path dir = null;
        try (JobSlots.Slot held = slot.get()) {
            dir = workDirs.create("import-");  // inside: a failure here (the database away) must free the slot too
            Path upload = dir.resolve("upload.bin");
            try (InputStream in = file.content()) {
                copyBounded(in, upload);
            }
            ImportResult result = importer.run(dir, upload, req);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", result.collectionId());
            body.put("created", result.created());
            body.put("features", result.features());
            body.put("repaired", result.repaired());
            body.put("encoding", result.encoding());
            body.put("ignoredColumns", result.ignoredColumns());
            body.put("derivedColumns", result.derivedColumns());
            body.put("links", List.of(
                    Map.of("rel", "collection", "href", "/collections/" + result.collectionId()),
                    Map.of("rel", "items", "href", "/collections/" + result.collectionId() + "/items")));
            if (result.created()) ctx.header("Location", "/collections/" + result.collectionId());
            ctx.status(result.created() ? 201 : 200).json(body);
        } catch (ImportRejected e) {
            ErrorHandling.write(ctx, 400, e.title(), e.detail(), e.report());
        } catch (GdalTimeoutException e) {
            ctx.header("Retry-After", "60");
            ErrorHandling.write(ctx, 503, "Service Unavailable", "reading the upload took too long and was stopped", Map.of());
        } finally {
            WorkDirs.delete(dir);
        }
    }

    /**
     * Jetty parses the form within the multipart limits; past them it throws, which is the
     * caller's 413. Any other failure (also a checked one, which Javalin passes on unchecked) is a
     * malformed form: said in our words, Jetty's are for the log.
     */
    private UploadedFile uploadedFile(Context ctx) {
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage()).toLowerCase();
                if (m.contains("max") || m.contains("exceed") || m.contains("too large")) throw tooLarge();
            }
            log.info("multipart form refused: {}", e.toString());
            throw Problem.badRequest("the multipart form could not be read (cut short, or its parts do not match its boundary); "
                    + "send the file as curl -F file=@layer.zip does");
        }
        if (file == null) throw Problem.badRequest("no file: send it in a form part named 'file'");
        return file;
    }

    private void copyBounded(InputStream in, Path target) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > limits.maxUploadBytes()) throw tooLarge();
                out.write(buf, 0, n);
            }
        }
    }

    private Problem tooLarge() {
        long bytes = limits.maxUploadBytes();
        String size = bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
        return new Problem(413, "Content Too Large", "uploads are limited to " + size
                + " (PLANVIEW_IMPORT_MAX_UPLOAD_MB); the layer and its existing data are unchanged");
    }

    private static Integer srid(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip().replaceFirst("(?i)^EPSG:", "");
        if (!t.matches("\\d{4,6}")) throw Problem.badRequest("srid: '" + (t.length() > 20 ? t.substring(0, 20) : t) + "' is not an EPSG code such as 4490 or 4545");
        return Integer.parseInt(t);
    }

    private static boolean flag(String text) {
        if (text == null || text.isBlank()) return false;
        return switch (text.strip().toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw Problem.badRequest("repair: give true or false");
        };
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) return "upload";
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    /** A new collection is public unless the upload says {@code access=internal}. */
    private static CollectionAccess access(String text) {
        if (text == null || text.isBlank()) return CollectionAccess.PUBLIC;
        return CollectionAccess.parse(text).orElseThrow(() -> Problem.badRequest("access: public or internal"));
    }
}
