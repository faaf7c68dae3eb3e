package org.liudong.planview.analysis;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a site overlaps, computed by {@link RedlineAnalysis}: conflicts with constraint layers
 * first, then the planning layers, the land uses and parcels, and the projects nearby.
 *
 * @param landUse  the statistics of the parcel layer clipped to the site, by land use (null without a parcel layer)
 * @param pieces   the overlap pieces as GeoJSON features (CRS84), written by PostGIS
 */
record RedlineReport(CheckedSite site, OffsetDateTime generated, List<Overlap> conflicts, List<String> constraintLayers,
                     List<Overlap> layers, String parcelsCollection, Statistics landUse, List<ParcelOverlap> parcels,
                     double projectDistanceM, List<ProjectNearby> projects, List<String> caveatsZh, List<String> caveatsEn,
                     List<String> pieces) {

    /** The part of a layer's feature inside the site. */
    record Overlap(String collection, String titleZh, String titleEn, String group, String featureId, String name, double areaM2,
                   boolean constraint) {
    }

    /** A parcel the site touches: its whole area and the part inside the site. */
    record ParcelOverlap(String id, String code, String landUseCode, String landUseName, String status, double parcelM2,
                         double overlapM2) {
    }

    record ProjectNearby(String id, String name, String category, String status, double distanceM) {
    }

    double share(double m2) {
        return site.areaM2() > 0 ? m2 / site.areaM2() : 0;
    }
}
