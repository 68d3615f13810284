/**
 * Runs once before the suite: the CLI tests run bin/wasmedge-plugin.js → dist/, so dist/ must be the
 * compiled form of today's sources. Any source newer than its output (or without one) recompiles it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['runtime', 'tooling', 'cli', 'generators', 'bench'];

/** Sources whose compiled output is missing or older than them (or than tsconfig.json). */
export function staleOutputs(root = ROOT): string[] {
  const config = fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs;
  const stale: string[] = [];
  for (const dir of SOURCE_DIRS) {
    if (!fs.existsSync(path.join(root, dir))) continue;
    for (const rel of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!rel.endsWith('.ts') || rel.endsWith('.d.ts')) continue;
      const src = path.join(root, dir, rel);
      const out = path.join(root, 'dist', dir, rel.replace(/\.ts$/, '.js'));
      if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < Math.max(fs.statSync(src).mtimeMs, config)) stale.push(path.join(dir, rel));
    }
  }
  return stale;
}

/** Compiled files whose source is gone (a moved or deleted .ts): they would still run and be published. */
export function orphanOutputs(root = ROOT): string[] {
  const orphans: string[] = [];
  for (const dir of SOURCE_DIRS) {
    const out = path.join(root, 'dist', dir);
    if (!fs.existsSync(out)) continue;
    for (const rel of fs.readdirSync(out, { recursive: true, encoding: 'utf8' })) {
      const m = /^(.*)\.(js|d\.ts|js\.map|d\.ts\.map)$/.exec(rel);
      if (m && !fs.existsSync(path.join(root, dir, `${m[1]}.ts`))) orphans.push(path.join('dist', dir, rel));
    }
  }
  return orphans;
}

export default function setup(): void {
  for (const f of orphanOutputs()) fs.rmSync(path.join(ROOT, f));
  const stale = staleOutputs();
  if (stale.length === 0) return;
  console.warn(`dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}): compiling`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc -p tsconfig.json failed; the CLI tests would run stale code:\n${r.stdout}\n${r.stderr}`);
  const still = staleOutputs();
  if (still.length) throw new Error(`dist/ is still older than: ${still.join(', ')}`);
}
