package org.liudong.planview.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.planview.db.Reads;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.exchange.export.ExportRoutes;
import org.liudong.planview.exchange.export.Exporter;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.JobSlots;
import org.liudong.planview.exchange.gdal.WorkDirs;
import org.liudong.planview.features.TestLayers;
import org.liudong.planview.http.ErrorHandling;
import org.liudong.planview.testing.TestAccess;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** When every export slot is taken, or the disk is short, the caller is told to come back (503 + Retry-After). */
class ExportBoundsTest {
    @TempDir
    Path tmp;

    private HttpResponse<String> exportWith(JobSlots slots, ExchangeLimits limits) {
        TestLayers.ensure();
        var ds = TestDatabase.dataSource();
        Exporter exporter = new Exporter(ds, new GdalRunner(TestDatabase.databaseSettings().libpqEnvironment(), Duration.ofSeconds(60)),
                new WorkDirs(tmp, TestDatabase.workOwner()), limits);
        Javalin app = Javalin.create();
        ErrorHandling.install(app);
        new ExportRoutes(new Catalog(ds), exporter, slots, TestAccess.audit(), Reads.primaryOnly(ds)).register(app);
        app.start("127.0.0.1", 0);
        try {
            return TestServer.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                    + "/collections/" + TestLayers.PARCELS + "/export?format=gpkg")).build());
        } finally {
            app.stop();
        }
    }

    @Test
    void busyWhenEverySlotIsTaken() throws Exception {
        JobSlots slots = JobSlots.exports(TestDatabase.databaseSettings(), 1);
        Optional<JobSlots.Slot> held = slots.tryAcquire();
        assertTrue(held.isPresent());
        HttpResponse<String> r = exportWith(slots, ExchangeLimits.defaults().withMinFreeDiskBytes(0));
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("30", r.headers().firstValue("Retry-After").orElse(""));
        held.get().close();
        HttpResponse<String> again = exportWith(slots, ExchangeLimits.defaults().withMinFreeDiskBytes(0));
        assertEquals(200, again.statusCode(), "the slot is free again");
        try (var left = Files.list(new WorkDirs(tmp, TestDatabase.workOwner()).root())) {
            assertEquals(0, left.count(), "no job directory is left behind");
        }
        assertEquals("0", ImportExportHttpTest.value("SELECT count(*) FROM pg_tables WHERE schemaname = 'export_scratch'"),
                "no scratch table is left behind");
    }

    @Test
    void busyWhenTheDiskIsShort() {
        HttpResponse<String> r = exportWith(JobSlots.exports(TestDatabase.databaseSettings(), 2), ExchangeLimits.defaults().withMinFreeDiskBytes(Long.MAX_VALUE / 4));
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("300", r.headers().firstValue("Retry-After").orElse(""));
        assertTrue(r.body().contains("free for exports"), r.body());
    }
}
