package org.liudong.planview.exchange.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.exchange.shapefile.FieldsManifest;
import org.liudong.planview.http.Problem;

/**
 * What an upload turned out to be, judged by its bytes (magic numbers, ZIP entries) rather than
 * its name: a zipped Shapefile (or a GeoPackage / GeoJSON inside a ZIP), a GeoPackage, or GeoJSON.
 *
 * @param format    shapefile, gpkg or geojson
 * @param gdalPath  what ogr2ogr opens
 * @param dbf       the shapefile's .dbf (null for other formats)
 * @param cpg       the encoding its .cpg names, or null
 * @param hasPrj    whether the shapefile has a .prj
 * @param fieldsManifest the fields.csv of a shapefile this server exported (short → full names), or null
 */
public record UploadedDataset(String format, Path gdalPath, Path dbf, String cpg, boolean hasPrj, Path fieldsManifest) {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    public static UploadedDataset inspect(Path upload, Path workDir, ExchangeLimits limits) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(upload)) {
            head = in.readNBytes(64);
        }
        if (startsWith(head, ZIP)) {
            Path unpacked = workDir.resolve("unzipped");
            Files.createDirectories(unpacked);
            return fromEntries(SafeUnzip.extract(upload, unpacked, limits), limits);
        }
        if (startsWith(head, SQLITE)) return new UploadedDataset("gpkg", rename(upload, "upload.gpkg"), null, null, true, null);
        if (looksLikeJson(head)) return new UploadedDataset("geojson", rename(upload, "upload.geojson"), null, null, true, null);
        if (head.length == 0) throw Problem.badRequest("the uploaded file is empty");
        throw Problem.badRequest("the upload is not a Shapefile ZIP, a GeoPackage or GeoJSON (unrecognised content)");
    }

    private static UploadedDataset fromEntries(List<Path> files, ExchangeLimits limits) throws IOException {
        List<Path> shp = files.stream().filter(p -> ext(p).equals("shp")).toList();
        if (shp.size() > 1) {
            throw Problem.badRequest("the ZIP holds " + shp.size() + " shapefiles ("
                    + String.join(", ", shp.stream().map(p -> p.getFileName().toString()).toList()) + "); upload one layer at a time");
        }
        if (shp.size() == 1) {
            Path s = shp.get(0);
            String stem = stem(s);
            Path dbf = sibling(files, stem, "dbf");
            Path shx = sibling(files, stem, "shx");
            if (dbf == null || shx == null) {
                throw Problem.badRequest("the shapefile " + s.getFileName() + " is incomplete: a shapefile needs its .shp, .shx and .dbf");
            }
            Path cpgFile = sibling(files, stem, "cpg");
            String cpg = cpgFile == null ? null : Files.readString(cpgFile, StandardCharsets.ISO_8859_1).strip();
            Path manifest = files.stream().filter(p -> p.getFileName().toString().equalsIgnoreCase(FieldsManifest.FILE_NAME)).findFirst().orElse(null);
            return new UploadedDataset("shapefile", s, dbf, cpg, sibling(files, stem, "prj") != null, manifest);
        }
        for (Path p : files) {
            byte[] head;
            try (InputStream in = Files.newInputStream(p)) {
                head = in.readNBytes(64);
            }
            if (startsWith(head, SQLITE)) return new UploadedDataset("gpkg", p, null, null, true, null);
            if ((ext(p).equals("geojson") || ext(p).equals("json")) && looksLikeJson(head)) {
                return new UploadedDataset("geojson", p, null, null, true, null);
            }
        }
        throw Problem.badRequest("the ZIP holds no shapefile (.shp), GeoPackage or GeoJSON");
    }

    private static Path sibling(List<Path> files, String stem, String extension) {
        return files.stream().filter(p -> stem(p).equals(stem) && ext(p).equals(extension)).findFirst().orElse(null);
    }

    private static String ext(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The path without its extension, so that a.SHP and a.dbf belong together. */
    private static String stem(Path p) {
        String n = p.toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    private static Path rename(Path upload, String name) throws IOException {
        Path target = upload.resolveSibling(name);
        return Files.move(upload, target);
    }

    private static boolean looksLikeJson(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) i = 3;
        while (i < head.length && Character.isWhitespace(head[i])) i++;
        return i < head.length && head[i] == '{';
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(Arrays.copyOf(b, prefix.length), prefix);
    }
}
