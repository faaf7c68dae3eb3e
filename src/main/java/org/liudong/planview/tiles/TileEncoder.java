package org.liudong.planview.tiles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liudong.planview.db.QueryLimit;

/**
 * Encodes the rows of {@link TileSql#tile} — the geometry inside the buffered tile (in tile units,
 * or in metres to be scaled to them), then the id and the properties — as one Mapbox vector tile
 * layer (MVT 2.1),
 * writing the protocol buffer bytes directly ({@link ProtoWriter}, {@link MvtGeometry}). Encoding
 * here rather than in ST_AsMVT takes the largest part of a dense tile's work out of PostgreSQL; and
 * writing the bytes directly rather than through mapbox-vector-tile-java's geometry and message
 * objects made it about four times cheaper again (docs/benchmark.md). The result is what ST_AsMVT
 * writes for the same rows: the same features, values and value types (TileEncodingTest).
 */
final class TileEncoder {
    /** Fields of the MVT protocol buffer messages (vector_tile.proto 2.1). */
    private static final int TILE_LAYERS = 3;
    private static final int LAYER_NAME = 1;
    private static final int LAYER_FEATURES = 2;
    private static final int LAYER_KEYS = 3;
    private static final int LAYER_VALUES = 4;
    private static final int LAYER_EXTENT = 5;
    private static final int LAYER_VERSION = 15;
    private static final int FEATURE_ID = 1;
    private static final int FEATURE_TAGS = 2;
    private static final int FEATURE_TYPE = 3;
    private static final int FEATURE_GEOMETRY = 4;
    private static final int VALUE_STRING = 1;
    private static final int VALUE_FLOAT = 2;
    private static final int VALUE_DOUBLE = 3;
    private static final int VALUE_UINT = 5;
    private static final int VALUE_SINT = 6;
    private static final int VALUE_BOOL = 7;
    /** Values of a column seen before it is judged: shared (looked up) or nearly unique (written as they come). */
    private static final int SAMPLE = 500;

    /**
     * The columns after the geometry and its flag: their MVT keys and value types, in order; the first is the
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

    /**
     * The tile's bytes; empty when no row leaves a feature in the tile. Past {@code deadline}
     * (System.nanoTime) the read stops with {@link QueryLimit#expired()}.
     */
    static byte[] encode(String layerName, Columns columns, TileSql.Frame frame, ResultSet rs, long deadline) throws SQLException {
        int n = columns.keys().size();
        TileValue[] kinds = columns.kinds().toArray(TileValue[]::new);
        MvtGeometry geometry = new MvtGeometry();
        ProtoWriter features = new ProtoWriter(1 << 16);
        ProtoWriter feature = new ProtoWriter(512);
        ProtoWriter values = new ProtoWriter(1 << 14);
        ProtoWriter value = new ProtoWriter(64);
        // A value written once is referred to by its index (values shared between features and keys).
        Map<Object, Integer> valueIndex = new HashMap<>(4096);
        int valueCount = 0;
        int[] tags = new int[2 * n];
        // A column whose values hardly repeat (a parcel code, an area) is not looked up any more
        // once its first rows show it: most of the encoder's time went into that dictionary, and
        // a value written twice is still a valid tile, one a few bytes larger.
        int[] seen = new int[n];
        int[] distinct = new int[n];
        boolean[] unique = new boolean[n];
        unique[0] = true;  // the id is unique to its row: no value to share, no lookup
        int featureCount = 0;
        int rows = 0;
        while (rs.next()) {
            if ((++rows & 1023) == 0 && System.nanoTime() - deadline > 0) throw QueryLimit.expired();
            byte[] wkb = rs.getBytes(1);
            if (wkb == null) continue;  // simplified away, or outside the buffered tile
            int type = geometry.encode(wkb, rs.getBoolean(2) ? frame : null);
            if (type == MvtGeometry.NONE) continue;
            feature.clear();
            int t = 0;
            for (int i = 0; i < n; i++) {
                Object v = kinds[i].read(rs, i + 3);
                if (v == null) continue;  // left out, as ST_AsMVT does
                if (i == 0 && columns.integerId() && (Long) v >= 0) {
                    feature.tag(FEATURE_ID, ProtoWriter.VARINT);
                    feature.varint((Long) v);
                }
                Integer known = unique[i] ? null : valueIndex.putIfAbsent(v, valueCount);
                int index;
                if (known != null) {
                    index = known;
                } else {
                    index = valueCount++;
                    writeValue(values, value, v);
                    distinct[i]++;
                }
                if (!unique[i] && ++seen[i] == SAMPLE && distinct[i] * 10L >= SAMPLE * 9L) unique[i] = true;
                tags[t++] = i;
                tags[t++] = index;
            }
            if (t > 0) feature.packed(FEATURE_TAGS, tags, t);
            feature.tag(FEATURE_TYPE, ProtoWriter.VARINT);
            feature.varint(type);
            feature.packed(FEATURE_GEOMETRY, geometry.commands(), geometry.count());
            features.message(LAYER_FEATURES, feature);
            featureCount++;
        }
        if (featureCount == 0) return new byte[0];
        // The tile is one layer message: its length comes first, so its parts are measured, then
        // copied once into a tile of exactly that size (a dense tile is about 1 MB).
        ProtoWriter head = new ProtoWriter(64);
        head.tag(LAYER_VERSION, ProtoWriter.VARINT);
        head.varint(2);
        head.string(LAYER_NAME, layerName);
        ProtoWriter keys = new ProtoWriter(256);
        for (String key : columns.keys()) keys.string(LAYER_KEYS, key);
        ProtoWriter foot = new ProtoWriter(8);
        foot.tag(LAYER_EXTENT, ProtoWriter.VARINT);
        foot.varint(TileSql.EXTENT);
        ProtoWriter[] parts = {head, features, keys, values, foot};
        int layerSize = 0;
        for (ProtoWriter part : parts) layerSize += part.size();
        ProtoWriter tile = new ProtoWriter(1 + ProtoWriter.varintSize(layerSize) + layerSize);
        tile.tag(TILE_LAYERS, ProtoWriter.LENGTH_DELIMITED);
        tile.varint(layerSize);
        for (ProtoWriter part : parts) tile.append(part);
        return tile.finish();
    }

    /** One Value message, typed as ST_AsMVT types it: a non-negative integer uint, a negative one sint. */
    private static void writeValue(ProtoWriter values, ProtoWriter value, Object v) {
        value.clear();
        if (v instanceof Long l) {
            if (l >= 0) {
                value.tag(VALUE_UINT, ProtoWriter.VARINT);
                value.varint(l);
            } else {
                value.tag(VALUE_SINT, ProtoWriter.VARINT);
                value.varint(ProtoWriter.zigzag(l));
            }
        } else if (v instanceof Boolean b) {
            value.tag(VALUE_BOOL, ProtoWriter.VARINT);
            value.varint(b ? 1 : 0);
        } else if (v instanceof Float f) {
            value.tag(VALUE_FLOAT, ProtoWriter.FIXED32);
            value.fixed32(Float.floatToIntBits(f));
        } else if (v instanceof Double d) {
            value.tag(VALUE_DOUBLE, ProtoWriter.FIXED64);
            value.fixed64(Double.doubleToLongBits(d));
        } else {
            value.bytes(VALUE_STRING, ((TileValue.Utf8) v).bytes());
        }
        values.message(LAYER_VALUES, value);
    }
}
