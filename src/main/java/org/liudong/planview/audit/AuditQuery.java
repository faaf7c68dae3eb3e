package org.liudong.planview.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * A filter of the audit trail from query parameters: {@code from}, {@code to} (a date, taken in
 * Beijing time, or an ISO date-time), {@code user}, {@code action}, {@code collection},
 * {@code outcome}; every value bound.
 */
record AuditQuery(SqlStatement where, int limit, long offset) {
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    static final Set<String> PARAMETERS = Set.of("from", "to", "user", "action", "collection", "outcome", "limit", "offset", "f");
    private static final Set<String> OUTCOMES = Set.of("success", "failure", "refused");

    static AuditQuery parse(Map<String, List<String>> query, int maxLimit) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!PARAMETERS.contains(e.getKey())) {
                throw Problem.badRequest("unknown parameter '" + Text.shorten(e.getKey()) + "'; the audit trail takes "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
            if (e.getValue().size() > 1) throw Problem.badRequest("parameter " + e.getKey() + ": given more than once");
        }
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String from = single(query, "from");
        if (from != null) {
            conditions.add("occurred_at >= ?");
            params.add(time(from, "from", false));
        }
        String to = single(query, "to");
        if (to != null) {
            conditions.add("occurred_at < ?");
            params.add(time(to, "to", true));
        }
        String user = single(query, "user");
        if (user != null) {
            conditions.add("user_name = ?");
            params.add(user);
        }
        String action = single(query, "action");
        if (action != null) {
            AuditAction a = AuditAction.parse(action.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> Problem.badRequest(
                    "parameter action: '" + Text.shorten(action) + "' is not an audited action; one of "
                            + String.join(", ", java.util.Arrays.stream(AuditAction.values()).map(AuditAction::code).toList())));
            conditions.add("action = ?");
            params.add(a.code());
        }
        String collection = single(query, "collection");
        if (collection != null) {
            conditions.add("collection_id = ?");
            params.add(collection);
        }
        String outcome = single(query, "outcome");
        if (outcome != null) {
            if (!OUTCOMES.contains(outcome)) throw Problem.badRequest("parameter outcome: one of success, failure, refused");
            conditions.add("outcome = ?");
            params.add(outcome);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new AuditQuery(new SqlStatement(where, params), number(single(query, "limit"), "limit", 100, 1, maxLimit),
                number(single(query, "offset"), "offset", 0, 0, Long.MAX_VALUE));
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) return null;
        return v.get(0).strip();
    }

    /** A date is a whole day in Beijing time: {@code to=2026-12-01} includes that day. */
    private static OffsetDateTime time(String text, String name, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate d = LocalDate.parse(text);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay().atOffset(BEIJING);
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("parameter " + name + ": '" + Text.shorten(text)
                    + "' is neither a date (2026-12-01) nor a date-time with offset (2026-12-01T08:00:00+08:00)");
        }
    }

    private static int number(String text, String name, int fallback, int min, int max) {
        return (int) number(text, name, (long) fallback, min, (long) max);
    }

    private static long number(String text, String name, long fallback, long min, long max) {
        if (text == null) return fallback;
        if (!text.matches("\\d{1,12}")) throw Problem.badRequest("parameter " + name + ": '" + Text.shorten(text) + "' is not a whole number");
        long n = Long.parseLong(text);
        if (n < min || n > max) throw Problem.badRequest("parameter " + name + ": must be between " + min + " and " + max);
        return n;
    }
}
