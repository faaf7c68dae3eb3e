package org.liudong.planview.crs;

/**
 * A coordinate reference system the API accepts and serves.
 *
 * @param uri            the OGC URI clients name it by
 * @param srid           the PostGIS SRID
 * @param northFirst     true when the CRS's own axis order is latitude/northing first (EPSG:4490,
 *                       4326 and the CGCS2000 Gauss–Krüger CRSs): coordinates in that order on the
 *                       wire, as OGC API – Features Part 2 requires; PostGIS keeps x = east.
 * @param projected      metres rather than degrees
 */
public record SupportedCrs(String uri, int srid, boolean northFirst, boolean projected, String title) {
}
