package org.liudong.planview.features;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.http.Links;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.query.Cql2Condition;
import org.liudong.planview.query.ItemsRequest;
import org.liudong.planview.query.SelectionParser;
import org.liudong.planview.styles.StyleFormat;

/** The OpenAPI 3.0 definition of this API (/api), written for the catalogue as it is now. */
final class OpenApiDocument {
    /** The parameters of every items path, as references into components/parameters. */
    private static final List<String> ITEMS_PARAMETERS = List.of("collectionId", "bbox", "bbox-crs", "crs", "limit", "offset",
            "cursor", "properties", "sortby", "filter", "filter-lang", "filter-crs", "datetime", "f");

    private OpenApiDocument() {
    }

    static ObjectNode build(Links links, Catalog catalog, Caller caller) {
        ObjectNode doc = Documents.JSON.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", Documents.TITLE);
        info.put("version", "1.0.0");
        info.put("description", "OGC API – Features (Part 1 Core, Part 2 CRS, Part 3 Filtering with CQL2 text) and vector tiles; "
                + "exports and imports, statistics and the red-line report, plan indicators, versions, accounts and the audit trail.");
        info.putObject("license").put("name", "See the project's README");
        doc.putArray("servers").addObject().put("url", links.base());

        ObjectNode paths = doc.putObject("paths");
        get(paths, "/", "getLandingPage", "Landing page", "Capabilities", json("The landing page"), "f");
        get(paths, "/conformance", "getConformance", "Conformance classes", "Capabilities", json("The conformance classes"), "f");
        get(paths, "/api", "getApi", "This API definition", "Capabilities", content(Documents.OPENAPI, "The OpenAPI document"), "f");
        get(paths, "/collections", "getCollections", "The collections", "Capabilities", json("The collections"), "f");
        get(paths, "/collections/{collectionId}", "describeCollection", "One collection", "Capabilities",
                json("The collection"), "collectionId", "f");
        get(paths, "/collections/{collectionId}/queryables", "getQueryables", "Queryable properties (JSON Schema)", "Data",
                content("application/schema+json", "The queryables"), "collectionId", "f");
        get(paths, "/collections/{collectionId}/items", "getFeatures", "Features of a collection", "Data",
                content(Documents.GEOJSON, "A page of features"), ITEMS_PARAMETERS.toArray(String[]::new));
        for (CollectionInfo c : catalog.all(caller)) collectionItems(paths, c);
        get(paths, "/collections/{collectionId}/items/{featureId}", "getFeature", "One feature", "Data",
                content(Documents.GEOJSON, "The feature"), "collectionId", "featureId", "crs", "f");
        get(paths, "/collections/{collectionId}/tiles/WebMercatorQuad", "getTileJson", "TileJSON of the vector tiles", "Tiles",
                json("TileJSON 3.0"), "collectionId");
        ObjectNode tile = content("application/vnd.mapbox-vector-tile", "A Mapbox vector tile");
        tile.with("content").with("application/vnd.mapbox-vector-tile").putObject("schema").put("type", "string").put("format", "binary");
        get(paths, "/collections/{collectionId}/tiles/WebMercatorQuad/{z}/{y}/{x}", "getTile", "A vector tile (MVT)", "Tiles",
                tile, "collectionId", "z", "y", "x");
        ((ObjectNode) paths.get("/collections/{collectionId}/tiles/WebMercatorQuad/{z}/{y}/{x}").get("get").get("responses"))
                .putObject("204").put("description", "The tile is empty");
        ObjectNode style = content(StyleFormat.MAPBOX.mediaType(), "The style: Mapbox GL (default), SLD 1.0 or QGIS QML by Accept or f");
        get(paths, "/collections/{collectionId}/styles/{styleId}", "getStyle", "The collection's style (styleId: default)", "Styles",
                style, "collectionId", "styleId", "styleFormat");

        ObjectNode components = doc.putObject("components");
        ServiceOperations.addTo(paths, components);
        ObjectNode params = components.putObject("parameters");
        ArrayNode ids = Documents.JSON.createArrayNode();
        for (CollectionInfo c : catalog.all(caller)) ids.add(c.id());
        ObjectNode collectionId = param(params, "collectionId", "path", "The collection", schema("string"));
        ((ObjectNode) collectionId.get("schema")).set("enum", ids);
        param(params, "featureId", "path", "The feature's id", schema("string"));
        ObjectNode bbox = param(params, "bbox", "query", "Only features intersecting this box: minimum axis 1, minimum axis 2, "
                + "maximum axis 1, maximum axis 2, in bbox-crs (CRS84 longitude/latitude by default)", array("number", 4, 6));
        form(bbox);
        param(params, "bbox-crs", "query", "The CRS of bbox", crsSchema());
        param(params, "crs", "query", "The CRS of the response's geometry", crsSchema());
        ObjectNode limit = schema("integer");
        limit.put("minimum", 1).put("maximum", ItemsRequest.MAX_LIMIT).put("default", ItemsRequest.DEFAULT_LIMIT);
        form(param(params, "limit", "query", "Features per page; above the maximum, the maximum is served", limit));
        ObjectNode offset = schema("integer");
        offset.put("minimum", 0).put("default", 0);
        param(params, "offset", "query", "Features to skip (the next links use cursor, which is as fast on every page)", offset);
        param(params, "cursor", "query", "Where the previous page ended (from a next link)", schema("string"));
        ObjectNode props = param(params, "properties", "query", "Properties to return, comma-separated", array("string", 0, 0));
        form(props);
        ObjectNode sortby = param(params, "sortby", "query", "Sort keys, comma-separated; prefix - for descending", array("string", 0, 0));
        form(sortby);
        param(params, "filter", "query", "A CQL2 text filter on the queryables", schema("string"));
        ObjectNode lang = schema("string");
        ArrayNode languages = lang.putArray("enum");
        Cql2Condition.LANGUAGES.forEach(languages::add);
        lang.put("default", Cql2Condition.LANGUAGES.get(0));
        param(params, "filter-lang", "query", "The language of filter: CQL2 text (cql-text, the name drafts and GDAL use, "
                + "is the same language here)", lang);
        param(params, "filter-crs", "query", "The CRS of geometry literals in filter", crsSchema());
        form(param(params, "datetime", "query", "Only features whose time (the collection's temporal property, see its "
                + "extent) intersects this instant or interval (RFC 3339: 2023-05-01, 2023-05-01T08:00:00Z, "
                + "2021-01-01/2022-12-31, 2022-01-01/.., ../2022-12-31); ignored by collections without a temporal property",
                schema("string")));
        param(params, "styleId", "path", "The style; each collection has 'default'", schema("string"));
        ObjectNode styleFormat = schema("string");
        styleFormat.putArray("enum").add("mapbox").add("sld").add("qml");
        param(params, "styleFormat", "query", "The style's format (instead of the Accept header)", styleFormat).put("name", "f");
        ObjectNode f = schema("string");
        f.putArray("enum").add("json").add("html");
        param(params, "f", "query", "The format (instead of the Accept header)", f);
        ObjectNode z = schema("integer");
        z.put("minimum", 0).put("maximum", 24);
        param(params, "z", "path", "Zoom level", z);
        ObjectNode xy = schema("integer");
        xy.put("minimum", 0);
        param(params, "y", "path", "Tile row", xy);
        param(params, "x", "path", "Tile column", xy.deepCopy());

        ObjectNode schemas = components.putObject("schemas");
        ObjectNode problem = schemas.putObject("Problem");
        problem.put("type", "object");
        ObjectNode pp = problem.putObject("properties");
        for (String s : new String[] {"type", "title", "detail", "instance"}) pp.putObject(s).put("type", "string");
        pp.putObject("status").put("type", "integer");

        ArrayNode tags = doc.putArray("tags");
        tags.addObject().put("name", "Capabilities");
        tags.addObject().put("name", "Data");
        tags.addObject().put("name", "Tiles");
        tags.addObject().put("name", "Styles");
        for (String t : List.of("Exchange", "Analysis", "Indicators", "Versions", "Accounts", "Web map", "Health")) tags.addObject().put("name", t);
        return doc;
    }

