#!/usr/bin/env node
// The README's main command: scaffold a get_string plug-in, build it, run its test.wat with our runtime.
// Usage: npm run demo [-- --lang c|cpp|rust] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../bin/wasmedge-plugin.js', import.meta.url));
const args = process.argv.slice(2);
const lang = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : 'c';
const keep = args.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'wasmedge-plugin-demo-'));
const project = join(work, 'get_string_demo');

function step(title, cliArgs, capture = false) {
  process.stderr.write(`\n$ wasmedge-plugin ${cliArgs.join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...cliArgs], { stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`demo: ${title} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
  return r.stdout;
}

try {
  step('scaffold', ['new', project, '--lang', lang, '--name', 'get_string_demo', '--yes']);
  const { artifact } = JSON.parse(step('build', ['build', project, '--json'], true));
  process.stderr.write(`built ${artifact}\n`);
  step('run', ['run', join(project, 'test', 'get_string.wat'), '--plugin', artifact]);
  step('run with options', ['run', join(project, 'test', 'get_string.wat'), '--plugin', artifact, '--opt', 'string=hello from a WasmEdge plug-in', '--opt', 'upper']);
} finally {
  if (keep) process.stderr.write(`\nproject kept at ${project}\n`);
  else rmSync(work, { recursive: true, force: true });
}
