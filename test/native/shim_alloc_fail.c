/* Shim test: allocation failures do not corrupt the bookkeeping. calloc is replaced (this program's
 * definition wins over libc's for the shim) so that growing the shim's table of owned buffers fails:
 * a string created then either works or is empty, and after deleting it the live-object count is
 * back where it was (a lost entry would look like a leak to `wasmedge-plugin test`).
 * Prints "FAIL ..." per failed check, "ALL OK" otherwise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"
#include "check.h"

static int failures;

extern void *__libc_calloc(size_t, size_t);
static int g_fail_tables; /* fail callocs of at least 512 bytes: the table, not a string */

void *calloc(size_t n, size_t size) {
  if (g_fail_tables && n * size >= 512) return NULL;
  return __libc_calloc(n, size);
}

int main(void) {
  uint64_t live0 = wpk_live_objects();
  g_fail_tables = 1;
  WasmEdge_String s = WasmEdge_StringCreateByCString("first string");
  g_fail_tables = 0;
  CHECK(s.Buf == NULL || (s.Length == 12 && memcmp(s.Buf, "first string", 12) == 0));
  WasmEdge_StringDelete(s);
  CHECK(wpk_live_objects() == live0);
  /* And once memory is back, strings work. */
  WasmEdge_String t = WasmEdge_StringCreateByCString("second");
  CHECK(t.Buf != NULL && wpk_live_objects() == live0 + 1);
  WasmEdge_StringDelete(t);
  CHECK(wpk_live_objects() == live0);
  return check_done(failures);
}