    /**
     * The items path of one collection with its queryables as query parameters ({@code property=value},
     * style form): GDAL 3.6 pushes an attribute filter to the server only for properties it finds as
     * parameters of {@code /collections/{id}/items}, and QGIS (3.22+) reads them the same way.
     */
    private static void collectionItems(ObjectNode paths, CollectionInfo c) {
        List<String> refs = ITEMS_PARAMETERS.stream().filter(p -> !p.equals("collectionId")).toList();
        get(paths, "/collections/" + c.id() + "/items", "getFeatures_" + c.id(), "Features of " + c.texts().titleEn(), "Data",
                content(Documents.GEOJSON, "A page of features"), refs.toArray(String[]::new));
        ArrayNode ps = (ArrayNode) paths.get("/collections/" + c.id() + "/items").get("get").get("parameters");
        for (PropertyInfo p : c.queryables()) {
            if (SelectionParser.PARAMETERS.contains(p.name()) || ItemsRequest.STANDARD_PARAMETERS.contains(p.name())) continue;
            ObjectNode s = schema(p.type().jsonSchemaType());
            ObjectNode q = ps.addObject();
            q.put("name", p.name()).put("in", "query").put("description", "Only features whose " + p.name() + " equals this value")
                    .put("required", false);
            form(q).set("schema", s);
        }
    }

