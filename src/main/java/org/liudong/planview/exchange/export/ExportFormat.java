package org.liudong.planview.exchange.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats an export can be written in, with GDAL's driver name for each. */
public enum ExportFormat {
    SHAPEFILE("shapefile", "ESRI Shapefile", "zip", "application/zip"),
    GPKG("gpkg", "GPKG", "gpkg", "application/geopackage+sqlite3"),
    GEOJSON("geojson", "GeoJSON", "geojson", "application/geo+json"),
    CSV("csv", "CSV", "csv", "text/csv; charset=utf-8"),
    KML("kml", "KML", "kml", "application/vnd.google-earth.kml+xml"),
    DXF("dxf", "DXF", "dxf", "image/vnd.dxf");

    private final String parameter;
    private final String driver;
    private final String extension;
    private final String mediaType;

    ExportFormat(String parameter, String driver, String extension, String mediaType) {
        this.parameter = parameter;
        this.driver = driver;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public static Optional<ExportFormat> fromParameter(String value) {
        if (value == null) return Optional.empty();
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("shp") || v.equals("shape") || v.equals("zip")) return Optional.of(SHAPEFILE);
        if (v.equals("json")) return Optional.of(GEOJSON);
        return Arrays.stream(values()).filter(f -> f.parameter.equals(v)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(f -> f.parameter).collect(Collectors.joining(", "));
    }

    public String parameter() {
        return parameter;
    }

    public String driver() {
        return driver;
    }

    /** The extension of the file the caller receives (a Shapefile travels as a ZIP). */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** KML is defined in WGS 84 longitude/latitude only. */
    public boolean fixedToWgs84() {
        return this == KML;
    }

    /** Formats with no place for a CRS; the caller is told which one the coordinates are in. */
    public boolean storesCrs() {
        return this != CSV && this != DXF;
    }
}
