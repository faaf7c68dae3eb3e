package org.liudong.planview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.liudong.planview.testing.RepoPaths;
import org.liudong.planview.testing.TestServer;

/** The curl examples of docs/api.md (the OGC API section) work as written, against the shipped data. */
class ApiDocsExamplesTest {
    private static final Pattern URL = Pattern.compile("\"?\\$B(/[^\"\\s]*)\"?");
    private static final Pattern DATA = Pattern.compile("--data-urlencode \"([^\"]+)\"");

    @Test
    void everyCurlExampleAnswers() throws Exception {
        String doc = Files.readString(RepoPaths.root().resolve("docs/api.md"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("## OGC API – Features and vector tiles"));
        section = section.substring(section.indexOf("```sh"), section.indexOf("```", section.indexOf("```sh") + 5));
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : section.split("\n")) {
            String l = line.replaceFirst("\\s+#.*$", "");
            current.append(l.endsWith("\\") ? l.substring(0, l.length() - 1) : l).append(' ');
            if (!l.endsWith("\\")) {
                if (current.toString().contains("curl")) commands.add(current.toString());
                current.setLength(0);
            }
        }
        assertTrue(commands.size() >= 10, commands.toString());
        for (String cmd : commands) {
            Matcher u = URL.matcher(cmd);
            assertTrue(u.find(), cmd);
            StringBuilder path = new StringBuilder(u.group(1));
            Matcher d = DATA.matcher(cmd);
            while (d.find()) {
                String[] kv = d.group(1).split("=", 2);
                path.append(path.indexOf("?") < 0 ? '?' : '&').append(kv[0]).append('=')
                        .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8).replace("+", "%20"));
            }
            String accept = cmd.contains("Accept: application/json") ? "application/json" : "application/json,application/geo+json";
            HttpResponse<String> r = TestServer.get(path.toString(), accept);
            assertEquals(200, r.statusCode(), cmd + " → " + r.body());
            if (path.toString().contains("/items?") && !path.toString().contains("tiles")) {
                assertTrue(r.body().contains("\"numberMatched\":") && !r.body().contains("\"numberMatched\":0,"), cmd + " matches something");
            }
        }
    }
}
