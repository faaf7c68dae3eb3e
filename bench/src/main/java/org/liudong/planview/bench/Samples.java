package org.liudong.planview.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Seeded places to ask about: parcel ids, parcel centres, and boxes around them holding about so many parcels. */
final class Samples {
    /** A box around a parcel centre: the count of parcels it holds, for calibrating its size. */
    static final String COUNT_IN_BOX = "SELECT count(*) FROM land_parcel WHERE ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4490))";

    private Samples() {
    }

    static long scalarLong(HikariDataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Seeded parcel ids: the same ids on every run over the same data. */
    static List<Long> ids(HikariDataSource db, long seed, int n) throws Exception {
        long min = scalarLong(db, "SELECT min(id) FROM land_parcel");
        long max = scalarLong(db, "SELECT max(id) FROM land_parcel");
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(min + rnd.nextLong(max - min + 1));
        return ids;
    }

    /** Centres of parcels (lon, lat): boxes and tiles fall where parcels are, as a planner's view would. */
    static List<double[]> centres(HikariDataSource db, List<Long> ids) throws Exception {
        List<double[]> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p "
                     + "FROM land_parcel WHERE id >= ? ORDER BY id LIMIT 1) s")) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) out.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
                }
            }
        }
        return out;
    }

    /** The box half-size (degrees) whose median count over a few centres is near {@code target} parcels. */
    static double halfSizeFor(HikariDataSource db, List<double[]> centres, int target) throws Exception {
        double lo = 0.0005;
        double hi = 0.2;
        for (int step = 0; step < 18; step++) {
            double mid = Math.sqrt(lo * hi);
            List<Long> counts = new ArrayList<>();
            for (double[] c : centres.subList(0, Math.min(9, centres.size()))) {
                String[] b = bbox(c, mid).split(",");
                try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(COUNT_IN_BOX)) {
                    for (int k = 0; k < 4; k++) ps.setDouble(k + 1, Double.parseDouble(b[k]));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.add(rs.getLong(1));
                    }
                }
            }
            counts.sort(Long::compare);
            long median = counts.get(counts.size() / 2);
            if (median < target) lo = mid; else hi = mid;
        }
        return Math.sqrt(lo * hi);
    }

    static String bbox(double[] c, double half) {
        return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", c[0] - half, c[1] - half, c[0] + half, c[1] + half);
    }
}
