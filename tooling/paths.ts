/** The kit's own data files (SDK, templates) and version, wherever the package is installed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../runtime/paths.js';

export const sdkDir = join(packageRoot, 'sdk');
export const templatesDir = join(packageRoot, 'templates');

let version: string | undefined;
export function kitVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
