/* Shim test: memory instances — bounds checks (edge cases and overflow), growth up to the maximum,
 * and an external memory (guest memory 0) attached to a malloc'ed buffer, grown through the grow
 * callback. Prints "FAIL ..." per failed check, "ALL OK" at the end otherwise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"
#include "check.h"

static int failures;

#define PAGE 65536ULL
static uint32_t code(WasmEdge_Result r) { return r.Code; }

/* The "JS side" of an external memory: a malloc'ed buffer reattached on growth. */
static WasmEdge_MemoryInstanceContext *g_ext;
static uint8_t *g_buf;
static uint64_t g_pages;
static uint32_t g_grow_calls, g_grow_id;

static int32_t grow(uint32_t id, uint32_t pages) {
  g_grow_calls++;
  g_grow_id = id;
  uint8_t *p = realloc(g_buf, (g_pages + pages) * PAGE);
  if (!p) return -1;
  memset(p + g_pages * PAGE, 0, pages * PAGE);
  g_buf = p;
  g_pages += pages;
  wpk_memory_attach(g_ext, id, g_buf, g_pages * PAGE, 4);
  return 0;
}

/* Log records (a failed grow logs an error). */
static uint32_t g_log_count;
static char g_log_last[256];
static void on_log(const WasmEdge_LogMessage *msg) {
  g_log_count++;
  uint32_t n = msg->Message.Length < 255 ? msg->Message.Length : 255;
  memcpy(g_log_last, msg->Message.Buf, n);
  g_log_last[n] = '\0';
}

static void check_bounds(WasmEdge_MemoryInstanceContext *m, uint64_t size) {
  uint8_t b[4] = {1, 2, 3, 4}, r[4] = {0};
  /* offset + len == size is fine, one more byte is not. */
  CHECK(WasmEdge_MemoryInstanceGetPointer(m, size - 4, 4) != NULL);
  CHECK(WasmEdge_MemoryInstanceGetPointer(m, size - 3, 4) == NULL);
  CHECK(WasmEdge_MemoryInstanceGetPointerConst(m, size - 4, 4) != NULL);
  CHECK(WasmEdge_MemoryInstanceGetPointerConst(m, size - 3, 4) == NULL);
  CHECK(WasmEdge_MemoryInstanceGetPointer(m, size, 0) != NULL);
  CHECK(WasmEdge_MemoryInstanceGetPointer(m, size + 1, 0) == NULL);
  CHECK(code(WasmEdge_MemoryInstanceSetData(m, b, size - 4, 4)) == 0);
  CHECK(code(WasmEdge_MemoryInstanceGetData(m, r, size - 4, 4)) == 0 && memcmp(r, b, 4) == 0);
  CHECK(code(WasmEdge_MemoryInstanceSetData(m, b, size - 3, 4)) == WasmEdge_ErrCode_MemoryOutOfBounds);
  CHECK(code(WasmEdge_MemoryInstanceGetData(m, r, size - 3, 4)) == WasmEdge_ErrCode_MemoryOutOfBounds);
  /* Offsets and lengths whose sum overflows 64 bits. */
  CHECK(WasmEdge_MemoryInstanceGetPointer(m, UINT64_MAX, 2) == NULL);
  CHECK(WasmEdge_MemoryInstanceGetPointer(m, 2, UINT64_MAX) == NULL);
  CHECK(WasmEdge_MemoryInstanceGetPointer(m, UINT64_MAX - 1, 4) == NULL);
  CHECK(code(WasmEdge_MemoryInstanceGetData(m, r, 8, UINT64_MAX - 4)) == WasmEdge_ErrCode_MemoryOutOfBounds);
  CHECK(code(WasmEdge_MemoryInstanceSetData(m, b, UINT64_MAX, 4)) == WasmEdge_ErrCode_MemoryOutOfBounds);
  CHECK(WasmEdge_MemoryInstanceGetPointer(m, 0, size + 1) == NULL);
}

