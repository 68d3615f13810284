/*
 * wpk_host.h — the host-facing side of the shim: what the TypeScript runtime calls through koffi.
 *
 * Plug-ins never see this header; they use sdk/include/wasmedge/wasmedge.h, whose functions the shim
 * implements. Everything here exists so that JavaScript (Node's WebAssembly engine) can stand in for
 * WasmEdge's executor:
 *   - a "guest module" is a WasmEdge_ModuleInstanceContext that represents one running wasm instance:
 *     host functions see it through WasmEdge_CallingFrameGetModuleInstance, find its exports with
 *     WasmEdge_ModuleInstanceFindFunction and call them with WasmEdge_ExecutorInvoke;
 *   - its memory 0 is an "external" memory instance whose bytes belong to a JS WebAssembly.Memory;
 *   - a "binding" pairs a host function with the guest module that imports it; calling a binding by
 *     index is the hot path (one uint32 argument, values passed through shim-owned slots).
 *
 * Ids are small non-zero integers so that koffi passes them as plain numbers (no BigInt).
 *
 * Threads (docs/threads.md): the host thread is the one that loaded the shim (the JS thread). Every
 * function of this header is for the host thread only, and host functions run there. Plug-ins may
 * create, use and delete objects from their own threads (counters are atomic, the tables of owned
 * buffers and live modules are locked); what needs the wasm engine is refused on other threads with
 * an error result and a logged message, never a hang: WasmEdge_ExecutorInvoke returns WrongVMWorkflow,
 * growing a guest module's memory returns MemoryOutOfBounds (the engine is driven by the JS thread,
 * which may be waiting for the plug-in's thread). Other objects are not locked: a plug-in that shares
 * one between threads (a memory, a table, a global, a module it adds to) locks it itself, as with
 * WasmEdge; guest memory may move when wasm grows it, so plug-in threads must not keep pointers into
 * it across calls.
 * Functions here accept NULL pointers and invalid ids: they then do nothing / return 0 or NULL.
 */
#ifndef WPK_HOST_H
#define WPK_HOST_H

#include <stdint.h>
#include "wasmedge/wasmedge.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- value slots --------------------------------------------------------------------------------
 * One shim-owned array of WPK_SLOT_COUNT WasmEdge_Value (32 bytes each, 16-byte aligned), mapped
 * once into JS with koffi.view. Before wpk_invoke the caller writes parameter i's payload into the
 * low bytes of slot i (4 bytes for i32/f32, 8 for i64/f64, 16 for v128; reference types: the
 * pointer-sized payload). Types need not be written: wpk_invoke copies the parameters to its own
 * stack, zero-extends each payload by the function's declared type and sets .Type, so the slots can
 * be reused by nested calls. After a call that returns 0 (success) or 1 (terminate), slot i holds
 * return value i: the whole WasmEdge_Value (payload zero-extended, and .Type), as the host function
 * wrote it. On other codes the slots hold the parameters or garbage. */
#define WPK_SLOT_COUNT 1024
WasmEdge_Value *wpk_slots(void);               /* owned by the shim; valid until process exit */
uint32_t wpk_slot_count(void);

/* ---- guest modules (one per wasm instance, plus one scratch module for direct calls) -------------- */
/* Creates a module instance named `name` (copied; NULL gives an empty name) with an external memory 0
 * named "memory" (no bytes attached yet: size 0). Caller owns it: free with
 * WasmEdge_ModuleInstanceDelete, after unbinding every binding that uses it. NULL if out of memory. */
WasmEdge_ModuleInstanceContext *wpk_guest_module_create(const char *name);
/* Memory 0 of a guest module; owned by the module. */
WasmEdge_MemoryInstanceContext *wpk_guest_memory(const WasmEdge_ModuleInstanceContext *guest);

/* Points an external memory at JS-owned bytes. Call again whenever the JS ArrayBuffer changed
 * (memory.grow detaches it). `grow_id` is passed back to the grow callback. max_pages = 65536 when
 * the memory has no maximum. The memory's type follows: limit min = size_bytes / 65536, and a
 * maximum of max_pages when max_pages < 65536. Ignored for memories that are not external (made by
 * WasmEdge_MemoryInstanceCreate). `base` stays owned by JS; the shim never frees it. */
void wpk_memory_attach(WasmEdge_MemoryInstanceContext *mem, uint32_t grow_id, uint8_t *base,
                       uint64_t size_bytes, uint64_t max_pages);

