package org.liudong.planview.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.http.Links;
import org.liudong.planview.styles.StyleFormat;

/** The JSON documents of OGC API – Features: landing page, conformance, collections, queryables. */
final class Documents {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String GEOJSON = "application/geo+json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String TILEJSON = "application/json";
    static final String TITLE = "柳东新区规划一张图 · Liudong Planning Viewer";

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
            "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/sorting");

    private Documents() {
    }

    /*
     * Links whose type names the format carry no query string: clients build on them (GDAL appends
     * /{featureId} to the items link) and choose the format with Accept. Only the HTML alternates
     * keep f=html, for the clients that cannot set Accept.
     */
    static ObjectNode landing(Links links) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("title", TITLE);
        doc.put("description", "柳东新区“三片四园七区”规划布局、重大项目与用地地块（模拟数据）。"
                + " The planning layout, major projects and (synthetic) land parcels of Liudong New District, Liuzhou.");
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url("/"), "self", "application/json", "This document");
        Links.add(l, links.url("/?f=html"), "alternate", "text/html", "This document as HTML");
        Links.add(l, links.url("/api"), "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)");
        Links.add(l, links.url("/api?f=html"), "service-doc", "text/html", "The API documentation");
        Links.add(l, links.url("/conformance"), "conformance", "application/json", "Conformance classes");
        Links.add(l, links.url("/conformance"), "http://www.opengis.net/def/rel/ogc/1.0/conformance", "application/json", "Conformance classes");
        Links.add(l, links.url("/collections"), "data", "application/json", "The collections");
        Links.add(l, links.url("/collections"), "http://www.opengis.net/def/rel/ogc/1.0/data", "application/json", "The collections");
        return doc;
    }

    static ObjectNode conformance() {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode a = doc.putArray("conformsTo");
        CONFORMANCE.forEach(a::add);
        return doc;
    }

    static ObjectNode collections(Links links, Catalog catalog, Caller caller, boolean english) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url("/collections"), "self", "application/json", "This document");
        Links.add(l, links.url("/collections?f=html"), "alternate", "text/html", "This document as HTML");
        ArrayNode crs = doc.putArray("crs");
        CrsRegistry.all().forEach(c -> crs.add(c.uri()));
        ArrayNode cs = doc.putArray("collections");
        for (CollectionInfo c : catalog.all(caller)) cs.add(collection(links, catalog, c, english));
        return doc;
    }

    static ObjectNode collection(Links links, Catalog catalog, CollectionInfo c, boolean english) {
        String path = "/collections/" + Links.segment(c.id());
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", c.id());
        doc.put("title", c.title(english));
        doc.put("access", c.access().code());
        String description = english ? c.texts().descriptionEn() : c.texts().descriptionZh();
        if (description != null) doc.put("description", description);
        doc.put("itemType", "feature");
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url(path), "self", "application/json", "This collection");
        Links.add(l, links.url(path + "?f=html"), "alternate", "text/html", "This collection as HTML");
        Links.add(l, links.url(path + "/items"), "items", GEOJSON, "Features as GeoJSON");
        Links.add(l, links.url(path + "/items?f=html"), "items", "text/html", "Features as HTML");
        Links.add(l, links.url(path + "/queryables"), "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json", "Queryables");
        Links.add(l, links.url(path + "/tiles/WebMercatorQuad"), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", TILEJSON, "Vector tiles (TileJSON)");
        Links.add(l, links.url(path + "/tiles/WebMercatorQuad/{z}/{y}/{x}"), "item", "application/vnd.mapbox-vector-tile", "Vector tile template");
        for (StyleFormat f : StyleFormat.values()) Links.add(l, links.url(StyleRoutes.path(path)), "stylesheet", f.mediaType(), f.title());

        ObjectNode extent = doc.putObject("extent");
        ObjectNode spatial = extent.putObject("spatial");
        Optional<double[]> bbox = catalog.extent(c);
        ArrayNode boxes = spatial.putArray("bbox");
        bbox.ifPresent(b -> boxes.addArray().add(b[0]).add(b[1]).add(b[2]).add(b[3]));
        if (bbox.isEmpty()) boxes.addArray().add(-180).add(-90).add(180).add(90);
        spatial.put("crs", CrsRegistry.CRS84_URI);
        catalog.temporalExtent(c).ifPresent(t -> {
            ObjectNode temporal = extent.putObject("temporal");
            temporal.putArray("interval").addArray().add(t[0]).add(t[1]);
            temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
        });

        ArrayNode crs = doc.putArray("crs");
        CrsRegistry.all().forEach(x -> crs.add(x.uri()));
        doc.put("storageCrs", CrsRegistry.bySrid(c.storageSrid()).map(SupportedCrs::uri)
                .orElse("http://www.opengis.net/def/crs/EPSG/0/" + c.storageSrid()));

        // This viewer's own members: what the layer panel and legend need.
        doc.put("title_zh", c.texts().titleZh());
        doc.put("title_en", c.texts().titleEn());
        if (c.texts().descriptionZh() != null) doc.put("description_zh", c.texts().descriptionZh());
        if (c.texts().descriptionEn() != null) doc.put("description_en", c.texts().descriptionEn());
        ObjectNode group = doc.putObject("group");
        group.put("id", c.group().id()).put("title_zh", c.group().titleZh()).put("title_en", c.group().titleEn())
                .put("order", c.group().sortOrder());
        if (c.texts().caveatZh() != null) doc.put("caveat_zh", c.texts().caveatZh());
        if (c.texts().caveatEn() != null) doc.put("caveat_en", c.texts().caveatEn());
        doc.put("geometryType", c.geometryType());
        if (c.temporal() != null) doc.put("temporalProperty", c.temporal().name());
        doc.set("defaultStyle", catalog.style(c));
        doc.put("tileMinZoom", c.tiles().minZoom());
        doc.put("tileMaxZoom", c.tiles().maxZoom());
        ObjectNode tiles = doc.putObject("tiles");
        tiles.put("minZoom", c.tiles().minZoom()).put("maxZoom", c.tiles().maxZoom());
        // Below this zoom the tiles hold the generalised overview grid, not the features (V7).
        if (c.tiles().overview() != null) tiles.put("overviewBelowZoom", c.tiles().overview().belowZoom());
        ArrayNode tp = tiles.putArray("properties");
        c.tiles().properties().forEach(tp::add);
        tiles.put("url", links.url(path + "/tiles/WebMercatorQuad/{z}/{y}/{x}"));
        return doc;
    }

    static ObjectNode queryables(Links links, CollectionInfo c, boolean english) {
        String path = "/collections/" + Links.segment(c.id()) + "/queryables";
        ObjectNode doc = JSON.createObjectNode();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", links.url(path));
        doc.put("type", "object");
        doc.put("title", c.title(english));
        ObjectNode props = doc.putObject("properties");
        for (PropertyInfo p : c.queryables()) {
            ObjectNode s = props.putObject(p.name());
            s.put("title", p.name());
            s.put("type", p.type().jsonSchemaType());
            switch (p.type()) {
                case DATE -> s.put("format", "date");
                case TIMESTAMP -> s.put("format", "date-time");
                default -> { }
            }
            if (p.equals(c.temporal())) s.put("x-ogc-role", "primary-instant");
        }
        ObjectNode g = props.putObject(CollectionInfo.GEOMETRY_QUERYABLE);
        g.put("title", "geometry");
        g.put("format", "geometry-" + geometryFormat(c));
        g.put("x-ogc-role", "primary-geometry");
        doc.put("additionalProperties", false);
        return doc;
    }

    /**
     * OGC JSON-Schema geometry formats: geometry-multipolygon, … or geometry-any. A collection that
     * is one dimension of a mixed table holds singles and multis: geometry-polygon-or-multipolygon.
     */
    private static String geometryFormat(CollectionInfo c) {
        String t = c.geometryType() == null ? "" : c.geometryType().toLowerCase(java.util.Locale.ROOT);
        if (c.subset() != null && c.subset().geometryFamily() != null && c.subset().geometryFamily().equalsIgnoreCase(t)) {
            return t + "-or-multi" + t;
        }
        return switch (t) {
            case "point", "multipoint", "linestring", "multilinestring", "polygon", "multipolygon", "geometrycollection" -> t;
            default -> "any";
        };
    }
}
