package org.liudong.planview.exchange.shapefile;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text fields of a .dbf to tell which encoding they are in. UTF-8 is self-checking
 * (almost no GBK text is valid UTF-8), so: valid UTF-8 means UTF-8, otherwise GBK if it decodes
 * as GBK. This is how a shapefile without .cpg, or with a wrong one, is caught before GDAL turns
 * its names into mojibake.
 */
public final class DbfText {
    private DbfText() {
    }

    /** Whether every text value decodes strictly in {@code charset}; the first bad record's number otherwise. */
    public record Check(boolean valid, long firstBadRecord, boolean hasNonAscii) {
    }

    public static Check check(Path dbf, Charset charset) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dbf), 64 * 1024))) {
            byte[] head = in.readNBytes(32);
            if (head.length < 32) throw new IOException("the .dbf is shorter than its header");
            ByteBuffer h = ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            long records = Integer.toUnsignedLong(h.getInt(4));
            int headerLength = Short.toUnsignedInt(h.getShort(8));
            int recordLength = Short.toUnsignedInt(h.getShort(10));
            List<int[]> textFields = new ArrayList<>();  // {offset in record, length}
            int offset = 1;  // the deletion flag
            int read = 32;
            while (read + 32 <= headerLength) {
                byte[] d = in.readNBytes(32);
                read += d.length;
                if (d.length < 32 || d[0] == 0x0D) break;
                int len = Byte.toUnsignedInt(d[16]);
                if (d[11] == 'C') textFields.add(new int[] {offset, len});
                offset += len;
            }
            skipFully(in, headerLength - read);
            boolean nonAscii = false;
            byte[] record = new byte[recordLength];
            for (long r = 0; r < records; r++) {
                try {
                    in.readFully(record);
                } catch (EOFException e) {
                    break;
                }
                for (int[] f : textFields) {
                    int end = Math.min(record.length, f[0] + f[1]);
                    for (int i = f[0]; i < end; i++) if (record[i] < 0) nonAscii = true;
                    if (!decodes(record, f[0], end - f[0], charset)) return new Check(false, r, true);
                }
            }
            return new Check(true, -1, nonAscii);
        }
    }

    private static boolean decodes(byte[] b, int off, int len, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) return;
                s = 1;
            }
            n -= s;
        }
    }

    public static final Charset GBK = Charset.forName("GBK");
    public static final Charset UTF8 = StandardCharsets.UTF_8;
}
