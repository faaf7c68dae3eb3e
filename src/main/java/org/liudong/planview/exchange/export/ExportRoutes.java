package org.liudong.planview.exchange.export;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.Reads;
import org.liudong.planview.exchange.gdal.GdalTimeoutException;
import org.liudong.planview.exchange.gdal.JobSlots;
import org.liudong.planview.http.ErrorHandling;
import org.liudong.planview.http.Problem;
import org.liudong.planview.query.ItemsRequest;
import org.liudong.planview.styles.LayerStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /collections/{id}/export?format=…}: the /items query (bbox, filter, properties,
 * property=value, crs) written as a file and streamed as an attachment.
 */
public final class ExportRoutes {
    private static final Logger log = LoggerFactory.getLogger(ExportRoutes.class);
    private static final Set<String> EXPORT_PARAMETERS = Set.of("format", "encoding", "geometry", "label");
    private static final int LABEL_MAX_LENGTH = 60;

    private final Catalog catalog;
    private final Exporter exporter;
    private final JobSlots slots;

    private final AuditLog audit;
    /** Where a request's export reads: a read replica, or the primary (Reads.replicaOf). */
    private final Reads reads;

    /** Exports read where the request's reads go: a read replica in rotation, or the primary for a caller who must see their own write. */
    public ExportRoutes(Catalog catalog, Exporter exporter, JobSlots slots, AuditLog audit, Reads reads) {
        this.catalog = catalog;
        this.audit = audit;
        this.exporter = exporter;
        this.slots = slots;
        this.reads = reads;
    }

    public void register(Javalin app) {
        app.get("/collections/{collectionId}/export", this::export);
    }

    private void export(Context ctx) throws IOException {
        String id = ctx.pathParam("collectionId");
        CollectionInfo c = catalog.require(id, Caller.of(ctx), ctx.queryParam("version"));
        ExportOptions options = ExportOptions.parse(ctx.queryParam("format"), ctx.queryParam("encoding"), ctx.queryParam("geometry"));
        ItemsRequest request = ItemsRequest.parse(c, query(ctx, options.format()), EXPORT_PARAMETERS);
        String label = label(ctx.queryParam("label"));

        Optional<JobSlots.Slot> slot = slots.tryAcquire();
        if (slot.isEmpty()) {
            busy(ctx, 30, "the server is writing as many exports as it allows at once; try again in a moment");
            return;
        }
        AuditEvent audited = AuditEvent.by(Caller.of(ctx), AuditAction.EXPORT).collection(c.id()).withAll(parameters(ctx))
                .with("version", c.version());
        try (JobSlots.Slot held = slot.get();
             Exporter.Prepared file = exporter.export(ItemsExportSource.of(c, request, LayerStyle.of(catalog, c)), options, reads.replicaOf(ctx))) {
            // Recorded before a byte leaves: an export the trail does not know of does not happen.
            audit.record(audited.size(file.features()));
            ctx.status(200);
            ctx.contentType(file.mediaType());
            ctx.header("Content-Disposition", contentDisposition(describedName(file.fileName(), label, request.crs(), options),
                    describedName(Exporter.safeBaseName(c.id()) + "." + options.format().extension(), null, request.crs(), options)));
            ctx.header("Cache-Control", "no-store");
            ctx.header("OGC-NumberMatched", Long.toString(file.features()));
            ctx.header("Content-Crs", "<" + request.crs().uri() + ">");
            file.writeTo(ctx.outputStream());
        } catch (Exporter.DiskFullException e) {
            log.warn("export of {} refused: {}", id, e.getMessage());
            audit.record(audited.with("detail", "disk full").outcome(AuditEvent.Outcome.FAILURE));
            busy(ctx, 300, e.getMessage());
        } catch (GdalTimeoutException e) {
            audit.record(audited.with("detail", "timed out").outcome(AuditEvent.Outcome.FAILURE));
            busy(ctx, 60, "the export took too long and was stopped; narrow it down with bbox or filter, or try again later");
        }
    }

    /**
     * The /items parameters. Files default to CGCS2000 (they carry a .prj or an SRS), GeoJSON to
     * CRS84 as RFC 7946 says; KML is always WGS 84 whatever crs is asked (the Content-Crs header says so).
     */
    private static Map<String, List<String>> query(Context ctx, ExportFormat format) {
        Map<String, List<String>> q = new LinkedHashMap<>(ctx.queryParamMap());
        String crs = ctx.queryParam("crs");
        if (format.fixedToWgs84()) {
            // KML knows no other CRS; the map's export dialog sends its CRS choice for every format.
            if (crs != null && CrsRegistry.find(crs).isEmpty()) {
                throw Problem.badRequest("parameter crs: '" + crs + "' is not a supported CRS (KML is written in WGS 84 longitude/latitude anyway)");
            }
            q.put("crs", List.of(CrsRegistry.CRS84_URI));
        } else if (crs == null && format != ExportFormat.GEOJSON) {
            q.put("crs", List.of(CrsRegistry.CGCS2000.uri()));
        }
        return q;
    }

    /** The query as asked, one value per parameter, for the audit trail. */
    private static Map<String, String> parameters(Context ctx) {
        Map<String, String> p = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> p.put(k, String.join(",", v)));
        return p;
    }

    private static void busy(Context ctx, int seconds, String detail) {
        ctx.header("Retry-After", Integer.toString(seconds));
        ErrorHandling.write(ctx, 503, "Service Unavailable", detail, Map.of());
    }

    /** The caller's words for what it exports (e.g. 工业用地), made safe for a file name. */
    private static String label(String label) {
        if (label == null || label.isBlank()) return null;
        if (label.codePointCount(0, label.length()) > LABEL_MAX_LENGTH) {
            throw Problem.badRequest("parameter label: at most " + LABEL_MAX_LENGTH + " characters");
        }
        return Exporter.safeFileName(label);
    }

    /**
     * 用地地块_工业用地_EPSG4545_GBK.zip: the file's own name, then what was asked for, the CRS and,
     * for a Shapefile, the text encoding, so that a planner's downloads say what they hold.
     */
    static String describedName(String fileName, String label, SupportedCrs crs, ExportOptions options) {
        int dot = fileName.lastIndexOf('.');
        StringBuilder name = new StringBuilder(fileName.substring(0, dot));
        if (label != null && !label.isEmpty()) name.append('_').append(label);
        name.append('_').append(crs.uri().equals(CrsRegistry.CRS84_URI) ? "CRS84" : "EPSG" + crs.srid());
        if (options.format() == ExportFormat.SHAPEFILE) name.append('_').append(options.encoding() == ExportOptions.ShapefileEncoding.GBK ? "GBK" : "UTF-8");
        return name.append(fileName.substring(dot)).toString();
    }

    /** RFC 6266: an ASCII fallback, and the real (Chinese) name in UTF-8. */
    static String contentDisposition(String fileName, String asciiFallback) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + encoded;
    }
}
