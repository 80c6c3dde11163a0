/* Path resolution confined to a root directory.

   The kernel does the confinement: openat2(RESOLVE_IN_ROOT) treats the directory fd as "/"
   for every absolute symlink and every "..", so a hostile image cannot walk out of its
   rootfs, and RESOLVE_NO_MAGICLINKS keeps /proc/self/fd-style links from jumping anywhere.
   Creation goes one component at a time and always re-resolves from the root, so a
   component swapped for a symlink between two steps is resolved inside the root again. */
#include "config.h"
#include "path.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cleanup.h"
#include "utils.h"

/* openat2 returns EAGAIN when a concurrent rename could have misled the lookup. */
#define OPENAT2_RETRIES 32

static int
openat2_in_root (int root_fd, const char *path, int flags, mode_t mode)
{
  struct open_how how = {
    .flags = (unsigned long long) (flags | O_CLOEXEC),
    .mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0,
    .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
  };
  /* openat2 rejects an empty path; "." names the root itself. */
  const char *name = (path[0] == '\0') ? "." : path;

  for (int attempt = 0; attempt < OPENAT2_RETRIES; attempt++)
    {
      int fd = (int) syscall (SYS_openat2, root_fd, name, &how, sizeof (how));
      if (fd >= 0 || errno != EAGAIN)
        return fd;
    }
  return -1;
}

int
lc_path_open_in_root (int root_fd, const char *path, int flags, mode_t mode, lc_error_t *err)
{
  int fd = openat2_in_root (root_fd, path, flags, mode);
  if (fd < 0)
    return lc_error_make (err, errno, "open `%s` inside the rootfs", path);
  return fd;
}

char *
lc_path_clean (const char *path)
{
  size_t len = strlen (path);
  char *out = xmalloc (len + 2);
  size_t o = 0;
  const char *p = path;

  out[o++] = '/';
  while (*p != '\0')
    {
      while (*p == '/')
        p++;
      const char *end = strchrnul (p, '/');
      size_t n = (size_t) (end - p);
      if (n == 0 || (n == 1 && p[0] == '.'))
        ;
      else if (n == 2 && p[0] == '.' && p[1] == '.')
        {
          /* Drop the last component; "/.." stays "/". */
          while (o > 1 && out[o - 1] != '/')
            o--;
          if (o > 1)
            o--;
        }
      else
        {
          if (o > 1)
            out[o++] = '/';
          memcpy (out + o, p, n);
          o += n;
        }
      p = end;
    }
  out[o] = '\0';
  return out;
}

const char *
lc_path_fd_name (int fd, char *buf, size_t len)
{
  snprintf (buf, len, "/proc/self/fd/%d", fd);
  return buf;
}

/* Create NAME in the directory parent_fd, as a directory or an empty file; EEXIST is fine
   because whatever exists is re-resolved (inside the root) by the caller. */
static int
create_component (int parent_fd, const char *name, bool as_file)
{
  int r = as_file ? mknodat (parent_fd, name, S_IFREG | 0644, 0) : mkdirat (parent_fd, name, 0755);
  if (r < 0 && errno != EEXIST)
    return -1;
  return 0;
}

/* The path to create instead of CLEAN when its prefix (ending at the NUL at prefix_end) is a
   dangling symlink: the link's target, inside the root, followed by the rest of CLEAN.  The
   ".." of a relative target are applied lexically; resolution stays confined either way. */
static char *
path_through_dangling_link (int parent_fd, char *clean, char *prefix_end, bool last)
{
  char target[PATH_MAX];
  const char *name = strrchr (clean, '/') + 1;
  ssize_t n = readlinkat (parent_fd, name, target, sizeof (target) - 1);
  if (n < 0)
    return NULL;
  target[n] = '\0';

  const char *rest = last ? "" : prefix_end + 1;
  cleanup_free char *joined = NULL;
  if (target[0] == '/')
    joined = xasprintf ("%s/%s", target, rest);
  else
    joined = xasprintf ("%.*s/%s/%s", (int) (name - clean), clean, target, rest);
  return lc_path_clean (joined);
}

/* Links followed while creating one path, as the kernel's own limit for a lookup. */
#define MAX_DANGLING_LINKS 40

/* One walk down CLEAN creating what is missing; returns the O_PATH fd of the end, or -1 with
   *retry set to the path to walk instead when a dangling symlink was met (-1 and *err else). */
static int
mkdir_walk (int root_fd, char *clean, bool make_file, char **retry, lc_error_t *err)
{
  cleanup_close int parent_fd = openat2_in_root (root_fd, "/", O_PATH | O_DIRECTORY, 0);
  if (parent_fd < 0)
    return lc_error_make (err, errno, "open the rootfs to resolve `%s`", clean);
  if (strcmp (clean, "/") == 0)
    return lc_steal_fd (&parent_fd);

  /* clean is "/a/b/c": walk prefixes "/a", "/a/b", "/a/b/c" by ending the string early. */
  char *cursor = clean + 1;
  for (;;)
    {
      char *slash = strchr (cursor, '/');
      bool last = (slash == NULL);
      if (! last)
        *slash = '\0';

      int fd = openat2_in_root (root_fd, clean, O_PATH, 0);
      if (fd < 0 && errno == ENOENT)
        {
          const char *name = strrchr (clean, '/') + 1;
          if (create_component (parent_fd, name, last && make_file) < 0)
            return lc_error_make (err, errno, "create `%s` inside the rootfs", clean);
          fd = openat2_in_root (root_fd, clean, O_PATH, 0);
          if (fd < 0 && errno == ENOENT)
            {
              /* NAME exists but does not resolve: a dangling symlink, whose target we create. */
              *retry = path_through_dangling_link (parent_fd, clean, slash, last);
              if (*retry == NULL)
                return lc_error_make (err, errno, "`%s` inside the rootfs is a dangling symlink", clean);
              return -1;
            }
        }
      if (fd < 0)
        return lc_error_make (err, errno, "open `%s` inside the rootfs", clean);
      close (parent_fd);
      parent_fd = fd;
      if (last)
        return lc_steal_fd (&parent_fd);
      *slash = '/';
      cursor = slash + 1;
    }
}

int
lc_path_mkdir_open_in_root (int root_fd, const char *path, bool make_file, lc_error_t *err)
{
  cleanup_free char *clean = lc_path_clean (path);

  for (int links = 0; links <= MAX_DANGLING_LINKS; links++)
    {
      char *retry = NULL;
      int fd = mkdir_walk (root_fd, clean, make_file, &retry, err);
      if (retry == NULL)
        return fd;
      free (clean);
      clean = retry;
    }
  return lc_error_make (err, ELOOP, "create `%s` inside the rootfs", path);
}
