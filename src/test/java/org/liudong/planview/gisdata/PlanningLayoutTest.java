package org.liudong.planview.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liudong.planview.gisdata.LoadedData.count;
import static org.liudong.planview.gisdata.LoadedData.rows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.RepoPaths;

/**
 * The planning layout as loaded in PostGIS. Overlap is measured as area on the ellipsoid, with
 * a tolerance of 0.01 m²: shared edges between neighbours are computed in floating point, and a
 * numerically "overlapping" edge has an area of ~1e-6 m², far below anything a planner can see.
 */
class PlanningLayoutTest {
    private static final double TOLERANCE_M2 = 0.01;
    private static final double OUTSIDE_TOLERANCE_M2 = 100;
    private static final List<String> TABLES = List.of("planning_area", "spatial_structure", "project",
            "land_parcel", "district", "river", "road", "locality");

    @Test
    void everyGeometryIsValidNonEmptyAndInCgcs2000() {
        LoadedData.dataSource();
        for (String t : TABLES) {
            List<List<Object>> bad = rows("SELECT id::text, ST_IsValidReason(geom) FROM " + t
                    + " WHERE NOT ST_IsValid(geom) OR ST_IsEmpty(geom) OR ST_SRID(geom) <> 4490");
            assertTrue(bad.isEmpty(), t + ": invalid geometries " + bad);
            assertTrue(count("SELECT count(*) FROM " + t) > 0, t + " is empty");
        }
    }

    @Test
    void threeZonesFourParksSevenClusters() {
        LoadedData.dataSource();
        assertEquals(List.of(List.of("cluster", 7L), List.of("park", 4L), List.of("zone", 3L)),
                rows("SELECT kind, count(*) FROM planning_area GROUP BY kind ORDER BY kind"));
        assertEquals(0, count("SELECT count(*) FROM planning_area WHERE geometry_quality <> 'schematic'"));
    }

    /** Needs the source texts (../shared/seeds); skipped with a reason where they are absent. */
    @Test
    void areasAreNamedExactlyAsMeasure10() throws IOException {
        LoadedData.dataSource();
        String measure10 = Files.readAllLines(RepoPaths.seeds().resolve("000_d1a5c885ecd05a94.txt"),
                StandardCharsets.UTF_8).get(49 - 1);
        for (List<Object> r : rows("SELECT id, name_zh FROM planning_area")) {
            assertTrue(measure10.contains((String) r.get(1)), r + " is not named as in measure 10 (line 49)");
        }
    }

    @Test
    void areasOfTheSameKindDoNotOverlap() {
        LoadedData.dataSource();
        List<List<Object>> overlaps = rows("""
                SELECT a.id, b.id, ST_Area(ST_Intersection(a.geom, b.geom)::geography)
                FROM planning_area a JOIN planning_area b ON a.id < b.id AND a.kind = b.kind AND a.geom && b.geom
                WHERE ST_Area(ST_Intersection(a.geom, b.geom)::geography) > ?""", TOLERANCE_M2);
        assertTrue(overlaps.isEmpty(), "overlapping areas: " + overlaps);
    }

    @Test
    void parksAndClustersLieInTheirZoneAndDoNotOverlapEachOther() {
        LoadedData.dataSource();
        List<List<Object>> outside = rows("""
                SELECT a.id, a.parent_zone, ST_Area(ST_Difference(a.geom, z.geom)::geography)
                FROM planning_area a JOIN planning_area z ON z.id = a.parent_zone
                WHERE a.kind <> 'zone' AND ST_Area(ST_Difference(a.geom, z.geom)::geography) > ?""", TOLERANCE_M2);
        assertTrue(outside.isEmpty(), "parks/clusters leaving their zone: " + outside);
        assertEquals(0, count("SELECT count(*) FROM planning_area WHERE kind <> 'zone' AND parent_zone IS NULL"));
        List<List<Object>> mixed = rows("""
                SELECT a.id, b.id FROM planning_area a JOIN planning_area b
                  ON a.kind = 'park' AND b.kind = 'cluster' AND a.geom && b.geom
                WHERE ST_Area(ST_Intersection(a.geom, b.geom)::geography) > ?""", TOLERANCE_M2);
        assertTrue(mixed.isEmpty(), "park and cluster overlap: " + mixed);
    }

    @Test
    void noPlanningAreaLiesInTheRiver() {
        LoadedData.dataSource();
        List<List<Object>> wet = rows("""
                SELECT a.id, r.id, ST_Area(ST_Intersection(a.geom, r.geom)::geography)
                FROM planning_area a JOIN river r ON a.geom && r.geom
                WHERE ST_Area(ST_Intersection(a.geom, r.geom)::geography) > ?""", TOLERANCE_M2);
        assertTrue(wet.isEmpty(), "areas in the river: " + wet);
    }

