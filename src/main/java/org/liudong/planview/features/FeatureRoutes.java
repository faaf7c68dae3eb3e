package org.liudong.planview.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.sql.SQLException;
import org.liudong.planview.auth.Access;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.ChangeMarker;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.MarkedSnapshot;
import org.liudong.planview.crs.CrsRegistry;
import org.liudong.planview.crs.SupportedCrs;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.db.Reads;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.HttpCache;
import org.liudong.planview.http.Links;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;
import org.liudong.planview.query.ItemsRequest;
import org.liudong.planview.query.ItemsSql;
import org.liudong.planview.query.PageQuery;
import org.liudong.planview.query.QueryFailures;

/**
 * OGC API – Features: landing page, conformance, OpenAPI, collections, items, one item,
 * queryables; JSON or HTML by {@code f=} or Accept. A browser asking for {@code /} gets the web map.
 */
public final class FeatureRoutes {
    /** Items are negotiated by Accept (JSON or HTML); Jetty gzips them. */
    private static final String VARY = "Accept, Accept-Encoding";
    private final Catalog catalog;
    private final ItemsResponse items;
    private final Reads reads;
    private final HttpCache cache;
    private final QueryLimit limit;
    private final Path webIndex;

    public FeatureRoutes(Reads reads, Catalog catalog, Path webDir, QueryLimit limit, HttpCache cache) {
        this.catalog = catalog;
        this.reads = reads;
        this.cache = cache;
        this.limit = limit;
        this.items = new ItemsResponse(limit);
        this.webIndex = webDir.resolve("index.html");
    }

    public void register(Javalin app) {
        app.get("/", this::landing, Access.OPEN);  // the web map itself: it offers to sign in
        app.get("/conformance", this::conformance);
        app.get("/api", this::api);
        app.get("/collections", this::collections);
        app.get("/collections/{collectionId}", this::collection);
        app.get("/collections/{collectionId}/queryables", this::queryables);
        app.get("/collections/{collectionId}/items", this::items);
        app.get("/collections/{collectionId}/items/{featureId}", this::item);
    }

