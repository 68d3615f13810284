/** Shared by the commands that load plug-ins: --plugin paths, --opt settings, module creation. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pluginCandidates } from '../../runtime/search-paths.js';
import { formatWarning } from '../messages.js';
import { PluginHost, type LoadResult } from '../../runtime/host.js';
import type { Plugin } from '../../runtime/plugin.js';
import type { PluginModule } from '../../runtime/module.js';
import { ToolError } from '../errors.js';

export interface OptSetting {
  plugin?: string;
  name: string;
  value?: string;
}

/** `--opt name`, `--opt name=value`, `--opt plugin:name=value`. */
export function parseOpt(spec: string): OptSetting {
  const eq = spec.indexOf('=');
  const key = eq < 0 ? spec : spec.slice(0, eq);
  const value = eq < 0 ? undefined : spec.slice(eq + 1);
  const colon = key.indexOf(':');
  const setting: OptSetting = colon < 0 ? { name: key, value } : { plugin: key.slice(0, colon), name: key.slice(colon + 1), value };
  if (!setting.name) throw new ToolError('E_USAGE', `--opt ${spec}: missing option name`, { hint: 'write --opt name=value, --opt name (bare flag) or --opt plugin:name=value' });
  return setting;
}

/** Sets each option on the plug-in that declares it (the named one, or the only one declaring it). */
export function applyOptions(plugins: Plugin[], specs: string[]): void {
  for (const spec of specs) {
    const s = parseOpt(spec);
    const candidates = s.plugin
      ? plugins.filter((p) => p.name === s.plugin)
      : plugins.filter((p) => p.options.some((o) => o.name === s.name));
    if (s.plugin && candidates.length === 0) {
      throw new ToolError('E_UNKNOWN_PLUGIN', `--opt ${spec}: no loaded plug-in is named '${s.plugin}'`, { hint: `loaded: ${plugins.map((p) => p.name).join(', ')}` });
    }
    if (candidates.length === 0) {
      const declared = plugins.flatMap((p) => p.options.map((o) => `${p.name}:${o.name} (${o.type})`));
      throw new ToolError('E_UNKNOWN_OPTION', `--opt ${spec}: no loaded plug-in declares an option '${s.name}'`, {
        hint: declared.length ? `declared options: ${declared.join(', ')}` : 'the loaded plug-ins declare no options',
      });
    }
    if (candidates.length > 1) {
      throw new ToolError('E_USAGE', `--opt ${spec}: several plug-ins declare '${s.name}' (${candidates.map((p) => p.name).join(', ')})`, { hint: `qualify it: --opt ${candidates[0].name}:${s.name}${s.value === undefined ? '' : '=' + s.value}` });
    }
    candidates[0].setOption(s.name, s.value);
  }
}

/** A directory's plug-ins without the files in `skip` (absolute paths: plug-ins that crashed loading before). */
function loadDirectoryExcept(host: PluginHost, dir: string, skip: string[]): LoadResult {
  const r: LoadResult = { loaded: [], errors: [], searched: [resolve(dir)] };
  for (const c of pluginCandidates(dir)) {
    if (skip.includes(c.path)) continue;
    const one = host.loadFromPath(c.path);
    r.loaded.push(...one.loaded);
    r.errors.push(...one.errors);
  }
  return r;
}

/**
 * Loads every path. A file the user named must load; in a directory, bad plug-ins are reported as
 * warnings and the good ones are used (WasmEdge skips them silently). `skip` lists files of those
 * directories not to load at all (the isolated commands pass the ones whose loading crashed).
 */
export function loadPlugins(host: PluginHost, paths: string[], skip: string[] = []): LoadResult {
  const all: LoadResult = { loaded: [], errors: [], searched: [] };
  const fatal: LoadResult['errors'] = [];
  for (const p of paths) {
    const isDir = existsSync(p) && statSync(p).isDirectory();
    const r = isDir && skip.length ? loadDirectoryExcept(host, p, skip) : host.loadFromPath(p);
    all.loaded.push(...r.loaded);
    all.errors.push(...r.errors);
    all.searched.push(...r.searched);
    if (!isDir || r.loaded.length === 0) fatal.push(...r.errors);
    else for (const e of r.errors) process.stderr.write(formatWarning(e.code, `skipped ${e.message}`, e.hint) + '\n');
    if (r.loaded.length === 0 && r.errors.length === 0) {
      fatal.push({ path: r.searched[0], code: 'E_NOT_FOUND', message: `no plug-in (.so file) found under ${p}`, hint: 'Build the plug-in first (`wasmedge-plugin build`), or give the .so path.' });
    }
  }
  const first = fatal[0];
  if (first) {
    const more = fatal.length > 1 ? ` (and ${fatal.length - 1} more: ${fatal.slice(1).map((e) => `${e.code} ${e.path}`).join('; ')})` : '';
    throw new ToolError(first.code as 'E_LOAD_FAILED', first.message + more, { path: first.path, hint: first.hint });
  }
  return all;
}

/** Creates every module of every plug-in, as a WasmEdge VM does. */
export function createAllModules(plugins: Plugin[]): PluginModule[] {
  return plugins.flatMap((p) => p.moduleDescriptors.map((d) => p.createModule(d.name)));
}
