/**
 * Whether a project directory is one the build tools can work in. CMake cannot configure a project
 * whose path holds `;` (its list separator), `"` or `\`, nor `:`, and cargo refuses `:` in a path
 * segment (both measured); the file system limits one name to 255 bytes. Checked before anything is
 * written, so `new` refuses with the reason instead of failing half-way or at the first build.
 */
import { sep } from 'node:path';
import { ToolError } from '../errors.js';

const NAME_MAX_BYTES = 255;
/** PATH_MAX (4096) less room for what builds create under the project (build/CMakeFiles/…, target/…). */
const PATH_MAX_BYTES = 3584;

const UNUSABLE: Record<string, string> = {
  ';': 'CMake reads it as a list separator and splits the path in two',
  '"': 'CMake cannot quote it in the paths it generates',
  '\\': 'CMake reads it as an escape in the paths it generates',
  ':': 'CMake cannot configure there, and cargo refuses it in a path segment',
};

/** Throws E_TARGET_INVALID (exit 2) when `target` (absolute) cannot hold a buildable project. */
export function checkTargetPath(target: string): void {
  const refuse = (why: string) => new ToolError('E_TARGET_INVALID', `cannot create a project in ${JSON.stringify(target.length > 120 ? `…${target.slice(-100)}` : target)}: ${why}`, { path: target });
  const control = /[\x00-\x1f\x7f]/.exec(target);
  if (control) throw refuse(`the path contains the control character 0x${control[0].charCodeAt(0).toString(16).padStart(2, '0')}, which build tools and shells mangle`);
  for (const [ch, why] of Object.entries(UNUSABLE)) {
    if (target.includes(ch)) throw refuse(`the path contains '${ch}': ${why}`);
  }
  const long = target.split(sep).find((part) => Buffer.byteLength(part) > NAME_MAX_BYTES);
  if (long !== undefined) throw refuse(`a directory name of ${Buffer.byteLength(long)} bytes is longer than file systems allow (255 bytes)`);
  if (Buffer.byteLength(target) > PATH_MAX_BYTES) throw refuse(`the path is ${Buffer.byteLength(target)} bytes long, which leaves no room for build files under the 4096-byte path limit`);
}
