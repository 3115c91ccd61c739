import { defineConfig } from 'vitest/config';

// One workspace config: each workspace is a Vitest project with its own
// vitest.config.ts; `npm test` runs them all, `npm test -w <ws>` one of them.
export default defineConfig({
  test: {
    projects: ['content', 'content/tools', 'authoring', 'tour-pwa', 'rfid-driver', 'kiosk', 'test'],
  },
});
