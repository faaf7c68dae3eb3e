package org.liudong.planview.exchange.imports;

import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.CollectionAccess;

/**
 * What the editor asked for with an upload.
 *
 * @param collectionId the collection to create or whose data to replace
 * @param create       true: a new collection; false: replace the rows of an existing one
 * @param titleZh      the new collection's Chinese title (create only)
 * @param titleEn      its English title, or null
 * @param encoding     the shapefile's text encoding as given (UTF-8 / GBK), or null to read the .cpg or detect it
 * @param srid         the EPSG code of the data when the file does not say (no .prj), or to override it; null = from the file
 * @param repair       make invalid geometries valid instead of refusing them
 * @param fileName     the uploaded file's name, for the provenance record
 * @param caller       who uploaded it
 * @param access       who may see a new collection (create only)
 */
public record ImportRequest(String collectionId, boolean create, String titleZh, String titleEn, String encoding,
                            Integer srid, boolean repair, String fileName, Caller caller, CollectionAccess access) {

    /** Who uploaded, as the provenance record and the versions name them: the account (or editor token fingerprint). */
    public String editor() {
        return caller.name();
    }
}
