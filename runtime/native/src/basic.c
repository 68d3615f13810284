/*
 * basic.c — versions, logging, strings, bytes and results (wasmedge_basic.h in WasmEdge).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

/* ---- versions ------------------------------------------------------------------------------- */
const char *WasmEdge_VersionGet(void) { return WASMEDGE_VERSION; }
uint32_t WasmEdge_VersionGetMajor(void) { return WASMEDGE_VERSION_MAJOR; }
uint32_t WasmEdge_VersionGetMinor(void) { return WASMEDGE_VERSION_MINOR; }
uint32_t WasmEdge_VersionGetPatch(void) { return WASMEDGE_VERSION_PATCH; }
const char *wpk_version(void) { return WASMEDGE_PLUGIN_KIT_VERSION_STRING; }

/* ---- logging -------------------------------------------------------------------------------- */
#define WPK_LOG_OFF (WasmEdge_LogLevel_Critical + 1)

static int g_log_level = WasmEdge_LogLevel_Error;
static WasmEdge_LogCallback_t g_log_callback;

void WasmEdge_LogSetErrorLevel(void) { g_log_level = WasmEdge_LogLevel_Error; }
void WasmEdge_LogSetDebugLevel(void) { g_log_level = WasmEdge_LogLevel_Debug; }
void WasmEdge_LogOff(void) { g_log_level = WPK_LOG_OFF; }
void WasmEdge_LogSetLevel(WasmEdge_LogLevel Level) { g_log_level = (int)Level; }
void WasmEdge_LogSetCallback(WasmEdge_LogCallback_t Callback) { g_log_callback = Callback; }

void wpk_log(int level, const char *fmt, ...) {
  static const char *const names[] = {"trace", "debug", "info", "warning", "error", "critical"};
  if (level < g_log_level || level < 0 || level > WasmEdge_LogLevel_Critical) return;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n >= sizeof msg) n = (int)sizeof msg - 1;
  if (g_log_callback) {
    WasmEdge_LogMessage m;
    memset(&m, 0, sizeof m);
    m.Message.Length = (uint32_t)n;
    m.Message.Buf = msg;
    m.LoggerName.Length = 8;
    m.LoggerName.Buf = "wasmedge";
    m.Level = (WasmEdge_LogLevel)level;
    m.Time = time(NULL);
    m.ThreadId = (uint64_t)pthread_self();
    g_log_callback(&m);
  } else {
    fprintf(stderr, "[wasmedge] [%s] %s\n", names[level], msg);
  }
}

/* ---- strings -------------------------------------------------------------------------------- */
/* A malloc'ed copy, remembered as owned; {0, NULL} for empty input (nothing to free). */
static const void *copy_buffer(const void *buf, uint32_t len) {
  if (!buf || len == 0) return NULL;
  void *p = malloc(len);
  if (!p) return NULL;
  memcpy(p, buf, len);
  if (!wpk_owned_buf_add(p)) { /* unrecorded, Delete could never free it: fail the creation */
    free(p);
    return NULL;
  }
  wpk_live_inc();
  return p;
}

static void free_buffer(const void *buf) {
  if (buf && wpk_owned_buf_remove(buf)) {
    free((void *)buf);
    wpk_live_dec();
  }
}

WasmEdge_String WasmEdge_StringCreateByCString(const char *Str) {
  if (!Str) return WasmEdge_StringWrap(NULL, 0);
  size_t len = strlen(Str);
  if (len > UINT32_MAX) len = UINT32_MAX;
  return WasmEdge_StringCreateByBuffer(Str, (uint32_t)len);
}

WasmEdge_String WasmEdge_StringCreateByBuffer(const char *Buf, const uint32_t Len) {
  WasmEdge_String s;
  s.Buf = copy_buffer(Buf, Len);
  s.Length = s.Buf ? Len : 0;
  return s;
}

WasmEdge_String WasmEdge_StringWrap(const char *Buf, const uint32_t Len) {
  WasmEdge_String s;
  s.Buf = Buf;
  s.Length = Buf ? Len : 0;
  return s;
}

bool WasmEdge_StringIsEqual(const WasmEdge_String Str1, const WasmEdge_String Str2) {
  if (Str1.Length != Str2.Length) return false;
  if (Str1.Length == 0) return true;
  if (!Str1.Buf || !Str2.Buf) return Str1.Buf == Str2.Buf;
  return memcmp(Str1.Buf, Str2.Buf, Str1.Length) == 0;
}

uint32_t WasmEdge_StringCopy(const WasmEdge_String Str, char *Buf, const uint32_t Len) {
  if (!Buf) return 0;
  uint32_t n = Str.Buf ? (Str.Length < Len ? Str.Length : Len) : 0;
  if (n) memcpy(Buf, Str.Buf, n);
  if (Len > n) memset(Buf + n, 0, Len - n);
  return n;
}

void WasmEdge_StringDelete(WasmEdge_String Str) { free_buffer(Str.Buf); }

/* ---- bytes ---------------------------------------------------------------------------------- */
WasmEdge_Bytes WasmEdge_BytesCreate(const uint8_t *Buf, const uint32_t Len) {
  WasmEdge_Bytes b;
  b.Buf = copy_buffer(Buf, Len);
  b.Length = b.Buf ? Len : 0;
  return b;
}

WasmEdge_Bytes WasmEdge_BytesWrap(const uint8_t *Buf, const uint32_t Len) {
  WasmEdge_Bytes b;
  b.Buf = Buf;
  b.Length = Buf ? Len : 0;
  return b;
}

