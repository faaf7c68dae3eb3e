package org.liudong.planview.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * Per-account tokens for API clients ({@code Authorization: Bearer pv_…}). The token is shown once
 * when made; the table keeps its SHA-256. A token acts with its account's current role.
 */
public final class ApiTokens {
    static final String PREFIX = "pv_";
    private final DataSource ds;

    public ApiTokens(DataSource ds) {
        this.ds = ds;
    }

    public record Issued(long id, String label, String token) {
    }

    /** Times in ISO 8601, UTC+8. */
    public record Listed(long id, String label, String createdAt, String lastUsedAt, String revokedAt) {
    }

    public Issued issue(long accountId, String label) {
        String clean = label == null ? "" : label.strip();
        if (clean.isEmpty() || clean.length() > 100) throw Problem.badRequest("label: name the token (1 to 100 characters), e.g. 'QGIS on my desk'");
        String token = PREFIX + Secrets.newToken();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO api_token (account_id, token_hash, label) VALUES (?, ?, ?) RETURNING id")) {
            ps.setLong(1, accountId);
            ps.setString(2, Secrets.sha256(token));
            ps.setString(3, clean);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Issued(rs.getLong(1), clean, token);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot issue a token", e);
        }
    }

    /** The caller a token stands for, while it is not revoked and its account is active. */
    public Optional<Caller> find(String token, String address) {
        if (token == null || !token.startsWith(PREFIX)) return Optional.empty();
        try (Connection c = ds.getConnection()) {
            long tokenId;
            Caller caller;
            boolean stale;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT t.id, a.id, a.name, a.role, t.last_used_at IS NULL OR t.last_used_at < now() - interval '10 minutes'
                    FROM api_token t JOIN account a ON a.id = t.account_id
                    WHERE t.token_hash = ? AND t.revoked_at IS NULL AND a.active""")) {
                ps.setString(1, Secrets.sha256(token));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    tokenId = rs.getLong(1);
                    caller = new Caller(rs.getString(3), Role.parse(rs.getString(4)).orElseThrow(), rs.getLong(2),
                            Caller.Credential.API_TOKEN, address, null);
                    stale = rs.getBoolean(5);
                }
            }
            // Last use to the nearest ten minutes: a write per request would cost every tile a round trip.
            if (stale) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET last_used_at = now() WHERE id = ?")) {
                    ps.setLong(1, tokenId);
                    ps.executeUpdate();
                }
            }
            return Optional.of(caller);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the API tokens", e);
        }
    }

    public List<Listed> list(long accountId) {
        List<Listed> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, label, created_at, last_used_at, revoked_at FROM api_token WHERE account_id = ? ORDER BY id")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Listed(rs.getLong(1), rs.getString(2), Text.beijingTime(rs.getObject(3, OffsetDateTime.class)),
                            Text.beijingTime(rs.getObject(4, OffsetDateTime.class)), Text.beijingTime(rs.getObject(5, OffsetDateTime.class))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the API tokens", e);
        }
        return out;
    }

    /** Revokes one of the account's own tokens; false when it has no such (unrevoked) token. */
    public boolean revoke(long accountId, long tokenId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE api_token SET revoked_at = now() WHERE id = ? AND account_id = ? AND revoked_at IS NULL")) {
            ps.setLong(1, tokenId);
            ps.setLong(2, accountId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke the token", e);
        }
    }
}
