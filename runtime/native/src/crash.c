/*
 * Crash attribution for the CLI's child processes: when a plug-in's host function faults, write which
 * one as a stage line (JSON, runtime/isolate.ts protocol) to the given fd before the process dies as
 * it would have anyway.
 *
 * Node installs a SIGSEGV handler for V8's wasm trap handling; ours runs first and chains to it. We
 * only speak when a host function is the innermost frame (wpk_current_function is NULL while the
 * shim calls back into wasm), so wasm's own out-of-bounds traps stay V8's business.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

static const int k_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
#define NSIG_HANDLED (sizeof k_signals / sizeof k_signals[0])
static struct sigaction g_previous[NSIG_HANDLED];
static int g_fd = -1;

static void write_str(const char *s) {
  if (s) (void)!write(g_fd, s, strlen(s));
}

/* The name comes from the plug-in: keep the JSON valid without allocating (signal context). */
static void write_json_chars(const char *s) {
  char buf[256];
  size_t n = 0;
  for (; *s && n < sizeof buf; s++) buf[n++] = (*s == '"' || *s == '\\' || (unsigned char)*s < 0x20) ? '?' : *s;
  (void)!write(g_fd, buf, n);
}

static void on_fatal_signal(int sig, siginfo_t *info, void *ucontext) {
  size_t i = 0;
  while (i < NSIG_HANDLED && k_signals[i] != sig) i++;
  const char *fn = wpk_current_function();
  if (fn && g_fd >= 0) {
    write_str("\n{\"t\":\"stage\",\"stage\":\"host-crash\",\"function\":\"");
    write_json_chars(fn);
    write_str("\"}\n");
  }
  if (i == NSIG_HANDLED) return;
  const struct sigaction *prev = &g_previous[i];
  if (prev->sa_flags & SA_SIGINFO) {
    if (prev->sa_sigaction) prev->sa_sigaction(sig, info, ucontext);
  } else if (prev->sa_handler == SIG_IGN) {
    return;
  } else if (prev->sa_handler != SIG_DFL) {
    prev->sa_handler(sig);
  } else {
    /* Default action: restore it; the signal is re-raised when the handler returns (SIGSEGV and
       friends re-fault at the same instruction; SIGABRT is raised again explicitly). */
    signal(sig, SIG_DFL);
    if (sig == SIGABRT || info->si_code <= 0) raise(sig);
  }
}

WPK_API void wpk_install_crash_reporter(int fd) {
  g_fd = fd;
  for (size_t i = 0; i < NSIG_HANDLED; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fatal_signal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(k_signals[i], &sa, &g_previous[i]);
  }
}
