package org.liudong.planview.crs;

import java.util.List;
import java.util.Optional;

/** The CRSs of OGC API – Features Part 2 that this server supports, and how to find one by name. */
public final class CrsRegistry {
    public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    /** Where every layer is stored: CGCS2000 geographic, China's official datum. */
    public static final int STORAGE_SRID = 4490;

    public static final SupportedCrs CRS84 = new SupportedCrs(CRS84_URI, 4326, false, false, "WGS 84 longitude/latitude (CRS84)");
    public static final SupportedCrs CGCS2000 = epsg(4490, true, false, "CGCS2000 geographic");

    private static final List<SupportedCrs> ALL = List.of(
            CRS84,
            CGCS2000,
            epsg(4326, true, false, "WGS 84 geographic"),
            epsg(3857, false, true, "WGS 84 / Pseudo-Mercator"),
            epsg(4524, true, true, "CGCS2000 / 3-degree Gauss-Kruger zone 36"),
            epsg(4525, true, true, "CGCS2000 / 3-degree Gauss-Kruger zone 37"),
            epsg(4545, true, true, "CGCS2000 / 3-degree Gauss-Kruger CM 108E"),
            epsg(4546, true, true, "CGCS2000 / 3-degree Gauss-Kruger CM 111E"));

    private CrsRegistry() {
    }

    private static SupportedCrs epsg(int code, boolean northFirst, boolean projected, String title) {
        return new SupportedCrs("http://www.opengis.net/def/crs/EPSG/0/" + code, code, northFirst, projected, title);
    }

    public static List<SupportedCrs> all() {
        return ALL;
    }

    /**
     * Finds a CRS by its OGC URI, a safe CURIE ({@code [EPSG:4545]}), or {@code EPSG:4545} as
     * people type it; empty when unsupported.
     */
    public static Optional<SupportedCrs> find(String name) {
        if (name == null) return Optional.empty();
        String n = name.trim();
        if (n.startsWith("[") && n.endsWith("]")) n = n.substring(1, n.length() - 1);
        if (n.equalsIgnoreCase("CRS84") || n.equalsIgnoreCase("OGC:CRS84")) return Optional.of(CRS84);
        String wanted = n;
        if (n.regionMatches(true, 0, "EPSG:", 0, 5)) {
            wanted = "http://www.opengis.net/def/crs/EPSG/0/" + n.substring(5);
        }
        String uri = wanted.replaceFirst("^https://", "http://");
        return ALL.stream().filter(c -> c.uri().equals(uri)).findFirst();
    }

    public static Optional<SupportedCrs> bySrid(int srid) {
        if (srid == 4326) return ALL.stream().filter(c -> c.srid() == 4326 && c != CRS84).findFirst();
        return ALL.stream().filter(c -> c.srid() == srid).findFirst();
    }
}
