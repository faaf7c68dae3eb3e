package org.liudong.planview.analysis;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The parcels of a 部标 file as polygons in the file's Gauss–Krüger CRS. 圈号 1 is the outer ring;
 * a ring numbered 2 or up is a hole when it lies inside the outer ring, and otherwise another
 * part of the parcel (some producers number the islands of one parcel that way).
 */
final class BubiaoGeometry {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private BubiaoGeometry() {
    }

    /** Every parcel's parts, collected (not unioned: overlaps between parcels are {@link SiteCheck}'s to handle). */
    static Geometry of(BubiaoFile f) {
        List<Polygon> parts = new ArrayList<>();
        for (BubiaoParcel p : f.parcels()) parts.addAll(polygons(p));
        return FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    static List<Polygon> polygons(BubiaoParcel p) {
        LinearRing shell = ring(p.rings().get(0));
        Polygon outer = FACTORY.createPolygon(shell);
        List<LinearRing> holes = new ArrayList<>();
        List<Polygon> islands = new ArrayList<>();
        for (BubiaoParcel.Ring r : p.rings().subList(1, p.rings().size())) {
            LinearRing ring = ring(r);
            if (outer.covers(ring)) holes.add(ring);
            else islands.add(FACTORY.createPolygon(ring));
        }
        List<Polygon> out = new ArrayList<>();
        out.add(FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new)));
        out.addAll(islands);
        return out;
    }

    private static LinearRing ring(BubiaoParcel.Ring r) {
        Coordinate[] c = new Coordinate[r.points().length];
        for (int i = 0; i < c.length; i++) c[i] = new Coordinate(r.points()[i][0], r.points()[i][1]);
        return FACTORY.createLinearRing(c);
    }
}
