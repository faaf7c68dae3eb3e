package org.liudong.planview.exchange.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.db.Replica;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.exchange.gdal.GdalException;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.WorkDirs;
import org.liudong.planview.exchange.shapefile.DbfFieldNames;
import org.liudong.planview.exchange.shapefile.FieldsManifest;
import org.liudong.planview.http.ConnectionFailures;
import org.liudong.planview.http.Problem;
import org.liudong.planview.query.QueryFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an items query to a file through ogr2ogr: the rows are fixed first — in a scratch table
 * on the primary (query with bound values), or on a read replica in one exported snapshot — then
 * ogr2ogr reads them straight from PostgreSQL and writes the file in a job directory, the feature
 * count is checked against numberMatched, and the result is streamed from disk — the Java heap
 * never holds the features.
 */
public final class Exporter {
    private static final Logger log = LoggerFactory.getLogger(Exporter.class);
    /** The table of exports' values on the primary, whose rows the leftover sweep deletes by owner. */
    public static final String OWNED_ROWS = ParameterRow.TABLE;
    /** serialization_failure: on a hot standby, a read cancelled for a conflict with recovery. */
    private static final String REPLICA_CONFLICT = "40001";
    private static final int REPLICA_RETRY_SECONDS = 5;
    private static final Pattern FEATURE_COUNT = Pattern.compile("^Feature Count: (\\d+)$", Pattern.MULTILINE);

    private final DataSource ds;
    private final GdalRunner gdal;
    private final WorkDirs workDirs;
    private final ExchangeLimits limits;
    private final Duration replicaWait;

    /** An exporter that reads on the primary ({@code ds}) only. */
    public Exporter(DataSource ds, GdalRunner gdal, WorkDirs workDirs, ExchangeLimits limits) {
        this(ds, gdal, workDirs, limits, Duration.ZERO);
    }

    /**
     * @param ds          the primary: scratch tables, and the values of exports read on a replica
     * @param replicaWait how long an export waits for a read replica to replay its values before it reads on the primary
     */
    public Exporter(DataSource ds, GdalRunner gdal, WorkDirs workDirs, ExchangeLimits limits, Duration replicaWait) {
        this.ds = ds;
        this.gdal = gdal;
        this.workDirs = workDirs;
        this.limits = limits;
        this.replicaWait = replicaWait;
    }

    /** A written export waiting in its job directory; closing it deletes the directory. */
    public interface Prepared extends AutoCloseable {
        /** The download's file name, e.g. 规划片区.zip. */
        String fileName();

        String mediaType();

        long features();

        void writeTo(OutputStream out) throws IOException;

        @Override
        void close();
    }

    /** Reads the rows on the primary. */
    public Prepared export(ExportSource source, ExportOptions options) {
        return export(source, options, Optional.empty());
    }

    /**
     * Reads the rows on {@code replica} when there is one and it can serve the export (reachable,
     * and has replayed the export's values within the wait), else on the primary.
     */
    public Prepared export(ExportSource source, ExportOptions options, Optional<Replica> replica) {
        if (workDirs.usableBytes() < limits.minFreeDiskBytes()) {
            throw new DiskFullException("less than " + limits.minFreeDiskBytes() / (1024 * 1024) + " MB free for exports");
        }
        ExportFormat format = options.format();
        List<ExportSelect.Column> columns = columns(source, options);
        SqlStatement select = ExportSelect.of(source, columns, format == ExportFormat.CSV && options.csvGeometry() == ExportOptions.CsvGeometry.XY);
        Path dir = workDirs.create("export-");
        boolean done = false;
        try (ExportRows rows = rows(source, select, replica)) {
            Prepared prepared = write(source, options, columns, rows, dir);
            done = true;
            return prepared;
        } catch (SQLException e) {
            if (REPLICA_CONFLICT.equals(e.getSQLState())) {
                // A hot standby cancels a read that holds up the replay of a change (a layer replaced meanwhile).
                log.warn("export of {} cancelled by the read replica: {}", source.collectionId(), e.getMessage());
                throw Problem.unavailable("the read replica had to cancel the export to replay a change; try again", REPLICA_RETRY_SECONDS);
            }
            throw QueryFailures.problem(e, "the export of " + source.collectionId());
        } finally {
            if (!done) WorkDirs.delete(dir);
        }
    }

