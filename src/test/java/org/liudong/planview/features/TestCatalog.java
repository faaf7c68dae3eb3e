package org.liudong.planview.features;

import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.testing.TestDatabase;

/** A catalogue of the test database, for tests that build SQL without going through HTTP. */
final class TestCatalog {
    private static Catalog catalog;

    private TestCatalog() {
    }

    static synchronized CollectionInfo get(String id) {
        if (catalog == null) catalog = new Catalog(TestDatabase.dataSource());
        return catalog.find(id).orElseThrow(() -> new IllegalStateException("no collection " + id));
    }
}