void WasmEdge_BytesDelete(WasmEdge_Bytes Bytes) { free_buffer(Bytes.Buf); }

/* ---- results -------------------------------------------------------------------------------- */
bool WasmEdge_ResultOK(const WasmEdge_Result Res) {
  return Res.Code == WasmEdge_ErrCode_Success || Res.Code == WasmEdge_ErrCode_Terminated;
}

WasmEdge_Result WasmEdge_ResultGen(const enum WasmEdge_ErrCategory Category, const uint32_t Code) {
  WasmEdge_Result r;
  r.Code = ((uint32_t)Category << 24) | (Code & 0x00FFFFFFu);
  return r;
}

uint32_t WasmEdge_ResultGetCode(const WasmEdge_Result Res) { return Res.Code & 0x00FFFFFFu; }

enum WasmEdge_ErrCategory WasmEdge_ResultGetCategory(const WasmEdge_Result Res) {
  return (enum WasmEdge_ErrCategory)(Res.Code >> 24);
}

typedef struct {
  uint32_t code;
  const char *message;
} wpk_err_message;

/* WasmEdge's messages for the codes a plug-in or host is likely to meet. */
static const wpk_err_message g_messages[] = {
    {WasmEdge_ErrCode_Success, "success"},
    {WasmEdge_ErrCode_Terminated, "terminated"},
    {WasmEdge_ErrCode_RuntimeError, "generic runtime error"},
    {WasmEdge_ErrCode_CostLimitExceeded, "cost limit exceeded"},
    {WasmEdge_ErrCode_WrongVMWorkflow, "wrong VM workflow"},
    {WasmEdge_ErrCode_FuncNotFound, "wasm function not found"},
    {WasmEdge_ErrCode_AOTDisabled, "AOT runtime is disabled in this build"},
    {WasmEdge_ErrCode_Interrupted, "execution interrupted"},
    {WasmEdge_ErrCode_NotValidated, "wasm module hasn't passed validation yet"},
    {WasmEdge_ErrCode_NonNullRequired, "set null value into non-nullable value type"},
    {WasmEdge_ErrCode_SetValueToConst, "set value into const"},
    {WasmEdge_ErrCode_SetValueErrorType, "set value type mismatch"},
    {WasmEdge_ErrCode_UserDefError, "user defined error code"},
    {WasmEdge_ErrCode_IllegalPath, "invalid path"},
    {WasmEdge_ErrCode_ReadError, "read error"},
    {WasmEdge_ErrCode_UnexpectedEnd, "unexpected end"},
    {WasmEdge_ErrCode_MalformedMagic, "magic header not detected"},
    {WasmEdge_ErrCode_MalformedVersion, "unknown binary version"},
    {WasmEdge_ErrCode_MalformedSection, "malformed section id"},
    {WasmEdge_ErrCode_ModuleNameConflict, "module name conflict"},
    {WasmEdge_ErrCode_IncompatibleImportType, "incompatible import type"},
    {WasmEdge_ErrCode_UnknownImport, "unknown import"},
    {WasmEdge_ErrCode_DataSegDoesNotFit, "data segment does not fit"},
    {WasmEdge_ErrCode_ElemSegDoesNotFit, "elements segment does not fit"},
    {WasmEdge_ErrCode_WrongInstanceAddress, "wrong instance address"},
    {WasmEdge_ErrCode_WrongInstanceIndex, "wrong instance index"},
    {WasmEdge_ErrCode_InstrTypeMismatch, "instruction type mismatch"},
    {WasmEdge_ErrCode_FuncSigMismatch, "function signature mismatch"},
    {WasmEdge_ErrCode_DivideByZero, "integer divide by zero"},
    {WasmEdge_ErrCode_IntegerOverflow, "integer overflow"},
    {WasmEdge_ErrCode_InvalidConvToInt, "invalid conversion to integer"},
    {WasmEdge_ErrCode_TableOutOfBounds, "out of bounds table access"},
    {WasmEdge_ErrCode_MemoryOutOfBounds, "out of bounds memory access"},
    {WasmEdge_ErrCode_ArrayOutOfBounds, "out of bounds array access"},
    {WasmEdge_ErrCode_Unreachable, "unreachable"},
    {WasmEdge_ErrCode_UninitializedElement, "uninitialized element"},
    {WasmEdge_ErrCode_UndefinedElement, "undefined element"},
    {WasmEdge_ErrCode_IndirectCallTypeMismatch, "indirect call type mismatch"},
    {WasmEdge_ErrCode_HostFuncError, "host function failed"},
    {WasmEdge_ErrCode_RefTypeMismatch, "reference type mismatch"},
    {WasmEdge_ErrCode_UnalignedAtomicAccess, "unaligned atomic"},
    {WasmEdge_ErrCode_ExpectSharedMemory, "expected shared memory"},
    {WasmEdge_ErrCode_CastNullToNonNull, "null reference"},
    {WasmEdge_ErrCode_AccessNullFunc, "null function reference"},
    {WasmEdge_ErrCode_UncaughtException, "uncaught exception"},
};

const char *WasmEdge_ResultGetMessage(const WasmEdge_Result Res) {
  if ((Res.Code >> 24) != WasmEdge_ErrCategory_WASM) return "user defined error code";
  uint32_t code = Res.Code & 0x00FFFFFFu;
  for (size_t i = 0; i < sizeof g_messages / sizeof g_messages[0]; i++)
    if (g_messages[i].code == code) return g_messages[i].message;
  return "unknown error code";
}
