/**
 * Which WasmEdge releases load a plug-in of each `WasmEdge_Plugin_CurrentAPIVersion` (docs/engines.md,
 * "API versions"). The one owner of that table: messages, `inspect`, `test`, `doctor` and the
 * WasmEdge finder all read it from here.
 *
 * Every release from 0.14.0 on loads only plug-ins whose API version equals its own; a refused
 * plug-in is reported by WasmEdge at debug log level only.
 */
export interface ApiVersionReleases {
  apiVersion: number;
  /** First and last release (inclusive) built with this API version. */
  first: string;
  last: string;
  /** How messages name the range, e.g. "0.14.1–0.16.x". */
  label: string;
}

export const API_VERSION_RELEASES: readonly ApiVersionReleases[] = [
  { apiVersion: 1, first: '0.10.0', last: '0.11.0', label: '0.10.0–0.11.0' },
  { apiVersion: 2, first: '0.11.1', last: '0.13.5', label: '0.11.1–0.13.x' },
  { apiVersion: 3, first: '0.14.0', last: '0.14.0', label: '0.14.0' },
  { apiVersion: 4, first: '0.14.1', last: '0.16.4', label: '0.14.1–0.16.x' },
  { apiVersion: 5, first: '0.17.0', last: '0.17.1', label: '0.17.x' },
];

/** "WasmEdge 0.14.1–0.16.x": the releases that load a plug-in of this API version. */
export function compatibleWith(apiVersion: number): string {
  const r = API_VERSION_RELEASES.find((e) => e.apiVersion === apiVersion);
  return r ? `WasmEdge ${r.label}` : 'no known WasmEdge release';
}

/** [major, minor, patch] of "0.17.1" / "0.17.1-rc.2"; undefined when it is not a version. */
export function parseRelease(version: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * The plug-in API version a WasmEdge release was built with. A later patch of the newest known series
 * counts as that series (0.17.2 → 5); a newer minor series is unknown.
 */
export function apiVersionOfRelease(version: string): number | undefined {
  const v = parseRelease(version);
  if (!v) return undefined;
  const within = (r: ApiVersionReleases, last: [number, number, number]): boolean => compare(v, parseRelease(r.first)!) >= 0 && compare(v, last) <= 0;
  const exact = API_VERSION_RELEASES.find((r) => within(r, parseRelease(r.last)!));
  if (exact) return exact.apiVersion;
  // A later patch of the newest measured series (e.g. 0.17.2).
  const newest = API_VERSION_RELEASES[API_VERSION_RELEASES.length - 1];
  const [major, minor] = parseRelease(newest.last)!;
  if (within(newest, [major, minor, Number.MAX_SAFE_INTEGER])) return newest.apiVersion;
  return undefined;
}
