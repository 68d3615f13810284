/* Checks for the shim test programs (test/native/shim_*.c), so that every program reports the
 * same way: "FAIL file:line: expr" per failed check, "ALL OK" at the end when none failed
 * (test/shim.test.ts reads exactly these lines).
 *
 * CHECK counts into a variable `failures` (an int) that the including file declares where the
 * checks run: at file scope, or locally in a function that returns the count. */
#ifndef WPK_TEST_CHECK_H
#define WPK_TEST_CHECK_H

#include <stdio.h>

#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);          \
      failures++;                                                     \
    }                                                                 \
  } while (0)

/* Ends main: prints "ALL OK" when no check failed; returns the exit status (0 only then). */
static inline int check_done(int failures) {
  if (failures == 0) printf("ALL OK\n");
  return failures != 0;
}

#endif
