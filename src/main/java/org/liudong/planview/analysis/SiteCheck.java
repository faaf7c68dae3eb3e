package org.liudong.planview.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.postgis.jdbc.PGgeometry;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.db.Sql;
import org.liudong.planview.http.Problem;
import org.locationtech.jts.geom.Coordinate;

/**
 * Checks a supplied site in PostGIS and brings it to EPSG:4490: each polygon part must be valid;
 * an invalid one is repaired ({@code ST_MakeValid}) when the repair keeps the area its rings
 * enclose — a ring that touches itself, a spike, a doubled point — and said so in the report;
 * when the repair would change that area (a ring crossing itself, a "bow tie"), the site is
 * refused with the fault and where it is, unless the caller sent {@code repair=true}. The parts
 * are then unioned (overlapping parcels of one file count once), and a site outside the
 * district's outline (the 三片 zones) is refused.
 */
final class SiteCheck {
    /** Relative change of area below which a repair is only a cleaning-up. */
    private static final double SAME_AREA = 1e-6;
    static final String DISTRICT = "planning-zones";

    private SiteCheck() {
    }

    static CheckedSite check(Connection c, Site site, boolean repairAllowed, Catalog catalog) throws SQLException {
        PGgeometry supplied = GeometryParameter.of(site.geometry(), site.srid());
        List<String> repairs = new ArrayList<>();
        String parts = """
                SELECT n, ST_IsValid(geom), (ST_IsValidDetail(geom)).reason, ST_X((ST_IsValidDetail(geom)).location),
                       ST_Y((ST_IsValidDetail(geom)).location), ST_Area(geom), ST_Area(ST_CollectionExtract(ST_MakeValid(geom), 3))
                FROM ST_Dump(?) WITH ORDINALITY AS d(path, geom, n) ORDER BY n
                """;
        try (PreparedStatement ps = c.prepareStatement(parts)) {
            ps.setObject(1, supplied);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) continue;
                    int n = rs.getInt(1);
                    Coordinate at = rs.getObject(4) == null ? null : new Coordinate(rs.getDouble(4), rs.getDouble(5));
                    String where = at == null ? "" : " at (" + plain(at.x) + " " + plain(at.y) + ")" + site.lineNear(at);
                    String fault = "part " + n + ": " + rs.getString(3) + where;
                    double before = rs.getDouble(6), after = rs.getDouble(7);
                    if (after <= 0) throw Problem.badRequest("the site boundary is not valid: " + fault + "; it encloses no area");
                    boolean sameArea = Math.abs(after - before) <= SAME_AREA * Math.max(after, before);
                    if (!sameArea && !repairAllowed) {
                        String change = before > 0 ? String.format(java.util.Locale.ROOT, "by %.1f%%", 100 * Math.abs(after - before) / before) : "from none";
                        throw Problem.badRequest("the site boundary is not valid: " + fault + "; repairing it would change the area it encloses "
                                + change + ", so it is not repaired silently — correct the boundary, or send repair=true to accept ST_MakeValid's reading");
                    }
                    repairs.add(fault + " — repaired (ST_MakeValid)" + (sameArea ? "; the enclosed area is unchanged"
                            : String.format(java.util.Locale.ROOT, "; the enclosed area changed by %.1f%% (repair=true)",
                            before > 0 ? 100 * Math.abs(after - before) / before : 100.0)));
                }
            }
        }

        Optional<CollectionInfo> district = catalog.find(DISTRICT);
        String outline = district.map(d -> "(SELECT ST_Union(" + AreaOfInterest.storage(d.geometrySql(), d.storageSrid()) + ") FROM "
                + d.tableSql() + " t" + (d.subset() == null ? "" : " WHERE t." + Sql.ident(d.subset().column()) + "::text = ?") + ")")
                .orElse("NULL::geometry");
        String site4490 = """
                WITH parts AS (
                  SELECT CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_CollectionExtract(ST_MakeValid(geom), 3) END AS g
                  FROM ST_Dump(?) AS d),
                site AS (SELECT ST_Multi(ST_CollectionExtract(%s, 3)) AS g FROM (SELECT ST_Union(g) AS u FROM parts) x),
                district AS (SELECT %s AS g)
                SELECT ST_AsEWKB(site.g), ST_Area(site.g::geography), ST_NPoints(site.g),
                       district.g IS NULL, coalesce(ST_Intersects(site.g, district.g), false),
                       CASE WHEN district.g IS NULL THEN 0 ELSE ST_Area(ST_Difference(site.g, district.g)::geography) END,
                       ST_AsGeoJSON(site.g, 9, 0)
                FROM site, district
                """.formatted(AreaOfInterest.storage("u", site.srid()), outline);
        try (PreparedStatement ps = c.prepareStatement(site4490)) {
            ps.setObject(1, supplied);
            if (district.isPresent() && district.get().subset() != null) ps.setString(2, district.get().subset().value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double area = rs.getDouble(2);
                if (area <= 0) throw Problem.badRequest("the site encloses no area");
                boolean noDistrict = rs.getBoolean(4);
                if (!noDistrict && !rs.getBoolean(5)) {
                    throw Problem.badRequest("the site lies outside Liudong New District (the outline of its three functional zones): "
                            + "check its coordinates and coordinate reference system" + (site.format().equals("bubiao-txt")
                            ? " (X is the northing, Y the easting with the zone number in front; the file is read as EPSG:" + site.srid() + ")" : ""));
                }
                // Back as EWKB and bound again as a typed geometry: no precision lost in between.
                PGgeometry checked = new PGgeometry(HexFormat.of().formatHex(rs.getBytes(1)));
                return new CheckedSite(site, checked, rs.getString(7), area, rs.getDouble(6), rs.getInt(3), repairs);
            }
        }
    }

    static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
