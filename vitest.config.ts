import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` needs nothing running; `emulated` runs inside
 * `npm run with-emulators` (Auth, Functions, Firestore); `e2e` drives
 * Chromium against the local desktop. Every project blocks outbound network.
 */
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['model/test/**/*.test.ts', 'functions/test/unit/**/*.test.ts', 'scripts/test/**/*.test.ts', 'local-stack/taskrouter/test/**/*.test.ts'],
          exclude: ['**/*.emulated.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'plugin',
          include: ['plugin/test/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['plugin/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'emulated',
          include: [
            'functions/test/emulated/**/*.test.ts',
            'plugin/test/emulated/**/*.test.ts',
            'rules-test/**/*.test.ts',
            'scripts/test/**/*.emulated.test.ts',
            'test-support/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // One browser at a time: two cores are shared with the emulators.
          fileParallelism: false,
        },
      },
    ],
    setupFiles: ['test-support/blockOutboundNetwork.ts'],
  },
});
