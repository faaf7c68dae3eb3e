package org.liudong.planview.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.crs.CrsRegistry;

/** Areas as planners read them: m² on the CGCS2000 ellipsoid, 公顷 (10,000 m²) and 亩 (2000/3 m²). */
final class Areas {
    static final double M2_PER_HA = 10_000.0;
    static final double M2_PER_MU = 2000.0 / 3.0;

    private Areas() {
    }

    /** {area_m2, area_ha, area_mu} of an area in m². */
    static Map<String, Object> of(double m2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("area_m2", m2);
        m.put("area_ha", m2 / M2_PER_HA);
        m.put("area_mu", m2 / M2_PER_MU);
        return m;
    }

    /**
     * SQL: the ellipsoidal area in m² of a geometry expression in {@code srid}. PostGIS's geography
     * area uses the spheroid (GeographicLib), so no projection distorts it.
     */
    static String sql(String geometry, int srid) {
        String geographic = srid == CrsRegistry.STORAGE_SRID || srid == 4326 ? geometry
                : "ST_Transform(" + geometry + ", " + CrsRegistry.STORAGE_SRID + ")";
        return "ST_Area(" + geographic + "::geography)";
    }

    static String sql(CollectionInfo c, String geometry) {
        return sql(geometry, c.storageSrid());
    }
}
