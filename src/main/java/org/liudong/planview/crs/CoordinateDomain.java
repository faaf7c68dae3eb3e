package org.liudong.planview.crs;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Where coordinates in a supported CRS can lie, written in the CRS's own axis order. PostGIS fails
 * a whole query ("Point outside of projection domain") when ST_Transform meets a coordinate its
 * projection cannot invert, so a bbox or filter literal outside these bounds is refused as the
 * caller's mistake before it reaches SQL — and when the numbers fit with their axes the other way
 * round, the answer says so, since that is the usual mistake (EPSG:4326 longitude first, a
 * Gauss–Krüger easting first).
 */
public final class CoordinateDomain {
    /**
     * False eastings of the Gauss–Krüger CRSs we serve (from their EPSG definitions: the zone
     * CRSs 4524/4525 carry the zone number in front). Within ±1,000 km of the central meridian
     * and ±10,000 km of the equator the inverse projection is defined; real data lies far inside.
     */
    private static final Map<Integer, Double> GAUSS_KRUGER_FALSE_EASTING = Map.of(
            4524, 36_500_000.0, 4525, 37_500_000.0, 4545, 500_000.0, 4546, 500_000.0);
    private static final double GK_HALF_WIDTH = 1_000_000;
    private static final double GK_MAX_NORTHING = 10_000_000;
    private static final double MERCATOR_MAX_X = 20_037_508.342789244;
    private static final double MERCATOR_MAX_Y = 20_048_966.1040146;

    private CoordinateDomain() {
    }

    /**
     * What is wrong with a position given as {@code (first, second)} in the CRS's axis order, or
     * empty when it lies in the CRS's domain.
     */
    public static Optional<String> problem(SupportedCrs crs, double first, double second) {
        double east = crs.northFirst() ? second : first;
        double north = crs.northFirst() ? first : second;
        return Optional.ofNullable(problemEastNorth(crs, east, north));
    }

    /** True when the position is outside the domain as written but inside with its two numbers swapped. */
    public static boolean looksSwapped(SupportedCrs crs, double first, double second) {
        return problem(crs, first, second).isPresent() && problem(crs, second, first).isEmpty();
    }

    /** "these look like easting first; EPSG:4524 is northing first" — the sentence for swapped axes. */
    public static String swappedAdvice(SupportedCrs crs) {
        return "these look like " + otherAxis(crs) + " first; " + name(crs) + " is " + firstAxis(crs) + " first";
    }

    /** "(x y) is outside EPSG:…: why; EPSG:… takes northing first", for a position outside the domain. */
    public static String outsideAdvice(SupportedCrs crs, double first, double second) {
        return "(" + plain(first) + " " + plain(second) + ") is outside " + name(crs) + ": "
                + problem(crs, first, second).orElse("") + "; " + name(crs) + " takes " + firstAxis(crs) + " first";
    }

    private static String problemEastNorth(SupportedCrs crs, double east, double north) {
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

    public static String name(SupportedCrs crs) {
        return crs.uri().endsWith("/CRS84") ? "CRS84" : "EPSG:" + crs.srid();
    }

    private static String firstAxis(SupportedCrs crs) {
        if (crs.projected()) return crs.northFirst() ? "northing" : "easting";
        return crs.northFirst() ? "latitude" : "longitude";
    }

    private static String otherAxis(SupportedCrs crs) {
        if (crs.projected()) return crs.northFirst() ? "easting" : "northing";
        return crs.northFirst() ? "longitude" : "latitude";
    }

    public static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
