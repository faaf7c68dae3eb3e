package org.liudong.planview.catalog;

import java.util.List;

/**
 * How a collection is cut into vector tiles.
 *
 * @param minZoom           below it a tile is empty
 * @param maxZoom           above it a client overzooms
 * @param properties        properties written into tiles
 * @param geometryColumn    a stored EPSG:3857 copy of the geometry that tiles are cut from, or null
 * @param overview          the generalised overview that small zooms are cut from, or null
 */
public record TileSettings(int minZoom, int maxZoom, List<String> properties, String geometryColumn, TileOverview overview) {
    public TileSettings {
        properties = List.copyOf(properties);
    }
}
