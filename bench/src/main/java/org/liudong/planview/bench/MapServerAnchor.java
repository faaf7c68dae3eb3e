package org.liudong.planview.bench;

import java.util.Locale;

/**
 * The anchor: MapServer 8 (Debian's cgi-mapserver as FastCGI behind lighttpd, its mapfiles written
 * by {@code ./planview bench} for the benchmark table) serving the same tiles and the same /items
 * boxes from the same table in the same run. Its rows go into the table beside the server's, with
 * the server ÷ MapServer ratios: p50 at concurrency 1 (target ≤ 1) and requests per second at
 * concurrency 8 (target ≥ 1).
 */
final class MapServerAnchor {
    private MapServerAnchor() {
    }

    /** The collections of the items mapfile (`./planview`, bench_mapserver_start): all parcels, and the CQL2 case's condition. */
    static final String ITEMS_COLLECTION = "land-parcels";
    static final String ITEMS_CQL_COLLECTION = "land-parcels-cql";

    /**
     * MapServer's own OGC API Features on the items mapfile (map alias "items"): one GeoJSON page
     * of a box in CRS84, as the server's /items. 8.0 has no filter parameter: the CQL2 case's
     * condition is a collection of its own.
     */
    static String itemsUrl(String base, String collection, String bbox, int limit) {
        return base + "/items/ogcapi/collections/" + collection + "/items?f=json&limit=" + limit + "&bbox=" + bbox;
    }

    /** MapServer's tile mode: Google-style x, y, z, the MVT output format of the generated mapfile. */
    static String tileUrl(String base, int z, int[] t) {
        return base + "?mode=tile&tilemode=gmap&tile=" + t[0] + "+" + t[1] + "+" + z + "&layers=all&map.imagetype=mvt";
    }

    static void add(ResultTable table, String kase, String side, BenchMain.ServerStats anchor, BenchMain.ServerStats server,
            String serverSide) {
        table.add(kase, side, 1, anchor.one(), "", "");
        table.add(kase, side, 8, anchor.eight(), "", "");
        addRatios(table, kase, serverSide, server, anchor);
    }

    static void addOther(ResultTable table, String kase, String side, BenchMain.ServerStats server, BenchMain.ServerStats anchor) {
        table.add(kase, side, 1, server.one(), "", "");
        table.add(kase, side, 8, server.eight(), "", "");
        addRatios(table, kase, side, server, anchor);
    }

    private static void addRatios(ResultTable table, String kase, String side, BenchMain.ServerStats server,
            BenchMain.ServerStats anchor) {
        double p50 = server.one().percentileMs(50) / anchor.one().percentileMs(50);
        double rps = server.eight().perSecond() / anchor.eight().perSecond();
        table.ratioRow(kase, side + " ÷ MapServer", ResultTable.ratio(p50, 1.0, true) + " p50 c1; "
                + ResultTable.ratio(rps, 1.0, false) + " req/s c8", "p50 ≤ 1×, req/s ≥ 1× MapServer");
        System.err.printf(Locale.ROOT, "bench: %-20s %s p50 %.2f ms vs MapServer %.2f ms; c8 %.1f vs %.1f req/s%n", kase, side,
                server.one().percentileMs(50), anchor.one().percentileMs(50), server.eight().perSecond(), anchor.eight().perSecond());
    }
}