    /** The file, from rows fixed where they were read; a replica that goes away meanwhile is a 503 that says so. */
    private Prepared write(ExportSource source, ExportOptions options, List<ExportSelect.Column> columns, ExportRows rows, Path dir)
            throws SQLException {
        try {
            // The file will be about the size of the rows; leave room for it and the ZIP.
            if (workDirs.usableBytes() - 2 * rows.bytes() < limits.minFreeDiskBytes()) {
                throw new DiskFullException("not enough free disk for an export of " + rows.rows() + " features");
            }
            GdalRunner reader = gdal.withEnvironment(rows.gdalEnvironment());
            return options.format() == ExportFormat.SHAPEFILE
                    ? shapefile(reader, source, options, columns, rows, dir)
                    : singleFile(reader, source, options, rows, dir);
        } catch (SQLException | RuntimeException e) {
            if (rows instanceof ReplicaRows onReplica && ConnectionFailures.of(e).isPresent()) throw onReplica.lost(source, e);
            throw e;
        }
    }

    private ExportRows rows(ExportSource source, SqlStatement select, Optional<Replica> replica) throws SQLException {
        if (replica.isPresent()) {
            Optional<ReplicaRows> onReplica = ReplicaRows.open(ds, replica.get(), workDirs.owner().id(), source, select, replicaWait,
                    limits.gdalTimeout());
            if (onReplica.isPresent()) return onReplica.get();
        }
        return ScratchTable.create(ds, workDirs.owner().tableName('e'), source, select, limits.gdalTimeout());
    }

