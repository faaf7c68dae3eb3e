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
}
