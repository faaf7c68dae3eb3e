import { defineConfig } from 'vite';

// The Java server serves dist/ at "/" and the API beside it; `npm run dev` proxies the API to a
// running server (PLANVIEW_URL, default the lead's 7070) so the page can be worked on live.
const api = process.env.PLANVIEW_URL || 'http://127.0.0.1:7070';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1024,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/collections': api,
      '/config.json': api,
      '/health': api,
      '/conformance': api,
    },
  },
});
