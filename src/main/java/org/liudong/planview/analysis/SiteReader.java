package org.liudong.planview.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.imports.UploadedDataset;
import org.liudong.planview.http.Problem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Turns what a planner supplies into a {@link Site}: GeoJSON (drawn on the map, CRS84), a 部标
 * coordinate TXT (parsed here), or a file GDAL reads — Shapefile ZIP, GeoPackage, GeoJSON
 * (recognised by {@link UploadedDataset}, as imports are), KML or DXF — converted by ogr2ogr to
 * GeoJSON in CRS84, one layer at a time. Nothing is stored: the work directory is the caller's.
 */
final class SiteReader {
    private static final ObjectMapper json = new ObjectMapper();
    private static final Pattern LAYER = Pattern.compile("^\\d+: (.+?)(?: \\([^()]*\\))?$");
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final GdalRunner gdal;
    private final ExchangeLimits exchange;
    private final int maxVertices;

    SiteReader(GdalRunner gdal, ExchangeLimits exchange, int maxVertices) {
        this.gdal = gdal;
        this.exchange = exchange;
        this.maxVertices = maxVertices;
    }

    /** A GeoJSON document in CRS84 (the map's drawn site). */
    Site drawn(String body) {
        if (body == null || body.isBlank()) throw Problem.badRequest("no site: send a GeoJSON polygon, or a file in a form part named 'file'");
        JsonNode doc;
        try {
            doc = json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problem.badRequest("the site is not JSON: " + org.liudong.planview.http.Text.shorten(e.getOriginalMessage()));
        }
        return new Site(GeoJsonPolygons.read(doc, maxVertices, false), 4326, "geojson", null, null, List.of());
    }

    /** An uploaded file, saved at {@code upload} inside {@code dir}. */
    Site file(Path dir, Path upload, String fileName, Integer srid) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(upload)) {
            head = in.readNBytes(4096);
        }
        if (head.length == 0) throw Problem.badRequest("the uploaded file is empty");
        if (BubiaoTxtParser.looksLike(head)) {
            try {
                BubiaoFile f = BubiaoTxtParser.parse(Files.readAllBytes(upload), maxVertices);
                return new Site(BubiaoGeometry.of(f), f.srid(), "bubiao-txt", fileName, f.charset(), f.parcels());
            } catch (BubiaoFormatException e) {
                throw Problem.badRequest("部标 coordinate file " + (fileName == null ? "" : fileName + " ") + e.detail());
            }
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("<") && text.toLowerCase(Locale.ROOT).contains("<kml")) {
            return viaGdal(dir, Files.move(upload, upload.resolveSibling("site.kml")), "kml", fileName, null);
        }
        if (text.matches("(?s)0\\s*\\r?\\n\\s*SECTION.*")) {
            if (srid == null) {
                throw Problem.badRequest("a DXF drawing does not say its coordinate reference system: send srid, e.g. srid=4545 "
                        + "(CGCS2000 Gauss–Krüger CM 108°E) or srid=4525 (zone 37 with the zone number in the easting)");
            }
            return viaGdal(dir, Files.move(upload, upload.resolveSibling("site.dxf")), "dxf", fileName, srid);
        }
        UploadedDataset data = UploadedDataset.inspect(upload, dir, exchange);
        if (data.format().equals("shapefile") && !data.hasPrj() && srid == null) {
            throw Problem.badRequest("the shapefile has no .prj: send srid (the EPSG code of its coordinates, e.g. 4545)");
        }
        return viaGdal(dir, data.gdalPath(), data.format(), fileName, srid);
    }

    private Site viaGdal(Path dir, Path source, String format, String fileName, Integer srid) throws IOException {
        GdalRunner.Result info = gdal.runAllowingFailure(dir, List.of("ogrinfo", "-ro", "-q", source.toString()));
        if (info.exitCode() != 0) {
            throw Problem.badRequest("the " + format + " file cannot be read: " + clean(GdalRunner.complaint(info.stderr()), dir));
        }
        List<String> layers = new ArrayList<>();
        for (String line : info.stdout().lines().toList()) {
            Matcher m = LAYER.matcher(line.strip());
            if (m.matches()) layers.add(m.group(1));
        }
        if (layers.isEmpty()) throw Problem.badRequest("the " + format + " file holds no layer");
        List<Polygon> polygons = new ArrayList<>();
        int i = 0;
        for (String layer : layers) {
            Path out = dir.resolve("site-" + (++i) + ".geojson");
            List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", out.toString(), source.toString(), layer,
                    "-t_srs", "EPSG:4326", "-dim", "XY", "-lco", "COORDINATE_PRECISION=10"));
            if (srid != null) cmd.addAll(List.of("-s_srs", "EPSG:" + srid));
            GdalRunner.Result r = gdal.runAllowingFailure(dir, cmd);
            if (r.exitCode() != 0) {
                throw Problem.badRequest("the " + format + " file cannot be converted: " + clean(GdalRunner.complaint(r.stderr()), dir));
            }
            JsonNode doc = json.readTree(out.toFile());
            // A layer of points or annotation (a DXF's texts) is no part of the outline.
            if (!hasArea(doc)) continue;
            // Open lines of a drawing (dimension lines, leaders) are skipped; closed ones are outlines.
            PolygonExtracter.getPolygons(GeoJsonPolygons.read(doc, maxVertices, true)).forEach(p -> polygons.add((Polygon) p));
        }
        if (polygons.isEmpty()) throw Problem.badRequest("the " + format + " file holds no polygon or closed outline");
        Geometry g = polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        if (g.getNumPoints() > maxVertices) {
            throw Problem.badRequest("the site has " + g.getNumPoints() + " vertices; at most " + maxVertices + " (PLANVIEW_ANALYSIS_MAX_VERTICES)");
        }
        return new Site(g, CrsRegistry.CRS84.srid(), format, fileName, null, List.of());
    }

    private static boolean hasArea(JsonNode doc) {
        for (JsonNode f : doc.path("features")) {
            String t = f.path("geometry").path("type").asText("");
            if (t.contains("Polygon") || t.contains("LineString")) return true;
        }
        return false;
    }

    /** GDAL names files by their path: the caller sees only the file's own name. */
    private static String clean(String message, Path dir) {
        return message.replace(dir.toString() + "/", "").replace(dir.toString(), "");
    }
}
