import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Component tests (test/renderer/**/*.test.tsx) opt into a DOM with `// @vitest-environment happy-dom`.
    environment: 'node',
    testTimeout: 60_000,
  },
});
