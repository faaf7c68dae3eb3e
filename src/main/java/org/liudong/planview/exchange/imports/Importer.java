package org.liudong.planview.exchange.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.liudong.planview.audit.AuditLog;
import org.liudong.planview.catalog.Catalog;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.WorkOwner;
import org.liudong.planview.http.Problem;
import org.liudong.planview.versions.LayerVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an uploaded layer in, step by step: what the upload is ({@link UploadedDataset}), its
 * text encoding ({@link ImportEncoding}), GDAL reads it into a staging table ({@link StagingLoader}),
 * the rows are checked there ({@link StagedLayer}), and only then copied into the layer in one
 * transaction ({@link LayerWriter}). A failure at any step leaves the existing layer as it was.
 */
public final class Importer {
    private static final Logger log = LoggerFactory.getLogger(Importer.class);
    /** Where staging tables live, named by their owner; swept of what a crash left ({@link org.liudong.planview.exchange.gdal.LeftoverSweeper}). */
    public static final String STAGING_SCHEMA = ImportSql.STAGING_SCHEMA;
    private static final Pattern COLLECTION_ID = Pattern.compile("[a-z][a-z0-9_-]{0,40}");

    private final DataSource ds;
    private final Catalog catalog;
    private final WorkOwner owner;
    private final ExchangeLimits limits;
    private final StagingLoader loader;
    private final LayerWriter writer;

    public Importer(DataSource ds, Catalog catalog, GdalRunner gdal, WorkOwner owner, ExchangeLimits limits, LayerVersions versions,
                    AuditLog audit) {
        this.ds = ds;
        this.owner = owner;
        this.catalog = catalog;
        this.limits = limits;
        this.loader = new StagingLoader(ds, gdal);
        this.writer = new LayerWriter(ds, catalog, versions, audit);
    }

    /** Imports the file {@code upload} lying in the job directory {@code dir}. */
    public ImportResult run(Path dir, Path upload, ImportRequest req) throws IOException, SQLException {
        CollectionInfo existing = checkTarget(req);
        String fileSha256 = sha256(upload);  // before inspecting, which may unpack or rename it
        UploadedDataset data = UploadedDataset.inspect(upload, dir, limits);
        String encoding = ImportEncoding.resolve(data, req.encoding());
        Integer srid = checkSrid(req.srid());
        String staging = owner.tableName('s');
        try {
            loader.load(dir, data, encoding, srid, staging);
            StagedLayer staged = StagedLayer.check(ds, staging, req.repair());
            LayerWriter.Upload u = new LayerWriter.Upload(req, data, encoding, srid, staged, fileSha256);
            return existing == null ? writer.create(u) : writer.replace(existing, u);
        } finally {
            dropStaging(staging);
        }
    }

    /** The uploaded file's SHA-256, recorded with its version: which file exactly was imported. */
    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private CollectionInfo checkTarget(ImportRequest req) {
        String id = req.collectionId();
        if (req.create()) {
            if (id == null || !COLLECTION_ID.matcher(id).matches()) {
                throw Problem.badRequest("id: give the new collection an id of lower-case letters, digits, '-' or '_' "
                        + "(starting with a letter, at most 41 characters)");
            }
            if (catalog.find(id).isPresent()) {
                throw new Problem(409, "Conflict", "collection '" + id + "' exists already; replace its data with PUT /collections/" + id + "/items");
            }
            if (req.titleZh() == null || req.titleZh().isBlank()) throw Problem.badRequest("title_zh: the new collection needs a Chinese title");
            return null;
        }
        CollectionInfo c = catalog.find(id).filter(found -> !found.internal() || req.caller().mayReadInternal())
                .orElseThrow(() -> Problem.notFound("no collection '" + id + "' to replace; create it with POST /collections"));
        if (c.subset() != null) {
            throw Problem.badRequest("collection '" + id + "' is part of table " + c.table() + " (" + c.subset().describe()
                    + "), shared with other collections; only a collection that is a whole table can be replaced");
        }
        return c;
    }

    private Integer checkSrid(Integer srid) throws SQLException {
        if (srid == null) return null;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(ImportSql.KNOWN_EPSG)) {
            ps.setInt(1, srid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw Problem.badRequest("srid: EPSG:" + srid + " is not a coordinate reference system PostGIS knows");
            }
        }
        return srid;
    }

    private void dropStaging(String staging) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(ImportSql.dropTable(ImportSql.staging(staging)));
        } catch (SQLException e) {
            log.warn("cannot drop staging table {}: {}", staging, e.getMessage());
        }
    }
}
