#!/usr/bin/env node
// `npm run bench`: runs the compiled benchmark (dist/bench, built by `npm run build` / `npm install`).
import { existsSync } from 'node:fs';
import '../bin/silence-wasi-warning.js';

const entry = new URL('../dist/bench/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('bench: dist/bench/main.js is missing; run `npm run build` first');
  process.exit(1);
}
const { main } = await import(entry.href);
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err?.stack ?? String(err)); process.exitCode = 1; },
);
