package org.liudong.planview.tiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Just enough of the Mapbox Vector Tile protobuf to check what a tile holds: layers, keys, feature ids. */
public final class MvtReader {
    public record Layer(String name, List<String> keys, List<Long> featureIds, int extent) {
    }

    private final byte[] b;
    private int pos;
    private final int end;

    private MvtReader(byte[] b, int from, int to) {
        this.b = b;
        this.pos = from;
        this.end = to;
    }

    public static List<Layer> layers(byte[] tile) {
        List<Layer> layers = new ArrayList<>();
        MvtReader r = new MvtReader(tile, 0, tile.length);
        while (r.pos < r.end) {
            long tag = r.varint();
            if (tag >>> 3 == 3 && (tag & 7) == 2) layers.add(r.sub().layer());
            else r.skip((int) (tag & 7));
        }
        return layers;
    }

    private Layer layer() {
        String name = null;
        List<String> keys = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int extent = 4096;
        while (pos < end) {
            long tag = varint();
            int field = (int) (tag >>> 3);
            if (field == 1) name = sub().string();
            else if (field == 2) ids.add(sub().featureId());
            else if (field == 3) keys.add(sub().string());
            else if (field == 5) extent = (int) varint();
            else skip((int) (tag & 7));
        }
        return new Layer(name, keys, ids, extent);
    }

    /** The feature's id field, or -1 when it has none. */
    private long featureId() {
        long id = -1;
        while (pos < end) {
            long tag = varint();
            if (tag >>> 3 == 1 && (tag & 7) == 0) id = varint();
            else skip((int) (tag & 7));
        }
        return id;
    }

    private MvtReader sub() {
        int len = (int) varint();
        MvtReader r = new MvtReader(b, pos, pos + len);
        pos += len;
        return r;
    }

    private String string() {
        return new String(b, pos, end - pos, StandardCharsets.UTF_8);
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[pos++];
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) return v;
        }
    }

    private void skip(int wireType) {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> {
                int len = (int) varint();  // read first: "pos += varint()" would add to the old pos
                pos += len;
            }
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("wire type " + wireType);
        }
    }
}
