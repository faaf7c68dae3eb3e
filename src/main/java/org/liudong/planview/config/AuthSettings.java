package org.liudong.planview.config;

import java.util.Arrays;
import java.util.List;

/** Who may write: editor credentials (bearer tokens); none = writing is off. */
public record AuthSettings(List<String> editorTokens) {
    private static final int MIN_TOKEN_LENGTH = 16;

    public AuthSettings {
        editorTokens = List.copyOf(editorTokens);
    }

    static AuthSettings from(SettingSource s) {
        String raw = s.get("PLANVIEW_EDITOR_TOKENS");
        if (raw == null) return new AuthSettings(List.of());
        List<String> tokens = Arrays.stream(raw.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        for (String t : tokens) {
            if (t.length() < MIN_TOKEN_LENGTH) {
                throw new ConfigException("PLANVIEW_EDITOR_TOKENS", "each token must be at least " + MIN_TOKEN_LENGTH + " characters");
            }
        }
        return new AuthSettings(tokens);
    }

    @Override
    public String toString() {
        return "AuthSettings[editors=" + editorTokens.size() + "]";  // never print a credential
    }
}
