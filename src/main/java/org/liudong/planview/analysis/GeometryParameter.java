package org.liudong.planview.analysis;

import java.sql.SQLException;
import net.postgis.jdbc.PGgeometry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * A geometry the caller supplied (a drawn polygon, a site boundary), as a bound SQL parameter.
 *
 * <p>It travels as a typed {@code geometry} value (postgis-jdbc's {@link PGgeometry}, written as
 * EWKT with its SRID) rather than as a WKT string passed to {@code ST_GeomFromText}: PostgreSQL
 * receives a geometry with its CRS attached, the SQL needs no parsing call and cannot mistake the
 * SRID, and the value can never be read as SQL.
 */
final class GeometryParameter {
    private GeometryParameter() {
    }

    static PGgeometry of(Geometry g, int srid) {
        try {
            return new PGgeometry("SRID=" + srid + ";" + new WKTWriter(2).write(g));
        } catch (SQLException e) {
            // Only JTS wrote the text; postgis-jdbc refusing it is a bug here, not the caller's mistake.
            throw new IllegalStateException("postgis-jdbc cannot read JTS's WKT: " + e.getMessage(), e);
        }
    }
}
