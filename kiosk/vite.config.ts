import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The touch UI: one static bundle served by the Electron shell (app://kiosk) or the browser shell.
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or eval: the kiosk CSP forbids them.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        kiosk: fileURLToPath(new URL('./src/renderer/index.html', import.meta.url)),
        pad: fileURLToPath(new URL('./src/renderer/pad.html', import.meta.url)),
      },
    },
  },
});
