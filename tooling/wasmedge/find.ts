/**
 * Finds a real WasmEdge to run plug-ins in (docs/engines.md, "Finding WasmEdge"). In order:
 * an explicit path (`--wasmedge`: a `wasmedge` binary or an install prefix), `WASMEDGE_PREFIX`,
 * `wasmedge` on PATH, then the official installer's `~/.wasmedge`. The first candidate whose
 * `wasmedge --version` answers wins.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { apiVersionOfRelease, compatibleWith } from '../../runtime/api-versions.js';
import { ToolError } from '../errors.js';

export type WasmEdgeSource = '--wasmedge' | 'WASMEDGE_PREFIX' | 'PATH' | '~/.wasmedge';

export interface WasmEdgeInstall {
  /** The `wasmedge` executable (as found, symlinks not resolved). */
  binary: string;
  /** The install prefix (holds bin/, lib/, include/), from the binary's resolved location. */
  prefix: string;
  /** e.g. "0.17.1", from `wasmedge --version`. */
  version: string;
  /** The plug-in API version this release loads; undefined for a release the kit does not know. */
  apiVersion: number | undefined;
  source: WasmEdgeSource;
}

export interface FindOptions {
  /** `--wasmedge PATH`: a binary or a prefix. When given, nothing else is tried. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
}

/** One place looked at, and why it was not used (for the error when nothing is found). */
export interface Attempt { source: WasmEdgeSource; path: string; problem?: string }

/** The plug-in API versions a WasmEdge release loads: exactly its own (empty when unknown). */
export function pluginApiVersionsFor(version: string): number[] {
  const api = apiVersionOfRelease(version);
  return api === undefined ? [] : [api];
}

export function findWasmEdge(opts: FindOptions = {}): WasmEdgeInstall | undefined {
  return searchWasmEdge(opts).install;
}

/** Like findWasmEdge, but a missing WasmEdge is an error naming where it looked and how to get one. */
export function requireWasmEdge(opts: FindOptions = {}): WasmEdgeInstall {
  const { install, attempts } = searchWasmEdge(opts);
  if (install) return install;
  const looked = attempts.map((a) => `${a.source} ${a.path}${a.problem ? ` (${a.problem})` : ''}`).join('; ');
  throw new ToolError('E_WASMEDGE_NOT_FOUND', `no usable WasmEdge found${looked ? `; looked at: ${looked}` : ''}`);
}

export function searchWasmEdge(opts: FindOptions = {}): { install?: WasmEdgeInstall; attempts: Attempt[] } {
  const env = opts.env ?? process.env;
  const attempts: Attempt[] = [];
  const candidates: Array<{ source: WasmEdgeSource; path: string }> = [];
  if (opts.explicit !== undefined) candidates.push({ source: '--wasmedge', path: resolve(opts.explicit) });
  else {
    if (env.WASMEDGE_PREFIX) candidates.push({ source: 'WASMEDGE_PREFIX', path: resolve(env.WASMEDGE_PREFIX) });
    const onPath = whichWasmEdge(env.PATH ?? '');
    if (onPath) candidates.push({ source: 'PATH', path: onPath });
    else attempts.push({ source: 'PATH', path: '', problem: 'no wasmedge on PATH' });
    const home = env.HOME || homedir();
    if (home) candidates.push({ source: '~/.wasmedge', path: join(home, '.wasmedge') });
  }
  for (const c of candidates) {
    const r = probe(c.path, env);
    if (typeof r === 'string') attempts.push({ ...c, problem: r });
    else return { install: { ...r, source: c.source }, attempts };
  }
  return { attempts };
}

function isExecutableFile(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function whichWasmEdge(pathVar: string): string | undefined {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, 'wasmedge');
    if (isExecutableFile(p)) return p;
  }
  return undefined;
}

/** A binary or a prefix → the install, or why it is not one. */
function probe(path: string, env: NodeJS.ProcessEnv): Omit<WasmEdgeInstall, 'source'> | string {
  if (!existsSync(path)) return 'does not exist';
  const binary = statSync(path).isDirectory() ? join(path, 'bin', 'wasmedge') : path;
  if (!isExecutableFile(binary)) return `${binary} is not an executable file`;
  // A plug-in in WASMEDGE_PLUGIN_PATH could crash `--version`; ask without it.
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000, env: { ...env, WASMEDGE_PLUGIN_PATH: '' } });
  if (r.error) return `\`${binary} --version\` failed: ${r.error.message}`;
  const m = /wasmedge version (\d+\.\d+\.\d+\S*)/i.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) return `\`${binary} --version\` did not print a WasmEdge version`;
  const version = m[1];
  return { binary, prefix: dirname(dirname(realpathSync(binary))), version, apiVersion: apiVersionOfRelease(version) };
}

/** "WasmEdge 0.17.1 (plug-in API 5)" for doctor and reports. */
export function describeInstall(w: WasmEdgeInstall): string {
  const api = w.apiVersion === undefined ? 'plug-in API version unknown to this kit' : `loads plug-in API ${w.apiVersion} (${compatibleWith(w.apiVersion)})`;
  return `WasmEdge ${w.version}, ${api}`;
}
