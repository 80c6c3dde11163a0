/* General helpers: allocation that cannot fail silently, whole-file I/O, number parsing. */
#ifndef CARAPACE_UTILS_H
#define CARAPACE_UTILS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "error.h"

/* malloc/calloc/strdup/asprintf that abort on out-of-memory (there is no recovery path). */
void *xmalloc (size_t size);
void *xcalloc (size_t n, size_t size);
void *xrealloc (void *p, size_t size);
char *xstrdup (const char *s);
char *xasprintf (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

/* Read all of fd (at most max_size bytes, else E2BIG error) into a NUL-terminated buffer. */
int lc_read_fd_all (int fd, size_t max_size, char **out, size_t *out_len, lc_error_t *err);

/* Read the file at path relative to dirfd (AT_FDCWD allowed), with the same size cap. */
int lc_read_file_at (int dirfd, const char *path, size_t max_size, char **out, size_t *out_len, lc_error_t *err);

/* Write all of buf to fd, retrying on EINTR and short writes. */
int lc_write_all (int fd, const void *buf, size_t len, lc_error_t *err);

/* Replace dirfd/name atomically with data: write a temporary file, fsync, rename. */
int lc_write_file_atomic_at (int dirfd, const char *name, const void *data, size_t len, mode_t mode, lc_error_t *err);

/* Parse a decimal integer that must fill the whole string and fit in [min, max]. */
int lc_parse_long (const char *s, long long min, long long max, long long *out);

/* Number of entries in a NULL-terminated string array. */
size_t lc_strv_len (char *const *v);

#endif
