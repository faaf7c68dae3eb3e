package org.liudong.planview.query;

import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.db.Sql;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.filter.Cql2Parser;
import org.liudong.planview.filter.FieldType;
import org.liudong.planview.filter.FilterCompiler;
import org.liudong.planview.filter.FilterException;
import org.liudong.planview.filter.QueryableField;
import org.liudong.planview.http.Problem;

/** The {@code filter} parameter: CQL2 text → SQL fragment with bound values, checked against the queryables. */
final class CollectionFilter {
    private CollectionFilter() {
    }

    static SqlStatement compile(CollectionInfo c, String cql2Text, SupportedCrs filterCrs) {
        try {
            return new FilterCompiler(fields(c), filterCrs).compile(Cql2Parser.parse(cql2Text));
        } catch (FilterException e) {
            throw Problem.badRequest("parameter filter: " + e.detail());
        }
    }

    /** The collection's queryables as the filter compiler sees them, columns qualified by the alias t. */
    static List<QueryableField> fields(CollectionInfo c) {
        List<QueryableField> fields = new ArrayList<>();
        for (PropertyInfo p : c.queryables()) {
            FieldType type = switch (p.type()) {
                case STRING -> FieldType.STRING;
                case INTEGER -> FieldType.INTEGER;
                case NUMBER -> FieldType.NUMBER;
                case BOOLEAN -> FieldType.BOOLEAN;
                case DATE -> FieldType.DATE;
                case TIMESTAMP -> FieldType.TIMESTAMP;
                default -> null;
            };
            if (type != null) fields.add(new QueryableField(p.name(), "\"t\"." + Sql.ident(p.name()), type));
        }
        fields.add(new QueryableField(CollectionInfo.GEOMETRY_QUERYABLE, "\"t\"." + Sql.ident(c.geometryColumn()), FieldType.GEOMETRY));
        return fields;
    }
}