int main(void) {
  uint64_t live0 = wpk_live_objects();
  WasmEdge_LogSetCallback(on_log);

  /* A plug-in memory: 2 pages, max 5. */
  WasmEdge_LimitContext *lim = WasmEdge_LimitCreateWithMax(2, 5, false, false);
  WasmEdge_MemoryTypeContext *mt = WasmEdge_MemoryTypeCreate(lim);
  WasmEdge_MemoryInstanceContext *m = WasmEdge_MemoryInstanceCreate(mt);
  CHECK(m != NULL && WasmEdge_MemoryInstanceGetPageSize(m) == 2);
  const uint8_t *z = WasmEdge_MemoryInstanceGetPointerConst(m, 0, 2 * PAGE);
  CHECK(z != NULL && z[0] == 0 && z[2 * PAGE - 1] == 0);
  check_bounds(m, 2 * PAGE);
  CHECK(code(WasmEdge_MemoryInstanceGrowPage(m, 3)) == 0 && WasmEdge_MemoryInstanceGetPageSize(m) == 5);
  CHECK(WasmEdge_MemoryInstanceGetPointerConst(m, 5 * PAGE - 1, 1)[0] == 0);
  uint8_t r[4];
  CHECK(code(WasmEdge_MemoryInstanceGetData(m, r, 2 * PAGE - 4, 4)) == 0 && r[0] == 1 && r[3] == 4); /* kept */
  check_bounds(m, 5 * PAGE);
  CHECK(!WasmEdge_ResultOK(WasmEdge_MemoryInstanceGrowPage(m, 1)));
  CHECK(WasmEdge_MemoryInstanceGetPageSize(m) == 5);
  CHECK(g_log_count == 1 && strstr(g_log_last, "grow") != NULL);
  WasmEdge_LogOff();
  CHECK(!WasmEdge_ResultOK(WasmEdge_MemoryInstanceGrowPage(m, 1)));
  CHECK(g_log_count == 1);
  CHECK(code(WasmEdge_MemoryInstanceGrowPage(m, UINT64_MAX)) != 0);
  CHECK(code(WasmEdge_MemoryInstanceGrowPage(m, 0)) == 0);
  CHECK(WasmEdge_LimitGetMin(WasmEdge_MemoryTypeGetLimit(WasmEdge_MemoryInstanceGetMemoryType(m))) == 5);

  /* Zero pages: no bytes, every non-empty access fails. */
  WasmEdge_LimitContext *lim0 = WasmEdge_LimitCreate(0, false);
  WasmEdge_MemoryTypeContext *mt0 = WasmEdge_MemoryTypeCreate(lim0);
  WasmEdge_MemoryInstanceContext *m0 = WasmEdge_MemoryInstanceCreate(mt0);
  CHECK(m0 != NULL && WasmEdge_MemoryInstanceGetPageSize(m0) == 0);
  CHECK(WasmEdge_MemoryInstanceGetPointer(m0, 0, 1) == NULL);
  CHECK(code(WasmEdge_MemoryInstanceGrowPage(m0, 1)) == 0 && WasmEdge_MemoryInstanceGetPointer(m0, PAGE - 1, 1) != NULL);

  /* NULL inputs. */
  CHECK(WasmEdge_MemoryInstanceCreate(NULL) == NULL);
  CHECK(WasmEdge_MemoryInstanceGetPointer(NULL, 0, 1) == NULL);
  CHECK(WasmEdge_MemoryInstanceGetPageSize(NULL) == 0);
  CHECK(!WasmEdge_ResultOK(WasmEdge_MemoryInstanceGetData(NULL, r, 0, 1)));
  CHECK(!WasmEdge_ResultOK(WasmEdge_MemoryInstanceGrowPage(NULL, 1)));
  CHECK(WasmEdge_MemoryInstanceGetMemoryType(NULL) == NULL);

  /* External memory: guest memory 0 attached to a malloc'ed buffer. */
  WasmEdge_ModuleInstanceContext *guest = wpk_guest_module_create("guest");
  g_ext = wpk_guest_memory(guest);
  CHECK(g_ext != NULL);
  CHECK(WasmEdge_ModuleInstanceFindMemory(guest, WasmEdge_StringWrap("memory", 6)) == g_ext);
  CHECK(WasmEdge_MemoryInstanceGetPageSize(g_ext) == 0 && WasmEdge_MemoryInstanceGetPointer(g_ext, 0, 1) == NULL);
  g_pages = 1;
  g_buf = calloc(1, PAGE);
  g_buf[10] = 0x5a;
  wpk_memory_attach(g_ext, 7, g_buf, PAGE, 4);
  CHECK(WasmEdge_MemoryInstanceGetPageSize(g_ext) == 1);
  CHECK(WasmEdge_MemoryInstanceGetPointer(g_ext, 10, 1) == g_buf + 10);
  CHECK(code(WasmEdge_MemoryInstanceGetData(g_ext, r, 10, 1)) == 0 && r[0] == 0x5a);
  check_bounds(g_ext, PAGE);
  const WasmEdge_LimitContext *el = WasmEdge_MemoryTypeGetLimit(WasmEdge_MemoryInstanceGetMemoryType(g_ext));
  CHECK(WasmEdge_LimitGetMin(el) == 1 && WasmEdge_LimitHasMax(el) && WasmEdge_LimitGetMax(el) == 4);

  /* Growth without a callback fails; with one it goes through the runtime. */
  CHECK(!WasmEdge_ResultOK(WasmEdge_MemoryInstanceGrowPage(g_ext, 1)));
  wpk_set_grow_callback(grow);
  CHECK(code(WasmEdge_MemoryInstanceGrowPage(g_ext, 2)) == 0);
  CHECK(g_grow_calls == 1 && g_grow_id == 7 && WasmEdge_MemoryInstanceGetPageSize(g_ext) == 3);
  CHECK(WasmEdge_MemoryInstanceGetPointer(g_ext, 3 * PAGE - 1, 1) == g_buf + 3 * PAGE - 1);
  CHECK(code(WasmEdge_MemoryInstanceGrowPage(g_ext, 2)) == WasmEdge_ErrCode_MemoryOutOfBounds); /* max 4 */
  CHECK(g_grow_calls == 1);
  wpk_set_grow_callback(NULL);

  WasmEdge_ModuleInstanceDelete(guest); /* does not free the external bytes */
  g_buf[0] = 1;
  free(g_buf);

  WasmEdge_MemoryInstanceDelete(m);
  WasmEdge_MemoryInstanceDelete(m0);
  WasmEdge_MemoryInstanceDelete(NULL);
  WasmEdge_MemoryTypeDelete(mt);
  WasmEdge_MemoryTypeDelete(mt0);
  WasmEdge_LimitDelete(lim);
  WasmEdge_LimitDelete(lim0);
  CHECK(wpk_live_objects() == live0);

  return check_done(failures);
}
