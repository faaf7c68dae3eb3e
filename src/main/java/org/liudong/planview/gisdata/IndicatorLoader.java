package org.liudong.planview.gisdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads gis-data/indicator.json into the indicator tables (V30). Unlike the map layers, which are
 * loaded once into an empty database, the indicators are reference data rebuilt from the texts:
 * they are replaced, in one transaction, whenever the shipped file's SHA-256 differs from the one
 * loaded, so an existing installation picks up a corrected figure at its next start.
 */
public final class IndicatorLoader {
    static final String FILE = "indicator.json";
    private static final Logger log = LoggerFactory.getLogger(IndicatorLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Arbitrary constant: the advisory-lock key for "loading indicators". */
    private static final long LOCK_KEY = 0x4c44_494e_4443L;

    private static final String LOADED_HASH = "SELECT sha256 FROM indicator_dataset";
    private static final String CLEAR = "TRUNCATE indicator_conflict, indicator_progress, indicator_rule, indicator_value, "
            + "indicator, indicator_document";
    private static final String INSERT_DOCUMENT = "INSERT INTO indicator_document (file, title_zh, title_en, date) VALUES (?, ?, ?, ?)";
    private static final String INSERT_RULE = "INSERT INTO indicator_rule (method, rule_zh, rule_en) VALUES (?, ?, ?)";
    private static final String INSERT_INDICATOR = """
            INSERT INTO indicator (id, name_zh, name_en, theme, scope, measure, unit, note, implied_from, sort_order)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_VALUE = """
            INSERT INTO indicator_value (id, indicator_id, kind, period, period_start, period_end, period_zh, period_en,
                stated, number, value, qualifier, reported_share_stated, reported_share, file, line, quote,
                part_zh, part_en, note, sort_order)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_PROGRESS = """
            INSERT INTO indicator_progress (indicator_id, method, target_id, actual_id, base_id, share, expected_share,
                actual_rate, target_rate, gap_points, years, status, warning, caveat_zh, caveat_en)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_CONFLICT =
            "INSERT INTO indicator_conflict (indicator_id, kind, period, value_ids) VALUES (?, ?, ?, ?)";
    private static final String STORE_HASH = """
            INSERT INTO indicator_dataset (singleton, sha256) VALUES (true, ?)
            ON CONFLICT (singleton) DO UPDATE SET sha256 = excluded.sha256, loaded_at = now()""";

    private IndicatorLoader() {
    }

    /** Loads the file unless exactly this file is already loaded; a missing file leaves the tables as they are. */
    public static void loadIfChanged(DataSource ds, Path gisDataDir) {
        Path file = gisDataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            log.warn("no {} in {}: the indicator tables are left as they are", FILE, gisDataDir.toAbsolutePath());
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash = sha256(bytes);
        try (Connection c = ds.getConnection()) {
            if (hash.equals(loadedHash(c))) return;
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, LOCK_KEY);
                    ps.execute();
                }
                if (hash.equals(loadedHash(c))) { // another server loaded it while we waited
                    c.rollback();
                    return;
                }
                int n = replace(c, JSON.readTree(bytes));
                try (PreparedStatement ps = c.prepareStatement(STORE_HASH)) {
                    ps.setString(1, hash);
                    ps.executeUpdate();
                }
                c.commit();
                log.info("indicator: {} indicators loaded from {}", n, file);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("loading " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static String loadedHash(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOADED_HASH); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static int replace(Connection c, JsonNode doc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLEAR)) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_DOCUMENT)) {
            for (JsonNode d : doc.path("documents")) {
                ps.setString(1, d.path("file").asText());
                ps.setString(2, d.path("title_zh").asText());
                ps.setString(3, d.path("title_en").asText());
                setText(ps, 4, d.path("date"));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_RULE)) {
            var rules = doc.path("rules").fields();
            while (rules.hasNext()) {
                var rule = rules.next();
                ps.setString(1, rule.getKey());
                ps.setString(2, rule.getValue().path("zh").asText());
                ps.setString(3, rule.getValue().path("en").asText());
                ps.executeUpdate();
            }
        }
        List<JsonNode> indicators = new ArrayList<>();
        doc.path("indicators").forEach(indicators::add);
        try (PreparedStatement ind = c.prepareStatement(INSERT_INDICATOR); PreparedStatement val = c.prepareStatement(INSERT_VALUE)) {
            int order = 0;
            for (JsonNode i : indicators) {
                String id = i.path("id").asText();
                ind.setString(1, id);
                ind.setString(2, i.path("name_zh").asText());
                ind.setString(3, i.path("name_en").asText());
                ind.setString(4, i.path("theme").asText());
                ind.setString(5, i.path("scope").asText());
                ind.setString(6, i.path("measure").asText());
                ind.setString(7, i.path("unit").asText());
                setText(ind, 8, i.path("note"));
                setText(ind, 9, i.path("implied_from"));
                ind.setInt(10, order++);
                ind.executeUpdate();
                int valueOrder = 0;
                for (JsonNode v : i.path("values")) {
                    insertValue(val, id, v, valueOrder++);
                }
            }
        }
        try (PreparedStatement prog = c.prepareStatement(INSERT_PROGRESS); PreparedStatement conf = c.prepareStatement(INSERT_CONFLICT)) {
            for (JsonNode i : indicators) {
                String id = i.path("id").asText();
                for (JsonNode p : i.path("progress")) insertProgress(prog, id, p);
                for (JsonNode k : i.path("conflicts")) {
                    conf.setString(1, id);
                    conf.setString(2, k.path("kind").asText());
                    conf.setString(3, k.path("period").asText());
                    List<String> ids = new ArrayList<>();
                    k.path("value_ids").forEach(n -> ids.add(n.asText()));
                    conf.setArray(4, c.createArrayOf("text", ids.toArray()));
                    conf.executeUpdate();
                }
            }
        }
        return indicators.size();
    }

    private static void insertValue(PreparedStatement ps, String indicatorId, JsonNode v, int order) throws SQLException {
        ps.setString(1, v.path("id").asText());
        ps.setString(2, indicatorId);
        ps.setString(3, v.path("kind").asText());
        ps.setString(4, v.path("period").asText());
        ps.setDate(5, Date.valueOf(YearMonth.parse(v.path("period_start").asText()).atDay(1)));
        ps.setDate(6, Date.valueOf(YearMonth.parse(v.path("period_end").asText()).atEndOfMonth()));
        ps.setString(7, v.path("period_zh").asText());
        ps.setString(8, v.path("period_en").asText());
        ps.setString(9, v.path("stated").asText());
        ps.setBigDecimal(10, v.path("number").decimalValue());
        ps.setBigDecimal(11, v.path("value").decimalValue());
        setText(ps, 12, v.path("qualifier"));
        setText(ps, 13, v.path("reported_share_stated"));
        setNumber(ps, 14, v.path("reported_share"));
        ps.setString(15, v.path("file").asText());
        ps.setInt(16, v.path("line").asInt());
        ps.setString(17, v.path("quote").asText());
        setText(ps, 18, v.path("part_zh"));
        setText(ps, 19, v.path("part_en"));
        setText(ps, 20, v.path("note"));
        ps.setInt(21, order);
        ps.executeUpdate();
    }

    private static void insertProgress(PreparedStatement ps, String indicatorId, JsonNode p) throws SQLException {
        ps.setString(1, indicatorId);
        ps.setString(2, p.path("method").asText());
        ps.setString(3, p.path("target_id").asText());
        ps.setString(4, p.path("actual_id").asText());
        setText(ps, 5, p.path("base_id"));
        setNumber(ps, 6, p.path("share"));
        setNumber(ps, 7, p.path("expected_share"));
        setNumber(ps, 8, p.path("actual_rate"));
        setNumber(ps, 9, p.path("target_rate"));
        setNumber(ps, 10, p.path("gap_points"));
        if (p.hasNonNull("years")) ps.setInt(11, p.path("years").asInt()); else ps.setNull(11, Types.INTEGER);
        ps.setString(12, p.path("status").asText());
        ps.setBoolean(13, p.path("warning").asBoolean());
        setText(ps, 14, p.path("caveat").path("zh"));
        setText(ps, 15, p.path("caveat").path("en"));
        ps.executeUpdate();
    }

    private static void setText(PreparedStatement ps, int i, JsonNode n) throws SQLException {
        if (n.isMissingNode() || n.isNull()) ps.setNull(i, Types.VARCHAR); else ps.setString(i, n.asText());
    }

    private static void setNumber(PreparedStatement ps, int i, JsonNode n) throws SQLException {
        if (n.isMissingNode() || n.isNull()) ps.setNull(i, Types.NUMERIC); else ps.setBigDecimal(i, n.decimalValue());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
