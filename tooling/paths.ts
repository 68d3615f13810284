/** The kit's own data files (SDK, templates) and version, wherever the package is installed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../runtime/paths.js';

export const sdkDir = join(packageRoot, 'sdk');
export const templatesDir = join(packageRoot, 'templates');

let manifest: { version: string; engines: { node: string } } | undefined;
function packageJson(): { version: string; engines: { node: string } } {
  manifest ??= JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };
  return manifest;
}

export function kitVersion(): string {
  return packageJson().version;
}

/** The Node.js versions the kit supports (package.json `engines.node`, a semver range). */
export function supportedNode(): string {
  return packageJson().engines.node;
}
