package org.liudong.planview.exchange.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.catalog.TableColumns;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.shapefile.FieldsManifest;
import org.liudong.planview.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ogr2ogr reads the upload into a staging table of {@code import_staging}, reprojected to the
 * storage CRS, with every feature numbered. Nothing is checked here beyond what GDAL can read:
 * {@link StagedLayer} checks the rows.
 */
final class StagingLoader {
    private static final Logger log = LoggerFactory.getLogger(StagingLoader.class);
    private final DataSource ds;
    private final GdalRunner gdal;

    StagingLoader(DataSource ds, GdalRunner gdal) {
        this.ds = ds;
        this.gdal = gdal;
    }

    /** Loads {@code data} into the staging table {@code staging}; the caller drops it. */
    void load(Path dir, UploadedDataset data, String encoding, Integer srid, String staging) throws IOException, SQLException {
        List<String> open = new ArrayList<>();
        if (data.format().equals("shapefile")) open.addAll(List.of("-oo", "ENCODING=" + encoding));
        String layer = singleLayer(dir, data, open, srid);
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "PostgreSQL", "PG:", data.gdalPath().toString()));
        if (layer != null) cmd.add(layer);
        cmd.addAll(open);
        cmd.addAll(List.of("-nln", staging, "-lco", "SCHEMA=" + ImportSql.STAGING_SCHEMA, "-lco", "GEOMETRY_NAME=geom",
                "-lco", "FID=" + ImportSql.FID, "-lco", "SPATIAL_INDEX=NONE", "-lco", "PRECISION=NO", "-nlt", "GEOMETRY",
                "-t_srs", "EPSG:" + CrsRegistry.STORAGE_SRID));
        if (srid != null) cmd.addAll(List.of("-s_srs", "EPSG:" + srid));
        GdalRunner.Result r = gdal.runAllowingFailure(dir, cmd);
        GdalRunner.requireDatabase(r, cmd);
        if (r.exitCode() != 0) {
            log.info("ogr2ogr could not load the upload: {}", GdalRunner.lastLines(r.stderr()));
            throw Problem.badRequest("the " + ReadFailure.name(data.format()) + " could not be read into the database: "
                    + ReadFailure.explain(data.format(), encoding, r.stderr()));
        }
        if (data.fieldsManifest() != null) restoreFullNames(staging, FieldsManifest.read(data.fieldsManifest()));
    }

    /** The encoding named in the open options, for messages; UTF-8 when none is. */
    private static String encodingOf(List<String> open) {
        return open.stream().filter(o -> o.startsWith("ENCODING=")).map(o -> o.substring(9)).findFirst().orElse("UTF-8");
    }

    /** The one layer to load (null: the file's only layer); refuses several layers and data without a CRS. */
    private String singleLayer(Path dir, UploadedDataset data, List<String> open, Integer srid) {
        List<String> cmd = new ArrayList<>(List.of("ogrinfo", "-ro", "-so", "-al"));
        cmd.addAll(open);
        cmd.add(data.gdalPath().toString());
        GdalRunner.Result r = gdal.runAllowingFailure(dir, cmd);
        if (r.exitCode() != 0) {
            log.info("ogrinfo could not read the upload: {}", GdalRunner.lastLines(r.stderr()));
            throw Problem.badRequest("the upload looks like a " + ReadFailure.name(data.format()) + " but cannot be read: "
                    + ReadFailure.explain(data.format(), encodingOf(open), r.stderr()));
        }
        // layer_styles holds a GeoPackage's styles (QGIS's table; exports write one), not data
        List<String> layers = r.stdout().lines().filter(l -> l.startsWith("Layer name: ")).map(l -> l.substring(12).trim())
                .filter(l -> !l.equals("layer_styles")).toList();
        if (layers.isEmpty()) throw Problem.badRequest("the " + ReadFailure.name(data.format()) + " holds no layer");
        if (layers.size() > 1) {
            throw Problem.badRequest("the " + ReadFailure.name(data.format()) + " holds " + layers.size() + " layers (" + String.join(", ", layers)
                    + "); upload one layer at a time");
        }
        String dataLayers = java.util.Arrays.stream(r.stdout().split("(?m)^(?=Layer name: )"))
                .filter(b -> !b.startsWith("Layer name: layer_styles")).collect(java.util.stream.Collectors.joining());
        boolean noCrs = dataLayers.contains("Layer SRS WKT:\n(unknown)") || (data.format().equals("shapefile") && !data.hasPrj());
        if (noCrs && srid == null) {
            throw Problem.badRequest("the data does not say which coordinate reference system it is in (no .prj): send srid, e.g. "
                    + "srid=4490 for CGCS2000 longitude/latitude or srid=4545 for CGCS2000 Gauss–Krüger CM 108E");
        }
        return data.format().equals("gpkg") ? layers.get(0) : null;
    }

    /**
     * A shapefile this server exported carries fields.csv: its DBF columns get their full names
     * back (land_use_c → land_use_code), so that an export can replace a layer's data again.
     */
    private void restoreFullNames(String staging, Map<String, String> shortToFull) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            List<String> present = new ArrayList<>(TableColumns.names(c, ImportSql.STAGING_SCHEMA, staging));
            for (var e : shortToFull.entrySet()) {
                String full = e.getValue();
                if (present.contains(e.getKey()) && !present.contains(full) && !full.equals(ImportSql.FID) && !full.equals("geom")) {
                    st.execute(ImportSql.renameColumn(ImportSql.staging(staging), e.getKey(), full));
                    present.remove(e.getKey());
                    present.add(full);
                }
            }
        }
    }
}
