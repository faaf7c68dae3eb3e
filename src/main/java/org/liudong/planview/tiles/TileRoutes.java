package org.liudong.planview.tiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.ChangeMarker;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.catalog.TileOverview;
import org.liudong.planview.config.TileCacheSettings;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.db.Reads;
import org.liudong.planview.http.HttpCache;
import org.liudong.planview.http.Links;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;
import org.liudong.planview.query.QueryFailures;

/**
 * Vector tiles of every collection in the WebMercatorQuad tile matrix set, and their TileJSON.
 * Tiles carry the caching headers of {@link HttpCache} (an ETag from the collection's change
 * marker, so a revalidation is answered before the tile is cut) and are gzipped here when the
 * client accepts it; an empty tile is a 204. A tile is cut once per change of its data and then
 * served from the tile cache (TileCache), which says so in {@code X-Tile-Cache}.
 */
public final class TileRoutes {
    static final String MVT = "application/vnd.mapbox-vector-tile";
    private static final int MAX_ZOOM = 24;
    private static final ObjectMapper json = new ObjectMapper();
    /** Whether the tile came from the tile cache ({@code hit}), was cut and kept ({@code miss}), or cut only ({@code bypass}). */
    static final String CACHE_HEADER = "X-Tile-Cache";
    private final Reads reads;
    private final Catalog catalog;
    private final QueryLimit limit;
    private final HttpCache httpCache;
    private final TileCache cache;
    /** One tile cut from the rows per core at once, across this server's requests (TileRenderer). */
    private final java.util.concurrent.Semaphore cutting = TileRenderer.onePerCore();

    /** The tile cache lives in the primary (an UNLOGGED table a replica does not have). */
    public TileRoutes(Reads reads, Catalog catalog, QueryLimit limit, HttpCache httpCache, TileCacheSettings cacheSettings) {
        this.reads = reads;
        this.catalog = catalog;
        this.limit = limit;
        this.httpCache = httpCache;
        this.cache = new TileCache(reads.primary(), cacheSettings);
    }

    public void register(Javalin app) {
        app.get("/collections/{collectionId}/tiles", this::tilesets);
        app.get("/collections/{collectionId}/tiles/WebMercatorQuad", this::tileJson);
        app.get("/collections/{collectionId}/tiles/WebMercatorQuad/{z}/{y}/{x}", this::tile);
    }

    private CollectionInfo collectionOf(Context ctx) {
        return catalog.require(ctx.pathParam("collectionId"), Caller.of(ctx));
    }

