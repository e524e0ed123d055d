import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // two cores: files run two at a time, each on its own in-memory PGlite or PostgreSQL database
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    // a loaded CI machine draws a page slower than vitest's 1 s default; a poll that never succeeds still fails
    expect: { poll: { timeout: 15_000 } },
  },
});
