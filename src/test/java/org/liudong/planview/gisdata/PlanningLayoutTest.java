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
