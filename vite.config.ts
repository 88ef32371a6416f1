import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The till UI: built into dist/renderer, which the till core serves in browser mode and the
// Electron window loads. Relative asset paths, so the same build works from either.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
  },
});
