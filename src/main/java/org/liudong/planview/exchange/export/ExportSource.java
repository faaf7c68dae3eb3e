package org.liudong.planview.exchange.export;

import java.util.List;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.styles.LayerStyle;

/**
 * What to export: the items query of a collection, as SQL with bound parameters, and what its
 * rows hold. Built from the catalogue and the /items parameters, so that an export is exactly
 * what /items would return.
 *
 * @param collectionId   the collection's id; also the base name of the files
 * @param title          its title for the download's file name (Chinese is fine), or null
 * @param rows           every matching row (no paging) with the fields' columns and the geometry column, already in {@code outputCrs} with x = east
 * @param count          the same query's numberMatched
 * @param fields         the attribute columns to write, in order
 * @param geometryColumn the geometry column's name in {@code rows}
 * @param outputCrs      the CRS to write the coordinates in
 * @param style          the layer's style, stored in formats that keep styles (GeoPackage); null = none
 */
public record ExportSource(String collectionId, String title, SqlStatement rows, SqlStatement count,
                           List<ExportField> fields, String geometryColumn, SupportedCrs outputCrs, LayerStyle style) {
    public ExportSource {
        fields = List.copyOf(fields);
    }

    /** Without a style. */
    public ExportSource(String collectionId, String title, SqlStatement rows, SqlStatement count,
                        List<ExportField> fields, String geometryColumn, SupportedCrs outputCrs) {
        this(collectionId, title, rows, count, fields, geometryColumn, outputCrs, null);
    }
}
