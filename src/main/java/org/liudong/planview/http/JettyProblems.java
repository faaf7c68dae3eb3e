package org.liudong.planview.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers Jetty gives itself, before any route runs — a request line it cannot parse, a
 * control character, a URL or headers over its limits, an unknown HTTP version — as problems in
 * our words like every other error, instead of its HTML page quoting its parser. Set as the
 * server's and the servlet context's error handler.
 */
public final class JettyProblems extends ErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(JettyProblems.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean errorPageForMethod(String method) {
        return true;  // every method gets a body, not only GET and POST
    }

    /** A request the parser refused: the connection is closed after this answer. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        log.debug("refused before routing: {} {}", status, reason);
        fields.put(HttpHeader.CONTENT_TYPE, ErrorHandling.PROBLEM_JSON);
        return ByteBuffer.wrap(body(status, detail(status, reason), null));
    }

    /** An error Jetty sends from inside the servlet context (a sendError nobody else answered). */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(ErrorHandling.PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body(code, detail(code, message), request.getRequestURI()));
    }

    /** A problem document for a status, without a request context. */
    public static byte[] body(int status, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", ErrorHandling.reason(status));
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) body.put("instance", instance);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** What went wrong, in our words: Jetty's reason only chooses among them. */
    static String detail(int status, String reason) {
        String r = reason == null ? "" : reason.toLowerCase(java.util.Locale.ROOT);
        return switch (status) {
            case 400 -> {
                if (r.contains("no host")) yield "the request has no Host header";
                if (r.contains("content-length")) yield "the request's Content-Length is missing a number or given twice";
                if (r.contains("illegal character") || r.contains("cntl")) {
                    yield "the request holds a character HTTP does not allow where it stands (a control character such as NUL, "
                            + "or a space or symbol in the method or a header name); in a URL, encode it as %XX";
                }
                yield "the request is not valid HTTP: its request line, a header, or the encoding of its URL (a '%' must be "
                        + "followed by two hexadecimal digits, and '..', NUL or an encoded '/' may not hide in a path) is malformed";
            }
            case 414 -> "the URL is longer than the server accepts (8 KB); send a long filter with fewer vertices or a bbox instead";
            case 431 -> "the request's headers are larger than the server accepts (8 KB)";
            case 505 -> "this server speaks HTTP/1.0 and HTTP/1.1";
            default -> ErrorHandling.plainDetail(status);
        };
    }
}
