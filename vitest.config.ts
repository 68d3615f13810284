import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Native tests can crash a worker and cmake-js calls process.chdir: run each file in its own fork.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    execArgv: ['--disable-warning=ExperimentalWarning'],
  },
});
