package org.liudong.planview.analysis;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * A site boundary as supplied, before any check: the geometry in its own CRS (x = east), where it
 * came from, and for a 部标 file its parcels (so a fault can be traced to a line).
 *
 * @param format  drawn, geojson, shapefile, gpkg, kml, dxf or bubiao-txt
 * @param charset the text encoding a 部标 file was read in, else null
 */
record Site(Geometry geometry, int srid, String format, String fileName, String charset, List<BubiaoParcel> parcels) {
    Site {
        parcels = List.copyOf(parcels);
    }

    /** For a 部标 file: " (line N)" of the point nearest to {@code at}; empty otherwise. */
    String lineNear(Coordinate at) {
        if (at == null || parcels.isEmpty()) return "";
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (BubiaoParcel p : parcels) {
            for (BubiaoParcel.Ring r : p.rings()) {
                for (int i = 0; i < r.points().length; i++) {
                    double d = Math.hypot(r.points()[i][0] - at.x, r.points()[i][1] - at.y);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = r.lines()[i];
                    }
                }
            }
        }
        return " (near line " + best + " of the file)";
    }
}
