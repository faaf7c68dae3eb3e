package org.liudong.planview.config;

/**
 * Layer versions.
 *
 * @param keep how many past versions of a collection keep their rows (readable, diffable, restorable);
 *             older ones stay listed, with their rows dropped
 */
public record VersionSettings(int keep) {
    static VersionSettings from(SettingSource s) {
        return new VersionSettings(s.integer("PLANVIEW_VERSIONS_KEEP", 10, 1, 1000));
    }
}
