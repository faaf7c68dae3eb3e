package org.liudong.planview.features;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The routes of /api beyond OGC API – Features: exports and imports, analysis, indicators,
 * accounts, audit, versions and the web map's helpers — so a script writer finds them where they
 * look first. Described briefly; docs/api.md, exchange.md and accounts.md say the rest, and each
 * operation links there. Which credential a route needs is stated as its security requirement.
 */
final class ServiceOperations {
    /** The parameters /items takes that select features; exports, totals and statistics take them too. */
    private static final List<String> SELECTION = List.of("bbox", "bbox-crs", "filter", "filter-lang", "filter-crs", "datetime");

    private enum Needs {
        /** Anyone (when anonymous reading is on, as for the OGC routes). */
        NOTHING,
        /** A signed-in account of any role, for its own settings. */
        ACCOUNT,
        EDITOR,
        ADMIN
    }

    private ServiceOperations() {
    }

    /** Adds the operations to {@code paths} and the credentials they name to {@code components}. */
    static void addTo(ObjectNode paths, ObjectNode components) {
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "planview_session")
                .put("description", "From POST /auth/login; writes with a session also send its X-CSRF-Token header");
        schemes.putObject("token").put("type", "http").put("scheme", "bearer")
                .put("description", "A personal API token (POST /auth/tokens) or a configured editor token");
        schemes.putObject("basic").put("type", "http").put("scheme", "basic").put("description", "Account name and password");

        String health = "Health";
        op(paths, "get", "/health", "getHealth", "Whether the primary database (and each read replica, with its lag) is reachable; 503 when the primary is not",
                health, Needs.NOTHING, "application/json", "api.md#health");

        String exchange = "Exchange";
        ObjectNode export = op(paths, "get", "/collections/{collectionId}/export", "exportFeatures",
                "The items query as a file: Shapefile (ZIP), GeoPackage, GeoJSON, KML, CSV (UTF-8 with BOM) or DXF",
                exchange, Needs.NOTHING, "application/octet-stream", "exchange.md");
        refs(export, "collectionId", "crs");
        refs(export, SELECTION.toArray(String[]::new));
        query(export, "format", "shapefile | gpkg | geojson | kml | csv | dxf", true);
        query(export, "encoding", "Shapefile text encoding: UTF-8 (default) or GBK", false);
        query(export, "geometry", "CSV geometry: wkt (default) or xy", false);
        query(export, "label", "A label recorded with the export in the audit trail", false);
        query(export, "version", "A past version of the collection", false);
        ObjectNode create = op(paths, "post", "/collections", "importCollection",
                "Imports a file (Shapefile ZIP, GeoPackage, GeoJSON, KML, CSV, DXF) as a new collection", exchange, Needs.EDITOR,
                "application/json", "exchange.md");
        upload(create, "201");
        ObjectNode replace = op(paths, "put", "/collections/{collectionId}/items", "replaceCollectionData",
                "Replaces the collection's data with a file, as a new version", exchange, Needs.EDITOR, "application/json", "exchange.md");
        refs(replace, "collectionId");
        upload(replace, "200");
        ObjectNode replacePost = op(paths, "post", "/collections/{collectionId}/import", "replaceCollectionDataByPost",
                "The same as PUT /collections/{collectionId}/items, for clients that cannot send PUT", exchange, Needs.EDITOR,
                "application/json", "exchange.md");
        refs(replacePost, "collectionId");
        upload(replacePost, "200");

        String analysis = "Analysis";
        ObjectNode statistics = op(paths, "get", "/collections/{collectionId}/statistics", "getStatistics",
                "Counts, ellipsoidal areas and aggregates of a selection, grouped; optionally clipped to a polygon (统计)",
                analysis, Needs.NOTHING, "application/json", "api.md#planning-analysis-统计-and-选址");
        refs(statistics, "collectionId");
        refs(statistics, SELECTION.toArray(String[]::new));
        for (String p : List.of("groupBy", "sum", "avg", "min", "max")) query(statistics, p, "Queryables, comma-separated", false);
        query(statistics, "polygon", "A feature of a polygon layer (planning-zones/Z1) or WKT", false);
        query(statistics, "polygon-crs", "The CRS of a WKT polygon", false);
        query(statistics, "mode", "clip (default) | intersects | within", false);
        query(statistics, "f", "json (default) | csv", false);
        ObjectNode redline = op(paths, "post", "/analysis/redline", "redlineReport",
                "The red-line (选址) report of a site: conflicts with constraint layers, zones, land use, parcels and projects nearby",
                analysis, Needs.NOTHING, "application/json", "api.md#planning-analysis-统计-and-选址");
        for (String p : List.of("distance", "repair", "srid", "parcels", "f")) query(redline, p, "See the documentation", false);
        body(redline, true, "application/json", "multipart/form-data");
        ObjectNode constraint = op(paths, "get", "/collections/{collectionId}/constraint", "getConstraint",
                "Whether a polygon layer is a constraint (生态保护红线, 永久基本农田) for the red-line report", analysis, Needs.NOTHING,
                "application/json", "api.md#planning-analysis-统计-and-选址");
        refs(constraint, "collectionId");
        ObjectNode setConstraint = op(paths, "put", "/collections/{collectionId}/constraint", "setConstraint",
                "Flags a polygon layer as a constraint or not: {\"constraint\": true}", analysis, Needs.EDITOR,
                "application/json", "api.md#planning-analysis-统计-and-选址");
        refs(setConstraint, "collectionId");
        body(setConstraint, true, "application/json");

