package org.liudong.planview.tiles;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte buffer that writes protocol buffers' wire format — the few parts a vector tile
 * uses: varints, zigzag, fixed 32/64-bit numbers and length-delimited fields. Writing the bytes
 * directly, instead of building message objects first, is what makes {@link TileEncoder} cheap
 * (docs/benchmark.md, "A tile encoder of its own").
 */
final class ProtoWriter {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private byte[] bytes;
    private int size;

    ProtoWriter(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    void varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    void fixed32(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) bytes[size++] = (byte) (v >>> (8 * i));
    }

    void fixed64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) bytes[size++] = (byte) (v >>> (8 * i));
    }

    /** A length-delimited field holding a string's UTF-8 bytes. */
    void string(int field, String s) {
        bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    /** A length-delimited field holding these bytes (a string's UTF-8, as the driver handed it over). */
    void bytes(int field, byte[] b) {
        tag(field, LENGTH_DELIMITED);
        varint(b.length);
        raw(b, 0, b.length);
    }

    /** A length-delimited field holding what another writer holds (a nested message). */
    void message(int field, ProtoWriter nested) {
        tag(field, LENGTH_DELIMITED);
        varint(nested.size);
        raw(nested.bytes, 0, nested.size);
    }

    /** A packed repeated field of unsigned varints: {@code count} values from {@code values}. */
    void packed(int field, int[] values, int count) {
        int length = 0;
        for (int i = 0; i < count; i++) length += varintSize(values[i] & 0xFFFFFFFFL);
        tag(field, LENGTH_DELIMITED);
        varint(length);
        ensure(length);
        for (int i = 0; i < count; i++) {
            int v = values[i];
            while ((v & ~0x7F) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }
    }

    /** What another writer holds, as it is (fields of the same message). */
    void append(ProtoWriter other) {
        raw(other.bytes, 0, other.size);
    }

    void raw(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    /** The bytes written; the writer's own array, without a copy, when they fill it exactly. */
    byte[] finish() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
}