    /** OGC API – Features Part 1 defines its query parameters with style form, explode false. */
    private static ObjectNode form(ObjectNode parameter) {
        return parameter.put("style", "form").put("explode", false);
    }

    private static void get(ObjectNode paths, String path, String operationId, String summary, String tag, ObjectNode ok,
                            String... parameters) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.putArray("tags").add(tag);
        ArrayNode ps = op.putArray("parameters");
        for (String p : parameters) ps.addObject().put("$ref", "#/components/parameters/" + p);
        ObjectNode responses = op.putObject("responses");
        responses.set("200", ok);
        responses.set("400", problem("Bad request: the problem names the parameter"));
        if (path.contains("{")) responses.set("404", problem("Not found"));
    }

    private static ObjectNode json(String description) {
        return content("application/json", description);
    }

    private static ObjectNode content(String type, String description) {
        ObjectNode r = Documents.JSON.createObjectNode();
        r.put("description", description);
        r.putObject("content").putObject(type).putObject("schema").put("type", "object");
        return r;
    }

    private static ObjectNode problem(String description) {
        ObjectNode r = Documents.JSON.createObjectNode();
        r.put("description", description);
        r.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        return r;
    }

    private static ObjectNode param(ObjectNode params, String name, String in, String description, ObjectNode schema) {
        ObjectNode p = params.putObject(name);
        p.put("name", name);
        p.put("in", in);
        p.put("description", description);
        p.put("required", in.equals("path"));
        p.set("schema", schema);
        return p;
    }

    private static ObjectNode schema(String type) {
        ObjectNode s = Documents.JSON.createObjectNode();
        s.put("type", type);
        return s;
    }

    private static ObjectNode array(String itemType, int min, int max) {
        ObjectNode s = schema("array");
        if (min > 0) s.put("minItems", min);
        if (max > 0) s.put("maxItems", max);
        s.putObject("items").put("type", itemType);
        return s;
    }

    private static ObjectNode crsSchema() {
        ObjectNode s = schema("string");
        s.put("format", "uri");
        ArrayNode e = s.putArray("enum");
        CrsRegistry.all().forEach(c -> e.add(c.uri()));
        s.put("default", CrsRegistry.CRS84_URI);
        return s;
    }
}
