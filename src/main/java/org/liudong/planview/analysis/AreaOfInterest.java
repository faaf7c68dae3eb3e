package org.liudong.planview.analysis;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.catalog.PropertyType;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;
import org.liudong.planview.query.GeometrySql;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The polygon a statistics request is about: a feature of a polygon layer ({@code planning-zones/Z1})
 * or a drawn shape (WKT in {@code polygon-crs}). {@link #geometry()} is an SQL expression of it in
 * the storage CRS (EPSG:4490), its values bound.
 *
 * @param source what the caller named, echoed in the answer
 */
record AreaOfInterest(String source, SqlStatement geometry) {
    private static final Pattern REFERENCE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]{0,62})/(.{1,200})");

    static AreaOfInterest parse(String text, SupportedCrs crs, Catalog catalog, Caller caller, int maxVertices) {
        String t = text.strip();
        if (t.isEmpty()) throw Problem.badRequest("parameter polygon: empty; give a feature (planning-zones/Z1) or a WKT POLYGON");
        String upper = t.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("POLYGON") && !upper.startsWith("MULTIPOLYGON")) {
            var m = REFERENCE.matcher(t);
            if (!m.matches()) {
                throw Problem.badRequest("parameter polygon: '" + Text.shorten(t) + "' is neither a feature reference "
                        + "(collection/featureId, e.g. planning-zones/Z1) nor a WKT POLYGON or MULTIPOLYGON");
            }
            return feature(catalog, caller, m.group(1), m.group(2));
        }
        return drawn(t, crs, maxVertices);
    }

    /** The union of a feature's geometry (one id may have several rows in a table without a key). */
    private static AreaOfInterest feature(Catalog catalog, Caller caller, String collectionId, String featureId) {
        // Only what the caller may read: an internal layer they may not see is "no collection".
        CollectionInfo c = catalog.all(caller).stream().filter(x -> x.id().equals(collectionId)).findFirst().orElseThrow(() -> Problem.badRequest("parameter polygon: no collection '"
                + collectionId + "'; the collections are listed at /collections"));
        if (!c.geometryType().toUpperCase(Locale.ROOT).contains("POLYGON")) {
            throw Problem.badRequest("parameter polygon: collection " + collectionId + " holds " + c.geometryType()
                    + " features, not polygons");
        }
        PropertyInfo id = c.idProperty();
        String condition = id.type() == PropertyType.STRING ? id.column() + " = ?" : id.column() + " = " + id.castParameter();
        if (id.type() == PropertyType.INTEGER && !featureId.matches("-?\\d{1,18}")) {
            throw Problem.badRequest("parameter polygon: '" + Text.shorten(featureId) + "' is not a feature id of " + collectionId);
        }
        String geom = "ST_Union(" + storage(c.geometrySql(), c.storageSrid()) + ")";
        String subset = c.subset() == null ? "" : " AND t." + org.liudong.planview.db.Sql.ident(c.subset().column()) + "::text = ?";
        List<Object> params = c.subset() == null ? List.of(featureId) : List.of(featureId, c.subset().value());
        return new AreaOfInterest(collectionId + "/" + featureId,
                new SqlStatement("(SELECT " + geom + " FROM " + c.tableSql() + " t WHERE " + condition + subset + ")", params));
    }

    private static AreaOfInterest drawn(String wkt, SupportedCrs crs, int maxVertices) {
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException | RuntimeException e) {
            throw Problem.badRequest("parameter polygon: not valid WKT" + (e.getMessage() == null ? "" : ": "
                    + Text.shorten(e.getMessage().replace(" (line 1)", ""))));
        }
        if (!(g instanceof Polygon || g instanceof MultiPolygon) || g.isEmpty()) {
            throw Problem.badRequest("parameter polygon: a " + g.getGeometryType().toUpperCase(Locale.ROOT) + " has no area; give a POLYGON or MULTIPOLYGON");
        }
        if (g.getNumPoints() > maxVertices) {
            throw Problem.badRequest("parameter polygon: " + g.getNumPoints() + " vertices; at most " + maxVertices
                    + " (PLANVIEW_ANALYSIS_MAX_VERTICES)");
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) throw Problem.badRequest("parameter polygon: a coordinate is not a finite number");
        }
        // The CRS's own axis order on the wire (latitude or northing first for EPSG:4490 and the
        // Gauss–Krüger CRSs, as for bbox-crs); PostGIS wants x = east.
        if (crs.northFirst()) g.apply(SwapAxes.INSTANCE);
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw Problem.badRequest("parameter polygon: not a valid polygon: " + error.getMessage()
                    + (at == null ? "" : " near (" + at.x + " " + at.y + ")"));
        }
        String bound = "?::geometry";
        String expr = storage(bound, crs.srid());
        return new AreaOfInterest("drawn polygon (" + g.getNumPoints() + " vertices, " + crs.uri() + ")",
                new SqlStatement("(SELECT " + expr + ")", List.of(GeometryParameter.of(g, crs.srid()))));
    }

    /** An expression of a geometry in {@code srid}, as EPSG:4490 coordinates (densified first when it comes from metres). */
    static String storage(String geometry, int srid) {
        if (srid == CrsRegistry.STORAGE_SRID) return geometry;
        if (GeometrySql.sameCoordinates(srid, CrsRegistry.STORAGE_SRID)) return "ST_SetSRID(" + geometry + ", " + CrsRegistry.STORAGE_SRID + ")";
        return "ST_Transform(" + geometry + ", " + CrsRegistry.STORAGE_SRID + ")";
    }
}
