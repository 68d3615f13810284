/**
 * `new --template <spec>`: resolves a pack and refuses one this kit cannot render safely — a kit
 * range that excludes the running kit, or any `templates lint` error (escaping files, undeclared
 * variables, helpers…). The built-in pack is trusted as is.
 */
import { lintPack } from './lint.js';
import { kitRangeProblem, resolvePack, type TemplatePack } from './manifest.js';
import { ToolError } from '../errors.js';

export function packForUse(spec: string | undefined, cwd = process.cwd()): TemplatePack {
  const pack = resolvePack(spec, cwd);
  if (pack.source === 'built-in') return pack;
  try {
    const range = kitRangeProblem(pack.manifest);
    if (range) {
      throw new ToolError('E_TEMPLATE_INCOMPATIBLE', `template pack "${pack.manifest.name}" ${pack.manifest.version}: ${range}`, { path: pack.root });
    }
    const errors = lintPack(pack.root).findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      const list = errors.slice(0, 10).map((f) => `${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`).join('; ');
      throw new ToolError('E_TEMPLATE_INVALID', `template pack "${pack.manifest.name}" is invalid (${errors.length} problem(s)): ${list}`, { path: pack.root });
    }
    return pack;
  } catch (e) {
    pack.dispose();
    throw e;
  }
}
