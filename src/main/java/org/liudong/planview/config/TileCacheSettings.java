package org.liudong.planview.config;

/**
 * The tile cache (tiles/TileCache).
 *
 * @param maxBytes what the cached tiles may take in the database, gzipped (each counted with 100
 *                 bytes for its row); 0 turns the cache off
 */
public record TileCacheSettings(long maxBytes) {
    static TileCacheSettings from(SettingSource s) {
        return new TileCacheSettings(s.integer("PLANVIEW_TILE_CACHE_MB", 512, 0, 1_000_000) * 1024L * 1024L);
    }

    public boolean enabled() {
        return maxBytes > 0;
    }
}
