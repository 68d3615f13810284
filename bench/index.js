#!/usr/bin/env node
// `npm run bench`: runs the compiled benchmark (dist/bench, built by `npm run build` / `npm install`).
import { existsSync } from 'node:fs';

// node:wasi (loaded by the runtime) prints an ExperimentalWarning; drop that one, keep all others.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type === 'ExperimentalWarning' && String(warning).startsWith('WASI')) return;
  return emitWarning.call(process, warning, ...rest);
};

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