        String indicators = "Indicators";
        ObjectNode all = op(paths, "get", "/indicators", "getIndicators",
                "The plan indicators (规划指标) with their values, quotes, progress and warnings", indicators, Needs.NOTHING,
                "application/json", "api.md#plan-indicators-规划指标");
        for (String p : List.of("theme", "scope", "warning", "f")) query(all, p, "See the documentation", false);
        ObjectNode one = op(paths, "get", "/indicators/{id}", "getIndicator", "One indicator", indicators, Needs.NOTHING,
                "application/json", "api.md#plan-indicators-规划指标");
        path(one, "id", "The indicator's id, e.g. land_supply");
        query(one, "f", "json (default) | csv", false);

        String versions = "Versions";
        ObjectNode list = op(paths, "get", "/collections/{collectionId}/versions", "getVersions",
                "The collection's versions: who imported what, when", versions, Needs.NOTHING, "application/json", "accounts.md");
        refs(list, "collectionId");
        ObjectNode diff = op(paths, "get", "/collections/{collectionId}/diff", "getDiff",
                "The features changed between two versions, as GeoJSON", versions, Needs.NOTHING, Documents.GEOJSON, "accounts.md");
        refs(diff, "collectionId");
        query(diff, "from", "The older version", true);
        query(diff, "to", "The newer version (default: the current one)", false);
        ObjectNode rollback = op(paths, "post", "/collections/{collectionId}/versions/{version}/rollback", "rollBack",
                "Makes a new version equal to an older one", versions, Needs.EDITOR, "application/json", "accounts.md");
        refs(rollback, "collectionId");
        path(rollback, "version", "The version to return to");

        String accounts = "Accounts";
        body(op(paths, "post", "/auth/login", "signIn", "Signs in: {\"name\", \"password\"}; sets the session cookie",
                accounts, Needs.NOTHING, "application/json", "accounts.md"), true, "application/json");
        op(paths, "post", "/auth/logout", "signOut", "Ends the session", accounts, Needs.NOTHING, "application/json", "accounts.md");
        op(paths, "get", "/auth/session", "getSession", "Who is signed in", accounts, Needs.NOTHING, "application/json", "accounts.md");
        body(op(paths, "post", "/auth/password", "changePassword", "Changes one's own password: {\"current\", \"password\"}",
                accounts, Needs.ACCOUNT, "application/json", "accounts.md"), true, "application/json");
        op(paths, "get", "/auth/tokens", "getTokens", "One's personal API tokens", accounts, Needs.ACCOUNT, "application/json", "accounts.md");
        body(op(paths, "post", "/auth/tokens", "issueToken", "Issues a personal API token: {\"label\"}; the token is shown once",
                accounts, Needs.ACCOUNT, "application/json", "accounts.md"), false, "application/json");
        path(op(paths, "delete", "/auth/tokens/{tokenId}", "revokeToken", "Revokes one of one's tokens", accounts, Needs.ACCOUNT,
                "application/json", "accounts.md"), "tokenId", "The token's id");
        op(paths, "get", "/admin/users", "getUsers", "The accounts", accounts, Needs.ADMIN, "application/json", "accounts.md");
        body(op(paths, "post", "/admin/users", "createUser", "Creates an account: {\"name\", \"role\", \"password\"}", accounts,
                Needs.ADMIN, "application/json", "accounts.md"), true, "application/json");
        for (String[] change : new String[][] {{"role", "setUserRole", "Sets an account's role: viewer, editor or admin"},
                {"password", "resetUserPassword", "Sets a new password for an account"},
                {"active", "setUserActive", "Disables or enables an account"}}) {
            ObjectNode o = op(paths, "put", "/admin/users/{name}/" + change[0], change[1], change[2], accounts, Needs.ADMIN,
                    "application/json", "accounts.md");
            path(o, "name", "The account's name");
            body(o, true, "application/json");
        }
        ObjectNode access = op(paths, "put", "/collections/{collectionId}/access", "setCollectionAccess",
                "Makes a collection public or internal: {\"access\": \"public\" | \"internal\"}", accounts, Needs.ADMIN,
                "application/json", "accounts.md");
        refs(access, "collectionId");
        body(access, true, "application/json");
        ObjectNode audit = op(paths, "get", "/admin/audit", "getAuditTrail",
                "The audit trail: every import, replace, rollback, export, sign-in and account change", accounts, Needs.ADMIN,
                "application/json", "accounts.md");
        for (String p : List.of("from", "to", "user", "action", "collection", "outcome", "limit", "offset", "f")) {
            query(audit, p, "See the documentation", false);
        }

