#!/usr/bin/env node
import './silence-wasi-warning.js';

const { main } = await import('../dist/cli/main.js');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err?.stack ?? String(err)); process.exitCode = 1; },
);
