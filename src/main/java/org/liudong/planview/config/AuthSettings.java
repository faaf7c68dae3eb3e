package org.liudong.planview.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Who may read and write, and how signing in is bounded.
 *
 * @param editorTokens          configured editor credentials (bearer tokens, PLANVIEW_EDITOR_TOKENS), kept
 *                              for scripts that predate accounts; they act as an editor named by a fingerprint
 * @param anonymousRead         whether visitors who have not signed in may read public collections
 * @param sessionLifetime       how long a sign-in in the web map lasts
 * @param maxFailuresPerAccount failed sign-ins of one account within {@code failureWindow} before it is refused
 * @param maxFailuresPerAddress failed sign-ins from one client address within {@code failureWindow} before it is refused
 * @param failureWindow         the window the failures are counted in
 * @param secureCookies         whether the session cookie is marked Secure (serve over HTTPS, or behind a TLS proxy)
 */
public record AuthSettings(List<String> editorTokens, boolean anonymousRead, Duration sessionLifetime, int maxFailuresPerAccount,
                           int maxFailuresPerAddress, Duration failureWindow, boolean secureCookies) {
    private static final int MIN_TOKEN_LENGTH = 16;

    public AuthSettings {
        editorTokens = List.copyOf(editorTokens);
    }

    static AuthSettings from(SettingSource s) {
        return new AuthSettings(editorTokens(s.get("PLANVIEW_EDITOR_TOKENS")),
                s.bool("PLANVIEW_ANONYMOUS_READ", true),
                Duration.ofHours(s.integer("PLANVIEW_SESSION_HOURS", 12, 1, 24 * 30)),
                s.integer("PLANVIEW_LOGIN_MAX_FAILURES", 5, 1, 1000),
                s.integer("PLANVIEW_LOGIN_MAX_FAILURES_PER_ADDRESS", 20, 1, 100_000),
                Duration.ofMinutes(s.integer("PLANVIEW_LOGIN_WINDOW_MINUTES", 15, 1, 24 * 60)),
                s.bool("PLANVIEW_SECURE_COOKIES", false));
    }

    private static List<String> editorTokens(String raw) {
        if (raw == null) return List.of();
        List<String> tokens = Arrays.stream(raw.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        for (String t : tokens) {
            if (t.length() < MIN_TOKEN_LENGTH) {
                throw new ConfigException("PLANVIEW_EDITOR_TOKENS", "each token must be at least " + MIN_TOKEN_LENGTH + " characters");
            }
        }
        return tokens;
    }

    @Override
    public String toString() {
        // never print a credential
        return "AuthSettings[editors=" + editorTokens.size() + ", anonymousRead=" + anonymousRead + ", session=" + sessionLifetime
                + ", maxFailures=" + maxFailuresPerAccount + "/" + maxFailuresPerAddress + " per " + failureWindow + "]";
    }
}
