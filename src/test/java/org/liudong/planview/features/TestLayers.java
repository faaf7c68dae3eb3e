package org.liudong.planview.features;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.liudong.planview.testing.TestDatabase;

/**
 * A small layer of our own in the throwaway test database — 300 square parcels on a grid near
 * Liudong, with every kind of column — made through the catalogue the way any layer is: a table
 * plus one catalogue row. The database is dropped after the run.
 */
public final class TestLayers {
    public static final String PARCELS = "test-parcels";
    public static final int PARCEL_COUNT = 300;
    private static boolean made;

    private TestLayers() {
    }

    public static synchronized void ensure() {
        if (made) return;
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS test_fixture_parcel");
            st.execute("""
                    CREATE TABLE test_fixture_parcel (
                        id bigint PRIMARY KEY,
                        code text NOT NULL UNIQUE,
                        name_zh varchar(40),
                        land_use text NOT NULL,
                        status text,
                        area_ha numeric(12, 4),
                        approved date,
                        flag boolean NOT NULL,
                        figures jsonb,
                        geom geometry(MultiPolygon, 4490) NOT NULL)""");
            // 20 × 15 squares of 0.004°, 0.005° apart, from 109.40°E 24.35°N.
            st.execute("""
                    INSERT INTO test_fixture_parcel
                    SELECT n, 'P-' || lpad(n::text, 4, '0'), '地块' || n || '号',
                           (ARRAY['1001', '0701', '0901', '1401'])[1 + n % 4],
                           CASE WHEN n % 7 = 0 THEN NULL WHEN n % 2 = 0 THEN '已出让' ELSE '规划' END,
                           NULL, DATE '2020-01-01' + n, n % 2 = 0,
                           jsonb_build_object('note', '测试 "quoted" <b>', 'n', n),
                           ST_Multi(ST_MakeEnvelope(109.40 + (n % 20) * 0.005, 24.35 + (n / 20) * 0.005,
                                                    109.404 + (n % 20) * 0.005, 24.354 + (n / 20) * 0.005, 4490))
                    FROM generate_series(0, 299) n""");
            st.execute("UPDATE test_fixture_parcel SET area_ha = round((ST_Area(geom::geography) / 10000)::numeric, 4)");
            st.execute("CREATE INDEX ON test_fixture_parcel USING gist (geom)");
            st.execute("ANALYZE test_fixture_parcel");
            st.execute("DELETE FROM collection WHERE id = '" + PARCELS + "'");
            st.execute("""
                    INSERT INTO collection (id, table_name, title_zh, title_en, description_zh, description_en, group_id,
                                            caveat_zh, caveat_en, default_style, tile_min_zoom, tile_properties, sort_order)
                    VALUES ('test-parcels', 'test_fixture_parcel', '测试地块', 'Test parcels', '测试用 <地块>', 'for tests',
                            'parcels', '模拟数据', 'Synthetic', '{"fill": "#ccc"}', 5, ARRAY['code', 'land_use', 'area_ha'], 1)""");
            made = true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the test layer: " + e.getMessage(), e);
        }
    }
}
