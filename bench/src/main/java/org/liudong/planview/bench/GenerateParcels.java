package org.liudong.planview.bench;

import java.sql.Connection;
import org.liudong.planview.config.DatabaseSettings;
import org.liudong.planview.config.Settings;
import org.liudong.planview.db.Database;
import org.liudong.planview.gisdata.GisDataLoader;
import org.liudong.planview.gisdata.ParcelGenerator;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Command line: replace the synthetic parcels with {@code --count N} of them (the benchmark asks
 * for 1,000,000). The database comes from DATABASE_URL or the PG* variables, as for the server.
 * If the planning layers are not loaded yet they are loaded first from PLANVIEW_GIS_DATA
 * (default ./gis-data). Progress goes to stderr.
 */
public final class GenerateParcels {
    private GenerateParcels() {
    }

    public static void main(String[] args) throws Exception {
        int count = GisDataLoader.DEMO_PARCELS;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--count") && i + 1 < args.length) {
                count = parseCount(args[++i]);
            } else if (args[i].startsWith("--count=")) {
                count = parseCount(args[i].substring("--count=".length()));
            } else {
                System.err.println("usage: GenerateParcels --count N");
                System.exit(2);
            }
        }
        Settings settings = Settings.fromEnvironment();
        long t0 = System.nanoTime();
        // Not the server's pool: its 300 s socket timeout is for web requests, and one step of a
        // million-parcel run can take longer on a busy machine.
        PGSimpleDataSource ds = dataSource(settings.database());
        Database.migrate(ds);
        GisDataLoader.loadIfEmpty(ds, settings.data().gisDataDir(), 0);
        ConsoleProgress bar = new ConsoleProgress("synthetic parcels", count);
        int n;
        try (Connection c = ds.getConnection()) {
            n = ParcelGenerator.generate(c, count, bar);
        }
        bar.done();
        System.err.printf("%d parcels in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }

    private static PGSimpleDataSource dataSource(DatabaseSettings db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(db.user());
        if (db.password() != null) ds.setPassword(db.password());
        ds.setTcpKeepAlive(true);
        return ds;
    }

    private static int parseCount(String s) {
        try {
            int n = Integer.parseInt(s.replace("_", "").replace(",", ""));
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            System.err.println("--count needs a whole number >= 0, not " + s);
            System.exit(2);
            return 0;
        }
    }
}
