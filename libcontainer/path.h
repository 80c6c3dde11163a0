/* Safe path resolution inside a root directory: never follows a symlink or ".." out of it. */
#ifndef CARAPACE_PATH_H
#define CARAPACE_PATH_H

#include <stdbool.h>
#include <sys/types.h>

#include "error.h"

/* Open PATH (absolute or relative, interpreted inside root_fd as if root_fd were "/") with
   openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS), O_CLOEXEC always added; returns the fd. */
int lc_path_open_in_root (int root_fd, const char *path, int flags, mode_t mode, lc_error_t *err);

/* Like lc_path_open_in_root, creating missing directories (mode 0755) along the way and, when
   make_file is set, the last component as an empty regular file; returns an O_PATH fd of the result. */
int lc_path_mkdir_open_in_root (int root_fd, const char *path, bool make_file, lc_error_t *err);

/* "/proc/self/fd/N" for fd, in buf (at least 32 bytes): the name to mount on or from a verified fd. */
const char *lc_path_fd_name (int fd, char *buf, size_t len);

/* Lexically clean an absolute path ("//a/./b/../c" -> "/a/c", never above "/"); returns a new string. */
char *lc_path_clean (const char *path);

#endif
