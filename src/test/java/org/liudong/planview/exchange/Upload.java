package org.liudong.planview.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.liudong.planview.testing.TestDatabase;
import org.liudong.planview.testing.TestServer;

/** Multipart uploads to the real server, as {@code curl -F} sends them. */
public final class Upload {
    private Upload() {
    }

    public static HttpResponse<String> post(String path, String fileName, byte[] file, Map<String, String> fields) {
        return send("POST", TestServer.baseUrl() + path, fileName, file, fields, "Bearer " + TestDatabase.EDITOR_TOKEN);
    }

    public static HttpResponse<String> put(String path, String fileName, byte[] file, Map<String, String> fields) {
        return send("PUT", TestServer.baseUrl() + path, fileName, file, fields, "Bearer " + TestDatabase.EDITOR_TOKEN);
    }

    public static HttpResponse<String> send(String method, String url, String fileName, byte[] file, Map<String, String> fields,
                                     String authorization) {
        return TestServer.send(request(method, url, fileName, file, fields, authorization));
    }

    /** The multipart request, for callers that read the answer as bytes. */
    public static HttpRequest request(String method, String url, String fileName, byte[] file, Map<String, String> fields,
                                      String authorization) {
        String boundary = "----planview" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var e : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) b.header("Authorization", authorization);
        return b.build();
    }

    public static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
