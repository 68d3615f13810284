// @stdout hello
// @stdout 2 + 3 = 5
//
// A guest program in C as a test: `wasmedge-plugin test` compiles it with clang for wasm32-wasi
// against bindings.h generated from the built library (do not keep a bindings.h in test/), runs it
// with the plug-in and checks the directives above (like the .wat tests). Without clang for
// wasm32-wasi it is skipped, with the install command.
#include <stdint.h>
#include <stdio.h>

#include "bindings.h"

int main(void) {
  char buf[256];
  uint32_t written = 0;
  get_string((int32_t)(uintptr_t)buf, (int32_t)sizeof buf, (int32_t)(uintptr_t)&written);
  printf("%.*s\n", (int)written, buf);
  printf("2 + 3 = %d\n", (int)add(2, 3));
  return 0;
}
