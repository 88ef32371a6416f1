import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run till` listens unless its config says otherwise. */
const DEFAULT_TILL_URL = 'http://127.0.0.1:8410';

// The till UI: built into dist/renderer, which the till core serves in browser mode and the
// Electron window loads. Relative asset paths, so the same build works from either.
// `npm run dev:renderer` serves it with hot reload and passes /api on to a running till at
// TILL_URL. The till answers only requests addressed to its own loopback address, hence
// changeOrigin; the page still needs the till's launch token in its address (?token=...).
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: process.env.TILL_URL ?? DEFAULT_TILL_URL, changeOrigin: true },
    },
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
  },
});
