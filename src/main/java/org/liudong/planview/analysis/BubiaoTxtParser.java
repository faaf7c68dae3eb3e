package org.liudong.planview.analysis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the land ministry's 部标 coordinate TXT (the exchange format of 建设用地 red lines): an
 * optional [扩展信息], a [属性描述] block of key=value lines (坐标系, 几度分带, 带号 …), then
 * [地块坐标] with, per parcel, a header row ending in {@code @} (界址点数, 地块面积 in 公顷,
 * 地块编号, 地块名称, 图形属性, 图幅号, 地块用途, 地类编码 …) and point rows {@code 点号,圈号,X,Y}:
 * X the northing, Y the easting with the 3° zone number in front (or without it, the zone then
 * coming from 带号). 圈号 1 is the outer ring, 2 and up are holes; each ring ends on its first
 * point. GBK and UTF-8 are both read. Pure: bytes in, a {@link BubiaoFile} or a
 * {@link BubiaoFormatException} naming the line out.
 */
final class BubiaoTxtParser {
    private static final Charset GBK = Charset.forName("GBK");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern SECTION = Pattern.compile("\\[(.+)]");
    /** CGCS2000 3° zones over China: 25 (75°E) to 45 (135°E). */
    private static final int MIN_ZONE = 25, MAX_ZONE = 45;
    private static final double ZONE_FACTOR = 1_000_000;

    private BubiaoTxtParser() {
    }

    /** Whether bytes look like a 部标 file (its section headers), before any parse. */
    static boolean looksLike(byte[] bytes) {
        String text = decode(bytes).text();
        return text.contains("[地块坐标]") || text.contains("[属性描述]");
    }

