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
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.crs.CrsRegistry;
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
    private static final Set<String> EXPORT_PARAMETERS = Set.of("format", "encoding", "geometry");

    private final Catalog catalog;
    private final Exporter exporter;
    private final JobSlots slots;

    public ExportRoutes(Catalog catalog, Exporter exporter, JobSlots slots) {
        this.catalog = catalog;
        this.exporter = exporter;
        this.slots = slots;
    }

    public void register(Javalin app) {
        app.get("/collections/{collectionId}/export", this::export);
    }

    private void export(Context ctx) throws IOException {
        String id = ctx.pathParam("collectionId");
        CollectionInfo c = catalog.require(id);
        ExportOptions options = ExportOptions.parse(ctx.queryParam("format"), ctx.queryParam("encoding"), ctx.queryParam("geometry"));
        ItemsRequest request = ItemsRequest.parse(c, query(ctx, options.format()), EXPORT_PARAMETERS);

        Optional<JobSlots.Slot> slot = slots.tryAcquire();
        if (slot.isEmpty()) {
            busy(ctx, 30, "the server is writing as many exports as it allows at once; try again in a moment");
            return;
        }
        try (JobSlots.Slot held = slot.get();
             Exporter.Prepared file = exporter.export(ItemsExportSource.of(c, request, LayerStyle.of(catalog, c)), options)) {
            ctx.status(200);
            ctx.contentType(file.mediaType());
            ctx.header("Content-Disposition", contentDisposition(file.fileName(), Exporter.safeBaseName(c.id()) + "." + options.format().extension()));
            ctx.header("Cache-Control", "no-store");
            ctx.header("OGC-NumberMatched", Long.toString(file.features()));
            ctx.header("Content-Crs", "<" + request.crs().uri() + ">");
            file.writeTo(ctx.outputStream());
        } catch (Exporter.DiskFullException e) {
            log.warn("export of {} refused: {}", id, e.getMessage());
            busy(ctx, 300, e.getMessage());
        } catch (GdalTimeoutException e) {
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

    private static void busy(Context ctx, int seconds, String detail) {
        ctx.header("Retry-After", Integer.toString(seconds));
        ErrorHandling.write(ctx, 503, "Service Unavailable", detail, Map.of());
    }

    /** RFC 6266: an ASCII fallback, and the real (Chinese) name in UTF-8. */
    static String contentDisposition(String fileName, String asciiFallback) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + encoded;
    }
}
