package org.liudong.planview.exchange.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.liudong.planview.config.ExchangeLimits;
import org.liudong.planview.exchange.gdal.GdalException;
import org.liudong.planview.exchange.gdal.GdalRunner;
import org.liudong.planview.exchange.gdal.WorkDirs;
import org.liudong.planview.exchange.shapefile.DbfFieldNames;
import org.liudong.planview.exchange.shapefile.FieldsManifest;
import org.liudong.planview.http.Problem;
import org.liudong.planview.query.QueryFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an items query to a file through ogr2ogr: the rows go into a scratch table in
 * PostgreSQL (query with bound values), ogr2ogr reads that table directly and writes the file in
 * a job directory, the feature count is checked against numberMatched, and the result is
 * streamed from disk — the Java heap never holds the features.
 */
public final class Exporter {
    private static final Logger log = LoggerFactory.getLogger(Exporter.class);
    private static final Pattern FEATURE_COUNT = Pattern.compile("^Feature Count: (\\d+)$", Pattern.MULTILINE);

    private final DataSource ds;
    private final GdalRunner gdal;
    private final WorkDirs workDirs;
    private final ExchangeLimits limits;

    public Exporter(DataSource ds, GdalRunner gdal, WorkDirs workDirs, ExchangeLimits limits) {
        this.ds = ds;
        this.gdal = gdal;
        this.workDirs = workDirs;
        this.limits = limits;
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

    public Prepared export(ExportSource source, ExportOptions options) {
        if (workDirs.usableBytes() < limits.minFreeDiskBytes()) {
            throw new DiskFullException("less than " + limits.minFreeDiskBytes() / (1024 * 1024) + " MB free for exports");
        }
        ExportFormat format = options.format();
        List<ScratchTable.Column> columns = columns(source, options);
        Path dir = workDirs.create("export-");
        boolean done = false;
        try (ScratchTable table = ScratchTable.create(ds, workDirs.owner().tableName('e'), source, columns,
                format == ExportFormat.CSV && options.csvGeometry() == ExportOptions.CsvGeometry.XY, limits.gdalTimeout())) {
            // The file will be about the size of the table; leave room for it and the ZIP.
            if (workDirs.usableBytes() - 2 * table.bytesOnDisk() < limits.minFreeDiskBytes()) {
                throw new DiskFullException("not enough free disk for an export of " + table.rows() + " features");
            }
            Prepared prepared = format == ExportFormat.SHAPEFILE
                    ? shapefile(source, options, columns, table, dir)
                    : singleFile(source, options, table, dir);
            done = true;
            return prepared;
        } catch (SQLException e) {
            throw QueryFailures.problem(e, "the export of " + source.collectionId());
        } finally {
            if (!done) WorkDirs.delete(dir);
        }
    }

    private static List<ScratchTable.Column> columns(ExportSource source, ExportOptions options) {
        if (options.format() == ExportFormat.DXF) return List.of();  // a CAD drawing has layers, not attribute columns
        List<String> names = source.fields().stream().map(ExportField::name).toList();
        List<String> aliases = options.format() == ExportFormat.SHAPEFILE
                ? DbfFieldNames.shorten(names, options.encoding().charset())
                : names;
        List<ScratchTable.Column> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) columns.add(new ScratchTable.Column(source.fields().get(i), aliases.get(i)));
        return columns;
    }

    private Prepared shapefile(ExportSource source, ExportOptions options, List<ScratchTable.Column> columns,
                               ScratchTable table, Path dir) throws SQLException {
        Path out = dir.resolve("out");
        createDirectory(out);
        String base = safeBaseName(source.collectionId());
        List<ShapefileLayers.Layer> layers = ShapefileLayers.plan(table.geometryTypes());
        // JSON values go to related CSV tables, not into 254-byte DBF fields where they would be cut.
        List<String> dbfColumns = columns.stream().filter(c -> !c.field().json()).map(ScratchTable.Column::alias).toList();
        boolean nested = dbfColumns.size() < columns.size();
        long written = 0;
        for (ShapefileLayers.Layer layer : layers) {
            List<String> cmd = ogr2ogr(ExportFormat.SHAPEFILE, out.resolve(base + layer.suffix() + ".shp"), table,
                    base + layer.suffix(), source);
            cmd.addAll(List.of("-lco", "ENCODING=" + options.encoding().gdalName(), "-nlt", layer.geometryType()));
            if (nested) cmd.addAll(List.of("-select", String.join(",", dbfColumns)));
            if (layer.where() != null) cmd.addAll(List.of("-where", layer.where()));
            gdal.run(dir, cmd);
            written += shapeCount(out.resolve(base + layer.suffix() + ".shx"));
        }
        requireComplete(source, table, written);
        String idColumn = columns.get(0).alias();  // the id is always the first field of an export
        for (ScratchTable.Column c : columns) {
            if (c.field().json()) {
                RelatedTables.write(ds, table.qualifiedName(), idColumn, c.alias(), out.resolve(RelatedTables.fileName(c.field().name())));
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

    private Prepared singleFile(ExportSource source, ExportOptions options, ScratchTable table, Path dir) throws SQLException {
        ExportFormat format = options.format();
        if (format == ExportFormat.DXF) {
            Long none = table.geometryTypes().get("NONE");
            if (none != null) {
                throw Problem.badRequest(none + " of the selected features have no geometry, which a DXF drawing cannot hold; "
                        + "choose another format or filter them out");
            }
        }
        Path file = dir.resolve(safeBaseName(source.collectionId()) + "." + format.extension());
        List<String> cmd = ogr2ogr(format, file, table, safeBaseName(source.collectionId()), source);
        switch (format) {
            case CSV -> cmd.addAll(List.of("-lco", "GEOMETRY=" + (options.csvGeometry() == ExportOptions.CsvGeometry.XY ? "AS_XY" : "AS_WKT"),
                    "-lco", "WRITE_BOM=YES", "-lco", "SEPARATOR=COMMA"));
            case GEOJSON -> cmd.addAll(List.of("-lco", "WRITE_NAME=NO"));
            case KML -> {
                if (source.fields().stream().anyMatch(f -> f.name().equals("name_zh"))) cmd.addAll(List.of("-dsco", "NameField=name_zh"));
            }
            default -> { }
        }
        gdal.run(dir, cmd);
        if (format == ExportFormat.GPKG) {
            requireComplete(source, table, featureCount(dir, file));
            if (source.style() != null) GeoPackageStyles.add(gdal, dir, file, safeBaseName(source.collectionId()), source.style());
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

    /** ogr2ogr reading the scratch table straight from PostGIS; the connection comes from the PG* environment. */
    private static List<String> ogr2ogr(ExportFormat format, Path target, ScratchTable table, String layerName, ExportSource source) {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", format.driver(), target.toString(),
                "PG:tables=" + table.qualifiedName(), table.qualifiedName(), "-nln", layerName,
                "-a_srs", "EPSG:" + source.outputCrs().srid()));
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

    private static void requireComplete(ExportSource source, ScratchTable table, long written) {
        if (written != table.rows()) {
            throw new GdalException("the export of " + source.collectionId() + " wrote " + written + " of "
                    + table.rows() + " features");
        }
        log.info("exported {} features of {}", written, source.collectionId());
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
