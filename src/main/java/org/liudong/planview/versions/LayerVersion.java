package org.liudong.planview.versions;

/**
 * One version of a collection, as {@code GET /collections/{id}/versions} lists it.
 *
 * @param createdAt    ISO 8601, UTC+8; null for data never replaced (its version 1 is recorded on the first replace)
 * @param action       initial (the data before versions were kept), create, replace or rollback
 * @param restoredFrom for a rollback: the version it equals
 * @param rowsKept     whether its rows can still be read (the newest always; older ones until retention drops them)
 */
public record LayerVersion(int version, String action, String createdAt, String createdBy, String fileName,
                           String fileSha256, long featureCount, String checksum, Integer restoredFrom, boolean current,
                           boolean rowsKept) {
}
