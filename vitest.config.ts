import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Hermetic tests: nothing from the developer's WasmEdge set-up (WASMEDGE_PLUGIN_PATH, ~/.wasmedge, an
// installed libwasmedge) reaches the kit. HOME is a fresh empty directory; the tool caches that live
// under the real one (cargo, rustup, npm) are named explicitly so offline builds keep working.
const realHome = os.homedir();
// One fixed, empty directory (nothing the kit reads is ever put there), so runs leave nothing behind.
const testHome = path.join(os.tmpdir(), 'wpk-test-home');
fs.mkdirSync(testHome, { recursive: true });

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ (what the CLI tests run) is recompiled first when a source is newer.
    globalSetup: ['test/global-setup.ts'],
    // Native tests can crash a worker and cmake-js calls process.chdir: run each file in its own fork.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    execArgv: ['--disable-warning=ExperimentalWarning'],
    env: {
      HOME: testHome,
      WASMEDGE_PLUGIN_PATH: '',
      // The only place the kit looks for an installed libwasmedge; it does not exist.
      WASMEDGE_LIB_DIR: path.join(testHome, 'no-wasmedge-installed'),
      CARGO_HOME: process.env.CARGO_HOME ?? path.join(realHome, '.cargo'),
      RUSTUP_HOME: process.env.RUSTUP_HOME ?? path.join(realHome, '.rustup'),
      npm_config_cache: process.env.npm_config_cache ?? path.join(realHome, '.npm'),
      npm_config_userconfig: process.env.npm_config_userconfig ?? path.join(realHome, '.npmrc'),
    },
  },
});
