import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'rfid-driver',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
