package org.liudong.planview.exchange.imports;

import java.util.regex.Pattern;

/**
 * Why GDAL could not read an upload, in the planner's terms. GDAL's own message names the
 * server's work directory and speaks of drivers and SQL; it goes to the log, and the caller is
 * told what is wrong with the file.
 */
final class ReadFailure {
    private static final Pattern ENCODING = Pattern.compile("(?i)invalid byte sequence|recode|character set|encoding");
    private static final Pattern TRANSFORM = Pattern.compile("(?i)transform|reproject|PROJ:");

    private ReadFailure() {
    }

    /** What to tell the caller about a failed read of {@code format} (shapefile, gpkg, geojson), from GDAL's stderr. */
    static String explain(String format, String encoding, String stderr) {
        if (ENCODING.matcher(stderr).find()) {
            return "its text is not valid " + encoding + "; if it is in another encoding, say so with encoding=GBK or encoding=UTF-8";
        }
        if (TRANSFORM.matcher(stderr).find()) {
            return "its coordinates cannot be transformed to CGCS2000 (EPSG:4490); check its coordinate reference system "
                    + "(.prj, or send srid)";
        }
        return switch (format) {
            case "geojson" -> "it is not valid GeoJSON (the JSON text is broken or cut short, or it is not a FeatureCollection)";
            case "gpkg" -> "it is not a readable GeoPackage (its SQLite database is damaged or cut short)";
            case "shapefile" -> "the shapefile's .shp, .shx or .dbf is damaged, cut short, or does not match the others";
            default -> "it is damaged or not what its content suggests";
        };
    }

    /** The format as a planner calls it. */
    static String name(String format) {
        return switch (format) {
            case "gpkg" -> "GeoPackage";
            case "geojson" -> "GeoJSON";
            default -> format;
        };
    }
}
