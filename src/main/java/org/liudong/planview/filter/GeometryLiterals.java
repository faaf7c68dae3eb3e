package org.liudong.planview.filter;

import java.math.BigDecimal;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.liudong.planview.http.Text;

/**
 * Geometry literals of a filter: WKT read and checked with JTS, BBOX(…) turned into its
 * rectangle. Geometry that PostGIS would choke on (invalid polygons, infinite coordinates) is
 * refused here, so it becomes a 400 rather than an error inside the query.
 */
final class GeometryLiterals {
    static final List<String> WKT_TYPES = List.of(
            "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeometryLiterals() {
    }

    static boolean isWktType(String word) {
        return WKT_TYPES.stream().anyMatch(word::equalsIgnoreCase);
    }

    /** Parses WKT cut from the filter text; {@code position} is where it starts, for messages. */
    static Geometry fromWkt(String wkt, int position) {
        Geometry g;
        try {
            g = new WKTReader(FACTORY).read(wkt);
        } catch (ParseException | RuntimeException e) {
            // RuntimeException too: JTS reports some malformed input with IllegalArgument or its own AssertionFailed.
            // Its words are a library's; the caller is told in ours.
            String said = e.getMessage() == null ? "" : e.getMessage();
            String why = said.contains("closed linestring") ? "a ring does not end where it starts"
                    : "its numbers, commas and parentheses do not form a " + wkt.split("[\\s(]", 2)[0].toUpperCase(java.util.Locale.ROOT);
            throw FilterException.at(position, "the geometry " + Text.shorten(wkt, FilterException.ECHO) + " is not valid WKT: " + why);
        }
        checkUsable(g, position);
        return g;
    }

    /**
     * BBOX(min1, min2, max1, max2) or with a third axis BBOX(min1, min2, min3, max1, max2, max3),
     * each axis in the order of the filter-crs. The third axis is dropped: spatial tests are 2D.
     */
    static Geometry fromBbox(List<BigDecimal> n, int position) {
        if (n.size() != 4 && n.size() != 6) {
            throw FilterException.at(position, "BBOX takes 4 numbers (or 6 with heights), not " + n.size());
        }
        int half = n.size() / 2;
        double min1 = n.get(0).doubleValue(), min2 = n.get(1).doubleValue();
        double max1 = n.get(half).doubleValue(), max2 = n.get(half + 1).doubleValue();
        if (min1 > max1 || min2 > max2) {
            throw FilterException.at(position, "BBOX needs the minimum before the maximum on each axis "
                    + "(boxes across the antimeridian are not supported)");
        }
        Geometry g = FACTORY.toGeometry(new Envelope(min1, max1, min2, max2));
        checkUsable(g, position);
        return g;
    }

    private static void checkUsable(Geometry g, int position) {
        if (g.isEmpty()) throw FilterException.at(position, "the geometry is empty");
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.getX()) || !Double.isFinite(c.getY())) {
                throw FilterException.at(position, "the geometry has a coordinate that is not a finite number");
            }
        }
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw FilterException.at(position, "the " + g.getGeometryType().toUpperCase(java.util.Locale.ROOT) + " is not valid: "
                    + fault(error) + (at == null ? "" : " near (" + plain(at.getX()) + " " + plain(at.getY()) + ")"));
        }
        if (g.getClass() == GeometryCollection.class) checkNoOverlappingPolygons(g, position);
    }

    /** What is wrong with an invalid geometry, in our words (JTS's kinds of fault, not its text). */
    private static String fault(TopologyValidationError error) {
        return switch (error.getErrorType()) {
            case TopologyValidationError.REPEATED_POINT -> "a point is repeated";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "a hole lies outside its polygon";
            case TopologyValidationError.NESTED_HOLES -> "a hole lies inside another hole";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "the holes cut the polygon's interior in two";
            case TopologyValidationError.SELF_INTERSECTION -> "its boundary crosses itself";
            case TopologyValidationError.RING_SELF_INTERSECTION -> "a ring touches itself";
            case TopologyValidationError.NESTED_SHELLS -> "a polygon lies inside another polygon of the same geometry";
            case TopologyValidationError.DUPLICATE_RINGS -> "a ring is repeated";
            case TopologyValidationError.TOO_FEW_POINTS -> "a line or ring has too few distinct points";
            case TopologyValidationError.INVALID_COORDINATE -> "a coordinate is not a number";
            case TopologyValidationError.RING_NOT_CLOSED -> "a ring does not end where it starts";
            default -> "its shape is not a valid geometry";
        };
    }

    /**
     * JTS calls a collection valid when each part is, but GEOS fails every predicate
     * ("TopologyException: side location conflict") when polygons of one collection overlap.
     */
    @SuppressWarnings("unchecked")
    private static void checkNoOverlappingPolygons(Geometry collection, int position) {
        List<Polygon> polygons = PolygonExtracter.getPolygons(collection);
        if (polygons.size() < 2) return;
        STRtree index = new STRtree();
        for (int i = 0; i < polygons.size(); i++) index.insert(polygons.get(i).getEnvelopeInternal(), i);
        for (int i = 0; i < polygons.size(); i++) {
            Polygon a = polygons.get(i);
            for (Object candidate : index.query(a.getEnvelopeInternal())) {
                int j = (Integer) candidate;
                if (j > i && a.relate(polygons.get(j), "2********")) {
                    throw FilterException.at(position, "the polygons of the GEOMETRYCOLLECTION overlap, which spatial tests "
                            + "cannot handle; write one MULTIPOLYGON without overlaps, or join conditions with OR");
                }
            }
        }
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
