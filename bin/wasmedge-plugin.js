#!/usr/bin/env node
import module from 'node:module';
import './silence-wasi-warning.js';

// Node 22.1+ caches compiled code between runs (start-up matters for inspect); Node 20 lacks it.
// The isolation child inherits the cache directory (tooling/isolation/parent.ts).
module.enableCompileCache?.();
// Then the isolation child of inspect/call/run starts, and loads while we load the CLI.
const { prestartFor } = await import('../dist/cli/prestart.js');
prestartFor(process.argv.slice(2));

const { main } = await import('../dist/cli/main.js');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err?.stack ?? String(err)); process.exitCode = 1; },
);
