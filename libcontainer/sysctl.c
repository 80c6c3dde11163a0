/* linux.sysctl: only namespaced keys, only when the container owns that namespace, written
   through a /proc that is verified to be procfs.

   Keys follow sysctl(8): "a.b.c" names /proc/sys/a/b/c; when the first separator is a '/',
   the key is in the slash form and '.' and '/' swap roles ("net/ipv4/conf/eth0.1/forwarding"
   is "net.ipv4.conf.eth0/1.forwarding"), as runc accepts.  In the dotted form a '/' stands for
   a '.' inside one component.  A component that is empty, "." or ".." is refused, so a key
   can never name anything outside /proc/sys.

   Validation (lc_sysctl_validate) belongs in the runtime before it joins any namespace: a
   network namespace given by path must not be the runtime's own.  The init re-checks
   everything but that comparison (it is inside the namespace by then) when applying.  The
   writes must happen after pivot_root and before linux.readonlyPaths makes /proc/sys
   read-only, as runc orders them. */
#include "config.h"
#include "process.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <linux/openat2.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cleanup.h"
#include "utils.h"

/* procfs gives its root directory this inode number. */
#define PROC_ROOT_INODE 1

char *
lc_sysctl_key_normalize (const char *key)
{
  char *dotted = xstrdup (key);
  char *first_sep = strpbrk (dotted, "./");
  if (first_sep == NULL || *first_sep == '.')
    return dotted;
  for (char *c = dotted; *c != '\0'; c++)
    if (*c == '.')
      *c = '/';
    else if (*c == '/')
      *c = '.';
  return dotted;
}

/* The /proc/sys-relative path of a dotted key, or NULL when a component is empty, "." or "..". */
static char *
dotted_key_to_path (const char *dotted)
{
  cleanup_free char *path = xstrdup (dotted);
  for (char *c = path; *c != '\0'; c++)
    if (*c == '.')
      *c = '/';
    else if (*c == '/')
      *c = '.';

  const char *component = path;
  for (;;)
    {
      const char *end = strchrnul (component, '/');
      size_t len = (size_t) (end - component);
      if (len == 0 || (len == 1 && component[0] == '.') || (len == 2 && strncmp (component, "..", 2) == 0))
        return NULL;
      if (*end == '\0')
        return lc_steal_ptr (&path);
      component = end + 1;
    }
}

static bool
is_ipc_key (const char *dotted)
{
  static const char *const ipc_keys[] = {
    "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
    "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
  };
  for (size_t i = 0; i < sizeof (ipc_keys) / sizeof (ipc_keys[0]); i++)
    if (strcmp (dotted, ipc_keys[i]) == 0)
      return true;
  return strncmp (dotted, "fs.mqueue.", 10) == 0;
}

static const struct lc_spec_namespace *
find_namespace (const struct lc_spec *spec, enum lc_namespace_type type)
{
  const struct lc_spec_linux *lx = spec->linux;
  for (size_t i = 0; lx != NULL && i < lx->n_namespaces; i++)
    if (lx->namespaces[i].type == type)
      return &lx->namespaces[i];
  return NULL;
}

/* Whether PATH names the network namespace the caller is in now ("the host's" for the runtime). */
static int
is_current_netns (const char *path, bool *same, lc_error_t *err)
{
  struct stat mine, theirs;
  if (stat ("/proc/self/ns/net", &mine) < 0)
    return lc_error_make (err, errno, "stat `/proc/self/ns/net`");
  if (stat (path, &theirs) < 0)
    return lc_error_make (err, errno, "linux.namespaces: network namespace path `%s`", path);
  *same = mine.st_dev == theirs.st_dev && mine.st_ino == theirs.st_ino;
  return 0;
}

static int
check_net_key (const struct lc_spec *spec, const char *dotted, bool check_host_netns, lc_error_t *err)
{
  const struct lc_spec_namespace *ns = find_namespace (spec, LC_NS_NETWORK);
  bool host = (ns == NULL);
  if (ns != NULL && ns->path != NULL && check_host_netns && is_current_netns (ns->path, &host, err) < 0)
    return -1;
  if (host)
    return lc_error_make (err, 0, "linux.sysctl: \"%s\" is not allowed in the host's network namespace", dotted);
  return 0;
}

