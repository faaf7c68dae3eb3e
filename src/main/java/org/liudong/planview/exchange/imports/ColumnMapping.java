package org.liudong.planview.exchange.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.liudong.planview.catalog.TableColumn;
import org.liudong.planview.db.Sql;

/**
 * How the columns of an upload (the staging row {@code s}) fill the columns of a layer's table
 * when its data is replaced — worked out from names and types alone, without the database, so it
 * can be read and tested on its own. Each target column is, in order of preference: the upload's
 * column of the same name (cast to the column's type), a value the server can derive
 * ({@link DerivedColumns}), {@code false} for the {@code synthetic} flag (what a planner imports
 * is their own data), or left to its default; a required column with none of these is missing.
 *
 * @param targetColumns the target's columns to insert, quoted
 * @param selectList    for each target column, the expression over {@code s} that fills it
 * @param used          upload columns that found a place
 * @param derived       target columns worked out by the server
 * @param missing       required target columns the upload cannot fill
 */
public record ColumnMapping(List<String> targetColumns, List<String> selectList, List<String> used, List<String> derived,
                            List<String> missing) {

    /**
     * @param target         the target table's columns
     * @param geometryColumn which of them holds the layer's geometry (filled from {@code s.geom})
     * @param uploaded       the staging table's column names, without its feature number and geometry
     * @param shippedSchema  whether the target is one of the shipped tables, whose lookups may be used
     * @param fidColumn      the staging table's feature-number column
     */
    public static ColumnMapping of(List<TableColumn> target, String geometryColumn, List<String> uploaded, boolean shippedSchema,
                                   String fidColumn) {
        List<String> columns = new ArrayList<>();
        List<String> select = new ArrayList<>();
        List<String> used = new ArrayList<>();
        List<String> derived = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> given = Set.copyOf(uploaded);
        for (TableColumn col : target) {
            if (col.generated()) continue;
            String name = col.name();
            String cast = " AS " + col.declaredType() + ")";
            if (name.equals(geometryColumn)) {
                boolean multi = col.geometryType() != null && col.geometryType().toUpperCase(Locale.ROOT).startsWith("MULTI");
                columns.add(Sql.ident(name));
                select.add("CAST(" + (multi ? "ST_Multi(s.geom)" : "s.geom") + cast);
            } else if (given.contains(name)) {
                columns.add(Sql.ident(name));
                select.add("CAST(s." + Sql.ident(name) + cast);
                used.add(name);
            } else {
                var expression = DerivedColumns.expression(name, col.typeName(), given, shippedSchema, fidColumn);
                if (expression.isPresent()) {
                    columns.add(Sql.ident(name));
                    select.add("CAST(" + expression.get() + cast);
                    derived.add(name);
                } else if (name.equals("synthetic") && col.typeName().equals("bool")) {
                    columns.add(Sql.ident(name));
                    select.add("false");
                } else if (col.required()) {
                    missing.add(name);
                }
            }
        }
        return new ColumnMapping(columns, select, used, derived, missing);
    }

    /** Upload columns that found no place in the layer. */
    public List<String> ignored(List<String> uploaded) {
        return uploaded.stream().filter(c -> !used.contains(c)).toList();
    }
}
