package org.liudong.planview.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Web-map sign-ins, kept in PostgreSQL so that any of several servers can serve the next request.
 * The browser holds a random token in a cookie; the table holds its SHA-256 and a CSRF token.
 */
public final class Sessions {
    private final DataSource ds;
    private final Duration lifetime;

    public Sessions(DataSource ds, Duration lifetime) {
        this.ds = ds;
        this.lifetime = lifetime;
    }

    /** A new session: {@code token} goes into the cookie, {@code csrfToken} to the page. */
    public record Started(String token, String csrfToken, OffsetDateTime expiresAt) {
    }

    public Started start(Account account, String address) {
        String token = Secrets.newToken();
        String csrf = Secrets.newToken();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM account_session WHERE expires_at < now()")) {
                purge.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO account_session (token_hash, account_id, csrf_token, client_address, expires_at)
                    VALUES (?, ?, ?, ?, now() + make_interval(secs => ?)) RETURNING expires_at""")) {
                ps.setString(1, Secrets.sha256(token));
                ps.setLong(2, account.id());
                ps.setString(3, csrf);
                ps.setString(4, address);
                ps.setDouble(5, lifetime.toSeconds());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Started(token, csrf, rs.getObject(1, OffsetDateTime.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start a session", e);
        }
    }

    /** The caller a cookie's token stands for, while the session lasts and the account is active. */
    public Optional<Caller> find(String token, String address) {
        if (token == null || token.length() != 43) return Optional.empty();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT a.id, a.name, a.role, s.csrf_token FROM account_session s JOIN account a ON a.id = s.account_id
                WHERE s.token_hash = ? AND s.expires_at > now() AND a.active""")) {
            ps.setString(1, Secrets.sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Caller(rs.getString(2), Role.parse(rs.getString(3)).orElseThrow(), rs.getLong(1),
                        Caller.Credential.SESSION, address, rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sessions", e);
        }
    }

    public void end(String token) {
        if (token == null) return;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM account_session WHERE token_hash = ?")) {
            ps.setString(1, Secrets.sha256(token));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the session", e);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }
}
