package org.liudong.planview.versions;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.audit.AuditAction;
import org.liudong.planview.audit.AuditEvent;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.auth.Access;
import org.liudong.planview.auth.Caller;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.http.Links;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * A collection's history: {@code GET /collections/{id}/versions} (who, when, file, count,
 * checksum); {@code GET /collections/{id}/diff?from=&to=} (the changed features; {@code to}
 * defaults to the current data); and for editors {@code POST /collections/{id}/versions/{v}/rollback},
 * which makes a new version equal to version v. Any version's features are read through items,
 * tiles and export with {@code version=v}.
 */
public final class VersionRoutes {
    private final DataSource ds;
    private final Catalog catalog;
    private final LayerVersions versions;
    private final AuditLog audit;

    public VersionRoutes(DataSource ds, Catalog catalog, LayerVersions versions, AuditLog audit) {
        this.ds = ds;
        this.catalog = catalog;
        this.versions = versions;
        this.audit = audit;
    }

    public void register(Javalin app) {
        app.get("/collections/{collectionId}/versions", this::list);
        app.get("/collections/{collectionId}/diff", this::diff);
        app.post("/collections/{collectionId}/versions/{version}/rollback", this::rollback, Access.EDITOR);
    }

    private void list(Context ctx) {
        CollectionInfo c = catalog.require(ctx.pathParam("collectionId"), Caller.of(ctx));
        Links links = Links.of(ctx);
        String base = "/collections/" + Links.segment(c.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("collection", c.id());
        body.put("versions", versions.list(c));
        body.put("links", List.of(
                Map.of("rel", "collection", "href", links.url(base)),
                Map.of("rel", "items", "href", links.url(base + "/items?version={version}"), "templated", true),
                Map.of("rel", "diff", "href", links.url(base + "/diff?from={a}&to={b}"), "templated", true)));
        ctx.header("Cache-Control", "no-cache");
        ctx.json(body);
    }

    private void diff(Context ctx) {
        for (String p : ctx.queryParamMap().keySet()) {
            if (!p.equals("from") && !p.equals("to")) throw Problem.badRequest("unknown parameter '" + Text.shorten(p) + "'; diff takes from and to");
        }
        String fromText = ctx.queryParam("from");
        if (fromText == null) throw Problem.badRequest("parameter from: the version to compare from (e.g. from=1)");
        Caller caller = Caller.of(ctx);
        String id = ctx.pathParam("collectionId");
        CollectionInfo from = catalog.require(id, caller, fromText);
        CollectionInfo to = catalog.require(id, caller, ctx.queryParam("to"));
        ctx.contentType("application/geo+json");
        ctx.header("Cache-Control", "no-cache");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                OutputStream out = ctx.outputStream();
                out.write("{\"type\":\"FeatureCollection\",\"features\":[\n".getBytes(StandardCharsets.UTF_8));
                boolean[] first = {true};
                VersionDiff.Summary s = VersionDiff.write(c, from, to, f -> {
                    try {
                        if (!first[0]) out.write(",\n".getBytes(StandardCharsets.UTF_8));
                        first[0] = false;
                        out.write(f.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                out.write(("\n],\"from\":" + label(from) + ",\"to\":" + label(to) + ",\"summary\":{\"added\":" + s.added() + ",\"removed\":"
                        + s.removed() + ",\"changed\":" + s.changed() + ",\"areaChangeM2\":" + s.areaChangeM2() + "}}\n")
                        .getBytes(StandardCharsets.UTF_8));
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compare versions of " + id, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A version number, or "current" for the collection's own table. */
    private static String label(CollectionInfo c) {
        return c.version() == null ? "\"current\"" : Integer.toString(c.version());
    }

    private void rollback(Context ctx) {
        Caller caller = Caller.of(ctx);
        CollectionInfo live = catalog.require(ctx.pathParam("collectionId"), caller);
        if (live.subset() != null) {
            throw Problem.badRequest("collection '" + live.id() + "' is part of a table shared with other collections; it has no versions");
        }
        String text = ctx.pathParam("version");
        if (!text.matches("\\d{1,9}")) throw Problem.badRequest("version: '" + Text.shorten(text) + "' is not a version number");
        int target = Integer.parseInt(text);
        int created;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LOCAL lock_timeout = '10s'");  // a writer holding the table is waited for, not forever
                }
                created = versions.restore(c, live, target, caller.name());
                String when = OffsetDateTime.now(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
                catalog.recordReplacedData(c, live.id(), "已回退至第 " + target + " 版（" + caller.name() + "，" + when + "）。",
                        "Rolled back to version " + target + " by " + caller.name() + " on " + when + " (UTC+8).");
                audit.record(c, AuditEvent.by(caller, AuditAction.ROLLBACK).collection(live.id()).with("restored", target)
                        .with("version", created));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot roll back " + live.id(), e);
        }
        catalog.refresh();
        LayerVersion now = versions.list(catalog.require(live.id(), caller)).stream().filter(LayerVersion::current).findFirst().orElseThrow();
        ctx.json(now);
    }
}
