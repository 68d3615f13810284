/*
 * stdio.c — keeping plug-ins' and guests' output: fds 1 and 2 stay blocking.
 *
 * Node opens process.stdout / process.stderr on a pipe in non-blocking mode, and O_NONBLOCK belongs
 * to the open file description: it is shared with every fd and process using the same pipe (both fds
 * with `2>&1`, and children that inherit them). Plug-ins (printf) and WASI guests (fd_write) write
 * to the fds directly; once the pipe is full their writes fail with EAGAIN and stdio drops the data.
 * Node's own writes work either way (libuv writes a blocking pipe to completion).
 */
#include <fcntl.h>

#include "internal.h"

void wpk_stdio_blocking(void) {
  for (int fd = 1; fd <= 2; fd++) {
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0 && (flags & O_NONBLOCK)) (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  }
}