    @Test
    void layoutSitsInLiudongEastOfTheLiujiang() {
        LoadedData.dataSource();
        // the brief's frame for Liudong: roughly 109.42–109.72 E, 24.28–24.52 N
        List<List<Object>> off = rows("""
                SELECT id FROM planning_area
                WHERE NOT ST_Within(ST_Centroid(geom), ST_MakeEnvelope(109.42, 24.28, 109.72, 24.52, 4490))
                   OR ST_XMin(geom) < 109.42 OR ST_XMax(geom) > 109.72 OR ST_YMax(geom) > 24.52""");
        assertTrue(off.isEmpty(), "areas outside the Liudong frame: " + off);
        // east of the river: at every area's own latitude the Liujiang runs west of the area
        List<List<Object>> west = rows("""
                SELECT a.id FROM planning_area a, river r
                WHERE r.id = 'RV_LIUJIANG'
                  AND ST_X(ST_Centroid(a.geom)) < ST_X(ST_Centroid(ST_Intersection(r.geom,
                        ST_MakeEnvelope(100, ST_Y(ST_Centroid(a.geom)) - 0.01, 120, ST_Y(ST_Centroid(a.geom)) + 0.01, 4490))))""");
        assertTrue(west.isEmpty(), "areas west of the Liujiang: " + west);
    }

    /**
     * The drawn district agrees with the shipped district layer: zones, parks, clusters, 片区 (the
     * towns among them), the structure's areas and every point lie in the city districts the drawing
     * covers (城中区, 鱼峰区, 柳北区), none of it in a county. Tolerance: 100 m² per feature, for the
     * floating-point edges of a drawing clipped to the layer (the layer itself is good to ~100 m).
     */
    @Test
    void theDrawnDistrictLiesInsideTheDistrictLayer() {
        LoadedData.dataSource();
        String host = "(SELECT ST_Union(geom) FROM district WHERE name_zh IN ('城中区', '鱼峰区', '柳北区'))";
        String counties = "(SELECT ST_Union(geom) FROM district WHERE name_zh LIKE '%县')";
        for (String table : List.of("planning_area", "locality", "spatial_structure")) {
            assertEquals(List.of(), rows("SELECT id, ST_Area(ST_Difference(geom, " + host + ")::geography) FROM " + table
                    + " WHERE GeometryType(geom) LIKE '%POLYGON' AND ST_Area(ST_Difference(geom, " + host + ")::geography) > ?",
                    OUTSIDE_TOLERANCE_M2), table + " outside its city districts");
            assertEquals(List.of(), rows("SELECT id FROM " + table + " WHERE ST_Area(ST_Intersection(geom, " + counties
                    + ")::geography) > ?", OUTSIDE_TOLERANCE_M2), table + " in a county");
        }
        assertEquals(List.of(), rows("SELECT id FROM project WHERE NOT ST_Covers(" + host + ", geom)"));
        assertEquals(List.of(), rows("SELECT id FROM spatial_structure WHERE GeometryType(geom) = 'POINT' AND NOT ST_Covers(" + host + ", geom)"));
        // the towns the audit found in 鹿寨县
        assertEquals(2, count("SELECT count(*) FROM locality WHERE name_zh IN ('雒容镇', '洛埠镇')"
                + " AND ST_Area(ST_Difference(geom, " + host + ")::geography) <= ?", OUTSIDE_TOLERANCE_M2));
    }

    /**
     * Measure 11's growth “towards 江口 and 导江”: both lie downstream in 鹿寨县 (the city plan's
     * 导江—江口沿江经济带, 002 line 305), east and south-east of 雒容 — never north. The direction
     * nodes and the axis towards them point from 雒容 into the south-east quarter and cite that line.
     */
    @Test
    void growthTowardsJiangkouAndDaojiangPointsSouthEast() {
        LoadedData.dataSource();
        List<List<Object>> wrong = rows("""
                SELECT id, azimuth FROM (
                    SELECT s.id, degrees(ST_Azimuth(ST_Centroid(l.geom)::geography,
                           (CASE WHEN GeometryType(s.geom) = 'POINT' THEN s.geom ELSE ST_EndPoint(s.geom) END)::geography)) AS azimuth
                    FROM spatial_structure s, locality l
                    WHERE l.name_zh = '雒容镇' AND (s.name_zh LIKE '%江口%' OR s.name_zh LIKE '%导江%')) a
                WHERE NOT azimuth BETWEEN 90 AND 170""");
        assertEquals(List.of(), wrong, "direction towards 江口/导江 not east–south-east of 雒容");
        assertEquals(3, count("""
                SELECT count(*) FROM spatial_structure
                WHERE (name_zh LIKE '%江口%' OR name_zh LIKE '%导江%')
                  AND sources @> '[{"file": "002_9db75a2811220992.txt", "line": 305}]'"""));
    }

    @Test
    void spatialStructureHasThreeAxesOneCoreTwoSubCoresThreeZonesAndNodes() {
        LoadedData.dataSource();
        assertEquals(3, count("SELECT count(*) FROM spatial_structure WHERE element = 'axis' AND GeometryType(geom) LIKE '%LINESTRING'"));
        assertEquals(1, count("SELECT count(*) FROM spatial_structure WHERE element = 'core'"));
        assertEquals(2, count("SELECT count(*) FROM spatial_structure WHERE element = 'sub_core'"));
        assertEquals(3, count("SELECT count(*) FROM spatial_structure WHERE element = 'zone' AND GeometryType(geom) LIKE '%POLYGON'"));
        assertTrue(count("SELECT count(*) FROM spatial_structure WHERE element = 'node' AND GeometryType(geom) = 'POINT'") >= 2);
        assertEquals(0, count("""
                SELECT count(*) FROM spatial_structure
                WHERE NOT sources @> '[{"file": "000_d1a5c885ecd05a94.txt", "line": 53}]'"""),
                "every element cites measure 11 (000 line 53)");
    }
}
