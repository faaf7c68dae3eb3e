package org.liudong.planview.web;

import com.microsoft.playwright.Page;

/** What the browser tests ask of the map page beyond clicks: its state, read through window.planview. */
final class MapPage {
    private MapPage() {
    }

    /** Waits until OpenLayers has drawn the current view with every tile loaded. */
    static void waitForRender(Page page) {
        page.evaluate("() => new Promise(done => { const m = window.planview.map;"
                + " const t = setTimeout(done, 15000); m.once('rendercomplete', () => { clearTimeout(t); done(); }); m.render(); })");
    }

    static double centreLatitude(Page page) {
        return ((Number) page.evaluate("() => window.planview.toLonLat(window.planview.map.getView().getCenter())[1]")).doubleValue();
    }

    /**
     * Pixels of the map's canvases by exact colour (#rrggbb, opaque only: antialiased edges
     * between colours are left out), with the view's resolution and extent in Web Mercator.
     */
    static final String COUNT_PIXELS_BY_COLOUR = """
            () => {
              const m = window.planview.map;
              const byColour = {};
              for (const canvas of m.getViewport().querySelectorAll('canvas')) {
                if (!canvas.width) continue;
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i + 3] !== 255) continue;
                  const hex = '#' + [data[i], data[i + 1], data[i + 2]].map(v => v.toString(16).padStart(2, '0')).join('');
                  byColour[hex] = (byColour[hex] || 0) + 1;
                }
              }
              const view = m.getView();
              return { byColour, resolution: view.getResolution(), extent: view.calculateExtent(m.getSize()) };
            }""";

    /** The colour of {@code palette} within {@code tolerance} per channel of {@code hex}, or null. */
    static String nearestColour(String hex, java.util.Collection<String> palette, int tolerance) {
        int[] c = rgb(hex);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String p : palette) {
            int[] q = rgb(p);
            int d = Math.max(Math.abs(c[0] - q[0]), Math.max(Math.abs(c[1] - q[1]), Math.abs(c[2] - q[2])));
            if (d <= tolerance && d < bestDistance) {
                best = p;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1, 7), 16);
        return new int[] {v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff};
    }
}
