package org.liudong.planview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.planview.query.ItemsRequest;
import org.liudong.planview.testing.TestServer;

/** /api is an OpenAPI 3.0 document that a real validator (swagger-parser) accepts without messages. */
class OpenApiTest {
    @BeforeAll
    static void layer() {
        TestLayers.ensure();
    }

    @Test
    void apiDocumentValidates() {
        HttpResponse<String> r = TestServer.get("/api");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.oai.openapi+json"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), "validation messages: " + result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertTrue(api.getOpenapi().startsWith("3.0"));
        for (String p : new String[] {"/", "/conformance", "/collections", "/collections/{collectionId}",
                "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}",
                "/collections/{collectionId}/queryables", "/collections/{collectionId}/tiles/WebMercatorQuad/{z}/{y}/{x}"}) {
            assertNotNull(api.getPaths().get(p), p);
        }
        Parameter limit = api.getComponents().getParameters().get("limit");
        assertEquals(ItemsRequest.MAX_LIMIT, limit.getSchema().getMaximum().intValue());
        assertTrue(api.getComponents().getParameters().get("collectionId").getSchema().getEnum().contains(TestLayers.PARCELS));
    }

    /**
     * Every route the server registered is in /api with its method, but for the web map's own
     * pages and assets (not an API) — so a script writer finds exports, statistics, the red-line
     * report, sign-in, audit and versions where they look first.
     */
    @Test
    void everyRouteIsDescribed() throws Exception {
        com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(TestServer.get("/api").body()).get("paths");
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (org.liudong.planview.http.RouteList.Route r : TestServer.routes()) {
            String path = r.path().replaceAll("\\{([^}]+)}", "{$1}").replaceAll("<([^>]+)>", "{$1}");
            if (!API.test(path)) continue;
            com.fasterxml.jackson.databind.JsonNode item = paths.get(path);
            if (item == null || !item.has(r.method().toLowerCase(java.util.Locale.ROOT))) missing.add(r.method() + " " + path);
        }
        assertEquals(java.util.List.of(), missing, "routes the OpenAPI document does not describe");
    }

    /** The API, as against the web map's page, its scripts and styles, and the favicon. */
    private static final java.util.function.Predicate<String> API = p -> !p.equals("/map") && !p.startsWith("/map/")
            && !p.startsWith("/assets") && !p.equals("/favicon.ico") && !p.equals("/*");
}