    private void tilesets(Context ctx) {
        CollectionInfo c = collectionOf(ctx);
        Links links = Links.of(ctx);
        String base = "/collections/" + Links.segment(c.id()) + "/tiles";
        ObjectNode doc = json.createObjectNode();
        ArrayNode sets = doc.putArray("tilesets");
        ObjectNode set = sets.addObject();
        set.put("title", c.texts().titleZh() + " · " + c.texts().titleEn());
        set.put("dataType", "vector");
        set.put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
        set.put("tileMatrixSetURI", "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
        ArrayNode l = set.putArray("links");
        l.addObject().put("href", links.url(base + "/WebMercatorQuad")).put("rel", "self").put("type", "application/json")
                .put("title", "TileJSON");
        l.addObject().put("href", links.url(base + "/WebMercatorQuad/{z}/{y}/{x}")).put("rel", "item").put("type", MVT)
                .put("templated", true);
        cors(ctx);
        ctx.contentType("application/json");
        ctx.result(Text.utf8(doc.toString()));
    }

    /** TileJSON 3.0.0: what OpenLayers, MapLibre and QGIS need to add the layer. */
    private void tileJson(Context ctx) {
        CollectionInfo c = collectionOf(ctx);
        Links links = Links.of(ctx);
        ObjectNode doc = json.createObjectNode();
        doc.put("tilejson", "3.0.0");
        doc.put("name", c.texts().titleZh() + " · " + c.texts().titleEn());
        if (c.texts().descriptionZh() != null) doc.put("description", c.texts().descriptionZh() + (c.texts().caveatZh() == null ? "" : " " + c.texts().caveatZh()));
        doc.put("version", "1.0.0");
        doc.put("attribution", c.texts().caveatZh() == null ? "柳东新区规划一张图" : "柳东新区规划一张图 · " + c.texts().caveatZh() + " / " + c.texts().caveatEn());
        doc.put("scheme", "xyz");
        doc.putArray("tiles").add(links.url("/collections/" + Links.segment(c.id()) + "/tiles/WebMercatorQuad/{z}/{y}/{x}"));
        int maxZoom = Math.min(c.tiles().maxZoom(), 20);
        doc.put("minzoom", c.tiles().minZoom());
        doc.put("maxzoom", maxZoom);
        Optional<double[]> extent = catalog.extent(c);
        double[] b = extent.orElse(new double[] {-180, -85.0511, 180, 85.0511});
        doc.putArray("bounds").add(b[0]).add(b[1]).add(b[2]).add(b[3]);
        doc.putArray("center").add((b[0] + b[2]) / 2).add((b[1] + b[3]) / 2).add(Math.max(c.tiles().minZoom(), 11));
        ObjectNode layer = doc.putArray("vector_layers").addObject();
        layer.put("id", c.id());
        TileOverview overview = c.tiles().overview();
        // Below the overview zoom the layer holds grid cells (V7): the land use with most area, and counts.
        layer.put("description", c.texts().titleZh() + " · " + c.texts().titleEn() + (overview == null ? ""
                : "; z<" + overview.belowZoom() + ": 网格概览 / grid overview (overview=true)"));
        layer.put("minzoom", c.tiles().minZoom());
        layer.put("maxzoom", maxZoom);
        ObjectNode fields = layer.putObject("fields");
        for (String name : c.tiles().properties()) {
            c.property(name).ifPresent(p -> fields.put(name, fieldType(p)));
        }
        fields.put("id", fieldType(c.idProperty()));
        if (overview != null) {
            for (PropertyInfo p : overview.properties()) if (!fields.has(p.name())) fields.put(p.name(), fieldType(p));
            fields.put("overview", "Boolean");
        }
        cors(ctx);
        ctx.contentType("application/json");
        ctx.result(Text.utf8(doc.toString()));
    }

    /** A property's type as TileJSON's vector_layers name it. */
    private static String fieldType(PropertyInfo p) {
        String t = p.type().jsonSchemaType();
        return t.equals("string") ? "String" : t.equals("boolean") ? "Boolean" : "Number";
    }

    private void tile(Context ctx) {
        // A past version (version=n) is cut from its kept rows; the current data by default.
        CollectionInfo c = catalog.require(ctx.pathParam("collectionId"), Caller.of(ctx), ctx.queryParam("version"));
        if (!ctx.queryParamMap().keySet().stream().allMatch("version"::equals)) {
            throw Problem.badRequest("a tile takes no query parameters but version; got "
                    + Text.shorten(String.join(", ", ctx.queryParamMap().keySet())));
        }
        int z = coordinate(ctx.pathParam("z"), "z", MAX_ZOOM);
        long n = 1L << z;
        int x = coordinate(ctx.pathParam("x"), "x", n - 1);
        int y = coordinate(ctx.pathParam("y"), "y", n - 1);
        cors(ctx);
        // One database for the marker and the tile, the marker first: it never claims newer rows than the tile holds.
        ChangeMarker.Read from;
        try {
            from = ChangeMarker.where(reads.of(ctx), reads.primary(), c.id());
        } catch (SQLException e) {
            throw QueryFailures.problem(e, "tile " + z + "/" + y + "/" + x + " of " + c.id());
        }
        DataSource ds = from.ds();
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        String variant = "mvt " + c.version() + (gzip ? " gzip" : "");
        if (httpCache.answer(ctx, c.internal(), from.marker(), variant, "Accept-Encoding")) return;
        if (z < c.tiles().minZoom()) {
            ctx.status(204);  // below the layer's minimum zoom: drawn from coarser layers, not from millions of parcels
            return;
        }
        boolean onPrimary = ds == reads.primary();
        TileCache.Lookup cached = cache.lookup(c, z, x, y);
        byte[] gzipped;
        byte[] mvt = null;
        if (cached.hit() != null) {
            gzipped = cached.hit().gzipped();
            ctx.header(CACHE_HEADER, "hit");
        } else {
            TileRenderer.Cut cut = new TileRenderer(ds, limit, cutting).render(c, z, x, y);
            mvt = cut.mvt();
            gzipped = mvt.length == 0 ? new byte[0] : TileBytes.gzip(mvt);
            // A tile cut on a replica may be older than the primary's generation it would be kept under:
            // only the primary's cuts (and the seed command's) fill the cache; a replica's are served as cut.
            boolean keep = cut.cacheable() && cached.cacheable() && onPrimary;
            if (keep) cache.store(cached, c, z, x, y, mvt.length == 0 ? "" : TileBytes.hash(mvt), gzipped);
            ctx.header(CACHE_HEADER, keep ? "miss" : "bypass");
        }
        if (gzipped.length == 0) {
            ctx.status(204);
            return;
        }
        ctx.contentType(MVT);
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(gzipped);
        } else {
            ctx.result(mvt != null ? mvt : TileBytes.gunzip(gzipped));
        }
    }

    private static int coordinate(String text, String name, long max) {
        if (text == null || !text.matches("\\d{1,9}")) {
            throw Problem.badRequest("tile " + name + ": '" + Text.shorten(String.valueOf(text)) + "' is not a whole number");
        }
        long v = Long.parseLong(text);
        if (v > max) throw Problem.badRequest("tile " + name + ": " + v + " is out of range 0…" + max);
        return (int) v;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equalsIgnoreCase("gzip")) {
                return !(p.length > 1 && p[1].trim().replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

    /** Tiles and TileJSON are public data, read by map clients from any origin. */
    private static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "ETag, Content-Crs");
    }
}
