package org.liudong.planview;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import javax.sql.DataSource;
import java.util.List;
import org.liudong.planview.accounts.AccessGate;
import org.liudong.planview.accounts.CollectionAccessRoutes;
import org.liudong.planview.accounts.SessionRoutes;
import org.liudong.planview.accounts.UserRoutes;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.audit.AuditRoutes;
import org.liudong.planview.audit.ReadAudit;
import org.liudong.planview.auth.Accounts;
import org.liudong.planview.auth.ApiTokens;
import org.liudong.planview.auth.Authenticator;
import org.liudong.planview.auth.LoginThrottle;
import org.liudong.planview.auth.Sessions;
import org.liudong.planview.analysis.AnalysisRoutes;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.config.AuthSettings;
import org.liudong.planview.config.ConfigException;
import org.liudong.planview.config.ServerSettings;
import org.liudong.planview.config.Settings;
import org.liudong.planview.db.Database;
import org.liudong.planview.db.OutageGate;
import org.liudong.planview.db.QueryLimit;
import org.liudong.planview.db.ReadRouting;
import org.liudong.planview.db.Reads;
import org.liudong.planview.gisdata.GisDataLoader;
import org.liudong.planview.exchange.ExchangeRoutes;
import org.liudong.planview.features.FeatureRoutes;
import org.liudong.planview.features.StyleRoutes;
import org.liudong.planview.health.HealthRoutes;
import org.liudong.planview.http.ErrorHandling;
import org.liudong.planview.http.HttpCache;
import org.liudong.planview.http.RouteList;
import org.liudong.planview.places.NamedPlaceRoutes;
import org.liudong.planview.tiles.OverviewRefresher;
import org.liudong.planview.tiles.TileRoutes;
import org.liudong.planview.versions.LayerVersions;
import org.liudong.planview.versions.VersionRoutes;
import org.liudong.planview.web.PrintLogRoutes;
import org.liudong.planview.web.QueryTotalsRoutes;
import org.liudong.planview.web.WebConfigRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring only: settings → pool → migrations → data → routes → server. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final HikariDataSource pool;
    private final OutageGate database;
    private final ExchangeRoutes exchange;
    private final Javalin server;
    private final OverviewRefresher overviews;
    private final RouteList routes;
    private final ReadRouting replicas;

    private App(HikariDataSource pool, OutageGate database, ExchangeRoutes exchange, Javalin server, OverviewRefresher overviews,
                RouteList routes, ReadRouting replicas) {
        this.pool = pool;
        this.replicas = replicas;
        this.database = database;
        this.exchange = exchange;
        this.server = server;
        this.overviews = overviews;
        this.routes = routes;
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
        // Requests get their connections through the gate: while the database is away they hear so at once.
        OutageGate database = new OutageGate(pool);
        ExchangeRoutes exchange = null;
        // Reads of items, tiles, statistics and exports may go to read replicas; everything else stays on the primary.
        ReadRouting replicas = ReadRouting.open(database, settings.reads(), settings.pool().size());
        try {
            long t0 = System.nanoTime();
            Database.migrate(pool);
            long t1 = System.nanoTime();
            GisDataLoader.loadIfEmpty(pool, settings.data().gisDataDir(), settings.data().syntheticParcels());
            long t2 = System.nanoTime();
            ServerSettings web = settings.server();
            AuditLog audit = new AuditLog(database, settings.audit().logPublicReads());
            audit.checkSealed();
            Catalog catalog = new Catalog(database);
            LayerVersions versions = new LayerVersions(database, settings.versions().keep());
            Reads reads = new Reads(replicas, settings.auth().secureCookies());
            exchange = new ExchangeRoutes(database, catalog, settings.database(), settings.exchange(), versions, audit, reads,
                    settings.reads().maxLag());
            ExchangeRoutes uploads = exchange;
            RouteList routes = new RouteList();
            Javalin server = Javalin.create(config -> {
                config.showJavalinBanner = false;
                routes.listenTo(config);
                // Fastest level: at level 6 compressing a 1,000-parcel page cost about as much as
                // PostGIS writing it (benchmark); level 1 still shrinks GeoJSON about sixfold.
                config.http.gzipOnlyCompression(1);
                uploads.configureUploads(config.jetty.multipartConfig);
                ErrorHandling.configureJetty(config.jetty, web.host(), web.port(), web.headerTimeoutSeconds());
                if (Files.isDirectory(web.webDir())) {
                    config.staticFiles.add(files -> {
                        files.hostedPath = "/";
                        files.directory = web.webDir().toString();
                        files.location = Location.EXTERNAL;
                    });
                }
            });
            ErrorHandling.install(server);
            installAccess(server, database, settings.auth(), audit, catalog);
            replicas.start();
            reads.install(server);
            new HealthRoutes(database, replicas).register(server);
            QueryLimit queryLimit = new QueryLimit(settings.pool().queryTimeoutSeconds());
            HttpCache cache = new HttpCache(settings.auth().anonymousRead(), settings.audit().logPublicReads(),
                    settings.server().cacheMaxAgeSeconds());
            new FeatureRoutes(reads, catalog, web.webDir(), queryLimit, cache).register(server);
            new TileRoutes(reads, catalog, queryLimit, cache, settings.tileCache()).register(server);
            exchange.register(server);
            new VersionRoutes(database, catalog, versions, audit).register(server);
            new WebConfigRoutes(database, catalog, web).register(server);
            new QueryTotalsRoutes(reads, catalog, queryLimit).register(server);
            new PrintLogRoutes(catalog, audit).register(server);
            new StyleRoutes(catalog).register(server);
            new org.liudong.planview.indicators.IndicatorRoutes(database).register(server);
            new AnalysisRoutes(database, reads, catalog, queryLimit, settings, exchange.workDirs(), audit).register(server);
            new NamedPlaceRoutes(database).register(server);
            server.start();
            OverviewRefresher overviews = new OverviewRefresher(database, catalog).start(settings.data().overviewCheckSeconds());
            // Start-up time is a benchmark target: say where it goes.
            log.info("start-up: migrations {} ms, data check {} ms, catalogue and HTTP {} ms", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            return new App(pool, database, exchange, server, overviews, routes, replicas);
        } catch (RuntimeException e) {
            if (exchange != null) exchange.close();
            replicas.close();
            database.close();
            pool.close();
            throw e;
        }
    }

    /**
     * Who is asking, and what they may do: the gate before every route, signing in, accounts, the
     * audit trail. Before any other route is registered (tests that serve a few routes call it too).
     */
    public static void installAccess(Javalin server, DataSource pool, AuthSettings auth, AuditLog audit, Catalog catalog) {
        Accounts accounts = new Accounts(pool);
        Sessions sessions = new Sessions(pool, auth.sessionLifetime());
        ApiTokens tokens = new ApiTokens(pool);
        LoginThrottle throttle = new LoginThrottle(pool, auth);
        new AccessGate(new Authenticator(accounts, sessions, tokens, throttle, auth.editorTokens()), audit, auth.anonymousRead(),
                auth.failureWindow())
                .install(server);
        new ReadAudit(catalog, audit).install(server);
        new SessionRoutes(accounts, sessions, tokens, throttle, audit, auth.anonymousRead(), auth.secureCookies()).register(server);
        new UserRoutes(accounts, audit).register(server);
        new CollectionAccessRoutes(catalog, audit).register(server);
        new AuditRoutes(pool).register(server);
    }

    /** Every registered endpoint with its declared access: for the tests that walk them all. */
    public List<RouteList.Route> routes() {
        return routes.all();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        overviews.close();
        server.stop();
        exchange.close();
        replicas.close();
        database.close();
        pool.close();
    }
}
