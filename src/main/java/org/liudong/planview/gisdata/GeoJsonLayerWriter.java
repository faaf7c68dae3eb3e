package org.liudong.planview.gisdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Copies the features of one GeoJSON file into its table, property by property. */
final class GeoJsonLayerWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonLayerWriter() {
    }

    /** @return the number of features written */
    static int write(Connection c, Path gisDataDir, LayerSpec spec) throws SQLException {
        Path file = gisDataDir.resolve(spec.file());
        JsonNode root = read(file);
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new IllegalArgumentException(file + " is not a GeoJSON FeatureCollection");
        }
        try (PreparedStatement ps = c.prepareStatement(spec.insertSql())) {
            for (JsonNode f : features) {
                JsonNode props = f.path("properties");
                int i = 1;
                for (LayerSpec.Column col : spec.columns()) {
                    bind(ps, i++, col, props.path(col.name()));
                }
                ps.setString(i, JSON.writeValueAsString(f.path("geometry")));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return features.size();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void bind(PreparedStatement ps, int i, LayerSpec.Column col, JsonNode v) throws SQLException {
        boolean absent = v.isMissingNode() || v.isNull();
        switch (col.type()) {
            case TEXT -> {
                if (absent) ps.setNull(i, Types.VARCHAR); else ps.setString(i, v.asText());
            }
            case NUMERIC -> {
                if (absent) ps.setNull(i, Types.NUMERIC); else ps.setBigDecimal(i, new BigDecimal(v.asText()));
            }
            case INTEGER -> {
                if (absent) ps.setNull(i, Types.INTEGER); else ps.setInt(i, v.asInt());
            }
            case BOOLEAN -> {
                if (absent) ps.setNull(i, Types.BOOLEAN); else ps.setBoolean(i, v.asBoolean());
            }
            case JSONB -> {
                if (absent) ps.setNull(i, Types.VARCHAR); else ps.setString(i, v.toString());
            }
        }
    }
}
