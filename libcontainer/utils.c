#include "config.h"
#include "utils.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"

void *
xmalloc (size_t size)
{
  void *p = malloc (size ? size : 1);
  if (p == NULL)
    abort ();
  return p;
}

void *
xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size ? size : 1);
  if (p == NULL)
    abort ();
  return p;
}

void *
xrealloc (void *p, size_t size)
{
  void *r = realloc (p, size ? size : 1);
  if (r == NULL)
    abort ();
  return r;
}

char *
xstrdup (const char *s)
{
  char *r = strdup (s);
  if (r == NULL)
    abort ();
  return r;
}

char *
xasprintf (const char *fmt, ...)
{
  char *r = NULL;
  va_list ap;
  va_start (ap, fmt);
  int n = vasprintf (&r, fmt, ap);
  va_end (ap);
  if (n < 0)
    abort ();
  return r;
}

int
lc_read_fd_all (int fd, size_t max_size, char **out, size_t *out_len, lc_error_t *err)
{
  size_t cap = 4096, len = 0;
  cleanup_free char *buf = xmalloc (cap + 1);

  for (;;)
    {
      if (len == cap)
        {
          if (cap > max_size)
            return lc_error_make (err, E2BIG, "file is larger than %zu bytes", max_size);
          cap *= 2;
          buf = xrealloc (buf, cap + 1);
        }
      ssize_t n = read (fd, buf + len, cap - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return lc_error_make (err, errno, "read");
      if (n == 0)
        break;
      len += (size_t) n;
      if (len > max_size)
        return lc_error_make (err, E2BIG, "file is larger than %zu bytes", max_size);
    }
  buf[len] = '\0';
  if (out_len)
    *out_len = len;
  *out = lc_steal_ptr (&buf);
  return 0;
}

int
lc_read_file_at (int dirfd, const char *path, size_t max_size, char **out, size_t *out_len, lc_error_t *err)
{
  cleanup_close int fd = openat (dirfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return lc_error_make (err, errno, "open `%s`", path);
  if (lc_read_fd_all (fd, max_size, out, out_len, err) < 0)
    return lc_error_wrap (err, "%s", path);
  return 0;
}

int
lc_write_all (int fd, const void *buf, size_t len, lc_error_t *err)
{
  const char *p = buf;
  while (len > 0)
    {
      ssize_t n = write (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return lc_error_make (err, errno, "write");
      p += n;
      len -= (size_t) n;
    }
  return 0;
}

int
lc_write_file_atomic_at (int dirfd, const char *name, const void *data, size_t len, mode_t mode, lc_error_t *err)
{
  cleanup_free char *tmp = xasprintf (".%s.tmp.%d", name, (int) getpid ());
  cleanup_close int fd = openat (dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd < 0)
    return lc_error_make (err, errno, "create `%s`", tmp);
  if (lc_write_all (fd, data, len, err) < 0 || fsync (fd) < 0)
    {
      int saved = errno;
      unlinkat (dirfd, tmp, 0);
      return lc_error_make (err, saved, "write `%s`", tmp);
    }
  if (renameat (dirfd, tmp, dirfd, name) < 0)
    {
      int saved = errno;
      unlinkat (dirfd, tmp, 0);
      return lc_error_make (err, saved, "rename `%s` to `%s`", tmp, name);
    }
  return 0;
}

int
lc_parse_long (const char *s, long long min, long long max, long long *out)
{
  char *end = NULL;
  if (s == NULL || *s == '\0')
    return -1;
  errno = 0;
  long long v = strtoll (s, &end, 10);
  if (errno != 0 || *end != '\0' || v < min || v > max)
    return -1;
  *out = v;
  return 0;
}

size_t
lc_strv_len (char *const *v)
{
  size_t n = 0;
  while (v && v[n])
    n++;
  return n;
}
