/** Where the package's own files are, wherever it is installed (compiled code runs from dist/). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'sdk'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('wasmedge-plugin-kit: cannot find the package root');
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();

/** The host shim built by `npm install` (node-gyp). WASMEDGE_PLUGIN_KIT_SHIM overrides it. */
export function shimPath(): string {
  return process.env.WASMEDGE_PLUGIN_KIT_SHIM ?? join(packageRoot, 'build', 'Release', 'libwasmedge.so');
}