    private void landing(Context ctx) {
        onlyParameters(ctx, Set.of("f"));
        Format f = Format.of(ctx);
        if (f == Format.HTML && ctx.queryParam("f") == null && Files.isRegularFile(webIndex)) {
            // The web map is the home page for people; OGC clients ask for JSON.
            ctx.contentType("text/html; charset=utf-8");
            try (InputStream in = Files.newInputStream(webIndex)) {
                ctx.result(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        answer(ctx, f, () -> Documents.landing(Links.of(ctx)), HtmlPages::landing);
    }

    private void conformance(Context ctx) {
        onlyParameters(ctx, Set.of("f"));
        answer(ctx, Format.of(ctx), Documents::conformance, HtmlPages::conformance);
    }

    private void api(Context ctx) {
        onlyParameters(ctx, Set.of("f"));
        if (Format.of(ctx) == Format.HTML && "html".equalsIgnoreCase(ctx.queryParam("f"))) {
            html(ctx, HtmlPages.api());
            return;
        }
        ctx.contentType(Documents.OPENAPI);
        ctx.result(Text.utf8(OpenApiDocument.build(Links.of(ctx), catalog, Caller.of(ctx)).toString()));
    }

    private void collections(Context ctx) {
        onlyParameters(ctx, Set.of("f"));
        Caller caller = Caller.of(ctx);
        answer(ctx, Format.of(ctx), () -> Documents.collections(Links.of(ctx), catalog, caller, english(ctx)),
                () -> HtmlPages.collections(catalog, caller));
    }

    private void collection(Context ctx) {
        onlyParameters(ctx, Set.of("f"));
        CollectionInfo c = collectionOf(ctx);
        answer(ctx, Format.of(ctx), () -> Documents.collection(Links.of(ctx), catalog, c, english(ctx)),
                () -> HtmlPages.collection(catalog, c));
    }

    private void queryables(Context ctx) {
        onlyParameters(ctx, Set.of("f"));
        CollectionInfo c = collectionOf(ctx);
        Format f = Format.of(ctx);
        if (f == Format.HTML) {
            html(ctx, HtmlPages.queryables(c));
            return;
        }
        ctx.contentType("application/schema+json");
        ctx.result(Text.utf8(Documents.queryables(Links.of(ctx), c, english(ctx)).toString()));
    }

    private void items(Context ctx) {
        CollectionInfo c = versionOf(ctx);
        Format f = Format.of(ctx);
        ItemsRequest r = ItemsRequest.parse(c, ctx.queryParamMap());
        if (f == Format.HTML && r.crs() != CrsRegistry.CRS84) {
            throw Problem.badRequest("parameter crs: the HTML page shows CRS84 only; use f=json");
        }
        PageQuery query = ItemsSql.page(c, r);
        // Only a conditional request can be answered 304; any other sends its page with the marker.
        SqlStatement sendAlong = ctx.header("If-None-Match") == null ? query.statement() : null;
        ItemsResponse.Page page;
        try (MarkedSnapshot read = MarkedSnapshot.open(reads.of(ctx), reads.primary(), c.id(), sendAlong, limit,
                ItemsResponse.FETCH_SIZE)) {
            if (cache.answer(ctx, c.internal(), read.marker(), f + " " + c.version(), VARY)) return;
            if (f != Format.HTML) {
                items.geoJson(read, query, ctx, c, r);
                return;
            }
            page = items.page(read, query, c, r);
        } catch (SQLException e) {
            throw QueryFailures.problem(e, "items of " + c.id());
        }
        html(ctx, HtmlPages.items(c, r, page));
    }

    private void item(Context ctx) {
        onlyParameters(ctx, Set.of("f", "crs", "version"));
        CollectionInfo c = versionOf(ctx);
        Format f = Format.of(ctx);
        String featureId = ctx.pathParam("featureId");
        SupportedCrs crs = ctx.queryParam("crs") == null ? CrsRegistry.CRS84 : CrsRegistry.find(ctx.queryParam("crs"))
                .orElseThrow(() -> Problem.badRequest("parameter crs: '" + Text.shorten(ctx.queryParam("crs"))
                        + "' is not a supported CRS"));
        if (f == Format.HTML) crs = CrsRegistry.CRS84;
        ChangeMarker.Read from = source(ctx, c);
        if (cache.answer(ctx, c.internal(), from.marker(), f + " " + c.version(), VARY)) return;
        String feature = items.item(from.ds(), c, featureId, crs);
        if (f == Format.HTML) {
            try {
                html(ctx, HtmlPages.item(c, (ObjectNode) Documents.JSON.readTree(feature)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        ctx.header("Content-Crs", "<" + crs.uri() + ">");
        ctx.contentType(Documents.GEOJSON);
        ctx.result(Text.utf8(ItemsResponse.withItemLinks(feature, Links.of(ctx), c, featureId)));
    }

    /** The request's read database and the marker for its ETag (Jetty's gzip marks the tag of a compressed answer itself). */
    private ChangeMarker.Read source(Context ctx, CollectionInfo c) {
        try {
            return ChangeMarker.where(reads.of(ctx), reads.primary(), c.id());
        } catch (SQLException e) {
            throw QueryFailures.problem(e, "features of " + c.id());
        }
    }

    private CollectionInfo collectionOf(Context ctx) {
        return catalog.require(ctx.pathParam("collectionId"), Caller.of(ctx));
    }

    /** The collection at the version the request names ({@code version=}), by default its current data. */
    private CollectionInfo versionOf(Context ctx) {
        return catalog.require(ctx.pathParam("collectionId"), Caller.of(ctx), ctx.queryParam("version"));
    }

    private static void onlyParameters(Context ctx, Set<String> allowed) {
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw Problem.badRequest("unknown parameter '" + Text.shorten(e.getKey()) + "'; this resource takes "
                        + String.join(", ", allowed));
            }
            if (e.getValue().size() > 1) throw Problem.badRequest("parameter " + e.getKey() + ": given more than once");
        }
    }

    private static void answer(Context ctx, Format f, java.util.function.Supplier<JsonNode> json,
                               java.util.function.Supplier<String> page) {
        if (f == Format.HTML) {
            html(ctx, page.get());
        } else {
            ctx.contentType("application/json");
            ctx.result(Text.utf8(json.get().toString()));
        }
    }

    private static void html(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(Text.utf8(page));
    }

    /** English when the client prefers it (Accept-Language), Chinese otherwise. */
    static boolean english(Context ctx) {
        String lang = ctx.header("Accept-Language");
        return lang != null && lang.trim().toLowerCase(Locale.ROOT).startsWith("en");
    }
}
