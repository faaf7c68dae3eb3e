package org.liudong.planview.exchange.imports;

import java.util.Optional;
import java.util.Set;

/**
 * Values a replace can work out when the upload lacks them, so that a planner's surveyed parcels
 * (code, land use, status, plot ratio, outline) can replace the synthetic ones: areas on the
 * CGCS2000 ellipsoid in m², 公顷 and 亩; the land-use name from the classification table; the
 * functional zone and park/cluster a parcel lies in; a numeric id from the feature's number.
 * Expressions read the staging row {@code s}; they are fixed SQL, no user value in them.
 */
final class DerivedColumns {
    private DerivedColumns() {
    }

    /**
     * @param shippedSchema whether the target is one of the shipped tables (schema public), whose
     *                      lookup tables (land_use_class, planning_area) the lookups may use
     */
    static Optional<String> expression(String column, String pgType, Set<String> uploaded, boolean shippedSchema, String fidColumn) {
        return Optional.ofNullable(switch (column) {
            case "area_m2" -> "ST_Area(s.geom::geography)";
            case "area_ha" -> "ST_Area(s.geom::geography) / 10000";
            case "area_mu" -> "ST_Area(s.geom::geography) * 3 / 2000";  // 1 亩 = 2000/3 m²
            case "id" -> pgType.startsWith("int") ? "s." + fidColumn : null;
            case "land_use_name" -> shippedSchema && uploaded.contains("land_use_code")
                    ? "(SELECT u.name_zh FROM public.land_use_class u WHERE u.code = s.\"land_use_code\"::text)" : null;
            case "zone_id" -> shippedSchema ? "(SELECT z.id FROM public.planning_area z WHERE z.kind = 'zone'"
                    + " AND ST_Intersects(z.geom, ST_PointOnSurface(s.geom)) ORDER BY z.id LIMIT 1)" : null;
            case "area_id" -> shippedSchema ? "(SELECT a.id FROM public.planning_area a WHERE a.kind IN ('park', 'cluster')"
                    + " AND ST_Intersects(a.geom, ST_PointOnSurface(s.geom)) ORDER BY a.kind, a.id LIMIT 1)" : null;
            default -> null;
        });
    }
}
