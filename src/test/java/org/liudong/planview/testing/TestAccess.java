package org.liudong.planview.testing;

import io.javalin.Javalin;
import org.liudong.planview.App;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.versions.LayerVersions;

/** For tests that serve a few routes on a Javalin of their own: the same access gate and audit trail as the server's. */
public final class TestAccess {
    private TestAccess() {
    }

    public static AuditLog audit() {
        return new AuditLog(TestDatabase.dataSource(), false);
    }

    public static LayerVersions versions() {
        return new LayerVersions(TestDatabase.dataSource(), TestDatabase.settings().versions().keep());
    }

    /** The gate (editor token of the test settings), sign-in and admin routes, before the test's own routes. */
    public static void install(Javalin app, Catalog catalog) {
        App.installAccess(app, TestDatabase.dataSource(), TestDatabase.settings().auth(), audit(), catalog);
    }
}
