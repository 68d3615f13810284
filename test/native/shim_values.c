/* Shim test: value/type byte encodings, results, strings and bytes (docs/abi.md, "Value types", "Result encoding").
 * Prints encodings in the probe format (compared exactly by test/shim.test.ts) and "FAIL ..." for
 * any failed check; ends with "ALL OK" when every check passed. */
#include <stdio.h>
#include <string.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"
#include "check.h"

static int failures;

static void hex(const char *label, const void *p, size_t n) {
  const unsigned char *b = p;
  printf("%s =", label);
  for (size_t i = 0; i < n; i++) printf(" %02x", b[i]);
  printf("\n");
}

static void result_line(const char *label, WasmEdge_Result r) {
  printf("%s.Code = 0x%08x; GetCategory=%u GetCode=0x%x OK=%d Message=\"%s\"\n", label, r.Code,
         (unsigned)WasmEdge_ResultGetCategory(r), WasmEdge_ResultGetCode(r), WasmEdge_ResultOK(r),
         WasmEdge_ResultGetMessage(r));
}

int main(void) {
  printf("WasmEdge_VersionGet() = %s (major %u minor %u patch %u)\n", WasmEdge_VersionGet(),
         WasmEdge_VersionGetMajor(), WasmEdge_VersionGetMinor(), WasmEdge_VersionGetPatch());

  WasmEdge_ValType t;
  t = WasmEdge_ValTypeGenI32(); hex("WasmEdge_ValTypeGenI32()", &t, 8);
  t = WasmEdge_ValTypeGenI64(); hex("WasmEdge_ValTypeGenI64()", &t, 8);
  t = WasmEdge_ValTypeGenF32(); hex("WasmEdge_ValTypeGenF32()", &t, 8);
  t = WasmEdge_ValTypeGenF64(); hex("WasmEdge_ValTypeGenF64()", &t, 8);
  t = WasmEdge_ValTypeGenV128(); hex("WasmEdge_ValTypeGenV128()", &t, 8);
  t = WasmEdge_ValTypeGenFuncRef(); hex("WasmEdge_ValTypeGenFuncRef()", &t, 8);
  t = WasmEdge_ValTypeGenExternRef(); hex("WasmEdge_ValTypeGenExternRef()", &t, 8);

  WasmEdge_Value v = WasmEdge_ValueGenI32(7);
  hex("ValueGenI32(7).Type", &v.Type, 8);
  v = WasmEdge_ValueGenFuncRef(NULL);
  hex("ValueGenFuncRef(NULL).Type", &v.Type, 8);
  v = WasmEdge_ValueGenExternRef(NULL);
  hex("ValueGenExternRef(NULL).Type", &v.Type, 8);
  v = WasmEdge_ValueGenI32(-2);
  hex("ValueGenI32(-2).Value bytes", &v.Value, 16);
  v = WasmEdge_ValueGenF32(1.0f);
  hex("ValueGenF32(1.0).Value bytes", &v.Value, 16);
  v = WasmEdge_ValueGenI64(-1);
  hex("ValueGenI64(-1).Value bytes", &v.Value, 16);
  v = WasmEdge_ValueGenF64(1.0);
  hex("ValueGenF64(1.0).Value bytes", &v.Value, 16);
  printf("sizeof(WasmEdge_Value) = %zu, alignof = %zu\n", sizeof(WasmEdge_Value), _Alignof(WasmEdge_Value));

  result_line("ResultGen(UserLevelError, 0x12345678)", WasmEdge_ResultGen(WasmEdge_ErrCategory_UserLevelError, 0x12345678));
  result_line("ResultGen(WASM, MemoryOutOfBounds)", WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_MemoryOutOfBounds));
  result_line("ResultGen(WASM, 1)", WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, 1));
  result_line("ResultGen(WASM, HostFuncError)", WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_HostFuncError));
  result_line("ResultGen(category 2, 5)", WasmEdge_ResultGen((enum WasmEdge_ErrCategory)2, 5));
  result_line("ResultGen(WASM, 0)", WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, 0));
  result_line("ResultGen(WASM, UnknownImport)", WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_UnknownImport));
  result_line("ResultGen(WASM, FuncSigMismatch)", WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_FuncSigMismatch));
  result_line("Result_Fail", WasmEdge_Result_Fail);

  /* Value round trips and predicates. */
  CHECK(WasmEdge_ValueGetI32(WasmEdge_ValueGenI32(-123)) == -123);
  CHECK(WasmEdge_ValueGetI64(WasmEdge_ValueGenI64(-5000000000LL)) == -5000000000LL);
  CHECK(WasmEdge_ValueGetF32(WasmEdge_ValueGenF32(2.5f)) == 2.5f);
  CHECK(WasmEdge_ValueGetF64(WasmEdge_ValueGenF64(-0.125)) == -0.125);
  int128_t big = ((int128_t)0x0102030405060708LL << 64) | (uint64_t)0x1112131415161718ULL;
  CHECK(WasmEdge_ValueGetV128(WasmEdge_ValueGenV128(big)) == big);
  int x = 0;
  CHECK(WasmEdge_ValueGetExternRef(WasmEdge_ValueGenExternRef(&x)) == &x);
  CHECK(WasmEdge_ValueIsNullRef(WasmEdge_ValueGenExternRef(NULL)));
  CHECK(!WasmEdge_ValueIsNullRef(WasmEdge_ValueGenExternRef(&x)));
  CHECK(WasmEdge_ValueGetFuncRef(WasmEdge_ValueGenFuncRef(NULL)) == NULL);
  CHECK(WasmEdge_ValTypeIsI32(WasmEdge_ValTypeGenI32()) && !WasmEdge_ValTypeIsI64(WasmEdge_ValTypeGenI32()));
  CHECK(WasmEdge_ValTypeIsFuncRef(WasmEdge_ValTypeGenFuncRef()) && !WasmEdge_ValTypeIsExternRef(WasmEdge_ValTypeGenFuncRef()));
  CHECK(WasmEdge_ValTypeIsRef(WasmEdge_ValTypeGenExternRef()) && WasmEdge_ValTypeIsRefNull(WasmEdge_ValTypeGenExternRef()));
  CHECK(!WasmEdge_ValTypeIsRef(WasmEdge_ValTypeGenV128()) && WasmEdge_ValTypeIsV128(WasmEdge_ValTypeGenV128()));
  CHECK(WasmEdge_ValTypeIsEqual(WasmEdge_ValTypeGenF64(), WasmEdge_ValTypeGenF64()));
  CHECK(!WasmEdge_ValTypeIsEqual(WasmEdge_ValTypeGenF64(), WasmEdge_ValTypeGenF32()));

  /* Strings: created ones are counted and freed; wrapped ones are never freed. */
  uint64_t live0 = wpk_live_objects();
  WasmEdge_String s = WasmEdge_StringCreateByCString("hello");
  CHECK(s.Length == 5 && memcmp(s.Buf, "hello", 5) == 0);
  CHECK(wpk_live_objects() == live0 + 1);
  WasmEdge_String w = WasmEdge_StringWrap("hello", 5);
  CHECK(WasmEdge_StringIsEqual(s, w));
  CHECK(!WasmEdge_StringIsEqual(s, WasmEdge_StringWrap("hellO", 5)));
  CHECK(!WasmEdge_StringIsEqual(s, WasmEdge_StringWrap("hell", 4)));
  char buf[8];
  memset(buf, 'x', sizeof buf);
  CHECK(WasmEdge_StringCopy(s, buf, sizeof buf) == 5 && strcmp(buf, "hello") == 0);
  memset(buf, 'x', sizeof buf);
  CHECK(WasmEdge_StringCopy(s, buf, 3) == 3 && memcmp(buf, "helx", 4) == 0);
  WasmEdge_StringDelete(w); /* wrapped: ignored */
  WasmEdge_StringDelete(s);
  CHECK(wpk_live_objects() == live0);
  WasmEdge_String nul = WasmEdge_StringCreateByBuffer("a\0b", 3);
  CHECK(nul.Length == 3 && nul.Buf[1] == '\0' && nul.Buf[2] == 'b');
  WasmEdge_StringDelete(nul);
  WasmEdge_String empty = WasmEdge_StringCreateByCString(NULL);
  CHECK(empty.Length == 0);
  WasmEdge_StringDelete(empty);

  const uint8_t raw[3] = {1, 2, 3};
  WasmEdge_Bytes b = WasmEdge_BytesCreate(raw, 3);
  CHECK(b.Length == 3 && b.Buf != raw && memcmp(b.Buf, raw, 3) == 0);
  CHECK(wpk_live_objects() == live0 + 1);
  WasmEdge_BytesDelete(WasmEdge_BytesWrap(raw, 3)); /* wrapped: ignored */
  WasmEdge_BytesDelete(b);
  CHECK(wpk_live_objects() == live0);

  /* Logging setters must not crash; callback may be set and cleared. */
  WasmEdge_LogOff();
  WasmEdge_LogSetErrorLevel();
  WasmEdge_LogSetLevel(WasmEdge_LogLevel_Warn);
  WasmEdge_LogSetCallback(NULL);

  CHECK(strcmp(wpk_version(), WASMEDGE_PLUGIN_KIT_VERSION_STRING) == 0);
  void *p = wpk_alloc(16);
  CHECK(p != NULL && ((unsigned char *)p)[15] == 0);
  wpk_free(p);

  return check_done(failures);
}
