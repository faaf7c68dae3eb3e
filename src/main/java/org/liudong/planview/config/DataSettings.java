package org.liudong.planview.config;

import java.nio.file.Path;

/**
 * The shipped data and its upkeep.
 *
 * @param gisDataDir           the shipped layers, loaded into an empty database
 * @param syntheticParcels     synthetic parcels generated into an empty database with the layers;
 *                             0 by default: a server started on a bureau's database must not invent
 *                             parcels (./planview run asks for them when it made the database itself)
 * @param overviewCheckSeconds how often stale tile overviews are looked for (an import of parcels makes one stale)
 */
public record DataSettings(Path gisDataDir, int syntheticParcels, int overviewCheckSeconds) {
    static DataSettings from(SettingSource s) {
        return new DataSettings(s.directory("PLANVIEW_GIS_DATA", "gis-data", true),
                s.integer("PLANVIEW_PARCELS", 0, 0, 50_000_000),
                s.integer("PLANVIEW_OVERVIEW_CHECK_SECONDS", 10, 1, 86_400));
    }
}
