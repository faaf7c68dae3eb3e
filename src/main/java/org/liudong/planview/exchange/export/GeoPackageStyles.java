package org.liudong.planview.exchange.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.styles.LayerStyle;
import org.liudong.planview.styles.QmlStyle;
import org.liudong.planview.styles.SldStyle;

/**
 * Stores the layer's style in the GeoPackage's {@code layer_styles} table — the table QGIS (and
 * GDAL-based tools that follow it) reads a layer's default style from when the file is opened — as
 * QML for QGIS and SLD for others. The row is written by ogr2ogr from a one-row GeoJSON file, so
 * the table is a proper GeoPackage attribute table (registered in gpkg_contents).
 */
final class GeoPackageStyles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoPackageStyles() {
    }

    static void add(GdalRunner gdal, Path dir, Path gpkg, String layer, LayerStyle style) {
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ObjectNode f = fc.putArray("features").addObject();
        f.put("type", "Feature");
        f.putNull("geometry");
        ObjectNode p = f.putObject("properties");
        // QGIS's layer_styles columns; schema and catalog are empty in a file
        p.put("f_table_catalog", "").put("f_table_schema", "").put("f_table_name", layer).put("f_geometry_column", "geom");
        p.put("styleName", layer).put("styleQML", QmlStyle.of(style)).put("styleSLD", SldStyle.of(style));
        p.put("useAsDefault", true).put("description", "柳东新区规划一张图 · " + style.title()).put("owner", "").put("ui", "");
        p.put("update_time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Path styles = dir.resolve("layer_styles.geojson");
        try {
            JSON.writeValue(styles.toFile(), fc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gdal.run(dir, List.of("ogr2ogr", "-f", "GPKG", "-update", "-append", gpkg.toString(), styles.toString(),
                "-nln", "layer_styles", "-nlt", "NONE"));
    }
}
