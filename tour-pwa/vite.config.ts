import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The shell is precached; tour packages, tiles and config.json are not (they
// arrive at run time: packages through the download manager after verification,
// config.json written next to index.html at deploy time).
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    // No preload hint for the Markdown chunk from index.html: the catalogue never imports it.
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) =>
        hostType === 'html' ? deps.filter((d) => !/markdown-/.test(d)) : deps,
    },
    rolldownOptions: {
      output: {
        // The Markdown renderer is needed from the tour page on, not by the catalogue (first route).
        codeSplitting: {
          groups: [
            {
              name: 'markdown',
              test: /node_modules[\\/](markdown-it|entities|linkify-it|mdurl|punycode\.js|uc\.micro)[\\/]|content[\\/]src[\\/]markdown[\\/]/,
            },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  plugins: [
    react(),
    {
      // @dunkirk/content's modules only define things (schemas, functions, tables). Saying so lets
      // the bundler drop what a chunk does not use — notably the Markdown renderer from the first route.
      name: 'content-has-no-side-effects',
      transform(code, id) {
        if (/[\\/]content[\\/]src[\\/]/.test(id)) return { code, map: null, moduleSideEffects: false };
        return null;
      },
    },
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      includeManifestIcons: false,
      injectManifest: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest,woff2}'],
        globIgnores: ['config.json', 'tours/**'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      manifest: {
        id: './',
        name: 'Dunkerque 1940 — parcours',
        short_name: 'Dunkerque 1940',
        description:
          'Parcours patrimoniaux de l’opération Dynamo · Heritage tours of Operation Dynamo · Erfgoedwandelingen',
        lang: 'fr',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f4f1ea',
        theme_color: '#1d3557',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
});
