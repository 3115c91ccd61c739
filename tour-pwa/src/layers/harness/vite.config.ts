import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Builds the layers harness page on its own: `vite build --config src/layers/harness/vite.config.ts --outDir <dir>`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'error',
  build: { target: 'es2022', emptyOutDir: true },
  plugins: [react()],
});
