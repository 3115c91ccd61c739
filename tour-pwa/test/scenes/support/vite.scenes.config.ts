/**
 * Builds only the scenes harness page (scenes.html) for the Chromium tests and the bench, without
 * the app's PWA plugin. The app's own vite.config.ts should list scenes.html as a second input
 * (see src/scenes/README.md) so the same page ships with the app build.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'error',
  plugins: [react()],
  build: {
    target: 'es2022',
    emptyOutDir: true,
    rolldownOptions: { input: { scenes: `${root}scenes.html` } },
  },
});
