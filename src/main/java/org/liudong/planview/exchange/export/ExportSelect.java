package org.liudong.planview.exchange.export;

import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.db.Sql;
import org.liudong.planview.db.SqlStatement;

/**
 * The rows an export writes, as one SELECT over the items query: each field under the name the
 * output format can hold (JSON as its text), the geometry typed with the output CRS (ogr2ogr reads
 * the SRS from it) — or a point on its surface for a CSV with X/Y columns. Its values stay bound.
 */
final class ExportSelect {
    private ExportSelect() {
    }

    /** What a column of the rows is made of: a source column, and the name it gets in the file. */
    record Column(ExportField field, String alias) {
    }

    static SqlStatement of(ExportSource source, List<Column> columns, boolean pointOnSurface) {
        int srid = source.outputCrs().srid();
        List<String> select = new ArrayList<>();
        for (Column c : columns) {
            String col = "q." + Sql.ident(c.field().name());
            select.add((c.field().json() ? col + "::text" : col) + " AS " + Sql.ident(c.alias()));
        }
        String geom = "q." + Sql.ident(source.geometryColumn());
        if (pointOnSurface) geom = "ST_PointOnSurface(" + geom + ")";
        select.add(geom + "::geometry(Geometry, " + srid + ") AS geom");
        return new SqlStatement("SELECT " + String.join(", ", select) + " FROM (" + source.rows().sql() + ") AS q", source.rows().params());
    }
}
