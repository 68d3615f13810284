// Checks for the self-checking C++ programs (test/native/cpp_*.cpp), so that all report the same
// way: "FAIL file:line: expr" per failed check, then "ok <n> checks" (exit 0) or "FAILED <n> checks"
// (exit 1) — the lines test/cpp-sdk.test.ts reads.
#ifndef WPK_TEST_CPP_CHECK_HPP
#define WPK_TEST_CPP_CHECK_HPP

#include <cstdio>

// One program per translation unit, so file-scope counters are enough.
static int checks = 0, failures = 0;
#define CHECK(cond)                                                                                  \
  do {                                                                                               \
    ++checks;                                                                                        \
    if (!(cond)) {                                                                                   \
      std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                                   \
      ++failures;                                                                                    \
    }                                                                                                \
  } while (0)

// Ends main: prints the summary line; returns the exit status.
static inline int check_done() {
  std::printf("%s %d checks\n", failures ? "FAILED" : "ok", checks);
  return failures ? 1 : 0;
}

#endif
