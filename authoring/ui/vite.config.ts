import { defineConfig } from 'vite';

// No React plugin: Vite's own transform handles TSX with the automatic runtime; the authoring UI does
// not need Fast Refresh badly enough to add a dependency to the workspace.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: { proxy: { '/api': 'http://127.0.0.1:5180', '/published': 'http://127.0.0.1:5180' } },
});
