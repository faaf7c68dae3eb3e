package org.liudong.planview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    private Map<String, String> base() {
        return Map.of("PLANVIEW_GIS_DATA", dir.toString());
    }

    private static Map<String, String> with(Map<String, String> a, String k, String v) {
        var m = new java.util.HashMap<>(a);
        m.put(k, v);
        return m;
    }

    @Test
    void defaults() {
        Settings s = Settings.from(base());
        assertEquals("127.0.0.1", s.server().host());
        assertEquals(7070, s.server().port());
        assertEquals("planview", s.database().database());
        assertTrue(s.auth().editorTokens().isEmpty());
    }

    @Test
    void libpqUrlWithEscapedPassword() {
        Settings s = Settings.from(with(base(), "DATABASE_URL", "postgresql://me:p%40ss@db.example:6543/plans"));
        assertEquals("db.example", s.database().host());
        assertEquals(6543, s.database().port());
        assertEquals("plans", s.database().database());
        assertEquals("p@ss", s.database().password());
    }

    @Test
    void badPortNamesTheSetting() {
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.from(with(base(), "PLANVIEW_PORT", "seventy")));
        assertTrue(e.getMessage().contains("PLANVIEW_PORT"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Settings.from(with(base(), "PLANVIEW_PORT", "70000")));
        assertTrue(e.getMessage().contains("PLANVIEW_PORT"), e.getMessage());
    }

    @Test
    void badDatabaseUrlNamesTheSetting() {
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.from(with(base(), "DATABASE_URL", "mysql://x@h/db")));
        assertTrue(e.getMessage().contains("DATABASE_URL"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Settings.from(with(base(), "DATABASE_URL", "postgresql://h:5432/")));
        assertTrue(e.getMessage().contains("DATABASE_URL"), e.getMessage());
    }

    @Test
    void shortEditorTokenIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.from(with(base(), "PLANVIEW_EDITOR_TOKENS", "abc")));
        assertTrue(e.getMessage().contains("PLANVIEW_EDITOR_TOKENS"));
    }

    @Test
    void badTiandituKeyIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.from(with(base(), "PLANVIEW_TIANDITU_KEY", "nope")));
        assertTrue(e.getMessage().contains("PLANVIEW_TIANDITU_KEY"));
    }

    @Test
    void fileIsReadAndEnvironmentWins() throws Exception {
        Path f = dir.resolve("planview.properties");
        Files.writeString(f, "PLANVIEW_PORT=8088\nPLANVIEW_HOST=0.0.0.0\n", StandardCharsets.UTF_8);
        Settings s = Settings.from(Map.of("PLANVIEW_CONFIG", f.toString(), "PLANVIEW_GIS_DATA", dir.toString(), "PLANVIEW_HOST", "::1"));
        assertEquals(8088, s.server().port());
        assertEquals("::1", s.server().host());
    }

    @Test
    void missingConfigFileNamesTheSetting() {
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.from(with(base(), "PLANVIEW_CONFIG", dir.resolve("nope").toString())));
        assertTrue(e.getMessage().contains("PLANVIEW_CONFIG"));
    }
}
