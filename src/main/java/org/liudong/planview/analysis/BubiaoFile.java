package org.liudong.planview.analysis;

import java.util.List;
import java.util.Map;

/**
 * A parsed 部标 coordinate TXT: the [属性描述] entries, the parcels, and the CRS the coordinates
 * are in (a CGCS2000 3° Gauss–Krüger zone, with or without the zone number in front of Y).
 *
 * @param srid EPSG:4513–4533 (zone-prefixed eastings) or 4534–4554 (central meridian only)
 */
record BubiaoFile(Map<String, String> attributes, List<BubiaoParcel> parcels, int zone, boolean zonePrefixed, int srid, String charset) {
    BubiaoFile {
        attributes = Map.copyOf(attributes);
        parcels = List.copyOf(parcels);
    }

    int vertexCount() {
        return parcels.stream().flatMap(p -> p.rings().stream()).mapToInt(r -> r.points().length).sum();
    }
}
