package org.liudong.planview.query;

import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.crs.SupportedCrs;

/** A collection's geometry in the SQL of a response: transformed to the asked CRS, as GeoJSON or for files. */
public final class GeometrySql {
    private GeometrySql() {
    }

    /** The geometry as GeoJSON text in {@code crs}, in that CRS's axis order (latitude first for EPSG:4326/4490); NULL for none. */
    static String geoJson(CollectionInfo c, SupportedCrs crs) {
        String g = transformed(c, crs);
        if (crs.northFirst()) g = "ST_FlipCoordinates(" + g + ")";
        // Options 0: no "crs" member in each geometry. PostGIS's default (8) names the storage
        // CRS there even after the transform, and RFC 7946 dropped the member; Content-Crs says it.
        return "ST_AsGeoJSON(" + g + ", " + (crs.projected() ? 3 : 7) + ", 0)";
    }

    /** The geometry in {@code crs}'s coordinates (its SRID may still be the storage one when the numbers agree). */
    static String transformed(CollectionInfo c, SupportedCrs crs) {
        return sameCoordinates(c.storageSrid(), crs.srid()) ? c.geometrySql()
                : "ST_Transform(" + c.geometrySql() + ", " + crs.srid() + ")";
    }

    /** As {@link #transformed}, with the SRID set to the asked CRS's (for files, whose .prj must say it). */
    static String labelled(CollectionInfo c, SupportedCrs crs) {
        if (c.storageSrid() == crs.srid()) return c.geometrySql();
        if (sameCoordinates(c.storageSrid(), crs.srid())) return "ST_SetSRID(" + c.geometrySql() + ", " + crs.srid() + ")";
        return "ST_Transform(" + c.geometrySql() + ", " + crs.srid() + ")";
    }

    /**
     * Whether two SRIDs give the same numbers. PROJ's CGCS2000 (4490) → WGS 84 (4326) operation is
     * the identity (the datums agree within centimetres, and no published shift is applied), so
     * the transform is skipped: it would cost a PROJ call per vertex and change nothing.
     */
    public static boolean sameCoordinates(int a, int b) {
        return a == b || (a == 4490 && b == 4326) || (a == 4326 && b == 4490);
    }
}
