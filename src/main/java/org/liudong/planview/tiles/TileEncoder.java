package org.liudong.planview.tiles;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.IUserDataConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerProps;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Encodes the rows of {@link TileSql#tile} — geometry already in whole tile units and inside the
 * buffered tile, then the id and the properties — as one Mapbox vector tile layer, with the
 * maintained MVT encoder (mapbox-vector-tile-java): it writes exterior rings clockwise and holes
 * counter-clockwise in tile space (y down) as the MVT specification asks, leaves out rings that
 * snapped to no area, and delta-encodes the commands. Encoding here rather than in ST_AsMVT takes
 * the largest part of a dense tile's work out of PostgreSQL (docs/benchmark.md).
 */
final class TileEncoder {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    /**
     * The columns after the geometry: their MVT keys and value types, in order; the first is the
     * id, which is also the feature id when {@code integerId} (ST_AsMVT's rule: not when negative).
     */
    record Columns(List<String> keys, List<TileValue> kinds, boolean integerId) {
        Columns {
            keys = List.copyOf(keys);
            kinds = List.copyOf(kinds);
        }
    }

    private TileEncoder() {
    }

    /** The tile's bytes; empty when no row leaves a feature in the tile. */
    static byte[] encode(String layerName, Columns columns, ResultSet rs) throws SQLException {
        VectorTile.Tile.Layer.Builder layer = MvtUtil.newLayerBuilder(layerName, new MvtLayerParams(TileSql.EXTENT));
        MvtLayerProps props = new MvtLayerProps();
        int[] keyIndex = new int[columns.keys().size()];
        for (int i = 0; i < keyIndex.length; i++) keyIndex[i] = props.addKey(columns.keys().get(i));
        IUserDataConverter tags = (row, layerProps, feature) -> {
            Object[] values = (Object[]) row;
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) continue;
                feature.addTags(keyIndex[i]);
                feature.addTags(layerProps.addValue(values[i]));
            }
            if (columns.integerId() && values[0] != null && (Long) values[0] >= 0) feature.setId((Long) values[0]);
        };
        WKBReader wkb = new WKBReader(FACTORY);
        int n = keyIndex.length;
        while (rs.next()) {
            byte[] bytes = rs.getBytes(1);
            if (bytes == null) continue;  // simplified away, or outside the buffered tile
            Geometry g;
            try {
                g = basic(wkb.read(bytes));
            } catch (ParseException e) {
                throw new IllegalStateException("PostGIS returned WKB that JTS cannot read", e);
            }
            if (g == null) continue;
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) values[i] = columns.kinds().get(i).read(rs, i + 2);
            g.setUserData(values);
            JtsAdapter.addFeatures(layer, g, props, tags);
        }
        if (layer.getFeaturesCount() == 0) return new byte[0];
        for (String key : props.getKeys()) layer.addKeys(key);
        for (Object v : props.getValues()) layer.addValues(value(v));
        return VectorTile.Tile.newBuilder().addLayers(layer).build().toByteArray();
    }

    /**
     * The geometry as one MVT feature can hold it: a mixed collection reduced to its parts of the
     * highest dimension, as ST_AsMVTGeom does; null when nothing is left.
     */
    private static Geometry basic(Geometry g) {
        if (g.isEmpty()) return null;
        if (!g.getGeometryType().equals(Geometry.TYPENAME_GEOMETRYCOLLECTION)) return g;
        int dimension = g.getDimension();
        List<Geometry> parts = new ArrayList<>();
        flatten(g, dimension, parts);
        if (parts.size() == 1) return parts.get(0);
        return switch (dimension) {
            case 0 -> FACTORY.createMultiPoint(parts.toArray(Point[]::new));
            case 1 -> FACTORY.createMultiLineString(parts.toArray(LineString[]::new));
            default -> FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
        };
    }

    private static void flatten(Geometry g, int dimension, List<Geometry> out) {
        if (g instanceof GeometryCollection) {
            for (int i = 0; i < g.getNumGeometries(); i++) flatten(g.getGeometryN(i), dimension, out);
        } else if (g.getDimension() == dimension && !g.isEmpty()) {
            out.add(g);
        }
    }

    /** As ST_AsMVT writes values: a non-negative integer as uint, a negative one as sint. */
    private static VectorTile.Tile.Value value(Object v) {
        VectorTile.Tile.Value.Builder b = VectorTile.Tile.Value.newBuilder();
        if (v instanceof Long l) {
            if (l >= 0) b.setUintValue(l); else b.setSintValue(l);
        } else if (v instanceof Boolean x) {
            b.setBoolValue(x);
        } else if (v instanceof Float x) {
            b.setFloatValue(x);
        } else if (v instanceof Double x) {
            b.setDoubleValue(x);
        } else {
            b.setStringValue((String) v);
        }
        return b.build();
    }
}
