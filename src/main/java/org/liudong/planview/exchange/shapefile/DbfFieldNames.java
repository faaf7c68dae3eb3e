package org.liudong.planview.exchange.shapefile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Field names that fit a dBase file: at most 10 <em>bytes</em> in the file's encoding (three
 * Chinese characters in UTF-8, five in GBK), unique without regard to case (ArcGIS and GDAL
 * compare them so), cut only at character boundaries, and never empty.
 */
public final class DbfFieldNames {
    public static final int MAX_BYTES = 10;

    private DbfFieldNames() {
    }

    /** One short name per full name, in the same order. */
    public static List<String> shorten(List<String> fullNames, Charset charset) {
        Set<String> taken = new HashSet<>();
        List<String> result = new ArrayList<>(fullNames.size());
        for (String full : fullNames) {
            String base = fitting(clean(full, charset), charset, MAX_BYTES);
            if (base.isEmpty()) base = "field";
            String candidate = base;
            for (int n = 1; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                candidate = fitting(base, charset, MAX_BYTES - suffix.length()) + suffix;
            }
            taken.add(candidate.toLowerCase(Locale.ROOT));
            result.add(candidate);
        }
        return result;
    }

    public static int byteLength(String s, Charset charset) {
        return s.getBytes(charset).length;
    }

    /** Characters the encoding cannot hold, and those a DBF name must not contain, become '_'. */
    private static String clean(String name, Charset charset) {
        CharsetEncoder enc = charset.newEncoder();
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            boolean ok = Character.isLetterOrDigit(cp) || cp == '_';
            sb.append(ok && enc.canEncode(ch) ? ch : "_");
        });
        return sb.toString();
    }

    /** The longest prefix of {@code s} whose encoding takes at most {@code maxBytes}. */
    private static String fitting(String s, Charset charset, int maxBytes) {
        CharsetEncoder enc = charset.newEncoder();
        ByteBuffer out = ByteBuffer.allocate(Math.max(maxBytes, 0));
        CharBuffer in = CharBuffer.wrap(s);
        enc.encode(in, out, true);  // stops, at a character boundary, when the next one does not fit
        return s.substring(0, in.position());
    }
}
