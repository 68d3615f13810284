/* Shim test: the crash reporter (wpk_install_crash_reporter). Each scenario runs in a forked child
 * whose report fd is a pipe:
 *   twice   installed twice, a host function writes through NULL: exactly one report line, written
 *           by one write() call, naming the function; the child dies of SIGSEGV (no loop through
 *           its own handler);
 *   deep    a host function recurses without bound: the report names it and says "stack overflow";
 *   thread  a thread faults while the host thread is inside host function "busy": the report says
 *           it happened on another thread and does not name "busy".
 * write() is replaced (this program's definition wins over libc's for the shim) to count the calls
 * on the report fd. Prints "FAIL ..." per failed check, "ALL OK" otherwise. */
#define _GNU_SOURCE
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"
#include "check.h"

static int failures;

static int g_report_fd = -1, g_count_fd = -1;

ssize_t write(int fd, const void *buf, size_t n) {
  if (fd == g_report_fd && g_count_fd >= 0) syscall(SYS_write, g_count_fd, "w", 1);
  return syscall(SYS_write, fd, buf, n);
}

static WasmEdge_Result boom(void *d, const WasmEdge_CallingFrameContext *f, const WasmEdge_Value *in, WasmEdge_Value *out) {
  (void)d; (void)f; (void)in; (void)out;
  *(volatile int *)NULL = 1;
  return WasmEdge_Result_Success;
}

__attribute__((noinline)) static int recurse(volatile int depth) {
  volatile char frame[256];
  if (depth < 0) return 0; /* never: keeps the compiler from calling it infinite */
  frame[depth & 255] = (char)depth;
  return recurse(depth + 1) + frame[(depth + 1) & 255];
}

static WasmEdge_Result deep(void *d, const WasmEdge_CallingFrameContext *f, const WasmEdge_Value *in, WasmEdge_Value *out) {
  (void)d; (void)f; (void)in; (void)out;
  return recurse(0) ? WasmEdge_Result_Success : WasmEdge_Result_Fail;
}

static void *fault_later(void *arg) {
  (void)arg;
  struct timespec ts = {0, 100 * 1000000L};
  nanosleep(&ts, NULL);
  *(volatile int *)NULL = 1;
  return NULL;
}

static WasmEdge_Result busy(void *d, const WasmEdge_CallingFrameContext *f, const WasmEdge_Value *in, WasmEdge_Value *out) {
  (void)d; (void)f; (void)in; (void)out;
  pthread_t t;
  pthread_create(&t, NULL, fault_later, NULL);
  sleep(5);
  return WasmEdge_Result_Success;
}

typedef struct {
  char report[8192];
  size_t len;
  int writes;
  int status;
} outcome;

/* Forks; the child installs the reporter (`installs` times) and calls host function `fn`. */
static outcome run_child(const char *name, WasmEdge_HostFunc_t fn, int installs) {
  outcome o;
  memset(&o, 0, sizeof o);
  int rep[2], cnt[2];
  if (pipe(rep) || pipe(cnt)) return o;
  pid_t pid = fork();
  if (pid == 0) {
    close(rep[0]);
    close(cnt[0]);
    alarm(20);
    g_report_fd = rep[1];
    g_count_fd = cnt[1];
    for (int i = 0; i < installs; i++) wpk_install_crash_reporter(rep[1]);
    WasmEdge_FunctionTypeContext *ft = WasmEdge_FunctionTypeCreate(NULL, 0, NULL, 0);
    WasmEdge_ModuleInstanceContext *m = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("m", 1));
    WasmEdge_FunctionInstanceContext *f = WasmEdge_FunctionInstanceCreate(ft, fn, NULL, 0);
    WasmEdge_ModuleInstanceAddFunction(m, WasmEdge_StringWrap(name, (uint32_t)strlen(name)), f);
    wpk_invoke(wpk_bind(f, NULL));
    _exit(0);
  }
  close(rep[1]);
  close(cnt[1]);
  struct pollfd p[2] = {{rep[0], POLLIN, 0}, {cnt[0], POLLIN, 0}};
  int open_fds = 2;
  while (open_fds > 0 && poll(p, 2, -1) > 0) {
    for (int i = 0; i < 2; i++) {
      if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP))) continue;
      char buf[4096];
      ssize_t n = read(p[i].fd, buf, sizeof buf);
      if (n <= 0) {
        close(p[i].fd);
        p[i].fd = -1;
        open_fds--;
      } else if (i == 0) {
        size_t room = sizeof o.report - 1 - o.len;
        size_t k = (size_t)n < room ? (size_t)n : room;
        memcpy(o.report + o.len, buf, k);
        o.len += k;
      } else {
        o.writes += (int)n;
      }
    }
  }
  waitpid(pid, &o.status, 0);
  return o;
}

static int lines(const outcome *o) {
  int n = 0;
  for (size_t i = 0; i < o->len; i++) n += o->report[i] == '\n' && i > 0 && o->report[i - 1] == '}';
  return n;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  outcome a = run_child("boom", boom, 2);
  CHECK(WIFSIGNALED(a.status) && WTERMSIG(a.status) == SIGSEGV);
  CHECK(lines(&a) == 1);
  CHECK(a.writes == 1);
  CHECK(strstr(a.report, "\"function\":\"boom\"") != NULL);
  printf("twice: %.*s", (int)a.len, a.report);

  outcome d = run_child("deep", deep, 1);
  CHECK(WIFSIGNALED(d.status) && WTERMSIG(d.status) == SIGSEGV);
  CHECK(strstr(d.report, "\"function\":\"deep\"") != NULL);
  CHECK(strstr(d.report, "stack overflow") != NULL);
  printf("deep: %.*s", (int)d.len, d.report);

  outcome t = run_child("busy", busy, 1);
  CHECK(WIFSIGNALED(t.status) && WTERMSIG(t.status) == SIGSEGV);
  CHECK(strstr(t.report, "thread") != NULL);
  CHECK(strstr(t.report, "busy") == NULL);
  printf("thread: %.*s", (int)t.len, t.report);
  return check_done(failures);
}
