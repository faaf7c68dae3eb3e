package org.liudong.planview.tiles;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.config.ConfigException;
import org.liudong.planview.config.Settings;
import org.liudong.planview.config.TileCacheSettings;
import org.liudong.planview.db.Database;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.http.Problem;

/**
 * {@code ./planview tiles seed --collection ID --zooms 14-16 --bbox lon1,lat1,lon2,lat2 [--threads N]}:
 * cuts the tiles of an area into the tile cache ahead of the first map view, on the server's
 * database (the same settings, so the same cache every server reads). Tiles already cached at the
 * table's current generation are left alone, so a second seed of the same area cuts nothing.
 */
public final class TileSeedCommand {
    private static final String USAGE = """
            usage: ./planview tiles seed --collection ID --zooms Z1-Z2 --bbox MINLON,MINLAT,MAXLON,MAXLAT [--threads N]
              cuts every tile of the collection in the box (WGS 84 longitude/latitude) at zooms Z1…Z2 into
              the tile cache (PLANVIEW_TILE_CACHE_MB bounds it); tiles already cached and current are skipped""";
    /** More than this is a mistake in the box or the zooms, not a seed. */
    static final long MAX_TILES = 2_000_000;

    /** What a seed did: tiles cut and kept, already cached, not cacheable (cut only). */
    record Result(long cut, long alreadyCached, long notCacheable) {
        long total() {
            return cut + alreadyCached + notCacheable;
        }
    }

    private TileSeedCommand() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("seed")) fail(USAGE);
        String id = null;
        String zooms = null;
        String bbox = null;
        int threads = 2;
        for (int i = 1; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--collection" -> id = v;
                case "--zooms" -> zooms = v;
                case "--bbox" -> bbox = v;
                case "--threads" -> threads = v != null && v.matches("[1-9]\\d?") ? Integer.parseInt(v) : -1;
                default -> fail("planview tiles: unknown argument '" + args[i] + "'\n" + USAGE);
            }
            i++;
        }
        if (id == null || zooms == null || bbox == null || threads < 1) fail(USAGE);
        int[] z = zoomRange(zooms);
        double[] box = box(bbox);
        Settings settings;
        try {
            settings = Settings.fromEnvironment();
        } catch (ConfigException e) {
            fail("planview: " + e.getMessage());
            return;
        }
        if (!settings.tileCache().enabled()) fail("planview tiles: the tile cache is off (PLANVIEW_TILE_CACHE_MB=0)");
        try (HikariDataSource pool = Database.pool(settings.database(), threads + 1)) {
            Database.migrate(pool);
            long t0 = System.nanoTime();
            Result r = seed(pool, new Catalog(pool), settings.tileCache(), new QueryLimit(settings.pool().queryTimeoutSeconds()), id,
                    z[0], z[1], box, threads);
            System.out.printf(Locale.ROOT, "planview tiles: %s zooms %d–%d: %,d tiles — %,d cut and cached, %,d already cached, "
                    + "%,d cut but not cacheable; %.1f s%n", id, z[0], z[1], r.total(), r.cut(), r.alreadyCached(), r.notCacheable(),
                    (System.nanoTime() - t0) / 1e9);
        } catch (Problem e) {
            fail("planview tiles: " + e.detail());
        }
    }

    /** Seeds the tiles of a box (lon/lat) at zooms zMin…zMax. */
    static Result seed(DataSource ds, Catalog catalog, TileCacheSettings settings, QueryLimit limit, String id, int zMin, int zMax,
            double[] box, int threads) {
        CollectionInfo c = catalog.require(id, Caller.SYSTEM);
        TileRenderer renderer = new TileRenderer(ds, limit, TileRenderer.onePerCore());
        TileCache cache = new TileCache(ds, settings);
        List<int[]> tiles = new ArrayList<>();
        for (int z = Math.max(zMin, c.tiles().minZoom()); z <= zMax; z++) {
            int[] lo = TileCoordinates.of(box[0], box[3], z);
            int[] hi = TileCoordinates.of(box[2], box[1], z);
            if (tiles.size() + (long) (hi[0] - lo[0] + 1) * (hi[1] - lo[1] + 1) > MAX_TILES) {
                throw Problem.badRequest("more than " + MAX_TILES + " tiles in that box and zoom range; seed a smaller area");
            }
            for (int x = lo[0]; x <= hi[0]; x++) for (int y = lo[1]; y <= hi[1]; y++) tiles.add(new int[] {z, x, y});
        }
        AtomicLong cut = new AtomicLong();
        AtomicLong cached = new AtomicLong();
        AtomicLong bypass = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int[] t : tiles) {
                work.add(pool.submit(() -> {
                    TileCache.Lookup l = cache.lookup(c, t[0], t[1], t[2]);
                    if (l.hit() != null) {
                        cached.incrementAndGet();
                        return;
                    }
                    TileRenderer.Cut tile = renderer.render(c, t[0], t[1], t[2]);
                    if (!l.cacheable() || !tile.cacheable()) {
                        bypass.incrementAndGet();
                        return;
                    }
                    byte[] mvt = tile.mvt();
                    cache.store(l, c, t[0], t[1], t[2], mvt.length == 0 ? "" : TileBytes.hash(mvt),
                            mvt.length == 0 ? new byte[0] : TileBytes.gzip(mvt));
                    cut.incrementAndGet();
                }));
            }
            for (Future<?> f : work) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(cut.get(), cached.get(), bypass.get());
    }

    static int[] zoomRange(String text) {
        if (text == null || !text.matches("\\d{1,2}(-\\d{1,2})?")) fail("planview tiles: --zooms wants Z or Z1-Z2, e.g. 14-16");
        String[] p = text.split("-");
        int a = Integer.parseInt(p[0]);
        int b = Integer.parseInt(p[p.length - 1]);
        if (a > b || b > 22) fail("planview tiles: --zooms " + text + ": want Z1 ≤ Z2 ≤ 22");
        return new int[] {a, b};
    }

    static double[] box(String text) {
        String[] p = text == null ? new String[0] : text.split(",");
        if (p.length != 4) fail("planview tiles: --bbox wants MINLON,MINLAT,MAXLON,MAXLAT");
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) b[i] = Double.parseDouble(p[i].trim());
        } catch (NumberFormatException e) {
            fail("planview tiles: --bbox " + text + ": not four numbers");
        }
        if (b[0] > b[2] || b[1] > b[3] || b[0] < -180 || b[2] > 180 || b[1] < -85.06 || b[3] > 85.06) {
            fail("planview tiles: --bbox " + text + ": want MINLON ≤ MAXLON in −180…180 and MINLAT ≤ MAXLAT in −85.06…85.06");
        }
        return b;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
