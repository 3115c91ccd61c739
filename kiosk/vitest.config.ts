import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'kiosk',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Builds the touch UI once for every browser test (parallel builds would race on dist/).
    globalSetup: ['test/global-setup.ts'],
  },
});
