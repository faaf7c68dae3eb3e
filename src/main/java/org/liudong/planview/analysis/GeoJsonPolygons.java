package org.liudong.planview.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.http.Problem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The polygons of a GeoJSON document (a geometry, a Feature or a FeatureCollection) as one JTS
 * geometry, x = longitude. A closed LineString counts as a polygon (CAD outlines arrive so, via
 * GDAL's DXF driver); points and open lines are refused. Rings are taken as given: an open or
 * self-crossing ring is left for {@link SiteCheck} to name.
 */
final class GeoJsonPolygons {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonPolygons() {
    }

    /** {@code skipOpenLines}: leave out open lines (a drawing's leaders) instead of refusing them. */
    static Geometry read(JsonNode doc, int maxVertices, boolean skipOpenLines) {
        List<Polygon> out = new ArrayList<>();
        collect(doc, out, "the document", skipOpenLines);
        if (out.isEmpty()) throw Problem.badRequest("the site holds no polygon (an outline needs at least one closed ring)");
        Geometry g = out.size() == 1 ? out.get(0) : FACTORY.createMultiPolygon(out.toArray(Polygon[]::new));
        if (g.getNumPoints() > maxVertices) {
            throw Problem.badRequest("the site has " + g.getNumPoints() + " vertices; at most " + maxVertices + " (PLANVIEW_ANALYSIS_MAX_VERTICES)");
        }
        return g;
    }

    private static void collect(JsonNode n, List<Polygon> out, String where, boolean skipOpen) {
        String type = n.path("type").asText("");
        switch (type) {
            case "FeatureCollection" -> {
                int i = 0;
                for (JsonNode f : n.path("features")) collect(f, out, "feature " + (++i), skipOpen);
            }
            case "Feature" -> {
                if (!n.path("geometry").isNull() && !n.path("geometry").isMissingNode()) collect(n.get("geometry"), out, where, skipOpen);
            }
            case "GeometryCollection" -> {
                for (JsonNode g : n.path("geometries")) collect(g, out, where, skipOpen);
            }
            case "Polygon" -> out.add(polygon(n.path("coordinates"), where));
            case "MultiPolygon" -> {
                for (JsonNode p : n.path("coordinates")) out.add(polygon(p, where));
            }
            case "LineString" -> closedLine(n.path("coordinates"), where, skipOpen, out);
            case "MultiLineString" -> {
                for (JsonNode l : n.path("coordinates")) closedLine(l, where, skipOpen, out);
            }
            case "Point", "MultiPoint" -> throw Problem.badRequest(where + " is a " + type + ", which has no area; a site is a polygon");
            default -> throw Problem.badRequest(where + ": '" + org.liudong.planview.http.Text.shorten(type) + "' is not a GeoJSON type");
        }
    }

    private static Polygon polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) throw Problem.badRequest(where + ": a Polygon without rings");
        LinearRing shell = ring(rings.get(0), where, "the outer ring");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i), where, "hole " + i);
        return FACTORY.createPolygon(shell, holes);
    }

    private static void closedLine(JsonNode coords, String where, boolean skipOpen, List<Polygon> out) {
        Coordinate[] c = coordinates(coords, where, "the line");
        if (!c[0].equals2D(c[c.length - 1])) {
            if (skipOpen) return;
            throw Problem.badRequest(where + " is an open line (its ends differ); a site is a closed outline");
        }
        out.add(FACTORY.createPolygon(ring(coords, where, "the line")));
    }

    private static LinearRing ring(JsonNode coords, String where, String which) {
        Coordinate[] c = coordinates(coords, where, which);
        if (!c[0].equals2D(c[c.length - 1])) {
            throw Problem.badRequest(where + ": " + which + " is not closed: its last point (" + c[c.length - 1].x + " " + c[c.length - 1].y
                    + ") is not its first (" + c[0].x + " " + c[0].y + ")");
        }
        if (c.length < 4) throw Problem.badRequest(where + ": " + which + " has fewer than 3 distinct points");
        return FACTORY.createLinearRing(c);
    }

    private static Coordinate[] coordinates(JsonNode coords, String where, String which) {
        if (!coords.isArray() || coords.isEmpty()) throw Problem.badRequest(where + ": " + which + " has no coordinates");
        Coordinate[] c = new Coordinate[coords.size()];
        for (int i = 0; i < c.length; i++) {
            JsonNode p = coords.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw Problem.badRequest(where + ": " + which + ", position " + (i + 1) + " is not [x, y]");
            }
            c[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
            if (!Double.isFinite(c[i].x) || !Double.isFinite(c[i].y)) throw Problem.badRequest(where + ": a coordinate is not finite");
        }
        return c;
    }
}
