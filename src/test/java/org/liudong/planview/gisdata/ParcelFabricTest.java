package org.liudong.planview.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liudong.planview.gisdata.LoadedData.count;
import static org.liudong.planview.gisdata.LoadedData.one;
import static org.liudong.planview.gisdata.LoadedData.rows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loaded synthetic parcels: a clean fabric (no overlaps, inside the zones, off roads and
 * rivers), areas that add up, and land uses that fit each area. Tolerance for geometric
 * overlap: 0.01 m² (see PlanningLayoutTest).
 */
class ParcelFabricTest {
    private static final double TOLERANCE_M2 = 0.01;

    @Test
    void everyParcelAndTheLayerAreMarkedSynthetic() {
        LoadedData.dataSource();
        assertTrue(count("SELECT count(*) FROM land_parcel") > 0);
        assertEquals(0, count("SELECT count(*) FROM land_parcel WHERE NOT synthetic"));
        assertTrue(((String) one("SELECT obj_description('land_parcel'::regclass, 'pg_class')")).contains("SYNTHETIC"));
    }

    @Test
    void parcelsDoNotOverlap() {
        LoadedData.dataSource();
        assertEquals(List.of(), rows("""
                SELECT a.parcel_code, b.parcel_code FROM land_parcel a JOIN land_parcel b
                  ON a.id < b.id AND a.geom && b.geom AND ST_Intersects(a.geom, b.geom)
                WHERE ST_Area(ST_Intersection(a.geom, b.geom)::geography) > ? LIMIT 20""", TOLERANCE_M2));
    }

    @Test
    void parcelsLieInsideTheirZoneAndArea() {
        LoadedData.dataSource();
        assertEquals(List.of(), rows("""
                SELECT p.parcel_code FROM land_parcel p JOIN planning_area z ON z.id = p.zone_id
                WHERE z.kind <> 'zone' OR ST_Area(ST_Difference(p.geom, z.geom)::geography) > ? LIMIT 20""", TOLERANCE_M2));
        assertEquals(List.of(), rows("""
                SELECT p.parcel_code FROM land_parcel p JOIN planning_area a ON a.id = p.area_id
                WHERE a.kind = 'zone' OR ST_Area(ST_Difference(p.geom, a.geom)::geography) > ? LIMIT 20""", TOLERANCE_M2));
        // parcels outside every park and cluster really are outside them
        assertEquals(List.of(), rows("""
                SELECT p.parcel_code, a.id FROM land_parcel p JOIN planning_area a
                  ON p.area_id IS NULL AND a.kind <> 'zone' AND a.geom && p.geom
                WHERE ST_Area(ST_Intersection(p.geom, a.geom)::geography) > ? LIMIT 20""", TOLERANCE_M2));
    }

    @Test
    void parcelsStayOffRoadsAndRivers() {
        LoadedData.dataSource();
        assertEquals(List.of(), rows("""
                SELECT p.parcel_code, r.id FROM land_parcel p JOIN road r ON p.geom && r.geom AND ST_Intersects(p.geom, r.geom)
                LIMIT 20"""));
        assertEquals(List.of(), rows("""
                SELECT p.parcel_code, r.id FROM land_parcel p JOIN river r ON p.geom && r.geom
                WHERE ST_Area(ST_Intersection(p.geom, r.geom)::geography) > ? LIMIT 20""", TOLERANCE_M2));
    }

    @Test
    void areasAreOnTheEllipsoidAndAddUp() {
        LoadedData.dataSource();
        assertEquals(0, count("""
                SELECT count(*) FROM land_parcel
                WHERE abs(area_m2 - ST_Area(geom::geography)) > 0.01
                   OR abs(area_ha * 10000 - area_m2) > 1e-6
                   OR abs(area_mu * 2000.0 / 3.0 - area_m2) > 1e-6
                   OR area_m2 <= 0"""));
        double sum = ((Number) one("SELECT sum(area_m2) FROM land_parcel")).doubleValue();
        double union = ((Number) one("SELECT ST_Area(ST_Union(geom)::geography) FROM land_parcel")).doubleValue();
        assertEquals(union, sum, union * 1e-6, "sum of parcel areas vs area of their union");
        // per zone: the parcels fill most of the zone but never more than all of it
        for (List<Object> r : rows("""
                SELECT z.id, ST_Area(z.geom::geography), coalesce(sum(p.area_m2), 0)
                FROM planning_area z LEFT JOIN land_parcel p ON p.zone_id = z.id
                WHERE z.kind = 'zone' GROUP BY z.id, z.geom""")) {
            double zone = ((Number) r.get(1)).doubleValue(), parcels = ((Number) r.get(2)).doubleValue();
            assertTrue(parcels <= zone && parcels > 0.5 * zone, r.toString());
        }
    }

