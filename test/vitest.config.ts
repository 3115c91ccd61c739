import { defineProject } from 'vitest/config';

// Repository-wide checks: lint boundaries, quick start, CI script.
export default defineProject({
  test: {
    name: 'repo',
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