    static BubiaoFile parse(byte[] bytes, int maxVertices) {
        Decoded d = decode(bytes);
        if (d.text().isBlank()) throw new BubiaoFormatException(0, "the file is empty");
        String[] lines = d.text().split("\r\n|\r|\n", -1);
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, Integer> attributeLines = new LinkedHashMap<>();
        String section = null;
        int coordinatesAt = 0;
        List<ParcelBuilder> parcels = new ArrayList<>();
        ParcelBuilder current = null;
        int vertices = 0;
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            var s = SECTION.matcher(line);
            if (s.matches()) {
                section = s.group(1).strip();
                if (section.equals("地块坐标")) coordinatesAt = n;
                continue;
            }
            if (section == null) throw new BubiaoFormatException(n, "text before the first section; a 部标 file starts with [属性描述] (or [扩展信息])");
            if (!section.equals("地块坐标")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    attributes.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                    attributeLines.put(line.substring(0, eq).strip(), n);
                }
                continue;
            }
            String[] f = line.split("[,，]", -1);
            if (line.endsWith("@")) {
                if (current != null) parcels.add(current.check());
                current = header(f, n);
            } else {
                if (current == null) throw new BubiaoFormatException(n, "a point row before any parcel header row (a header row ends with @)");
                if (++vertices > maxVertices) {
                    throw new BubiaoFormatException(n, "more than " + maxVertices + " points (PLANVIEW_ANALYSIS_MAX_VERTICES)");
                }
                current.point(f, n);
            }
        }
        if (coordinatesAt == 0) throw new BubiaoFormatException(0, "no [地块坐标] section: not a 部标 coordinate file");
        if (current != null) parcels.add(current.check());
        if (parcels.isEmpty()) throw new BubiaoFormatException(coordinatesAt, "[地块坐标] holds no parcel");

        checkAttributes(attributes, attributeLines);
        Zone zone = zone(parcels, attributes, attributeLines);
        List<BubiaoParcel> out = new ArrayList<>();
        for (ParcelBuilder p : parcels) out.add(p.build(zone));
        int srid = zone.prefixed ? 4488 + zone.number : 4509 + zone.number;
        return new BubiaoFile(attributes, out, zone.number, zone.prefixed, srid, d.charset());
    }

    private record Decoded(String text, String charset) {
    }

    /** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GBK. */
    private static Decoded decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer b = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return new Decoded(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(b).toString(), "UTF-8");
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, GBK), "GBK");
        }
    }

    private static void checkAttributes(Map<String, String> a, Map<String, Integer> at) {
        String crs = a.get("坐标系");
        if (crs != null && !crs.isEmpty() && !crs.contains("2000")) {
            throw new BubiaoFormatException(at.get("坐标系"), "坐标系=" + crs + ": only CGCS2000 (2000国家大地坐标系) coordinates are supported");
        }
        String band = a.get("几度分带");
        if (band != null && !band.isEmpty() && !band.replace("度", "").strip().equals("3")) {
            throw new BubiaoFormatException(at.get("几度分带"), "几度分带=" + band + ": only 3° zones are supported");
        }
        String unit = a.get("计量单位");
        if (unit != null && !unit.isEmpty() && !unit.equals("米") && !unit.equalsIgnoreCase("m")) {
            throw new BubiaoFormatException(at.get("计量单位"), "计量单位=" + unit + ": coordinates must be in metres (米)");
        }
    }

    private record Zone(int number, boolean prefixed) {
    }

    /** The zone from the Y prefixes (all alike, and equal to 带号 when given), or from 带号 alone. */
    private static Zone zone(List<ParcelBuilder> parcels, Map<String, String> a, Map<String, Integer> at) {
        Integer declared = null;
        String band = a.get("带号");
        if (band != null && !band.isEmpty()) {
            if (!band.matches("\\d{1,3}")) throw new BubiaoFormatException(at.get("带号"), "带号=" + band + " is not a zone number");
            declared = Integer.parseInt(band);
            if (declared < MIN_ZONE || declared > MAX_ZONE) {
                throw new BubiaoFormatException(at.get("带号"), "带号=" + declared + " is not a 3° zone over China (" + MIN_ZONE + "–" + MAX_ZONE + ")");
            }
        }
        Integer prefix = null;
        int firstLine = 0;
        boolean anyUnprefixed = false;
        int unprefixedLine = 0;
        for (ParcelBuilder p : parcels) {
            for (int i = 0; i < p.ys.size(); i++) {
                double y = p.ys.get(i);
                int line = p.lines.get(i);
                if (y < ZONE_FACTOR) {
                    anyUnprefixed = true;
                    if (unprefixedLine == 0) unprefixedLine = line;
                    continue;
                }
                int z = (int) Math.floor(y / ZONE_FACTOR);
                if (declared != null && z != declared) {
                    throw new BubiaoFormatException(line, "Y=" + plain(y) + " has the zone prefix " + z + " but the file says 带号=" + declared);
                }
                if (prefix == null) {
                    prefix = z;
                    firstLine = line;
                } else if (z != prefix) {
                    throw new BubiaoFormatException(line, "Y=" + plain(y) + " is in zone " + z + " but line " + firstLine + " is in zone " + prefix
                            + "; a file's coordinates are in one zone");
                }
            }
        }
        if (prefix != null && anyUnprefixed) {
            throw new BubiaoFormatException(unprefixedLine, "Y has no zone prefix here but line " + firstLine + " has one (" + prefix + ")");
        }
        if (prefix != null) return new Zone(prefix, true);
        if (declared == null) {
            throw new BubiaoFormatException(unprefixedLine, "Y carries no zone number in front and [属性描述] gives no 带号: the zone is unknown");
        }
        return new Zone(declared, false);
    }

    private static BubiaoParcelHeader parseHeader(String[] f, int n) {
        String count = f[0].strip();
        if (!count.matches("\\d{1,9}")) throw new BubiaoFormatException(n, "the parcel header's first field (界址点数) '" + count + "' is not a whole number");
        Double ha = null;
        if (f.length > 1 && !f[1].isBlank()) {
            if (!NUMBER.matcher(f[1].strip()).matches()) throw new BubiaoFormatException(n, "地块面积 '" + f[1].strip() + "' is not a number");
            ha = Double.parseDouble(f[1].strip());
        }
        return new BubiaoParcelHeader(Integer.parseInt(count), ha, field(f, 2), field(f, 3), field(f, 4), field(f, 6), field(f, 7));
    }

    private record BubiaoParcelHeader(int points, Double ha, String number, String name, String shape, String use, String code) {
    }

    private static ParcelBuilder header(String[] f, int n) {
        BubiaoParcelHeader h = parseHeader(f, n);
        if (h.shape() != null && !h.shape().isEmpty() && !h.shape().equals("面")) {
            throw new BubiaoFormatException(n, "图形属性 '" + h.shape() + "': a red line is a polygon (面); lines (线) and points (点) have no area");
        }
        return new ParcelBuilder(n, h);
    }

    private static String field(String[] f, int i) {
        if (i >= f.length) return null;
        String v = f[i].strip();
        return v.isEmpty() || v.equals("@") ? null : v;
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A parcel as its rows come in; checked and turned into rings at its end. */
    private static final class ParcelBuilder {
        final int line;
        final BubiaoParcelHeader h;
        final List<String> names = new ArrayList<>();
        final List<Integer> rings = new ArrayList<>();
        final List<Double> xs = new ArrayList<>();  // northing, as written
        final List<Double> ys = new ArrayList<>();  // easting, as written (with the zone prefix, if any)
        final List<Integer> lines = new ArrayList<>();

        ParcelBuilder(int line, BubiaoParcelHeader h) {
            this.line = line;
            this.h = h;
        }

        void point(String[] f, int n) {
            if (f.length < 4) {
                throw new BubiaoFormatException(n, "a point row has 4 fields (点号,圈号,X,Y), this one has " + f.length);
            }
            String name = f[0].strip(), ring = f[1].strip(), x = f[2].strip(), y = f[3].strip();
            if (name.isEmpty()) throw new BubiaoFormatException(n, "the point has no 点号");
            if (!ring.matches("\\d{1,4}") || Integer.parseInt(ring) < 1) {
                throw new BubiaoFormatException(n, "圈号 '" + ring + "' is not a ring number (1 = the outer ring, 2 and up = holes)");
            }
            if (!NUMBER.matcher(x).matches()) throw new BubiaoFormatException(n, "X '" + x + "' is not a number");
            if (!NUMBER.matcher(y).matches()) throw new BubiaoFormatException(n, "Y '" + y + "' is not a number");
            double xv = Double.parseDouble(x), yv = Double.parseDouble(y);
            if (xv <= 0 || xv >= 10_000_000) {
                throw new BubiaoFormatException(n, "X=" + x + " is not a northing in China (0–10,000,000 m); X is the northing, Y the easting — are they swapped?");
            }
            if (yv <= 0) throw new BubiaoFormatException(n, "Y=" + y + " is not an easting");
            int prefix = (int) Math.floor(yv / ZONE_FACTOR);
            if (yv >= ZONE_FACTOR && (prefix < MIN_ZONE || prefix > MAX_ZONE)) {
                throw new BubiaoFormatException(n, "Y=" + y + " has the zone prefix " + prefix + ", which is not a 3° zone over China ("
                        + MIN_ZONE + "–" + MAX_ZONE + "); Y is the easting with the zone number in front, e.g. 37512345.678");
            }
            names.add(name);
            rings.add(Integer.parseInt(ring));
            xs.add(xv);
            ys.add(yv);
            lines.add(n);
        }

        ParcelBuilder check() {
            if (xs.isEmpty()) throw new BubiaoFormatException(line, "the parcel " + label() + " has no point rows");
            if (h.points() != xs.size()) {
                throw new BubiaoFormatException(line, "界址点数 says " + h.points() + " points but the parcel " + label() + " has " + xs.size()
                        + " point rows (lines " + lines.get(0) + "–" + lines.get(lines.size() - 1) + ")");
            }
            return this;
        }

        String label() {
            String l = ((h.number() == null ? "" : h.number()) + " " + (h.name() == null ? "" : h.name())).strip();
            return l.isEmpty() ? "at line " + line : l;
        }

        BubiaoParcel build(Zone zone) {
            List<BubiaoParcel.Ring> out = new ArrayList<>();
            int start = 0;
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            while (start < xs.size()) {
                int number = rings.get(start);
                int end = start;
                while (end + 1 < xs.size() && rings.get(end + 1) == number) end++;
                if (!seen.add(number)) {
                    throw new BubiaoFormatException(lines.get(start), "圈号 " + number + " of parcel " + label() + " appears again after another ring");
                }
                if (out.isEmpty() && number != 1) {
                    throw new BubiaoFormatException(lines.get(start), "the parcel " + label() + " starts with 圈号 " + number + "; 圈号 1 (the outer ring) comes first");
                }
                int size = end - start + 1;
                boolean closed = xs.get(start).equals(xs.get(end)) && ys.get(start).equals(ys.get(end));
                if (!closed || size < 2) {
                    throw new BubiaoFormatException(lines.get(end), "ring 圈号 " + number + " of parcel " + label() + " is not closed: its last point "
                            + names.get(end) + " is not its first point " + names.get(start) + " (line " + lines.get(start) + ")");
                }
                if (size < 4) {
                    throw new BubiaoFormatException(lines.get(start), "ring 圈号 " + number + " of parcel " + label() + " has " + (size - 1)
                            + " distinct points; a ring needs at least 3");
                }
                double[][] pts = new double[size][];
                int[] ls = new int[size];
                for (int i = 0; i < size; i++) {
                    // x = easting as written (the prefix is part of the EPSG:4513–4533 false easting), y = northing
                    pts[i] = new double[] {ys.get(start + i), xs.get(start + i)};
                    ls[i] = lines.get(start + i);
                }
                out.add(new BubiaoParcel.Ring(number, pts, ls));
                start = end + 1;
            }
            return new BubiaoParcel(line, h.points(), h.ha(), h.number(), h.name(), h.shape(), h.use(), h.code(), out);
        }
    }
}
