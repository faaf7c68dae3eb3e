package org.liudong.planview.exchange.export;

import java.nio.charset.Charset;
import java.util.Locale;
import org.liudong.planview.http.Problem;

/**
 * The format-specific choices of an export: the Shapefile's text encoding (UTF-8, or GBK for
 * older ArcGIS) and how a CSV carries geometry (WKT, or the X/Y of a point inside it).
 */
public record ExportOptions(ExportFormat format, ShapefileEncoding encoding, CsvGeometry csvGeometry) {

    public enum ShapefileEncoding {
        UTF8("UTF-8", "UTF-8"),
        GBK("CP936", "GBK");

        private final String gdalName;
        private final String javaName;

        ShapefileEncoding(String gdalName, String javaName) {
            this.gdalName = gdalName;
            this.javaName = javaName;
        }

        /** The name GDAL's shapefile driver writes into the .cpg (CP936 is what ArcGIS calls GBK). */
        public String gdalName() {
            return gdalName;
        }

        public Charset charset() {
            return Charset.forName(javaName);
        }
    }

    public enum CsvGeometry { WKT, XY }

    public static ExportOptions parse(String format, String encoding, String geometry) {
        if (format == null || format.isBlank()) {
            throw Problem.badRequest("format is required: one of " + ExportFormat.choices());
        }
        ExportFormat f = ExportFormat.fromParameter(format)
                .orElseThrow(() -> Problem.badRequest("format '" + format + "' is not supported; use one of " + ExportFormat.choices()));
        ShapefileEncoding enc = ShapefileEncoding.UTF8;
        if (encoding != null && !encoding.isBlank()) {
            if (f != ExportFormat.SHAPEFILE) throw Problem.badRequest("encoding applies to format=shapefile only");
            enc = switch (encoding.trim().toUpperCase(Locale.ROOT).replace("-", "")) {
                case "UTF8" -> ShapefileEncoding.UTF8;
                case "GBK", "CP936", "GB2312" -> ShapefileEncoding.GBK;
                default -> throw Problem.badRequest("encoding '" + encoding + "' is not supported; use UTF-8 or GBK");
            };
        }
        CsvGeometry geom = CsvGeometry.WKT;
        if (geometry != null && !geometry.isBlank()) {
            if (f != ExportFormat.CSV) throw Problem.badRequest("geometry applies to format=csv only");
            geom = switch (geometry.trim().toLowerCase(Locale.ROOT)) {
                case "wkt" -> CsvGeometry.WKT;
                case "xy", "lonlat" -> CsvGeometry.XY;
                default -> throw Problem.badRequest("geometry '" + geometry + "' is not supported; use wkt or xy");
            };
        }
        return new ExportOptions(f, enc, geom);
    }
}