    @Test
    void landUseFitsEachAreasFunction() {
        LoadedData.dataSource();
        // industrial clusters: mostly 1001 工业 / 1101 物流仓储
        for (List<Object> r : rows("""
                SELECT a.id, avg(CASE WHEN p.land_use_code IN ('1001', '1101') THEN 1.0 ELSE 0 END)
                FROM land_parcel p JOIN planning_area a ON a.id = p.area_id
                WHERE a.kind = 'cluster' AND a.id <> 'C7' GROUP BY a.id""")) {
            assertTrue(((Number) r.get(1)).doubleValue() >= 0.6, "cluster " + r);
        }
        // 科教创业园 (P1): mostly 0804 教育 / 0802 科研
        assertTrue(((Number) one("""
                SELECT avg(CASE WHEN land_use_code IN ('0804', '0802') THEN 1.0 ELSE 0 END)
                FROM land_parcel WHERE area_id = 'P1'""")).doubleValue() >= 0.5);
        // 城镇升级片 outside parks/clusters: housing, commerce, green above all
        assertTrue(((Number) one("""
                SELECT avg(CASE WHEN land_use_code IN ('0701', '0703', '0901', '1401') THEN 1.0 ELSE 0 END)
                FROM land_parcel WHERE zone_id = 'Z3' AND area_id IS NULL""")).doubleValue() >= 0.6);
        // names come from the lookup, and every code used has its first-level parent there
        assertEquals(0, count("""
                SELECT count(*) FROM land_parcel p JOIN land_use_class u ON u.code = p.land_use_code
                WHERE p.land_use_name <> u.name_zh OR u.parent_code IS NULL
                   OR NOT EXISTS (SELECT 1 FROM land_use_class t WHERE t.code = left(p.land_use_code, 2) AND t.level = 1)"""));
        assertEquals(0, count("""
                SELECT count(*) FROM land_parcel p JOIN land_use_class u ON u.code = p.land_use_code
                WHERE p.plot_ratio < u.plot_ratio_min OR p.plot_ratio > u.plot_ratio_max"""));
    }

    /**
     * 已储备 is a synthetic share of the non-public parcels, not tuned to a real total: the share by
     * count sits at the generator's proportion (binomial spread over thousands of parcels), and
     * public land (green space, squares, transport) is never reserved or sold.
     */
    @Test
    void reservedLandIsASyntheticShareNotARealTotal() {
        LoadedData.dataSource();
        String publicLand = "land_use_code IN ('" + String.join("', '", LandUseMix.PUBLIC_CODES) + "')";
        long nonPublic = count("SELECT count(*) FROM land_parcel WHERE NOT " + publicLand);
        double share = ((Number) one("SELECT avg((status = '已储备')::int) FROM land_parcel WHERE NOT " + publicLand)).doubleValue();
        assertTrue(nonPublic > 1000, "enough parcels to judge a share: " + nonPublic);
        double spread = 4 * Math.sqrt(ParcelGenerator.RESERVE_SHARE * (1 - ParcelGenerator.RESERVE_SHARE) / nonPublic);
        assertEquals(ParcelGenerator.RESERVE_SHARE, share, spread, "已储备 share of non-public parcels");
        assertEquals(0, count("SELECT count(*) FROM land_parcel WHERE " + publicLand + " AND status <> '规划'"));
        assertEquals(0, count("SELECT count(*) FROM land_parcel WHERE land_use_code LIKE '14%' AND status IN ('已出让', '已储备')"));
        assertEquals(0, count("SELECT count(*) FROM land_parcel WHERE parcel_code !~ '^LD-[ZPC][0-9]-[0-9]{7}$'"));
    }
}
