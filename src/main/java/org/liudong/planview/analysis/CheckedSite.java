package org.liudong.planview.analysis;

import java.util.List;
import net.postgis.jdbc.PGgeometry;

/**
 * A site that passed {@link SiteCheck}: valid, in EPSG:4490, inside the district.
 *
 * @param geometry  the site as a bound parameter (EPSG:4490 MultiPolygon)
 * @param geoJson   the same as GeoJSON (lon/lat, 9 decimals: a tenth of a millimetre)
 * @param areaM2    its ellipsoidal area
 * @param outsideM2 the part of it outside the district's outline (0 when wholly inside)
 * @param repairs   what was repaired, in words (empty: nothing)
 */
record CheckedSite(Site source, PGgeometry geometry, String geoJson, double areaM2, double outsideM2, int vertices, List<String> repairs) {
    CheckedSite {
        repairs = List.copyOf(repairs);
    }
}
