package org.liudong.planview.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.exchange.gdal.GdalRunner;

/**
 * The site and its overlap pieces as a GeoPackage in CGCS2000 (EPSG:4490), one layer per kind —
 * site, conflicts, planning_overlaps, parcel_overlaps — written by ogr2ogr from GeoJSON that
 * PostGIS produced; layers with no piece are left out.
 */
final class ReportPieces {
    private ReportPieces() {
    }

    static Path gpkg(GdalRunner gdal, Path dir, RedlineReport r) throws IOException {
        Path out = dir.resolve("redline.gpkg");
        List<String[]> layers = new ArrayList<>();
        layers.add(new String[] {"site", "{\"type\":\"Feature\",\"geometry\":" + r.site().geoJson() + ",\"properties\":{\"area_m2\":"
                + r.site().areaM2() + ",\"area_ha\":" + r.site().areaM2() / Areas.M2_PER_HA + ",\"area_mu\":" + r.site().areaM2() / Areas.M2_PER_MU + "}}"});
        for (String[] kind : List.of(new String[] {"conflict", "conflicts"}, new String[] {"layer", "planning_overlaps"},
                new String[] {"parcel", "parcel_overlaps"})) {
            List<String> features = r.pieces().stream().filter(p -> p.contains("\"kind\":\"" + kind[0] + "\"")).toList();
            if (!features.isEmpty()) layers.add(new String[] {kind[1], String.join(",", features)});
        }
        boolean first = true;
        for (String[] layer : layers) {
            Path in = dir.resolve(layer[0] + ".geojson");
            Files.writeString(in, "{\"type\":\"FeatureCollection\",\"features\":[" + layer[1] + "]}", StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GPKG"));
            if (!first) cmd.add("-update");
            cmd.addAll(List.of(out.toString(), in.toString(), "-nln", layer[0], "-a_srs", "EPSG:4490", "-nlt", "PROMOTE_TO_MULTI"));
            gdal.run(dir, cmd);
            first = false;
        }
        return out;
    }
}
