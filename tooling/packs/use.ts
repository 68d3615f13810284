/**
 * `new --template <spec>`: resolves a pack and refuses one this kit cannot render safely — a kit
 * range that excludes the running kit, or any `templates lint` error (escaping files, undeclared
 * variables, helpers…). The built-in pack is trusted as is.
 */
import { assertLintClean, lintPack } from './lint.js';
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
    assertLintClean(lintPack(pack.root), `"${pack.manifest.name}"`);
    return pack;
  } catch (e) {
    pack.dispose();
    throw e;
  }
}
