package org.liudong.planview;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.config.ConfigException;
import org.liudong.planview.config.ServerSettings;
import org.liudong.planview.config.Settings;
import org.liudong.planview.db.Database;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.gisdata.GisDataLoader;
import org.liudong.planview.exchange.ExchangeRoutes;
import org.liudong.planview.features.FeatureRoutes;
import org.liudong.planview.health.HealthRoutes;
import org.liudong.planview.http.ErrorHandling;
import org.liudong.planview.tiles.OverviewRefresher;
import org.liudong.planview.tiles.TileRoutes;
import org.liudong.planview.web.QueryTotalsRoutes;
import org.liudong.planview.web.WebConfigRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring only: settings → pool → migrations → data → routes → server. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final HikariDataSource pool;
    private final Javalin server;
    private final OverviewRefresher overviews;

    private App(HikariDataSource pool, Javalin server, OverviewRefresher overviews) {
        this.pool = pool;
        this.server = server;
        this.overviews = overviews;
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Settings settings;
        try {
            settings = Settings.fromEnvironment();
        } catch (ConfigException e) {
            System.err.println("planview: " + e.getMessage());
            System.exit(2);
            return;
        }
        App app = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        log.info("Liudong Planning Viewer ready in {} ms at http://{}:{}/", (System.nanoTime() - started) / 1_000_000,
                settings.server().host(), app.port());
    }

    public static App start(Settings settings) {
        HikariDataSource pool = Database.pool(settings.database(), settings.pool().size());
        try {
            long t0 = System.nanoTime();
            Database.migrate(pool);
            long t1 = System.nanoTime();
            GisDataLoader.loadIfEmpty(pool, settings.data().gisDataDir(), settings.data().syntheticParcels());
            long t2 = System.nanoTime();
            ServerSettings web = settings.server();
            Javalin server = Javalin.create(config -> {
                config.showJavalinBanner = false;
                // Fastest level: at level 6 compressing a 1,000-parcel page cost about as much as
                // PostGIS writing it (benchmark); level 1 still shrinks GeoJSON about sixfold.
                config.http.gzipOnlyCompression(1);
                ExchangeRoutes.configureUploads(config.jetty.multipartConfig, settings.exchange());
                if (Files.isDirectory(web.webDir())) {
                    config.staticFiles.add(files -> {
                        files.hostedPath = "/";
                        files.directory = web.webDir().toString();
                        files.location = Location.EXTERNAL;
                    });
                }
            });
            ErrorHandling.install(server);
            new HealthRoutes(pool).register(server);
            Catalog catalog = new Catalog(pool);
            QueryLimit queryLimit = new QueryLimit(settings.pool().queryTimeoutSeconds());
            new FeatureRoutes(pool, catalog, web.webDir(), queryLimit).register(server);
            new TileRoutes(pool, catalog, queryLimit).register(server);
            new ExchangeRoutes(pool, catalog, settings.database(), settings.auth(), settings.exchange()).register(server);
            new WebConfigRoutes(pool, catalog, web).register(server);
            new QueryTotalsRoutes(pool, catalog, queryLimit).register(server);
            new org.liudong.planview.indicators.IndicatorRoutes(pool).register(server);
            server.start(web.host(), web.port());
            OverviewRefresher overviews = new OverviewRefresher(pool, catalog).start(settings.data().overviewCheckSeconds());
            // Start-up time is a benchmark target: say where it goes.
            log.info("start-up: migrations {} ms, data check {} ms, catalogue and HTTP {} ms", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            return new App(pool, server, overviews);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        overviews.close();
        server.stop();
        pool.close();
    }
}
