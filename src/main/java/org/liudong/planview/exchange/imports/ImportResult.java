package org.liudong.planview.exchange.imports;

import java.util.List;

/**
 * What an import did: how many features are now served, how many geometries were repaired, which
 * upload columns had no place in the layer, and which of its columns were worked out (areas …).
 */
public record ImportResult(String collectionId, boolean created, long features, long repaired, String encoding,
                           List<String> ignoredColumns, List<String> derivedColumns) {
}
