package org.liudong.planview.filter;

import java.math.BigDecimal;
import java.util.Map;
import org.liudong.planview.crs.SupportedCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Where coordinates in a filter-crs can lie. PostGIS fails the whole query ("Point outside of
 * projection domain") when ST_Transform meets a coordinate its projection cannot invert, so a
 * literal outside these bounds is refused as the caller's mistake before it reaches SQL.
 */
final class CoordinateDomain {
    /**
     * False eastings of the Gauss–Krüger CRSs we serve (from their EPSG definitions: the zone
     * CRSs 4524/4525 carry the zone number in front). Within ±1,000 km of the central meridian
     * and ±10,000 km of the equator the inverse projection is defined; real data lies far inside.
     * This belongs with {@link SupportedCrs} as an area of use once the registry has one.
     */
    private static final Map<Integer, Double> GAUSS_KRUGER_FALSE_EASTING = Map.of(
            4524, 36_500_000.0, 4525, 37_500_000.0, 4545, 500_000.0, 4546, 500_000.0);
    private static final double GK_HALF_WIDTH = 1_000_000;
    private static final double GK_MAX_NORTHING = 10_000_000;
    private static final double MERCATOR_MAX_X = 20_037_508.342789244;
    private static final double MERCATOR_MAX_Y = 20_048_966.1040146;

    private CoordinateDomain() {
    }

    static void check(Geometry g, SupportedCrs crs, int position) {
        for (Coordinate c : g.getCoordinates()) {
            // as written: first and second number of each position, in the CRS's axis order
            double first = c.getX(), second = c.getY();
            double east = crs.northFirst() ? second : first;
            double north = crs.northFirst() ? first : second;
            String problem = problem(crs, east, north);
            if (problem != null) {
                throw FilterException.at(position, "the coordinate (" + plain(first) + " " + plain(second) + ") is outside "
                        + name(crs) + ": " + problem + "; " + name(crs) + " takes " + axisOrder(crs) + " first");
            }
        }
    }

    private static String problem(SupportedCrs crs, double east, double north) {
        if (!crs.projected()) {
            return Math.abs(north) <= 90 && Math.abs(east) <= 180 ? null
                    : "latitude must lie within ±90 and longitude within ±180 degrees";
        }
        if (crs.srid() == 3857) {
            return Math.abs(east) <= MERCATOR_MAX_X && Math.abs(north) <= MERCATOR_MAX_Y ? null
                    : "x must lie within ±" + plain(MERCATOR_MAX_X) + " and y within ±" + plain(MERCATOR_MAX_Y) + " metres";
        }
        Double falseEasting = GAUSS_KRUGER_FALSE_EASTING.get(crs.srid());
        if (falseEasting == null) return null;
        return Math.abs(east - falseEasting) <= GK_HALF_WIDTH && Math.abs(north) <= GK_MAX_NORTHING ? null
                : "the easting must lie within " + plain(falseEasting - GK_HALF_WIDTH) + "…" + plain(falseEasting + GK_HALF_WIDTH)
                        + " and the northing within ±" + plain(GK_MAX_NORTHING) + " metres";
    }

    static String name(SupportedCrs crs) {
        return crs.uri().endsWith("/CRS84") ? "CRS84" : "EPSG:" + crs.srid();
    }

    private static String axisOrder(SupportedCrs crs) {
        if (crs.projected()) return crs.northFirst() ? "northing" : "easting";
        return crs.northFirst() ? "latitude" : "longitude";
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
