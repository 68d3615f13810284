// The real WasmEdge the differential tests run against: a 0.17.x found the way the kit finds one.
// Absent, the tests that need it skip, with one notice saying how to get one.
import { findWasmEdge } from '../../tooling/wasmedge/find.js';

export const WASMEDGE = (() => {
  const w = findWasmEdge();
  return w && /^0\.17\./.test(w.version) ? w : undefined;
})();

let noticed = false;
/** Prints, once per test file, why the WasmEdge tests are skipped. */
export function noticeIfNoWasmEdge(): void {
  if (WASMEDGE || noticed) return;
  noticed = true;
  console.warn('NOTICE: no WasmEdge 0.17.x found (WASMEDGE_PREFIX, PATH, ~/.wasmedge): the --engine wasmedge|both tests are skipped.\n'
    + '  Install one: curl -sSf https://raw.githubusercontent.com/WasmEdge/WasmEdge/master/utils/install_v2.sh | bash -s -- -v 0.17.1\n'
    + '  (or build it from source: /work/shared/design/real-wasmedge.md) and point WASMEDGE_PREFIX at it.');
}
