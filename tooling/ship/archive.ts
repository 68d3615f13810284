/**
 * Reproducible .tar.gz files (docs/packaging.md, "Reproducible"): the same entries always give the
 * same bytes. Entries are sorted, every header carries the same mtime, owner 0/0 without names and a
 * fixed mode, and the gzip header has no time stamp and a fixed OS byte. The tar format itself is
 * the `tar` library's job; only files are stored (extractors create their directories).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar';
import { ToolError } from '../errors.js';

export interface ArchiveEntry {
  /** Relative POSIX path inside the archive. */
  path: string;
  data: Buffer;
  /** 0o755 for the library, 0o644 for the rest. */
  mode: number;
}

/** 2000-01-01T00:00:00Z, unless SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/) says otherwise. */
export function archiveTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return new Date((env.SOURCE_DATE_EPOCH && Number.isInteger(epoch) && epoch >= 0 ? epoch : 946_684_800) * 1000);
}

/** gzip's OS byte for "Unix", whatever the machine: zlib would write its own. */
const GZIP_OS_UNIX = 3;

/** A path that stays inside the archive root (no absolute path, no `..`, no empty segment). */
function isSafePath(p: string): boolean {
  return p.length > 0 && !p.startsWith('/') && !p.includes('\\') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** The .tar.gz bytes of `entries`, sorted by path. */
export function writeTarGz(entries: ArchiveEntry[], mtime = archiveTime()): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const e of sorted) if (!isSafePath(e.path)) throw new Error(`archive entry path ${JSON.stringify(e.path)} is not a plain relative path`);
  // The library reads files from disk: stage them in a private directory.
  const stage = mkdtempSync(join(tmpdir(), 'wpk-archive-'));
  try {
    for (const e of sorted) {
      const file = join(stage, ...e.path.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, e.data);
    }
    const modes = new Map(sorted.map((e) => [e.path, e.mode]));
    const chunks: Buffer[] = [];
    const stream = tar.create(
      {
        cwd: stage,
        sync: true,
        portable: true, // no uid/gid/uname/gname/atime/ctime from this machine
        noPax: true,
        noDirRecurse: true,
        mtime,
        onWriteEntry(entry) {
          if (entry.stat) entry.stat.mode = modes.get(entry.path) ?? 0o644;
        },
      },
      sorted.map((e) => e.path),
    );
    stream.on('data', (c: Buffer) => chunks.push(c));
    const gz = gzipSync(Buffer.concat(chunks), { level: 9 });
    gz.writeUInt32LE(0, 4); // MTIME: none
    gz[9] = GZIP_OS_UNIX;
    return gz;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * The files of a .tar.gz, read in memory. Directories are skipped; anything else that is not a plain
 * file (links, devices) or whose path would leave the archive makes the package invalid.
 */
export function readTarGz(file: string): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  const problems: string[] = [];
  try {
    tar.list({
      file,
      sync: true,
      strict: true,
      onReadEntry(entry) {
        const path = posix.normalize(entry.path.replace(/^\.\//, ''));
        if (entry.type === 'Directory') return entry.resume();
        if (entry.type !== 'File' && entry.type !== 'OldFile') {
          problems.push(`${entry.path} is a ${entry.type}, not a plain file`);
          return entry.resume();
        }
        if (!isSafePath(path)) {
          problems.push(`${entry.path} is not a plain relative path`);
          return entry.resume();
        }
        const parts: Buffer[] = [];
        entry.on('data', (d: Buffer) => parts.push(d));
        entry.on('end', () => entries.push({ path, data: Buffer.concat(parts), mode: entry.mode ?? 0o644 }));
      },
    });
  } catch (e) {
    throw new ToolError('E_PACKAGE_INVALID', `${file} is not a readable .tar.gz: ${(e as Error).message}`, { path: file });
  }
  if (problems.length) throw new ToolError('E_PACKAGE_INVALID', `${file} holds entries a plug-in package never has: ${problems.join('; ')}`, { path: file });
  return entries;
}
