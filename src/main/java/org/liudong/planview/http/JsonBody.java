package org.liudong.planview.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;

/** A small JSON object sent by a form of the web map or a script: checked, with clear 4xx answers. */
public final class JsonBody {
    private static final ObjectMapper json = new ObjectMapper();
    private static final int MAX_BYTES = 64 * 1024;
    private final JsonNode body;

    private JsonBody(JsonNode body) {
        this.body = body;
    }

    public static JsonBody of(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new Problem(415, "Unsupported Media Type", "send a JSON object with Content-Type: application/json");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BYTES) throw new Problem(413, "Content Too Large", "the JSON body may have at most 64 KB");
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) throw Problem.badRequest("the body must be a JSON object");
            return new JsonBody(node);
        } catch (IOException e) {
            throw Problem.badRequest("the body is not valid JSON");
        }
    }

    /** A text member, or null when it is absent; a 400 when it is there but not text. */
    public String text(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw Problem.badRequest(name + ": give a text value");
        return v.asText();
    }

    public String required(String name) {
        String v = text(name);
        if (v == null || v.isBlank()) throw Problem.badRequest(name + ": missing");
        return v;
    }

    public boolean bool(String name) {
        JsonNode v = body.get(name);
        if (v == null || !v.isBoolean()) throw Problem.badRequest(name + ": give true or false");
        return v.asBoolean();
    }
}
