package org.liudong.planview.catalog;

import org.liudong.planview.auth.Caller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** The catalogue: a table plus one row is a collection, at run time, with its columns read from the table. */
class CatalogTest {
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void tables() throws SQLException {
        sql("DROP TABLE IF EXISTS test_catalog_layer",
            "CREATE TABLE test_catalog_layer (gid integer PRIMARY KEY, name text, height double precision, opened date, "
                + "seen timestamptz, tags text[], extra jsonb, \"Odd \"\"Name\"\"\" text, shape geometry(Point, 4490), "
                + "other_geom geometry(Point, 4490))",
            "INSERT INTO test_catalog_layer VALUES (1, '一', 1.5, '2024-01-02', now(), '{a}', '{\"k\": 1}', 'o', "
                + "ST_SetSRID(ST_MakePoint(109.4, 24.3), 4490), NULL)");
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        sql("DELETE FROM collection WHERE id LIKE 'test-catalog-%'", "DROP TABLE IF EXISTS test_catalog_layer");
    }

    static void sql(String... statements) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) st.execute(s);
        }
    }

    @Test
    void registerIntrospectsTheTable() {
        Catalog catalog = new Catalog(TestDatabase.dataSource());
        CollectionInfo info = catalog.register(CollectionDefinition.of("test-catalog-a", "test_catalog_layer", "测试", "Test", "imported")
                .withColumns("gid", "shape"));
        assertEquals("gid", info.idProperty().name());
        assertEquals(PropertyType.INTEGER, info.idProperty().type());
        assertEquals("Point", info.geometryType());
        assertEquals(4490, info.storageSrid());
        assertEquals(java.util.List.of("name", "height", "opened", "seen", "tags", "extra", "Odd \"Name\""),
                info.properties().stream().map(PropertyInfo::name).toList(), "every column but the id and the geometries");
        assertEquals(PropertyType.NUMBER, info.property("height").orElseThrow().type());
        assertEquals(PropertyType.DATE, info.property("opened").orElseThrow().type());
        assertEquals(PropertyType.TIMESTAMP, info.property("seen").orElseThrow().type());
        assertEquals(PropertyType.JSON, info.property("extra").orElseThrow().type());
        assertEquals(PropertyType.OTHER, info.property("tags").orElseThrow().type());
        assertTrue(info.queryable("extra").isEmpty() && info.queryable("tags").isEmpty(), "only scalars are queryable");
        assertTrue(info.queryable("gid").isPresent());
        assertEquals("t.\"Odd \"\"Name\"\"\"", info.property("Odd \"Name\"").orElseThrow().column(), "identifiers are quoted");
        double[] e = catalog.extent(info).orElseThrow();
        // One served step (1e-7°) of margin outward.
        assertEquals(109.4 - 1e-7, e[0], 1e-9);
        assertEquals(24.3 - 1e-7, e[1], 1e-9);
        assertTrue(catalog.find("test-catalog-a").isPresent());
        assertTrue(catalog.all(Caller.SYSTEM).stream().anyMatch(c -> c.id().equals("test-catalog-a")));
    }

    @Test
    void registerAgainRecomputesTheExtent() throws SQLException {
        Catalog catalog = new Catalog(TestDatabase.dataSource());
        CollectionInfo info = catalog.register(CollectionDefinition.of("test-catalog-b", "test_catalog_layer", "测试", "Test", "imported")
                .withColumns("gid", "shape"));
        double before = catalog.extent(info).orElseThrow()[2];
        sql("INSERT INTO test_catalog_layer (gid, shape) VALUES (2, ST_SetSRID(ST_MakePoint(109.9, 24.5), 4490))");
        try {
            assertEquals(before, catalog.extent(info).orElseThrow()[2], 1e-9, "cached");
            info = catalog.register(CollectionDefinition.of("test-catalog-b", "test_catalog_layer", "测试", "Test", "imported")
                    .withColumns("gid", "shape"));
            assertEquals(109.9 + 1e-7, catalog.extent(info).orElseThrow()[2], 1e-9, "recomputed after register");
        } finally {
            sql("DELETE FROM test_catalog_layer WHERE gid = 2");
        }
    }

    @Test
    void aMissingTableOrColumnIsRefusedAndNothingIsWritten() throws SQLException {
        Catalog catalog = new Catalog(TestDatabase.dataSource());
        assertThrows(IllegalArgumentException.class, () -> catalog.register(
                CollectionDefinition.of("test-catalog-missing", "no_such_table", "无", "None", "imported")));
        assertThrows(IllegalArgumentException.class, () -> catalog.register(
                CollectionDefinition.of("test-catalog-missing", "test_catalog_layer", "无", "None", "imported")),
                "no column id / geom");
        assertTrue(catalog.find("test-catalog-missing").isEmpty());
        assertTrue(new Catalog(TestDatabase.dataSource()).find("test-catalog-missing").isEmpty(), "the row was rolled back");
    }

    @Test
    void aRowAddedWithSqlIsServedWithoutARestartAndUnregisterRemovesIt() throws Exception {
        TestServer.baseUrl();
        sql("INSERT INTO collection (id, table_name, id_column, geometry_column, title_zh, title_en, group_id) "
                + "VALUES ('test-catalog-sql', 'test_catalog_layer', 'gid', 'shape', '新图层', 'New layer', 'context')");
        HttpResponse<String> r = TestServer.get("/collections/test-catalog-sql/items", "application/geo+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode f = json.readTree(r.body()).at("/features/0");
        assertEquals(1, f.get("id").asInt());
        assertEquals("一", f.at("/properties/name").asText());
        assertEquals(1, f.at("/properties/extra/k").asInt(), "jsonb as JSON");
        assertEquals("a", f.at("/properties/tags/0").asText(), "arrays as JSON");
        JsonNode all = json.readTree(TestServer.get("/collections", "application/json").body());
        boolean listed = false;
        for (JsonNode c : all.get("collections")) listed |= c.get("id").asText().equals("test-catalog-sql");
        assertTrue(listed, "listed too");

        Catalog mine = new Catalog(TestDatabase.dataSource());
        assertTrue(mine.unregister("test-catalog-sql"));
        assertFalse(mine.find("test-catalog-sql").isPresent());
        JsonNode after = json.readTree(TestServer.get("/collections", "application/json").body());
        for (JsonNode c : after.get("collections")) assertFalse(c.get("id").asText().equals("test-catalog-sql"), "the server noticed the delete");
    }

    @Test
    void rowsForTablesThatDoNotExistAreSkipped() throws SQLException {
        sql("INSERT INTO collection (id, table_name, title_zh, title_en, group_id) VALUES ('test-catalog-ghost', 'ghost_table', '鬼', 'Ghost', 'context')");
        Catalog catalog = new Catalog(TestDatabase.dataSource());
        assertTrue(catalog.find("test-catalog-ghost").isEmpty());
        assertTrue(catalog.all(Caller.SYSTEM).stream().noneMatch(c -> c.id().equals("test-catalog-ghost")));
        assertTrue(catalog.find("'; DROP TABLE collection; --").isEmpty());
    }
}