    private static List<ExportSelect.Column> columns(ExportSource source, ExportOptions options) {
        if (options.format() == ExportFormat.DXF) return List.of();  // a CAD drawing has layers, not attribute columns
        List<String> names = source.fields().stream().map(ExportField::name).toList();
        List<String> aliases = options.format() == ExportFormat.SHAPEFILE
                ? DbfFieldNames.shorten(names, options.encoding().charset())
                : names;
        List<ExportSelect.Column> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) columns.add(new ExportSelect.Column(source.fields().get(i), aliases.get(i)));
        return columns;
    }

    private Prepared shapefile(GdalRunner reader, ExportSource source, ExportOptions options, List<ExportSelect.Column> columns,
                               ExportRows table, Path dir) throws SQLException {
        Path out = dir.resolve("out");
        createDirectory(out);
        String base = safeBaseName(source.collectionId());
        List<ShapefileLayers.Layer> layers = ShapefileLayers.plan(table.geometryTypes());
        // JSON values go to related CSV tables, not into 254-byte DBF fields where they would be cut.
        List<String> dbfColumns = columns.stream().filter(c -> !c.field().json()).map(ExportSelect.Column::alias).toList();
        boolean nested = dbfColumns.size() < columns.size();
        long written = 0;
        for (ShapefileLayers.Layer layer : layers) {
            List<String> cmd = ogr2ogr(ExportFormat.SHAPEFILE, out.resolve(base + layer.suffix() + ".shp"), table.ogrSource(dir),
                    base + layer.suffix(), source);
            cmd.addAll(List.of("-lco", "ENCODING=" + options.encoding().gdalName(), "-nlt", layer.geometryType()));
            if (nested) cmd.addAll(List.of("-select", String.join(",", dbfColumns)));
            if (layer.where() != null) cmd.addAll(List.of("-where", layer.where()));
            reader.run(dir, cmd);
            written += shapeCount(out.resolve(base + layer.suffix() + ".shx"));
        }
        requireComplete(source, table, written);
        String idColumn = columns.get(0).alias();  // the id is always the first field of an export
        for (ExportSelect.Column c : columns) {
            if (c.field().json()) {
                Path related = out.resolve(RelatedTables.fileName(c.field().name()));
                table.read((connection, relation) -> RelatedTables.write(connection, relation, idColumn, c.alias(), related));
            }
        }
        List<FieldsManifest.Field> fields = columns.stream().map(c -> new FieldsManifest.Field(c.alias(), c.field().name(),
                c.field().title(), c.field().json() ? RelatedTables.fileName(c.field().name()) : null)).toList();
        byte[] manifest = FieldsManifest.write(fields, table.longestText(dbfColumns), options.encoding().gdalName());
        long features = written;
        return new Prepared() {
            public String fileName() { return downloadName(source, "zip"); }
            public String mediaType() { return ExportFormat.SHAPEFILE.mediaType(); }
            public long features() { return features; }
            public void writeTo(OutputStream target) throws IOException {
                ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
                try (Stream<Path> files = Files.list(out)) {
                    for (Path f : files.sorted().toList()) {
                        zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                        Files.copy(f, zip);
                        zip.closeEntry();
                    }
                }
                zip.putNextEntry(new ZipEntry(FieldsManifest.FILE_NAME));
                zip.write(manifest);
                zip.closeEntry();
                zip.finish();
                zip.flush();
            }
            public void close() { WorkDirs.delete(dir); }
        };
    }

    private Prepared singleFile(GdalRunner reader, ExportSource source, ExportOptions options, ExportRows table, Path dir) throws SQLException {
        ExportFormat format = options.format();
        if (format == ExportFormat.DXF) {
            Long none = table.geometryTypes().get("NONE");
            if (none != null) {
                throw Problem.badRequest(none + " of the selected features have no geometry, which a DXF drawing cannot hold; "
                        + "choose another format or filter them out");
            }
        }
        Path file = dir.resolve(safeBaseName(source.collectionId()) + "." + format.extension());
        List<String> cmd = ogr2ogr(format, file, table.ogrSource(dir), safeBaseName(source.collectionId()), source);
        switch (format) {
            case CSV -> cmd.addAll(List.of("-lco", "GEOMETRY=" + (options.csvGeometry() == ExportOptions.CsvGeometry.XY ? "AS_XY" : "AS_WKT"),
                    "-lco", "WRITE_BOM=YES", "-lco", "SEPARATOR=COMMA"));
            case GEOJSON -> cmd.addAll(List.of("-lco", "WRITE_NAME=NO"));
            case KML -> {
                if (source.fields().stream().anyMatch(f -> f.name().equals("name_zh"))) cmd.addAll(List.of("-dsco", "NameField=name_zh"));
            }
            default -> { }
        }
        reader.run(dir, cmd);
        if (format == ExportFormat.GPKG) {
            requireComplete(source, table, featureCount(dir, file));
            if (source.style() != null) GeoPackageStyles.add(gdal, dir, file, safeBaseName(source.collectionId()), source.style());
        } else {
            log.info("exported {} features of {} as {} read on {} (the query's count; the file is not read back)", table.rows(),
                    source.collectionId(), format.extension(), table.database());
        }
        long features = table.rows();
        return new Prepared() {
            public String fileName() { return downloadName(source, format.extension()); }
            public String mediaType() { return format.mediaType(); }
            public long features() { return features; }
            public void writeTo(OutputStream target) throws IOException {
                Files.copy(file, target);
                target.flush();
            }
            public void close() { WorkDirs.delete(dir); }
        };
    }

    /** ogr2ogr reading the rows straight from PostGIS; the connection comes from the PG* environment. */
    private static List<String> ogr2ogr(ExportFormat format, Path target, List<String> rowsSource, String layerName, ExportSource source) {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", format.driver(), target.toString()));
        cmd.addAll(rowsSource);
        cmd.addAll(List.of("-nln", layerName, "-a_srs", "EPSG:" + source.outputCrs().srid()));
        return cmd;
    }

    /** A .shx is a 100-byte header and 8 bytes per shape record: the count without starting another process. */
    private static long shapeCount(Path shx) {
        try {
            return (Files.size(shx) - 100) / 8;
        } catch (IOException e) {
            throw new GdalException("ogr2ogr wrote no " + shx.getFileName());
        }
    }

    private long featureCount(Path dir, Path file) {
        String info = gdal.run(dir, List.of("ogrinfo", "-ro", "-so", "-al", file.toString())).stdout();
        Matcher m = FEATURE_COUNT.matcher(info);
        long total = 0;
        while (m.find()) total += Long.parseLong(m.group(1));
        return total;
    }

    private static void requireComplete(ExportSource source, ExportRows table, long written) {
        if (written != table.rows()) {
            throw new GdalException("the export of " + source.collectionId() + " wrote " + written + " of "
                    + table.rows() + " features");
        }
        log.info("exported {} features of {} read on {}", written, source.collectionId(), table.database());
    }

    /** Inside the job directory only ASCII names: GDAL and every unzip tool agree on those. */
    static String safeBaseName(String collectionId) {
        String s = collectionId.replaceAll("[^A-Za-z0-9_-]", "_");
        return s.isEmpty() ? "layer" : s;
    }

    /** The name the planner sees: the collection's title (Chinese is fine) where there is one. */
    static String downloadName(ExportSource source, String extension) {
        String title = source.title() == null || source.title().isBlank() ? source.collectionId() : source.title();
        return safeFileName(title) + "." + extension;
    }

    /** Any text with the characters no file system takes in a name replaced. */
    static String safeFileName(String text) {
        return text.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    }

    private static void createDirectory(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Not enough free disk for another export: answered 503 with Retry-After. */
    public static final class DiskFullException extends RuntimeException {
        public DiskFullException(String message) {
            super(message);
        }
    }
}