/* Callback the shim uses when a plug-in calls WasmEdge_MemoryInstanceGrowPage on an external memory:
 * JS grows the WebAssembly.Memory, calls wpk_memory_attach with the new buffer, and returns 0, or
 * returns -1 if the memory cannot grow. The shim checks the maximum before calling, and fails the
 * grow (MemoryOutOfBounds) when no callback is set or the re-attached size is too small. */
typedef int32_t (*wpk_grow_fn)(uint32_t grow_id, uint32_t pages);
void wpk_set_grow_callback(wpk_grow_fn fn);

/* A function instance that stands for a wasm export: calling it (WasmEdge_ExecutorInvoke) calls the
 * guest callback with `guest_id`. The type is copied. Caller owns the result until it is added to a
 * module with WasmEdge_ModuleInstanceAddFunction (then the module owns it). ExecutorInvoke checks the
 * parameter count and types against `type` (FuncSigMismatch) before the callback runs. */
WasmEdge_FunctionInstanceContext *wpk_guest_function_create(const WasmEdge_FunctionTypeContext *type,
                                                            uint32_t guest_id);

/* JS side of a guest call: reads nparams values from `params`, calls the export, writes nreturns values
 * (payload and Type) to `returns`, returns a WasmEdge_Result code (0 on success; on a trap JS keeps
 * the exception and returns a failure code, which the host function sees from ExecutorInvoke).
 * `params` and `returns` are shim-owned and valid only during the callback; `returns` comes with
 * each .Type preset and .Value zeroed. Without a callback, ExecutorInvoke returns FuncNotFound (5). */
typedef uint32_t (*wpk_guest_call_fn)(uint32_t guest_id, const WasmEdge_Value *params, uint32_t nparams,
                                      WasmEdge_Value *returns, uint32_t nreturns);
void wpk_set_guest_callback(wpk_guest_call_fn fn);

/* ---- bindings: the hot path --------------------------------------------------------------------- */
/* Pairs a host function (from a plug-in module) with the guest module that calls it (`guest` NULL:
 * host functions then see a frame without module or memory). Returns a binding id (>0), or 0 when
 * `fn` is NULL or has more than WPK_SLOT_COUNT parameters or results. The binding borrows both
 * pointers: unbind it before deleting the plug-in module or the guest module. Bindings live until
 * wpk_unbind; unbound ids are reused by later wpk_bind calls. */
uint32_t wpk_bind(const WasmEdge_FunctionInstanceContext *fn, const WasmEdge_ModuleInstanceContext *guest);
void wpk_unbind(uint32_t binding);

/* Calls the binding's host function with parameters from the slots (see above), the guest module as
 * calling frame, and writes the returns back to the slots. Returns the WasmEdge_Result code as the
 * host function returned it (0 success, 1 terminate, anything else a failure, category unchanged);
 * WrongVMWorkflow (4) for id 0 or an unbound id; RuntimeError (2) when out of memory. Allocates
 * only for functions with more than 16 parameters and results together (no array sized by those
 * counts goes on the C stack). After each binding's first call, checks the signal handlers
 * (wpk_check_signal_handlers).
 * Re-entrant: a host function may call back into wasm (ExecutorInvoke) which may call wpk_invoke. */
uint32_t wpk_invoke(uint32_t binding);

/* Argument-free wpk_invoke for the JS trampolines (each koffi argument costs marshalling): write the
 * binding id to *wpk_next_binding() (a shim-owned word, valid until exit; map it once), then call
 * wpk_invoke_next(). The word is read on entry, so nested calls may overwrite it. */
uint32_t *wpk_next_binding(void);
uint32_t wpk_invoke_next(void);

/* Name of the host function currently running on the host thread (innermost), or NULL (none, or
 * wasm called back from one is innermost): the name it was given in WasmEdge_ModuleInstanceAddFunction
 * (NUL-terminated, owned by the function instance). */
const char *wpk_current_function(void);

/* ---- which call a failure belongs to -------------------------------------------------------------
 * Shim-owned words, valid until exit (map them once with koffi.view), written on the host thread:
 *   depth          calls running: host functions and calls back into wasm (during a guest callback it
 *                  counts the callback's own call);
 *   failure        set when a host function returns: the failure code that the last failed call back
 *                  into wasm (ExecutorInvoke of a guest function) made while it ran got, directly or
 *                  passed on by a host function it called; 0 when none failed;
 *   failure_depth  the depth that failed call back into wasm ran at.
 * When wpk_invoke returns the code in `failure`, the host function passed that failure on: what the
 * guest callback at failure_depth ran into is the error to report. Any other code is the host
 * function's own. wpk_invoke sets `failure` even when it returns early, so a value never outlives its
 * call. */
