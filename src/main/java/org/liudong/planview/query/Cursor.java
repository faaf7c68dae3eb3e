package org.liudong.planview.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.liudong.planview.http.Problem;

/**
 * Where a page ended, carried by the {@code next} link: the sort-key values of the last feature
 * (its id last), so that the next page starts with an index seek instead of skipping rows —
 * page 10,000 is as quick as page 1. Opaque to clients (base64url JSON); the values are bound as
 * parameters and cast by PostgreSQL, so a forged cursor can only fail, not inject.
 *
 * @param sortby   the sortby the cursor was made for; a cursor is refused under another sort
 * @param position how many features came before the page it starts (for prev links and HTML)
 * @param keys     text values of the sort keys and the id, in ORDER BY order; null for SQL NULL
 * @param matched  numberMatched as counted for the first page, so that deep pages need not count
 *                 the whole result again; -1 when unknown
 */
public record Cursor(String sortby, long position, List<String> keys, long matched) {
    private static final ObjectMapper json = new ObjectMapper();

    public Cursor {
        keys = Collections.unmodifiableList(new ArrayList<>(keys));
    }

    public String encode() {
        ArrayNode a = json.createArrayNode().add(sortby).add(position);
        ArrayNode k = a.addArray();
        keys.forEach(k::add);
        a.add(matched);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(a.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text) {
        try {
            JsonNode a = json.readTree(Base64.getUrlDecoder().decode(text.trim()));
            if (a == null || !a.isArray() || a.size() != 4 || !a.get(0).isTextual() || !a.get(1).canConvertToLong()
                    || a.get(1).asLong() < 0 || !a.get(2).isArray() || !a.get(3).canConvertToLong()) {
                throw invalid();
            }
            List<String> keys = new ArrayList<>();
            for (JsonNode k : a.get(2)) {
                if (!k.isNull() && !k.isTextual()) throw invalid();
                keys.add(k.isNull() ? null : k.asText());
            }
            return new Cursor(a.get(0).asText(), a.get(1).asLong(), keys, Math.max(-1, a.get(3).asLong()));
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    static Problem invalid() {
        return Problem.badRequest("parameter cursor: not a cursor this server made; follow the next link of a previous page, or use offset");
    }
}