/* Check one key (already in dotted form) against the namespaces of the container. */
static int
check_key (const struct lc_spec *spec, const char *key, const char *dotted, bool check_host_netns, lc_error_t *err)
{
  cleanup_free char *path = dotted_key_to_path (dotted);
  if (path == NULL)
    return lc_error_make (err, 0, "linux.sysctl: invalid key \"%s\" (empty, \".\" or \"..\" component)", key);

  if (is_ipc_key (dotted))
    {
      if (find_namespace (spec, LC_NS_IPC) == NULL)
        return lc_error_make (err, 0, "linux.sysctl: \"%s\" is not allowed in the host's ipc namespace", dotted);
      return 0;
    }
  if (strncmp (dotted, "net.", 4) == 0)
    return check_net_key (spec, dotted, check_host_netns, err);
  if (find_namespace (spec, LC_NS_UTS) != NULL)
    {
      if (strcmp (dotted, "kernel.domainname") == 0)
        return 0;
      if (strcmp (dotted, "kernel.hostname") == 0)
        return lc_error_make (err, 0, "linux.sysctl: \"%s\" is not allowed: it conflicts with the \"hostname\" field",
                              dotted);
    }
  return lc_error_make (err, 0, "linux.sysctl: \"%s\" is not in a separate kernel namespace", dotted);
}

static int
validate_all (const struct lc_spec *spec, bool check_host_netns, lc_error_t *err)
{
  const struct lc_spec_kv_list *sysctl = spec->linux ? &spec->linux->sysctl : NULL;
  for (size_t i = 0; sysctl != NULL && i < sysctl->len; i++)
    {
      cleanup_free char *dotted = lc_sysctl_key_normalize (sysctl->items[i].key);
      if (check_key (spec, sysctl->items[i].key, dotted, check_host_netns, err) < 0)
        return -1;
    }
  return 0;
}

int
lc_sysctl_validate (const struct lc_spec *spec, lc_error_t *err)
{
  return validate_all (spec, true, err);
}

static int
openat2_confined (int dirfd, const char *path, int flags, unsigned long long resolve)
{
  struct open_how how = { .flags = (unsigned long long) (flags | O_CLOEXEC), .resolve = resolve };
  int fd;
  do
    fd = (int) syscall (SYS_openat2, dirfd, path, &how, sizeof (how));
  while (fd < 0 && errno == EAGAIN);
  return fd;
}

static int
check_procfs (int fd, const char *what, lc_error_t *err)
{
  struct statfs sfs;
  if (fstatfs (fd, &sfs) < 0)
    return lc_error_make (err, errno, "statfs `%s`", what);
  if (sfs.f_type != PROC_SUPER_MAGIC)
    return lc_error_make (err, 0, "`%s` is not on procfs: refusing to write linux.sysctl through it", what);
  return 0;
}

/* Open the container's /proc and check it is the root of a procfs mount, not a symlink, a
   bind mount of something else, or a subdirectory of procfs mounted over it. */
static int
open_container_proc (lc_error_t *err)
{
  cleanup_close int fd = openat2_confined (AT_FDCWD, "/proc", O_PATH | O_DIRECTORY, RESOLVE_NO_SYMLINKS);
  if (fd < 0)
    return lc_error_make (err, errno, "open `/proc` of the container to write linux.sysctl");
  if (check_procfs (fd, "/proc", err) < 0)
    return -1;
  struct stat st;
  if (fstat (fd, &st) < 0)
    return lc_error_make (err, errno, "stat `/proc`");
  if (st.st_ino != PROC_ROOT_INODE)
    return lc_error_make (err, 0, "`/proc` is not the root of a procfs mount: refusing to write linux.sysctl");
  return lc_steal_fd (&fd);
}

/* Write one value: beneath /proc, no symlinks, and no crossing into another mount on the way. */
static int
write_sysctl (int proc_fd, const char *key, const char *path, const char *value, lc_error_t *err)
{
  cleanup_free char *rel = xasprintf ("sys/%s", path);
  cleanup_close int fd
      = openat2_confined (proc_fd, rel, O_WRONLY | O_NOCTTY, RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_XDEV);
  if (fd < 0)
    return lc_error_make (err, errno, "linux.sysctl: open `/proc/%s` for \"%s\"", rel, key);
  if (check_procfs (fd, rel, err) < 0)
    return -1;
  if (lc_write_all (fd, value, strlen (value), err) < 0)
    return lc_error_wrap (err, "linux.sysctl: write \"%s\" = \"%s\"", key, value);
  return 0;
}

int
lc_sysctl_apply (const struct lc_spec *spec, lc_error_t *err)
{
  const struct lc_spec_kv_list *sysctl = spec->linux ? &spec->linux->sysctl : NULL;
  if (sysctl == NULL || sysctl->len == 0)
    return 0;
  if (validate_all (spec, false, err) < 0)
    return -1;

  cleanup_close int proc_fd = open_container_proc (err);
  if (proc_fd < 0)
    return -1;
  for (size_t i = 0; i < sysctl->len; i++)
    {
      cleanup_free char *dotted = lc_sysctl_key_normalize (sysctl->items[i].key);
      cleanup_free char *path = dotted_key_to_path (dotted);
      if (write_sysctl (proc_fd, sysctl->items[i].key, path, sysctl->items[i].value ? sysctl->items[i].value : "",
                        err)
          < 0)
        return -1;
    }
  return 0;
}
