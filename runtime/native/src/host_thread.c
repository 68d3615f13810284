/*
 * host_thread.c — which thread is the host thread: the one that loaded the shim (the JS thread, in
 * the runtime). Host functions run there, and calls into wasm can only be made there: the wasm engine
 * is V8, driven by that thread's JS. See wpk_host.h ("Threads") and docs/threads.md.
 */
#define _POSIX_C_SOURCE 200809L /* pthread_kill */
#include <pthread.h>
#include <signal.h>

#include "internal.h"

static pthread_t g_host_thread;

/* dlopen (koffi.load) runs library constructors on the thread that loads the shim. */
__attribute__((constructor)) static void remember_host_thread(void) { g_host_thread = pthread_self(); }

/* Async-signal-safe: pthread_self reads the thread pointer. */
bool wpk_on_host_thread(void) { return pthread_equal(pthread_self(), g_host_thread) != 0; }

/* Async-signal-safe (pthread_kill). */
int wpk_signal_host_thread(int sig) { return pthread_kill(g_host_thread, sig); }
