/*
 * crash.c — fatal signals: crash reports for the CLI's child processes, "where are you" answers for
 * its timeouts, and plug-ins that install signal handlers of their own.
 *
 * Reports (once wpk_install_crash_reporter gave an fd): when plug-in code faults, one stage line
 * (JSON, tooling/isolation/parent.ts protocol) says where, written with a single write() so that lines from
 * several threads never interleave; then the handler chains to the one that was there before the
 * kit's (Node's wasm trap handler, or the default), so the process dies as it would have anyway.
 *   - on the host thread in a host function: "host-crash" with its name, and "stack overflow" when
 *     the fault is next to the stack pointer;
 *   - on any other thread: "thread-crash" with the library that holds the faulting code.
 * On the host thread outside host functions nothing is said: wasm out-of-bounds traps are V8's.
 * The handler runs on an alternate stack (set up for the host thread), so a host function that
 * exhausted its stack is still reported; without SA_NODEFER a fault inside the handler kills the
 * process instead of recursing. Installing twice only changes the fd: the handler never chains to
 * itself.
 *
 * Plug-ins' handlers: a plug-in (a JVM, a sandbox) may install its own handler for these signals,
 * which would take wasm traps away from V8 ("exited with status 99" instead of a trap).
 * wpk_check_signal_handlers, run after plug-in code, notices it, puts the kit's handler back in front
 * and keeps the plug-in's for faults in plug-in code: in a host function, or on another thread.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "internal.h"

static const int k_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
static const char *const k_names[] = {"SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGABRT"};
#define NSIG_HANDLED (sizeof k_signals / sizeof k_signals[0])

static struct sigaction g_kit[NSIG_HANDLED];     /* what handled each signal when the shim was loaded */
static struct sigaction g_plugin[NSIG_HANDLED];  /* a plug-in's handler, for faults in plug-in code */
static volatile sig_atomic_t g_has_plugin[NSIG_HANDLED];
static bool g_installed;                         /* our handler is in place for every signal */
static volatile int g_fd = -1;                   /* report fd, or -1: no reports */
static uint32_t g_replaced;                      /* signals replaced since wpk_signals_replaced */
static char g_replaced_in[128];                  /* host function after whose first call it was seen */

/* The plug-in handler call in progress on this thread (see on_fatal_signal). initial-exec: a TLS
 * access in a signal handler must not allocate. */
static __thread struct {
  const void *info, *uc;
  uintptr_t frame;
} t_plugin_call __attribute__((tls_model("initial-exec")));

__attribute__((constructor)) static void remember_handlers(void) {
  for (size_t i = 0; i < NSIG_HANDLED; i++) sigaction(k_signals[i], NULL, &g_kit[i]);
}

static int index_of(int sig) {
  for (size_t i = 0; i < NSIG_HANDLED; i++)
    if (k_signals[i] == sig) return (int)i;
  return -1;
}

/* ---- writing a report without allocating ------------------------------------------------------- */
typedef struct {
  char buf[1024];
  size_t len;
} line;

static void put(line *l, const char *s) {
  while (*s && l->len < sizeof l->buf - 2) l->buf[l->len++] = *s++;
}

/* Names and paths come from plug-ins: keep the JSON valid. */
static void put_json_chars(line *l, const char *s, size_t max) {
  for (size_t n = 0; *s && n < max && l->len < sizeof l->buf - 2; s++, n++)
    l->buf[l->len++] = (*s == '"' || *s == '\\' || (unsigned char)*s < 0x20) ? '?' : *s;
}

static void send(line *l) {
  l->buf[l->len++] = '\n';
  int fd = g_fd;
  if (fd >= 0) (void)!write(fd, l->buf, l->len); /* one write: lines never interleave */
}

