package org.liudong.planview.analysis;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.auth.Access;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.config.AnalysisLimits;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.GdalTimeoutException;
import org.liudong.planview.exchange.gdal.WorkDirs;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * {@code POST /analysis/redline}: the red-line (选址) report of a site sent in the body — GeoJSON
 * ({@code application/json}), or a file in the multipart part {@code file} (部标 TXT, Shapefile ZIP,
 * GeoPackage, GeoJSON, KML, DXF). Query parameters: {@code distance} (m, projects nearby),
 * {@code repair}, {@code srid} (a file without a CRS), {@code parcels} (the parcel layer), and
 * {@code f} = json, csv, xlsx or gpkg (the overlap pieces). The site is not stored: the work
 * directory goes when the answer is sent.
 */
final class RedlineRoutes {
    private static final Set<String> PARAMETERS = Set.of("distance", "repair", "srid", "parcels", "f");
    private static final double DEFAULT_DISTANCE_M = 500;

    private final DataSource ds;
    private final Catalog catalog;
    private final RedlineAnalysis analysis;
    private final SiteReader reader;
    private final GdalRunner gdal;
    private final WorkDirs work;
    private final ExchangeLimits exchange;
    private final AnalysisLimits limits;
    private final AuditLog audit;

    RedlineRoutes(DataSource ds, Catalog catalog, RedlineAnalysis analysis, GdalRunner gdal, WorkDirs work, ExchangeLimits exchange,
                  AnalysisLimits limits, AuditLog audit) {
        this.ds = ds;
        this.catalog = catalog;
        this.analysis = analysis;
        this.gdal = gdal;
        this.work = work;
        this.exchange = exchange;
        this.limits = limits;
        this.audit = audit;
        this.reader = new SiteReader(gdal, exchange, limits.maxVertices());
    }

    void register(Javalin app) {
        // A POST because the site travels in the body; it reads and stores nothing, so readers may ask.
        app.post("/analysis/redline", this::report, Access.READ);
    }

    private void report(Context ctx) throws IOException {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw Problem.badRequest("unknown parameter '" + Text.shorten(name) + "'; the report takes " + String.join(", ", new java.util.TreeSet<>(PARAMETERS)));
            }
        }
        String format = option(ctx, "f", "json");
        if (!Set.of("json", "csv", "xlsx", "gpkg").contains(format)) throw Problem.badRequest("parameter f: '" + Text.shorten(format) + "'; use json, csv, xlsx or gpkg");
        double distance = distance(option(ctx, "distance", null));
        boolean repair = flag(option(ctx, "repair", "false"));
        Integer srid = srid(option(ctx, "srid", null));
        String parcels = option(ctx, "parcels", RedlineAnalysis.PARCELS);
        Caller caller = Caller.of(ctx);
        if (!parcels.equals(RedlineAnalysis.PARCELS) && catalog.all(caller).stream().noneMatch(c -> c.id().equals(parcels))) {
            throw Problem.badRequest("parameter parcels: no collection '" + Text.shorten(parcels) + "'");
        }

        Path dir = work.create("redline-");
        try {
            Site site = site(ctx, dir, srid);
            RedlineReport r;
            try (Connection c = ds.getConnection()) {
                CheckedSite checked = SiteCheck.check(c, site, repair, catalog);
                r = analysis.run(caller, c, checked, parcels, distance, format.equals("gpkg"));
            } catch (SQLException e) {
                throw AnalysisFailures.problem(e, "the red-line report");
            }
            ctx.header("Cache-Control", "no-store");
            audit.record(AuditEvent.by(caller, AuditAction.REPORT).with("format", format).with("distance_m", distance)
                    .with("parcels", parcels).size(r.parcels().size()));
            switch (format) {
                case "csv" -> download(ctx, "text/csv; charset=utf-8", "csv").result(ReportTables.csv(r));
                case "xlsx" -> download(ctx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx").result(ReportTables.xlsx(r));
                case "gpkg" -> download(ctx, "application/geopackage+sqlite3", "gpkg").result(Files.readAllBytes(ReportPieces.gpkg(gdal, dir, r)));
                default -> ctx.json(ReportJson.of(r));
            }
        } catch (GdalTimeoutException e) {
            throw new Problem(503, "Service Unavailable", "reading the file took too long and was stopped");
        } finally {
            WorkDirs.delete(dir);
        }
    }

    private Site site(Context ctx, Path dir, Integer srid) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            UploadedFile file;
            try {
                file = ctx.uploadedFile("file");
            } catch (RuntimeException e) {
                throw new Problem(413, "Content Too Large", "the upload could not be read within the limit of "
                        + exchange.maxUploadBytes() / (1024 * 1024) + " MB (PLANVIEW_IMPORT_MAX_UPLOAD_MB)");
            }
            if (file == null) throw Problem.badRequest("no file: send the site in a form part named 'file'");
            Path upload = dir.resolve("upload.bin");
            try (InputStream in = file.content(); OutputStream out = Files.newOutputStream(upload)) {
                in.transferTo(out);
            }
            return reader.file(dir, upload, cleanName(file.filename()), srid);
        }
        if (type.contains("json") || type.isEmpty()) return reader.drawn(ctx.body());
        throw new Problem(415, "Unsupported Media Type", "send the site as GeoJSON (application/json) or a file as multipart/form-data");
    }

    /** A query parameter, or the same name as a form field of a multipart upload. */
    private static String option(Context ctx, String name, String fallback) {
        String v = ctx.queryParam(name);
        if (v == null && ctx.isMultipartFormData()) v = ctx.formParam(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private double distance(String text) {
        if (text == null) return Math.min(DEFAULT_DISTANCE_M, limits.maxProjectDistanceM());
        double d;
        try {
            d = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("parameter distance: '" + Text.shorten(text) + "' is not a number of metres");
        }
        if (!(d >= 0 && d <= limits.maxProjectDistanceM())) {
            throw Problem.badRequest("parameter distance: between 0 and " + limits.maxProjectDistanceM() + " m (PLANVIEW_REDLINE_MAX_DISTANCE_M)");
        }
        return d;
    }

    private static boolean flag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw Problem.badRequest("parameter repair: give true or false");
        };
    }

    private static Integer srid(String text) {
        if (text == null) return null;
        String t = text.replaceFirst("(?i)^EPSG:", "");
        if (!t.matches("\\d{4,6}")) throw Problem.badRequest("parameter srid: '" + Text.shorten(t) + "' is not an EPSG code such as 4545");
        return Integer.parseInt(t);
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) return null;
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        return base.length() > 120 ? base.substring(0, 120) : base;
    }

    private static Context download(Context ctx, String type, String extension) {
        String zh = URLEncoder.encode("选址红线分析报告." + extension, StandardCharsets.UTF_8).replace("+", "%20");
        ctx.header("Content-Disposition", "attachment; filename=\"redline-report." + extension + "\"; filename*=UTF-8''" + zh);
        return ctx.contentType(type);
    }
}
