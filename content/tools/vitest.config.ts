import { defineProject } from 'vitest/config';

// The media generators' tests. Until the root config lists this folder (or content's include takes
// `tools/**`), run them with: npx vitest run --config content/tools/vitest.config.ts
export default defineProject({
  test: {
    name: 'content-tools',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
