/**
 * Which platform a plug-in library was built for, and whether this machine is one (docs/packaging.md,
 * "Platform"). Names follow WasmEdge's release assets: `linux_x86_64`, `linux_aarch64`,
 * `darwin_arm64`. The OS and CPU come from the library's own header (ELF or Mach-O); the C library and
 * the newest glibc symbol version it needs from `readelf` when it is installed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';

export interface Platform {
  os: string;
  arch: string;
  /** 'glibc' or 'musl'; absent when not known (no readelf, or a library that needs no C library). */
  libc?: string;
  /** The newest glibc symbol version the library needs (or this machine's glibc). */
  glibc?: string;
}

const NODE_ARCH: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64', arm: 'armv7l', riscv64: 'riscv64', s390x: 's390x', ppc64: 'ppc64le', ia32: 'i686' };

/** This machine. glibc's version comes from Node's own report (absent on musl). */
export function hostPlatform(): Platform {
  const os = process.platform;
  let arch = NODE_ARCH[process.arch] ?? process.arch;
  if (os === 'darwin' && arch === 'aarch64') arch = 'arm64'; // WasmEdge's name for Apple silicon
  if (os !== 'linux') return { os, arch };
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return header?.glibcVersionRuntime ? { os, arch, libc: 'glibc', glibc: header.glibcVersionRuntime } : { os, arch, libc: 'musl' };
}

/** `linux_x86_64`: the suffix of package file names. */
export function platformTag(p: Platform): string {
  return `${p.os}_${p.arch}`;
}

const ELF_MACHINES: Record<number, string> = { 3: 'i686', 62: 'x86_64', 183: 'aarch64', 40: 'armv7l', 243: 'riscv64', 22: 's390x', 21: 'ppc64le' };
const MACHO_CPUS: Record<number, string> = { 0x01000007: 'x86_64', 0x0100000c: 'arm64' };

/** OS and CPU from the first bytes of a shared library; undefined for a file that is neither ELF nor Mach-O. */
export function binaryPlatform(head: Uint8Array): Platform | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length >= 20 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
    const littleEndian = head[5] === 1;
    const machine = view.getUint16(18, littleEndian);
    return { os: 'linux', arch: ELF_MACHINES[machine] ?? `elf-machine-${machine}` };
  }
  if (head.length >= 8 && view.getUint32(0, true) === 0xfeedfacf) {
    const cpu = view.getUint32(4, true);
    return { os: 'darwin', arch: MACHO_CPUS[cpu] ?? `macho-cpu-${cpu.toString(16)}` };
  }
  return undefined;
}

/** Compares dotted versions ("2.34" < "2.38"). */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The C library a library links (NEEDED) and the newest GLIBC_x.y it requires; {} without readelf. */
function libcNeeds(path: string): Pick<Platform, 'libc' | 'glibc'> {
  const r = spawnSync('readelf', ['-d', '-V', '-W', path], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return {};
  const needed = [...r.stdout.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
  const versions = [...r.stdout.matchAll(/Name: GLIBC_(\d+(?:\.\d+)+)/g)].map((m) => m[1]);
  const newest = versions.sort(compareVersions).at(-1);
  if (needed.some((n) => n.startsWith('libc.musl') || n.startsWith('ld-musl'))) return { libc: 'musl' };
  if (needed.includes('libc.so.6') || newest) return newest ? { libc: 'glibc', glibc: newest } : { libc: 'glibc' };
  return {};
}

/** The platform a library file was built for (undefined when it is not a shared library we can read). */
export function libraryPlatform(path: string): Platform | undefined {
  const head = new Uint8Array(64);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const base = binaryPlatform(head.subarray(0, n));
  return base && (base.os === 'linux' ? { ...base, ...libcNeeds(path) } : base);
}

/** Why a library built for `built` cannot load on `here`, or undefined when it can. */
export function platformProblem(built: Platform, here: Platform): string | undefined {
  if (built.os !== here.os || built.arch !== here.arch) return `it was built for ${platformTag(built)}, and this machine is ${platformTag(here)}`;
  if (built.libc && here.libc && built.libc !== here.libc) return `it was built against ${built.libc}, and this machine has ${here.libc}`;
  if (built.glibc && here.glibc && compareVersions(built.glibc, here.glibc) > 0) return `it needs glibc ${built.glibc} or newer, and this machine has glibc ${here.glibc}`;
  return undefined;
}
