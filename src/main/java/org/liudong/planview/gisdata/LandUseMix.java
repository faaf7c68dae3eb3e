package org.liudong.planview.gisdata;

import java.util.List;
import java.util.Map;

/**
 * What the synthetic parcels of each planning area are used for, and how big and how far
 * developed they are. Keys are planning_area ids: a park or cluster, or a zone for the land of
 * the zone outside any park or cluster.
 *
 * <p>The mixes follow each area's function as the texts put it (clusters are manufacturing
 * land with logistics and protective green; 科教创业园 is mostly education and research …).
 * They are judgement, not data; gis-data/README.md says so.
 */
final class LandUseMix {
    private LandUseMix() {
    }

    record Share(String landUseCode, int percent) {
    }

    /**
     * @param sizeWeight relative parcel size (industrial land comes in big lots)
     * @param soldShare  share of the non-reserved, non-public parcels already sold (已出让)
     */
    record AreaProfile(double sizeWeight, double soldShare, List<Share> shares) {
        AreaProfile {
            int sum = shares.stream().mapToInt(Share::percent).sum();
            if (sum != 100) throw new IllegalArgumentException("land-use shares must add up to 100, not " + sum);
        }
    }

    /** Land that is not sold to a developer: parks, protective green, squares, transport yards. */
    static final List<String> PUBLIC_CODES = List.of("1401", "1402", "1403", "1208");

    private static List<Share> s(Object... codeAndPercent) {
        Share[] out = new Share[codeAndPercent.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Share((String) codeAndPercent[2 * i], (Integer) codeAndPercent[2 * i + 1]);
        }
        return List.of(out);
    }

    private static final List<Share> MANUFACTURING =
            s("1001", 70, "1101", 12, "0802", 5, "1402", 6, "1208", 3, "0901", 2, "1401", 2);

    static final Map<String, AreaProfile> PROFILES = Map.ofEntries(
            Map.entry("Z1", new AreaProfile(0.6, 0.55, s("0701", 38, "0804", 12, "0802", 8, "0901", 10, "0803", 4,
                    "0806", 4, "0801", 3, "0807", 2, "1401", 15, "1403", 2, "1208", 2))),
            Map.entry("Z2", new AreaProfile(1.5, 0.50, s("1001", 55, "1101", 14, "0701", 10, "0901", 5, "1402", 8,
                    "1401", 5, "1208", 3))),
            Map.entry("Z3", new AreaProfile(1.2, 0.30, s("0701", 30, "0703", 18, "0901", 12, "1001", 12, "0804", 5,
                    "0806", 3, "0807", 2, "1401", 15, "1208", 3))),
            Map.entry("P1", new AreaProfile(1.0, 0.50, s("0804", 55, "0802", 20, "0701", 10, "0901", 5, "1401", 10))),
            Map.entry("P2", new AreaProfile(2.0, 0.50, s("1101", 65, "1001", 15, "0902", 8, "1208", 7, "1402", 5))),
            Map.entry("P3", new AreaProfile(0.8, 0.55, s("0902", 45, "0901", 20, "0802", 10, "0701", 15, "1401", 8,
                    "1403", 2))),
            Map.entry("P4", new AreaProfile(1.0, 0.50, s("0802", 45, "1001", 20, "0902", 15, "0804", 5, "1401", 15))),
            Map.entry("C1", new AreaProfile(2.5, 0.65, MANUFACTURING)),
            Map.entry("C2", new AreaProfile(2.5, 0.65, MANUFACTURING)),
            Map.entry("C3", new AreaProfile(2.5, 0.65, MANUFACTURING)),
            Map.entry("C4", new AreaProfile(2.5, 0.65, s("1001", 68, "0802", 10, "1101", 8, "1402", 6, "0901", 3,
                    "1401", 5))),
            Map.entry("C5", new AreaProfile(2.5, 0.65, MANUFACTURING)),
            Map.entry("C6", new AreaProfile(2.5, 0.65, s("1001", 72, "1101", 12, "1402", 10, "1208", 3, "1401", 3))),
            Map.entry("C7", new AreaProfile(1.5, 0.65, s("1001", 45, "0802", 25, "0902", 12, "1101", 5, "1401", 8,
                    "0901", 5))));

    static AreaProfile profile(String key) {
        AreaProfile p = PROFILES.get(key);
        if (p == null) throw new IllegalStateException("no land-use profile for planning area " + key);
        return p;
    }
}
