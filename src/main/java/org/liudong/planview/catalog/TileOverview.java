package org.liudong.planview.catalog;

import java.util.List;
import org.liudong.planview.db.Sql;

/**
 * A collection's generalised overview for small zooms (V7 made the parcels' one): tiles of zooms
 * below {@code belowZoom} are cut from the grid table {@code <table>_overview} while it is current.
 * Any collection can have one by the same contract: that table (columns {@code level}, {@code cx},
 * {@code cy}, {@code geom_3857}, and any properties to show), {@code <table>_overview_state}
 * (version, built_version, kept by a statement trigger on the table), a function
 * {@code refresh_<table>_overview()}, and {@code collection.tile_overview_below_zoom}.
 *
 * @param schema     the schema of the collection's table and of its overview
 * @param baseTable  the collection's table, whose name the overview's objects extend
 * @param properties the overview table's own columns written into its tiles, with their types
 */
public record TileOverview(int belowZoom, String schema, String baseTable, List<PropertyInfo> properties) {
    /** The overview table's columns that place a cell rather than describe it. */
    public static final List<String> GRID_COLUMNS = List.of("level", "cx", "cy", "geom_3857");

    public TileOverview {
        properties = List.copyOf(properties);
    }

    public String tableSql() {
        return Sql.ident(schema) + "." + Sql.ident(baseTable + "_overview");
    }

    public String stateTableSql() {
        return Sql.ident(schema) + "." + Sql.ident(baseTable + "_overview_state");
    }

    /** The call that rebuilds a stale grid (and returns whether it did). */
    public String refreshCallSql() {
        return "SELECT " + Sql.ident(schema) + "." + Sql.ident("refresh_" + baseTable + "_overview") + "()";
    }
}
