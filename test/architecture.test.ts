/**
 * The direction of imports (cli → generators → tooling → runtime) and the absence of cycles are
 * checked by dependency-cruiser with the project's own rules: on the real tree (no violation) and on
 * a fixture tree with a deliberate upward import and a type-only cycle (both refused).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from './helpers/cbuild.js';

const DEPCRUISE = join(REPO_ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = join(REPO_ROOT, '.dependency-cruiser.cjs');

function cruise(cwd: string, dirs: string[]): { status: number | null; out: string } {
  const r = spawnSync(DEPCRUISE, [...dirs, '--config', CONFIG, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('import direction', () => {
  test('the project tree has no upward import and no cycle', () => {
    const r = cruise(REPO_ROOT, ['runtime', 'tooling', 'generators', 'cli', 'bench']);
    expect(r.out).toContain('no dependency violations');
    expect(r.status).toBe(0);
  });

  test('an upward import and a type-only cycle are refused', () => {
    const r = cruise(join(REPO_ROOT, 'test', 'fixtures', 'layers'), ['runtime', 'tooling']);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('runtime-imports-upward');
    expect(r.out).toMatch(/no-cycles[\s\S]*cycle-a\.ts/);
  });
});