typedef struct {
  uint32_t depth, failure, failure_depth;
} wpk_call_state;
wpk_call_state *wpk_call_state_words(void);

/* ---- fatal signals -------------------------------------------------------------------------------- */
/* Installs handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT that report a fault in plug-in code
 * to `fd` as one JSON stage line (tooling/isolation/parent.ts protocol), written with one write():
 *   {"t":"stage","stage":"host-crash","function":NAME,"signal":S[,"reason":"stack overflow"][,"library":PATH]}
 *       in a host function running on the host thread;
 *   {"t":"stage","stage":"thread-crash","signal":S[,"library":PATH]}   on any other thread;
 * then chain to the handlers that were in place when the shim was loaded (Node's wasm trap handler),
 * so the process still dies as before. Faults of wasm code are left to V8. The handlers run on an
 * alternate stack set up for the host thread, so a stack overflow is reported too. Also answers
 * SIGUSR2 (sent before killing a child that timed out) with
 *   {"t":"stage","stage":"hang","detail":"host"|"wasm"|"none"[,"function":NAME]}
 * saying whether the host thread is in host function NAME, in wasm called back from host function
 * NAME, or in no call (wasm or the runtime). Calling it again only changes the fd. For the CLI's child
 * processes. */
void wpk_install_crash_reporter(int fd);

/* Plug-ins that install their own handlers for those signals (JVMs, sandboxes) would take wasm traps
 * away from V8. Checks the current handlers (the runtime calls it after plug-in code ran: loading,
 * GetDescriptor, Create, deleting a module; wpk_invoke after each binding's first call); for each one
 * that plug-in code replaced, puts the kit's handler back in front and keeps the plug-in's for faults
 * in plug-in code (in a host function, or on another thread than the host thread), with the signal
 * mask it asked for. Returns the signals replaced just now (bits in the order SIGSEGV, SIGBUS, SIGFPE,
 * SIGILL, SIGABRT). */
uint32_t wpk_check_signal_handlers(void);
/* Signals replaced since the last call (same bits), then cleared; and the name of the host function
 * after whose first call the latest replacement was seen, or NULL (owned by the shim, valid until the
 * next replacement). */
uint32_t wpk_signals_replaced(void);
const char *wpk_signals_replaced_in(void);

/* ---- stdio ---------------------------------------------------------------------------------------- */
/* Clears O_NONBLOCK on fds 1 and 2. Node makes a pipe non-blocking when it opens process.stdout or
 * process.stderr on it (and a pipe shared by both, as with `2>&1`, for both); plug-ins and WASI
 * guests write to the fds directly, and with a non-blocking pipe their writes fail with EAGAIN once
 * the pipe is full: output is lost. Call after Node opened its streams. */
void wpk_stdio_blocking(void);

/* True when `p` is a module instance created by WasmEdge_ModuleInstanceCreate[WithData] and not yet
 * deleted. The host checks what a plug-in's Create returned before touching it. */
bool wpk_module_is_live(const void *p);

/* ---- bookkeeping -------------------------------------------------------------------------------- */
/* Number of live objects the shim allocated for plug-ins and the host, used by tests and
 * `wasmedge-plugin test` to find leaks: every context made by a *Create function (limits, types,
 * instances, modules — including a guest module and its memory) and every non-empty string or bytes
 * made by WasmEdge_StringCreateByCString/ByBuffer or WasmEdge_BytesCreate, until it is deleted
 * (instances added to a module: until the module is deleted). wpk_alloc blocks are not counted. */
uint64_t wpk_live_objects(void);
/* Bytes of a WasmEdge_String created by the shim are malloc'ed; the runtime frees strings it reads
 * through WasmEdge_StringDelete (which ignores strings the shim did not create: wrapped ones, module
 * and export names). Host-side allocation for option storage: */
void *wpk_alloc(uint64_t size);                /* zeroed; free with wpk_free */
void wpk_free(void *p);
uint64_t wpk_alloc_blocks(void);               /* wpk_alloc blocks not yet freed */

/* Number of times a plug-in added an instance that was already added to a module
 * (WasmEdge_ModuleInstanceAdd*). Real WasmEdge would own and free it twice; the shim keeps the first
 * owner: the same module exports it under the new name too, another module ignores the add. */
uint64_t wpk_duplicate_adds(void);

/* Version of the shim (the SDK version it was built from), e.g. "0.1.0". */
const char *wpk_version(void);

#ifdef __cplusplus
}
#endif
#endif
