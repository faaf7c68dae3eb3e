package org.liudong.planview.query;

import org.liudong.planview.crs.CoordinateDomain;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * A {@code bbox} condition: the box in {@code crs}, already in x = east order (PostGIS's), whatever
 * the axis order it was given in.
 *
 * @param box {minX, minY, maxX, maxY}; minX &gt; maxX only for a box that crosses the antimeridian
 */
public record Bbox(double[] box, SupportedCrs crs) {
    public Bbox {
        box = box.clone();
    }

    @Override
    public double[] box() {
        return box.clone();
    }

    /** True when the box's west edge is east of its east edge: it spans the antimeridian (OGC API – Features Part 1). */
    public boolean crossesAntimeridian() {
        return box[0] > box[2];
    }

    /**
     * Reads {@code bbox} as OGC API – Features gives it: the lower corner, then the upper corner,
     * each in the CRS's own axis order (EPSG:4326 and 4490 latitude first, the Gauss–Krüger CRSs
     * northing first, CRS84 and 3857 east first), optionally with heights (ignored). In a geographic
     * CRS a west edge larger than the east edge is a box across the antimeridian, which is valid.
     * Every mistake is a 400 naming the parameter; numbers that fit only with their axes swapped are
     * answered with that.
     */
    public static Bbox parse(String text, SupportedCrs crs) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw Problem.badRequest("parameter bbox: expected 4 numbers (or 6 with heights) separated by commas, got "
                    + parts.length + " value(s) in '" + Text.shorten(text) + "'");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (!SelectionParser.NUMBER.matcher(p).matches()) {
                throw Problem.badRequest("parameter bbox: value " + (i + 1) + " ('" + Text.shorten(p) + "') is not a number");
            }
            v[i] = Double.parseDouble(p);
            if (!Double.isFinite(v[i])) throw Problem.badRequest("parameter bbox: value " + (i + 1) + " is not finite");
        }
        int d = parts.length / 2;  // the upper corner starts here; heights (index 2 and 5) are ignored
        double a1 = v[0], a2 = v[1], b1 = v[d], b2 = v[d + 1];
        checkDomain(crs, a1, a2, b1, b2);
        // The CRS's own axis order on the wire; PostGIS wants x = east.
        double minX = crs.northFirst() ? a2 : a1, minY = crs.northFirst() ? a1 : a2;
        double maxX = crs.northFirst() ? b2 : b1, maxY = crs.northFirst() ? b1 : b2;
        if (minY > maxY || (minX > maxX && crs.projected())) {
            throw Problem.badRequest("parameter bbox: the lower corner (" + a1 + "," + a2 + ") is not below and left of the upper corner ("
                    + b1 + "," + b2 + "); the order is minimum axis 1, minimum axis 2, maximum axis 1, maximum axis 2"
                    + (crs.projected() ? "" : " (only a west edge larger than the east edge is allowed: a box across the antimeridian)"));
        }
        return new Bbox(new double[] {minX, minY, maxX, maxY}, crs);
    }

    /** Both corners inside the CRS's domain, or a 400 that says which axis order the numbers look like. */
    private static void checkDomain(SupportedCrs crs, double a1, double a2, double b1, double b2) {
        boolean lowerOut = CoordinateDomain.problem(crs, a1, a2).isPresent();
        boolean upperOut = CoordinateDomain.problem(crs, b1, b2).isPresent();
        if (!lowerOut && !upperOut) return;
        String given = CoordinateDomain.plain(a1) + "," + CoordinateDomain.plain(a2) + "," + CoordinateDomain.plain(b1) + ","
                + CoordinateDomain.plain(b2);
        if ((!lowerOut || CoordinateDomain.looksSwapped(crs, a1, a2)) && (!upperOut || CoordinateDomain.looksSwapped(crs, b1, b2))) {
            throw Problem.badRequest("parameter bbox: " + given + " is outside " + CoordinateDomain.name(crs) + " ("
                    + crs.title() + "), and " + CoordinateDomain.swappedAdvice(crs) + ": give "
                    + CoordinateDomain.name(crs) + " boxes as " + order(crs));
        }
        double first = lowerOut ? a1 : b1, second = lowerOut ? a2 : b2;
        throw Problem.badRequest("parameter bbox: the corner " + CoordinateDomain.outsideAdvice(crs, first, second));
    }

    private static String order(SupportedCrs crs) {
        String one = crs.projected() ? (crs.northFirst() ? "northing" : "easting") : (crs.northFirst() ? "latitude" : "longitude");
        String two = crs.projected() ? (crs.northFirst() ? "easting" : "northing") : (crs.northFirst() ? "longitude" : "latitude");
        return "minimum " + one + ", minimum " + two + ", maximum " + one + ", maximum " + two;
    }
}