static uintptr_t context_pc(const void *uc) {
#if defined(__x86_64__)
  return (uintptr_t)((const ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
  return (uintptr_t)((const ucontext_t *)uc)->uc_mcontext.pc;
#else
  (void)uc;
  return 0;
#endif
}

static uintptr_t context_sp(const void *uc) {
#if defined(__x86_64__)
  return (uintptr_t)((const ucontext_t *)uc)->uc_mcontext.gregs[REG_RSP];
#elif defined(__aarch64__)
  return (uintptr_t)((const ucontext_t *)uc)->uc_mcontext.sp;
#else
  (void)uc;
  return 0;
#endif
}

/* A fault just below the stack pointer is the guard page of an exhausted stack. */
static bool is_stack_overflow(int sig, const siginfo_t *info, const void *uc) {
  uintptr_t sp = context_sp(uc), addr = (uintptr_t)info->si_addr;
  return sig == SIGSEGV && sp && addr < sp + 4096 && addr + 256 * 1024 > sp;
}

static uintptr_t parse_hex(const char **p) {
  uintptr_t v = 0;
  for (;; (*p)++) {
    char c = **p;
    if (c >= '0' && c <= '9') v = v * 16 + (uintptr_t)(c - '0');
    else if (c >= 'a' && c <= 'f') v = v * 16 + (uintptr_t)(c - 'a' + 10);
    else return v;
  }
}

/* The file mapped at `pc`, from /proc/self/maps (open/read are async-signal-safe), into out. */
static bool library_of(uintptr_t pc, char *out, size_t size) {
  int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[2048], cur[512];
  size_t cur_len = 0;
  bool found = false;
  ssize_t n;
  while (!found && (n = read(fd, buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n && !found; i++) {
      if (buf[i] != '\n') {
        if (cur_len < sizeof cur - 1) cur[cur_len++] = buf[i];
        continue;
      }
      cur[cur_len] = '\0';
      cur_len = 0;
      /* "start-end perms offset dev inode   path" */
      const char *p = cur;
      uintptr_t lo = parse_hex(&p);
      if (*p != '-') continue;
      p++;
      uintptr_t hi = parse_hex(&p);
      if (pc < lo || pc >= hi) continue;
      const char *path = strchr(p, '/');
      if (!path) break;
      size_t k = 0;
      while (path[k] && k < size - 1) {
        out[k] = path[k];
        k++;
      }
      out[k] = '\0';
      found = true;
    }
  }
  close(fd);
  return found;
}

/* Where a host function's code is: its library names the plug-in (the faulting pc may be in libc). */
static uintptr_t code_of(const wpk_call *c) {
  return c->fn->kind == WPK_FN_HOST ? (uintptr_t)c->fn->host : (uintptr_t)c->fn->wrap;
}

static void put_library(line *l, uintptr_t code) {
  char lib[512];
  if (!code || !library_of(code, lib, sizeof lib)) return;
  put(l, ",\"library\":\"");
  put_json_chars(l, lib, sizeof lib);
  put(l, "\"");
}

static void report(int i, int sig, const siginfo_t *info, const void *uc, const wpk_call *c, bool host) {
  line l = {.len = 0};
  put(&l, host ? "{\"t\":\"stage\",\"stage\":\"host-crash\",\"function\":\"" : "{\"t\":\"stage\",\"stage\":\"thread-crash\"");
  if (host) {
    put_json_chars(&l, c->fn->name ? c->fn->name : "", 256);
    put(&l, "\"");
  }
  put(&l, ",\"signal\":\"");
  put(&l, k_names[i]);
  put(&l, "\"");
  if (host && is_stack_overflow(sig, info, uc)) put(&l, ",\"reason\":\"stack overflow\"");
  put_library(&l, host ? code_of(c) : context_pc(uc));
  put(&l, "}");
  send(&l);
}

/* ---- chaining ---------------------------------------------------------------------------------- */
static bool is_function(const struct sigaction *sa) {
  return sa->sa_handler != SIG_DFL && sa->sa_handler != SIG_IGN;
}

static void call_handler(const struct sigaction *sa, int sig, siginfo_t *info, void *uc) {
  if (sa->sa_flags & SA_SIGINFO) sa->sa_sigaction(sig, info, uc);
  else sa->sa_handler(sig);
}

/* The kit's handler: Node's wasm trap handler, or the default action. */
static void chain_kit(int i, int sig, siginfo_t *info, void *uc) {
  const struct sigaction *prev = &g_kit[i];
  if (is_function(prev)) {
    call_handler(prev, sig, info, uc);
  } else if (prev->sa_handler == SIG_DFL) {
    /* Restore it; SIGSEGV and friends re-fault at the same instruction when we return; a sent
     * signal (abort, kill) is raised again and delivered once the handler returns. */
    signal(sig, SIG_DFL);
    if (sig == SIGABRT || info->si_code <= 0) raise(sig);
  }
}

/* A plug-in's handler, with the signal mask it asked for (ours blocks every fatal signal). */
static void chain_plugin(int i, int sig, siginfo_t *info, void *uc) {
  struct sigaction h = g_plugin[i];
  if (h.sa_flags & SA_RESETHAND) g_has_plugin[i] = 0;
  sigset_t mask = ((ucontext_t *)uc)->uc_sigmask;
  for (int s = 1; s < NSIG; s++)
    if (sigismember(&h.sa_mask, s) == 1) sigaddset(&mask, s);
  if (!(h.sa_flags & SA_NODEFER)) sigaddset(&mask, sig);
  pthread_sigmask(SIG_SETMASK, &mask, NULL);
  char here;
  t_plugin_call.info = info;
  t_plugin_call.uc = uc;
  t_plugin_call.frame = (uintptr_t)&here;
  call_handler(&h, sig, info, uc); /* may not return: siglongjmp, _exit */
  t_plugin_call.info = NULL;
}

static void on_fatal_signal(int sig, siginfo_t *info, void *uc) {
  int i = index_of(sig);
  if (i < 0) return;
  const bool host = wpk_on_host_thread();
  const wpk_call *c = host ? g_call : NULL;
  const bool in_host_function = c && c->fn->kind != WPK_FN_GUEST;
  /* The plug-in's handler chaining to its previous one (us) passes our info and context on, from a
   * deeper frame. (A fresh signal after a siglongjmp out of it lands in a frame at least as high.) */
  char here;
  const bool from_plugin = t_plugin_call.info == info && t_plugin_call.uc == uc && (uintptr_t)&here < t_plugin_call.frame;
  if ((!host || in_host_function) && g_has_plugin[i] && !from_plugin) {
    chain_plugin(i, sig, info, uc);
    return;
  }
  if (g_fd >= 0 && (!host || in_host_function)) report(i, sig, info, uc, c, host);
  chain_kit(i, sig, info, uc);
}

/* ---- "where are you": SIGUSR2 from the parent process before it kills a child that timed out ---- */
static void on_where(int sig, siginfo_t *info, void *uc) {
  (void)info; (void)uc;
  if (!wpk_on_host_thread()) { /* the answer is the host thread's: ask it */
    wpk_signal_host_thread(sig);
    return;
  }
  const wpk_call *c = g_call, *host_fn = c;
  while (host_fn && host_fn->fn->kind == WPK_FN_GUEST) host_fn = host_fn->outer;
  line l = {.len = 0};
  put(&l, "{\"t\":\"stage\",\"stage\":\"hang\",\"detail\":\"");
  put(&l, !c ? "none" : c->fn->kind == WPK_FN_GUEST ? "wasm" : "host");
  put(&l, "\"");
  if (host_fn) {
    put(&l, ",\"function\":\"");
    put_json_chars(&l, host_fn->fn->name ? host_fn->fn->name : "", 256);
    put(&l, "\"");
    put_library(&l, code_of(host_fn));
  }
  put(&l, "}");
  send(&l);
}

/* ---- installing ---------------------------------------------------------------------------------- */
/* The host thread's alternate signal stack, so that a stack overflow can still be reported. */
static void ensure_alt_stack(void) {
  stack_t cur;
  if (!wpk_on_host_thread() || sigaltstack(NULL, &cur) != 0 || !(cur.ss_flags & SS_DISABLE)) return;
  size_t size = 128 * 1024;
  void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (p == MAP_FAILED) return;
  stack_t ss = {.ss_sp = p, .ss_size = size, .ss_flags = 0};
  if (sigaltstack(&ss, NULL) != 0) munmap(p, size);
}

/* Puts our handler in front for every signal (again, when `force`: over a plug-in's). */
static void install(bool force) {
  ensure_alt_stack();
  if (g_installed && !force) return;
  g_installed = true;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fatal_signal;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK; /* no SA_NODEFER: a fault in the handler ends the process */
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < NSIG_HANDLED; i++) sigaddset(&sa.sa_mask, k_signals[i]);
  for (size_t i = 0; i < NSIG_HANDLED; i++) sigaction(k_signals[i], &sa, NULL);
}

WPK_API void wpk_install_crash_reporter(int fd) {
  g_fd = fd;
  install(false);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_where;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGUSR2, &sa, NULL);
}

static bool same_handler(const struct sigaction *a, const struct sigaction *b) {
  return (a->sa_flags & SA_SIGINFO) == (b->sa_flags & SA_SIGINFO) && a->sa_handler == b->sa_handler;
}

uint32_t wpk_signals_check(const char *function) {
  uint32_t replaced = 0;
  for (size_t i = 0; i < NSIG_HANDLED; i++) {
    struct sigaction cur;
    if (sigaction(k_signals[i], NULL, &cur) != 0) continue;
    if (g_installed ? cur.sa_sigaction == on_fatal_signal : same_handler(&cur, &g_kit[i])) continue;
    /* Someone else's now. SIG_DFL or SIG_IGN from a plug-in would only lose wasm traps: not kept. */
    if (is_function(&cur)) {
      g_plugin[i] = cur;
      g_has_plugin[i] = 1;
    }
    replaced |= 1u << i;
  }
  if (replaced) {
    install(true);
    g_replaced |= replaced;
    size_t n = function ? strlen(function) : 0;
    if (n >= sizeof g_replaced_in) n = sizeof g_replaced_in - 1;
    memcpy(g_replaced_in, function ? function : "", n);
    g_replaced_in[n] = '\0';
  }
  return replaced;
}

WPK_API uint32_t wpk_check_signal_handlers(void) { return wpk_signals_check(NULL); }

WPK_API uint32_t wpk_signals_replaced(void) {
  uint32_t r = g_replaced;
  g_replaced = 0;
  return r;
}

WPK_API const char *wpk_signals_replaced_in(void) { return g_replaced_in[0] ? g_replaced_in : NULL; }
