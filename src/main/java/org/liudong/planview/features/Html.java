package org.liudong.planview.features;

/** Server-rendered HTML pages: a shared frame and escaping. Every value that reaches a page goes through {@link #esc}. */
final class Html {
    private Html() {
    }

    static String esc(Object o) {
        if (o == null) return "";
        String s = o.toString();
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><style>"
                + "body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:1.5rem auto;max-width:70rem;padding:0 1rem;color:#222}"
                + "table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}"
                + "th{background:#f3f3f3}.caveat{background:#fff6d6;border-left:4px solid #e6a700;padding:.4rem .8rem}"
                + "nav a{margin-right:1rem}pre{white-space:pre-wrap;word-break:break-all;max-height:20rem;overflow:auto;background:#f8f8f8;padding:.5rem}"
                + "</style></head><body>\n<nav><a href=\"/?f=html\">首页 Home</a><a href=\"/collections?f=html\">图层 Collections</a>"
                + "<a href=\"/api?f=html\">API</a></nav>\n<h1>" + esc(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    static String link(String href, String text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }
}