        String web = "Web map";
        op(paths, "get", "/config.json", "getWebConfig", "The web map's settings: basemaps, land-use classes and colours",
                web, Needs.NOTHING, "application/json", "api.md#web-map-helpers");
        ObjectNode totals = op(paths, "get", "/web/collections/{collectionId}/totals", "getTotals",
                "The count and sums of numeric properties over an items query", web, Needs.NOTHING, "application/json",
                "api.md#web-map-helpers");
        refs(totals, "collectionId");
        refs(totals, SELECTION.toArray(String[]::new));
        query(totals, "sum", "Numeric properties, comma-separated (up to 8)", false);
        ObjectNode places = op(paths, "get", "/named-places", "getNamedPlaces",
                "Places the texts name without a position, with their quotes", web, Needs.NOTHING, "application/json",
                "api.md#web-map-helpers");
        query(places, "q", "Part of a name", false);
        body(op(paths, "post", "/web/prints", "recordPrint", "Records a print the web map made, in the audit trail", web,
                Needs.NOTHING, "application/json", "api.md#web-map-helpers"), true, "application/json");

        ObjectNode tilesets = op(paths, "get", "/collections/{collectionId}/tiles", "getTilesets",
                "The collection's tilesets (WebMercatorQuad), with links to its TileJSON and tiles", "Tiles", Needs.NOTHING,
                "application/json", "api.md#vector-tiles");
        refs(tilesets, "collectionId");
    }

    private static ObjectNode op(ObjectNode paths, String method, String path, String operationId, String summary, String tag,
                                 Needs needs, String mediaType, String doc) {
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        ObjectNode op = item.putObject(method);
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.putArray("tags").add(tag);
        op.put("description", "Described in the project's docs/" + doc + ".");
        op.putArray("parameters");
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "Done");
        ok.putObject("content").putObject(mediaType).putObject("schema").put("type", mediaType.endsWith("json") ? "object" : "string");
        responses.set("400", problem("Bad request: the problem says what was wrong"));
        if (needs != Needs.NOTHING) {
            ArrayNode security = op.putArray("security");
            for (String scheme : List.of("session", "token", "basic")) security.addObject().putArray(scheme);
            responses.set("401", problem("No credential, or a wrong one"));
            responses.set("403", problem("The credential's role may not do this (" + needs.name().toLowerCase(Locale.ROOT) + " needed)"));
        }
        if (path.contains("{")) responses.set("404", problem("Not found"));
        responses.set("503", problem("The database is unreachable, or the server is busy (Retry-After)"));
        return op;
    }

    private static void refs(ObjectNode op, String... names) {
        ArrayNode ps = (ArrayNode) op.get("parameters");
        for (String n : names) ps.addObject().put("$ref", "#/components/parameters/" + n);
    }

    private static void query(ObjectNode op, String name, String description, boolean required) {
        ((ArrayNode) op.get("parameters")).addObject().put("name", name).put("in", "query").put("description", description)
                .put("required", required).putObject("schema").put("type", "string");
    }

    private static void path(ObjectNode op, String name, String description) {
        ((ArrayNode) op.get("parameters")).addObject().put("name", name).put("in", "path").put("description", description)
                .put("required", true).putObject("schema").put("type", "string");
    }

    private static void body(ObjectNode op, boolean required, String... mediaTypes) {
        ObjectNode body = op.putObject("requestBody");
        body.put("required", required);
        ObjectNode content = body.putObject("content");
        for (String t : mediaTypes) content.putObject(t).putObject("schema").put("type", "object");
    }

    /** A file upload: the part {@code file}, with {@code id}, {@code title_zh} … as other parts. */
    private static void upload(ObjectNode op, String status) {
        ObjectNode schema = op.putObject("requestBody").put("required", true).putObject("content")
                .putObject("multipart/form-data").putObject("schema");
        schema.put("type", "object");
        schema.putArray("required").add("file");
        ObjectNode props = schema.putObject("properties");
        props.putObject("file").put("type", "string").put("format", "binary");
        for (String field : List.of("id", "title_zh", "title_en", "encoding", "srid", "repair", "access")) props.putObject(field).put("type", "string");
        if (!status.equals("200")) {
            ObjectNode responses = (ObjectNode) op.get("responses");
            responses.set(status, responses.remove("200"));
        }
    }

    private static ObjectNode problem(String description) {
        ObjectNode r = Documents.JSON.createObjectNode();
        r.put("description", description);
        r.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        return r;
    }
}
