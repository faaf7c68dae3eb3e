package org.liudong.planview.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Before the items anchor is timed: what the server and MapServer answer for the same boxes,
 * page by page, so that the ratio compares like with like — numberMatched, the features on the
 * page and which ones, the bytes, the properties and their JSON types, the geometry type, and how
 * far apart the coordinates of the same parcel are (both sides write CRS84 longitude/latitude).
 * MapServer's pages are not ordered by id as the server's are, so where a box holds more parcels
 * than a page, the two pages hold different parcels of the same count; only boxes that fit on
 * one page are compared parcel by parcel.
 */
final class ItemsPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemsPages() {
    }

    /** Fetches every box from both sides (uncompressed) and describes the comparison in one line. */
    static String compare(String kase, BenchMain.PathFor serverUrl, BenchMain.PathFor anchorUrl, int boxes, int limit)
            throws Exception {
        int matchedEqual = 0;
        int returnedEqual = 0;
        int onOnePage = 0;
        int sameParcels = 0;
        long serverFeatures = 0;
        long anchorFeatures = 0;
        long serverBytes = 0;
        long anchorBytes = 0;
        long compared = 0;
        long coordinateCountsDiffer = 0;
        double largestDifference = 0;
        String properties = null;
        for (int i = 0; i < boxes; i++) {
            byte[] s = BenchMain.body(serverUrl.path(i));
            byte[] a = BenchMain.body(anchorUrl.path(i));
            serverBytes += s.length;
            anchorBytes += a.length;
            JsonNode server = JSON.readTree(s);
            JsonNode anchor = JSON.readTree(a);
            long matched = server.path("numberMatched").asLong(-1);
            if (matched == anchor.path("numberMatched").asLong(-2)) matchedEqual++;
            Map<String, JsonNode> serverById = byId(server);
            Map<String, JsonNode> anchorById = byId(anchor);
            serverFeatures += serverById.size();
            anchorFeatures += anchorById.size();
            if (serverById.size() == anchorById.size()) returnedEqual++;
            if (matched >= 0 && matched <= limit) {
                onOnePage++;
                if (serverById.keySet().equals(anchorById.keySet())) sameParcels++;
            }
            for (Map.Entry<String, JsonNode> e : serverById.entrySet()) {
                JsonNode other = anchorById.get(e.getKey());
                if (other == null) continue;
                compared++;
                if (properties == null) properties = properties(e.getValue(), other);
                List<Double> p = coordinates(e.getValue().path("geometry").path("coordinates"), new ArrayList<>());
                List<Double> q = coordinates(other.path("geometry").path("coordinates"), new ArrayList<>());
                if (p.size() != q.size()) {
                    coordinateCountsDiffer++;
                    continue;
                }
                for (int k = 0; k < p.size(); k++) largestDifference = Math.max(largestDifference, Math.abs(p.get(k) - q.get(k)));
            }
        }
        return String.format(Locale.ROOT, "%s, the same %d boxes from the server and from MapServer (OGC API, uncompressed): "
                        + "numberMatched equal in %d; features per page %.1f and %.1f (the same count in %d boxes); "
                        + "of the %d boxes that fit on one page (≤ %d parcels) %d hold the same parcels on both; "
                        + "KiB per page %.1f and %.1f; %d parcels on both sides compared: %s; coordinates at most %.1e° apart "
                        + "(%d parcels with a different number of coordinates)",
                kase, boxes, matchedEqual, (double) serverFeatures / boxes, (double) anchorFeatures / boxes, returnedEqual,
                onOnePage, limit, sameParcels, serverBytes / 1024.0 / boxes, anchorBytes / 1024.0 / boxes, compared,
                properties == null ? "none" : properties, largestDifference, coordinateCountsDiffer);
    }

    /** The page's Features by id as text (the server writes ids as numbers, MapServer 8.0 as strings). */
    private static Map<String, JsonNode> byId(JsonNode page) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode f : page.path("features")) out.put(f.path("id").asText(), f);
        return out;
    }

    /** Property names and JSON types of one parcel on both sides, and its geometry type on each. */
    private static String properties(JsonNode server, JsonNode anchor) {
        TreeSet<String> names = new TreeSet<>();
        server.path("properties").fieldNames().forEachRemaining(names::add);
        TreeSet<String> anchorNames = new TreeSet<>();
        anchor.path("properties").fieldNames().forEachRemaining(anchorNames::add);
        StringBuilder b = new StringBuilder();
        if (names.equals(anchorNames)) {
            b.append("the same ").append(names.size()).append(" properties");
        } else {
            b.append("properties ").append(names).append(" and ").append(anchorNames);
        }
        List<String> types = new ArrayList<>();
        for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
            String n = it.next();
            JsonNode x = server.path("properties").path(n);
            JsonNode y = anchor.path("properties").path(n);
            if (!y.isMissingNode() && x.getNodeType() != y.getNodeType()) {
                types.add(n + " " + type(x) + "/" + type(y));
            }
        }
        b.append(types.isEmpty() ? ", of the same JSON types" : ", JSON types differing in " + String.join(", ", types));
        b.append("; geometry ").append(server.path("geometry").path("type").asText()).append(" and ")
                .append(anchor.path("geometry").path("type").asText());
        return b.toString();
    }

    private static String type(JsonNode n) {
        return n.isNull() ? "null" : n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Every number of a GeoJSON coordinates array, in order (a Polygon and its one-part MultiPolygon give the same list). */
    private static List<Double> coordinates(JsonNode node, List<Double> out) {
        if (node.isNumber()) {
            out.add(node.asDouble());
        } else if (node.isArray()) {
            for (JsonNode n : node) coordinates(n, out);
        }
        return out;
    }
}
