/* The container's filesystem view.

   Every mount is built detached (open_tree for binds, fsopen/fsmount for filesystems), given
   its attributes with mount_setattr while nobody can see it, and only then attached with
   move_mount onto an O_PATH fd that lc_path_mkdir_open_in_root resolved inside the rootfs.
   No destination is ever looked up by a host path string, so a symlink in the image (or one
   swapped in during set-up) cannot place a mount outside the rootfs.  mount_setattr only
   touches the attributes it is asked to, so flags the kernel locked on a mount inherited
   from a more privileged user namespace (nosuid, nodev, noexec, ro) are kept without
   having to read them back with statfs. */
#include "config.h"
#include "rootfs.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "path.h"
#include "utils.h"

#define MAX_PROPAGATIONS 8

/* What the options of one mounts[] entry ask for. */
struct mount_plan
{
  uint64_t attr_set, attr_clr;         /* applied to the mount itself */
  uint64_t rec_attr_set, rec_attr_clr; /* applied to the mount and everything below it ("rro") */
  bool bind, rbind, idmap, ridmap;
  unsigned long propagation[MAX_PROPAGATIONS];
  size_t n_propagation;
  const char **fs_params; /* options passed to the filesystem (borrowed from the spec) */
  size_t n_fs_params;
};

static void
mount_plan_release (struct mount_plan *plan)
{
  free (plan->fs_params);
}
#define cleanup_plan __attribute__ ((cleanup (mount_plan_release)))

enum option_kind
{
  OPT_ATTR_SET,
  OPT_ATTR_CLEAR,
  OPT_ATIME,
  OPT_SB_FLAG,
  OPT_PROPAGATION,
  OPT_BIND,
  OPT_RBIND,
  OPT_IDMAP,
  OPT_RIDMAP,
  OPT_IGNORE,
};

struct option_def
{
  const char *name;
  enum option_kind kind;
  uint64_t value;
};

static const struct option_def option_defs[] = {
  { "ro", OPT_ATTR_SET, MOUNT_ATTR_RDONLY },
  { "rw", OPT_ATTR_CLEAR, MOUNT_ATTR_RDONLY },
  { "nosuid", OPT_ATTR_SET, MOUNT_ATTR_NOSUID },
  { "suid", OPT_ATTR_CLEAR, MOUNT_ATTR_NOSUID },
  { "nodev", OPT_ATTR_SET, MOUNT_ATTR_NODEV },
  { "dev", OPT_ATTR_CLEAR, MOUNT_ATTR_NODEV },
  { "noexec", OPT_ATTR_SET, MOUNT_ATTR_NOEXEC },
  { "exec", OPT_ATTR_CLEAR, MOUNT_ATTR_NOEXEC },
  { "nodiratime", OPT_ATTR_SET, MOUNT_ATTR_NODIRATIME },
  { "diratime", OPT_ATTR_CLEAR, MOUNT_ATTR_NODIRATIME },
  { "nosymfollow", OPT_ATTR_SET, MOUNT_ATTR_NOSYMFOLLOW },
  { "symfollow", OPT_ATTR_CLEAR, MOUNT_ATTR_NOSYMFOLLOW },
  { "noatime", OPT_ATIME, MOUNT_ATTR_NOATIME },
  { "relatime", OPT_ATIME, MOUNT_ATTR_RELATIME },
  { "strictatime", OPT_ATIME, MOUNT_ATTR_STRICTATIME },
  { "sync", OPT_SB_FLAG, 0 },
  { "dirsync", OPT_SB_FLAG, 0 },
  { "mand", OPT_SB_FLAG, 0 },
  { "lazytime", OPT_SB_FLAG, 0 },
  { "silent", OPT_SB_FLAG, 0 },
  { "private", OPT_PROPAGATION, MS_PRIVATE },
  { "rprivate", OPT_PROPAGATION, MS_PRIVATE | MS_REC },
  { "shared", OPT_PROPAGATION, MS_SHARED },
  { "rshared", OPT_PROPAGATION, MS_SHARED | MS_REC },
  { "slave", OPT_PROPAGATION, MS_SLAVE },
  { "rslave", OPT_PROPAGATION, MS_SLAVE | MS_REC },
  { "unbindable", OPT_PROPAGATION, MS_UNBINDABLE },
  { "runbindable", OPT_PROPAGATION, MS_UNBINDABLE | MS_REC },
  { "bind", OPT_BIND, 0 },
  { "rbind", OPT_RBIND, 0 },
  { "idmap", OPT_IDMAP, 0 },
  { "ridmap", OPT_RIDMAP, 0 },
  /* The defaults of a new mount, or flags the kernel no longer honours. */
  { "defaults", OPT_IGNORE, 0 },
  { "async", OPT_IGNORE, 0 },
  { "atime", OPT_IGNORE, 0 },
  { "norelatime", OPT_IGNORE, 0 },
  { "nostrictatime", OPT_IGNORE, 0 },
  { "nomand", OPT_IGNORE, 0 },
  { "nolazytime", OPT_IGNORE, 0 },
  { "loud", OPT_IGNORE, 0 },
};

static const struct option_def *
find_option (const char *name)
{
  for (size_t i = 0; i < sizeof (option_defs) / sizeof (option_defs[0]); i++)
    if (strcmp (option_defs[i].name, name) == 0)
      return &option_defs[i];
  return NULL;
}

/* Fold one attribute option into a (set, clr) pair; atime is a mode, not a bit. */
static void
plan_attribute (const struct option_def *def, uint64_t *set, uint64_t *clr)
{
  switch (def->kind)
    {
    case OPT_ATTR_SET:
      *set |= def->value;
      *clr &= ~def->value;
      break;
    case OPT_ATTR_CLEAR:
      *clr |= def->value;
      *set &= ~def->value;
      break;
    default: /* OPT_ATIME */
      *set = (*set & ~(uint64_t) MOUNT_ATTR__ATIME) | def->value;
      *clr |= MOUNT_ATTR__ATIME;
      break;
    }
}

static bool
is_attribute (const struct option_def *def)
{
  return def != NULL && (def->kind == OPT_ATTR_SET || def->kind == OPT_ATTR_CLEAR || def->kind == OPT_ATIME);
}

static void
plan_add_fs_param (struct mount_plan *plan, const char *param)
{
  plan->fs_params = xrealloc (plan->fs_params, (plan->n_fs_params + 1) * sizeof (*plan->fs_params));
  plan->fs_params[plan->n_fs_params++] = param;
}

static int
plan_add_option (struct mount_plan *plan, const char *name, lc_error_t *err)
{
  const struct option_def *def = find_option (name);

  /* "rro", "rnosuid", ...: the attribute applied recursively (runc's extension). */
  if (def == NULL && name[0] == 'r' && is_attribute (find_option (name + 1)))
    {
      plan_attribute (find_option (name + 1), &plan->rec_attr_set, &plan->rec_attr_clr);
      return 0;
    }
  if (def == NULL)
    {
      /* Unknown options are the filesystem's own ("mode=755", "size=64k"). */
      plan_add_fs_param (plan, name);
      return 0;
    }
  switch (def->kind)
    {
    case OPT_ATTR_SET:
    case OPT_ATTR_CLEAR:
    case OPT_ATIME:
      plan_attribute (def, &plan->attr_set, &plan->attr_clr);
      break;
    case OPT_SB_FLAG:
      plan_add_fs_param (plan, name);
      break;
    case OPT_PROPAGATION:
      if (plan->n_propagation == MAX_PROPAGATIONS)
        return lc_error_make (err, 0, "too many propagation options");
      plan->propagation[plan->n_propagation++] = (unsigned long) def->value;
      break;
    case OPT_BIND:
      plan->bind = true;
      break;
    case OPT_RBIND:
      plan->bind = plan->rbind = true;
      break;
    case OPT_IDMAP:
      plan->idmap = true;
      break;
    case OPT_RIDMAP:
      plan->idmap = plan->ridmap = true;
      break;
    case OPT_IGNORE:
      break;
    }
  return 0;
}

static int
plan_from_options (struct mount_plan *plan, char *const *options, lc_error_t *err)
{
  for (size_t i = 0; options != NULL && options[i] != NULL; i++)
    if (plan_add_option (plan, options[i], err) < 0)
      return -1;
  return 0;
}

/* ---- small mount primitives ---------------------------------------------- */

static int
set_mount_attrs (int mnt_fd, uint64_t set, uint64_t clr, bool recursive, lc_error_t *err)
{
  struct mount_attr attr = { .attr_set = set, .attr_clr = clr };

  if (set == 0 && clr == 0)
    return 0;
  if (mount_setattr (mnt_fd, "", AT_EMPTY_PATH | (recursive ? AT_RECURSIVE : 0), &attr, sizeof (attr)) < 0)
    return lc_error_make (err, errno, "set mount attributes");
  return 0;
}

static int
apply_plan_attrs (int mnt_fd, const struct mount_plan *plan, lc_error_t *err)
{
  if (set_mount_attrs (mnt_fd, plan->attr_set, plan->attr_clr, false, err) < 0)
    return -1;
  return set_mount_attrs (mnt_fd, plan->rec_attr_set, plan->rec_attr_clr, true, err);
}

static int
set_propagation (int mnt_fd, unsigned long propagation, lc_error_t *err)
{
  struct mount_attr attr = { .propagation = propagation & ~(unsigned long) MS_REC };
  unsigned int flags = AT_EMPTY_PATH | ((propagation & MS_REC) ? AT_RECURSIVE : 0);

  if (mount_setattr (mnt_fd, "", flags, &attr, sizeof (attr)) < 0)
    return lc_error_make (err, errno, "set mount propagation");
  return 0;
}

static int
apply_plan_propagation (int mnt_fd, const struct mount_plan *plan, lc_error_t *err)
{
  for (size_t i = 0; i < plan->n_propagation; i++)
    if (set_propagation (mnt_fd, plan->propagation[i], err) < 0)
      return -1;
  return 0;
}

/* Attach the detached mount mnt_fd on the (verified) destination dest_fd. */
static int
attach_mount (int mnt_fd, int dest_fd, lc_error_t *err)
{
  if (move_mount (mnt_fd, "", dest_fd, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) < 0)
    return lc_error_make (err, errno, "attach the mount");
  return 0;
}

/* A detached copy of the mount at fd (with its submounts when recursive). */
static int
clone_mount_tree (int fd, bool recursive, lc_error_t *err)
{
  unsigned int flags = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | (recursive ? AT_RECURSIVE : 0);
  int tree = open_tree (fd, "", flags);
  if (tree < 0)
    return lc_error_make (err, errno, "clone the mount");
  return tree;
}

/* ---- idmapped mounts -------------------------------------------------------- */

static int
write_id_map (pid_t pid, const char *file, const struct lc_spec_id_mapping *maps, size_t n, lc_error_t *err)
{
  cleanup_free char *path = xasprintf ("/proc/%d/%s", (int) pid, file);
  cleanup_free char *text = xstrdup ("");

  for (size_t i = 0; i < n; i++)
    {
      char *next = xasprintf ("%s%u %u %u\n", text, maps[i].container_id, maps[i].host_id, maps[i].size);
      free (text);
      text = next;
    }
  cleanup_close int fd = open (path, O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    return lc_error_make (err, errno, "open `%s`", path);
  if (lc_write_all (fd, text, strlen (text), err) < 0)
    return lc_error_wrap (err, "write `%s`", path);
  return 0;
}

/* A user namespace carrying the mount's uid/gid mappings: a child unshares it and waits
   until we have written its maps and taken a reference to the namespace. */
static int
open_idmap_userns (const struct lc_spec_mount *m, lc_error_t *err)
{
  int ready[2], hold[2];
  char byte = 0;

  if (m->n_uid_mappings == 0 || m->n_gid_mappings == 0)
    return lc_error_make (err, 0, "idmap needs both uidMappings and gidMappings");
  if (pipe2 (ready, O_CLOEXEC) < 0)
    return lc_error_make (err, errno, "pipe");
  cleanup_close int ready_r = ready[0], ready_w = ready[1];
  if (pipe2 (hold, O_CLOEXEC) < 0)
    return lc_error_make (err, errno, "pipe");
  cleanup_close int hold_r = hold[0], hold_w = hold[1];

  pid_t pid = fork ();
  if (pid < 0)
    return lc_error_make (err, errno, "fork the idmap helper");
  if (pid == 0)
    {
      close (hold_w);
      if (unshare (CLONE_NEWUSER) < 0)
        _exit (1);
      if (write (ready_w, "1", 1) != 1)
        _exit (1);
      /* Blocks until the parent closes its end: EOF, then exit. */
      while (read (hold_r, &byte, 1) < 0 && errno == EINTR)
        ;
      _exit (0);
    }
  close (lc_steal_fd (&ready_w));
  close (lc_steal_fd (&hold_r));

  int result = -1;
  ssize_t got;
  do
    got = read (ready_r, &byte, 1);
  while (got < 0 && errno == EINTR);
  if (got != 1)
    lc_error_make (err, 0, "the idmap helper could not create a user namespace");
  else if (write_id_map (pid, "uid_map", m->uid_mappings, m->n_uid_mappings, err) == 0
           && write_id_map (pid, "gid_map", m->gid_mappings, m->n_gid_mappings, err) == 0)
    {
      cleanup_free char *ns = xasprintf ("/proc/%d/ns/user", (int) pid);
      result = open (ns, O_RDONLY | O_CLOEXEC);
      if (result < 0)
        lc_error_make (err, errno, "open `%s`", ns);
    }
  close (lc_steal_fd (&hold_w));
  while (waitpid (pid, NULL, 0) < 0 && errno == EINTR)
    ;
  return result;
}

static int
apply_idmap (int tree_fd, const struct lc_spec_mount *m, const struct mount_plan *plan, lc_error_t *err)
{
  cleanup_close int userns = open_idmap_userns (m, err);
  if (userns < 0)
    return -1;
  struct mount_attr attr = { .attr_set = MOUNT_ATTR_IDMAP, .userns_fd = (uint64_t) userns };
  if (mount_setattr (tree_fd, "", AT_EMPTY_PATH | (plan->ridmap ? AT_RECURSIVE : 0), &attr, sizeof (attr)) < 0)
    return lc_error_make (err, errno, "idmap the mount");
  return 0;
}

/* ---- bind mounts ------------------------------------------------------------ */

/* Bind the host path source on dest inside the rootfs, as plan says. */
static int
mount_bind (int root_fd, const char *source, const char *dest, const struct lc_spec_mount *m,
            const struct mount_plan *plan, lc_error_t *err)
{
  struct stat st;

  if (source == NULL)
    return lc_error_make (err, 0, "bind mount without a source");
  cleanup_close int src_fd = open (source, O_PATH | O_CLOEXEC);
  if (src_fd < 0 || fstat (src_fd, &st) < 0)
    return lc_error_make (err, errno, "mount bind `%s`", source);
  cleanup_close int dest_fd = lc_path_mkdir_open_in_root (root_fd, dest, ! S_ISDIR (st.st_mode), err);
  if (dest_fd < 0)
    return -1;
  cleanup_close int tree = clone_mount_tree (src_fd, plan->rbind, err);
  if (tree < 0)
    return lc_error_wrap (err, "mount bind `%s`", source);
  if (plan->idmap && apply_idmap (tree, m, plan, err) < 0)
    return -1;
  if (apply_plan_attrs (tree, plan, err) < 0 || attach_mount (tree, dest_fd, err) < 0
      || apply_plan_propagation (tree, plan, err) < 0)
    return lc_error_wrap (err, "mount bind `%s`", source);
  return 0;
}

/* ---- new filesystems -------------------------------------------------------- */

/* The kernel explains fsconfig failures in the fs context's log: use it when there is one. */
static int
fs_context_error (int fs_fd, int errno_, const char *what, lc_error_t *err)
{
  char log[256];
  ssize_t n = read (fs_fd, log, sizeof (log) - 1);
  if (n > 2)
    {
      log[n] = '\0';
      log[strcspn (log, "\n")] = '\0';
      return lc_error_make (err, errno_, "%s (%s)", what, log + 2);
    }
  return lc_error_make (err, errno_, "%s", what);
}

/* Pass one "key=value" or "flag" option to the filesystem; a quoted value is unquoted. */
static int
fs_set_param (int fs_fd, const char *param, lc_error_t *err)
{
  const char *eq = strchr (param, '=');

  if (eq == NULL)
    {
      if (fsconfig (fs_fd, FSCONFIG_SET_FLAG, param, NULL, 0) < 0)
        return fs_context_error (fs_fd, errno, param, err);
      return 0;
    }
  cleanup_free char *key = strndup (param, (size_t) (eq - param));
  cleanup_free char *value = xstrdup (eq + 1);
  size_t len = strlen (value);
  if (key == NULL)
    abort ();
  if (len >= 2 && value[0] == '"' && value[len - 1] == '"')
    {
      memmove (value, value + 1, len - 2);
      value[len - 2] = '\0';
    }
  if (fsconfig (fs_fd, FSCONFIG_SET_STRING, key, value, 0) < 0)
    return fs_context_error (fs_fd, errno, param, err);
  return 0;
}

/* SELinux labels the files of these filesystems from the mount's context= option. */
static bool
takes_mount_label (const char *type)
{
  return strcmp (type, "tmpfs") == 0 || strcmp (type, "devpts") == 0 || strcmp (type, "mqueue") == 0;
}

/* A new, detached instance of filesystem TYPE configured from plan. */
static int
create_filesystem (const char *type, const char *source, const struct mount_plan *plan, const char *mount_label,
                   lc_error_t *err)
{
  cleanup_close int fs_fd = fsopen (type, FSOPEN_CLOEXEC);
  if (fs_fd < 0)
    return lc_error_make (err, errno, "mount %s", type);
  if (source != NULL && *source != '\0' && fsconfig (fs_fd, FSCONFIG_SET_STRING, "source", source, 0) < 0)
    return fs_context_error (fs_fd, errno, "source", err);
  for (size_t i = 0; i < plan->n_fs_params; i++)
    if (fs_set_param (fs_fd, plan->fs_params[i], err) < 0)
      return lc_error_wrap (err, "mount %s", type);
#ifdef HAVE_SELINUX
  if (mount_label != NULL && takes_mount_label (type)
      && fsconfig (fs_fd, FSCONFIG_SET_STRING, "context", mount_label, 0) < 0)
    return fs_context_error (fs_fd, errno, "context", err);
#else
  (void) mount_label;
  (void) takes_mount_label;
#endif
  if (fsconfig (fs_fd, FSCONFIG_CMD_CREATE, NULL, NULL, 0) < 0)
    return fs_context_error (fs_fd, errno, type, err);
  /* fsmount takes the attributes of the new mount directly; there is nothing to clear. */
  int mnt = fsmount (fs_fd, FSMOUNT_CLOEXEC, (unsigned int) plan->attr_set);
  if (mnt < 0)
    return lc_error_make (err, errno, "mount %s", type);
  return mnt;
}

static int
mount_filesystem (int root_fd, const char *type, const char *source, const char *dest, const struct mount_plan *plan,
                  const char *mount_label, lc_error_t *err)
{
  cleanup_close int dest_fd = lc_path_mkdir_open_in_root (root_fd, dest, false, err);
  if (dest_fd < 0)
    return -1;
  cleanup_close int mnt = create_filesystem (type, source, plan, mount_label, err);
  if (mnt < 0)
    return -1;
  if (set_mount_attrs (mnt, plan->rec_attr_set, plan->rec_attr_clr, true, err) < 0
      || attach_mount (mnt, dest_fd, err) < 0 || apply_plan_propagation (mnt, plan, err) < 0)
    return lc_error_wrap (err, "mount %s", type);
  return 0;
}

/* ---- special types ---------------------------------------------------------- */

/* Bind a whole host tree (with its submounts) read-only all the way down. */
static int
mount_host_tree_readonly (int root_fd, const char *host_path, const char *dest, const struct lc_spec_mount *m,
                          const struct mount_plan *base, lc_error_t *err)
{
  struct mount_plan plan = *base;

  plan.bind = plan.rbind = true;
  plan.idmap = false;
  plan.rec_attr_set |= MOUNT_ATTR_RDONLY;
  plan.rec_attr_clr &= ~(uint64_t) MOUNT_ATTR_RDONLY;
  plan.attr_clr &= ~(uint64_t) MOUNT_ATTR_RDONLY;
  return mount_bind (root_fd, host_path, dest, m, &plan, err);
}

static bool
host_is_cgroup2_only (void)
{
  struct statfs sfs;
  return statfs ("/sys/fs/cgroup", &sfs) == 0 && sfs.f_type == CGROUP2_SUPER_MAGIC;
}

/* cgroup mounts never create or disturb a host hierarchy: with a new cgroup namespace a
   cgroup2 instance (scoped to the namespace) is mounted; otherwise, and for v1 "cgroup" on
   a v1/hybrid host, the host's tree is bound read-only (as `docker --cgroupns=host` shows). */
static int
mount_cgroup (int root_fd, const struct lc_spec_mount *m, const char *dest, const struct mount_plan *plan,
              const struct lc_rootfs_options *opts, lc_error_t *err)
{
  bool unified = host_is_cgroup2_only ();
  bool wants_v2 = strcmp (m->type, "cgroup2") == 0 || unified;

  if (wants_v2 && opts->new_cgroup_namespace)
    {
      struct mount_plan v2 = *plan;
      v2.n_fs_params = 0; /* v1 controller names mean nothing to cgroup2 */
      return mount_filesystem (root_fd, "cgroup2", "cgroup2", dest, &v2, NULL, err);
    }
  if (wants_v2)
    return mount_host_tree_readonly (root_fd, unified ? "/sys/fs/cgroup" : "/sys/fs/cgroup/unified", dest, m, plan,
                                     err);
  return mount_host_tree_readonly (root_fd, "/sys/fs/cgroup", dest, m, plan, err);
}

static bool
has_new_network_namespace (const struct lc_spec *spec)
{
  /* Looked up here rather than with the parser's helper: rootfs needs nothing else from it. */
  for (size_t i = 0; spec->linux != NULL && i < spec->linux->n_namespaces; i++)
    if (spec->linux->namespaces[i].type == LC_NS_NETWORK)
      return spec->linux->namespaces[i].path == NULL;
  return false;
}

/* sysfs shows the network devices of the mounter's network namespace: without a new one the
   host's /sys is bound read-only instead (runc does the same); EPERM in a user namespace that
   does not own the network namespace gets the same fallback. */
static int
mount_sysfs (int root_fd, const struct lc_spec *spec, const struct lc_spec_mount *m, const char *dest,
             const struct mount_plan *plan, lc_error_t *err)
{
  if (! has_new_network_namespace (spec))
    return mount_host_tree_readonly (root_fd, "/sys", dest, m, plan, err);
  int r = mount_filesystem (root_fd, "sysfs", m->source, dest, plan, NULL, err);
  if (r < 0 && (*err)->status == EPERM)
    {
      lc_error_release (err);
      return mount_host_tree_readonly (root_fd, "/sys", dest, m, plan, err);
    }
  return r;
}

static const char *
mount_label_of (const struct lc_spec *spec)
{
  return spec->linux != NULL ? spec->linux->mount_label : NULL;
}

static int
mount_entry (int root_fd, const struct lc_spec *spec, const struct lc_rootfs_options *opts,
             const struct lc_spec_mount *m, lc_error_t *err)
{
  cleanup_plan struct mount_plan plan = { 0 };
  cleanup_free char *dest = NULL;

  if (m->destination == NULL || m->destination[0] == '\0')
    return lc_error_make (err, 0, "the destination is empty");
  dest = lc_path_clean (m->destination);
  if (strcmp (dest, "/") == 0)
    return lc_error_make (err, 0, "mounting over the root of the rootfs is not supported");
  if (plan_from_options (&plan, m->options, err) < 0)
    return -1;
  if (m->type != NULL && strcmp (m->type, "bind") == 0)
    plan.bind = true;
  if (plan.idmap && ! plan.bind)
    return lc_error_make (err, 0, "idmap is only supported on bind mounts");

  if (plan.bind)
    return mount_bind (root_fd, m->source, dest, m, &plan, err);
  if (m->type == NULL || m->type[0] == '\0')
    return lc_error_make (err, 0, "no type and no bind option");
  if (strcmp (m->type, "cgroup") == 0 || strcmp (m->type, "cgroup2") == 0)
    return mount_cgroup (root_fd, m, dest, &plan, opts, err);
  if (strcmp (m->type, "sysfs") == 0)
    return mount_sysfs (root_fd, spec, m, dest, &plan, err);
  return mount_filesystem (root_fd, m->type, m->source, dest, &plan, mount_label_of (spec), err);
}

/* ---- defaults: read-only root tmpfs, /dev ---------------------------------- */

static bool
spec_mounts_at (const struct lc_spec *spec, const char *path)
{
  for (size_t i = 0; i < spec->n_mounts; i++)
    {
      if (spec->mounts[i].destination == NULL)
        continue;
      cleanup_free char *dest = lc_path_clean (spec->mounts[i].destination);
      if (strcmp (dest, path) == 0)
        return true;
    }
  return false;
}

/* The config's mount at PATH, or NULL. */
static const struct lc_spec_mount *
spec_mount_at (const struct lc_spec *spec, const char *path)
{
  const struct lc_spec_mount *found = NULL;
  for (size_t i = 0; i < spec->n_mounts; i++)
    {
      if (spec->mounts[i].destination == NULL)
        continue;
      cleanup_free char *dest = lc_path_clean (spec->mounts[i].destination);
      if (strcmp (dest, path) == 0)
        found = &spec->mounts[i];
    }
  return found;
}

/* Mount a filesystem described by a fixed option list (our own defaults). */
static int
mount_default_filesystem (int root_fd, const char *type, const char *source, const char *dest,
                          const char *const *options, const char *mount_label, lc_error_t *err)
{
  cleanup_plan struct mount_plan plan = { 0 };

  if (plan_from_options (&plan, (char *const *) options, err) < 0)
    return -1;
  if (mount_filesystem (root_fd, type, source, dest, &plan, mount_label, err) < 0)
    return lc_error_wrap (err, "default mount %s", dest);
  return 0;
}

/* With a read-only root, the places programs expect to write get a tmpfs: /tmp and /var/tmp
   as podman's --read-only does (nosuid,nodev,noexec, sticky 1777), /run without noexec
   (nosuid,nodev, 755) since some services run helpers from it. */
static int
mount_readonly_root_tmpfs (const struct lc_context *ctx, int root_fd, const struct lc_spec *spec, lc_error_t *err)
{
  static const char *const tmp_options[] = { "nosuid", "nodev", "noexec", "mode=1777", NULL };
  static const char *const run_options[] = { "nosuid", "nodev", "mode=755", NULL };
  static const struct
  {
    const char *path;
    const char *const *options;
  } defaults[] = { { "/tmp", tmp_options }, { "/run", run_options }, { "/var/tmp", tmp_options } };

  for (size_t i = 0; i < sizeof (defaults) / sizeof (defaults[0]); i++)
    {
      if (spec_mounts_at (spec, defaults[i].path))
        continue;
      lc_error_t local = NULL;
      if (mount_default_filesystem (root_fd, "tmpfs", "tmpfs", defaults[i].path, defaults[i].options,
                                    mount_label_of (spec), &local)
          < 0)
        {
          /* A rootfs on read-only storage cannot get new mount points: it simply keeps none. */
          if (local->status == EROFS)
            {
              lc_log (ctx, LC_LOG_DEBUG, "no tmpfs on %s: %s", defaults[i].path, lc_error_message (local));
              lc_error_release (&local);
              continue;
            }
          *err = local;
          return -1;
        }
    }
  return 0;
}

struct device_node
{
  const char *path;
  mode_t type; /* S_IFCHR, S_IFBLK or S_IFIFO */
  unsigned int major, minor;
  mode_t mode;
  uid_t uid;
  gid_t gid;
};

static const struct device_node default_devices[] = {
  { "/dev/null", S_IFCHR, 1, 3, 0666, 0, 0 },    { "/dev/zero", S_IFCHR, 1, 5, 0666, 0, 0 },
  { "/dev/full", S_IFCHR, 1, 7, 0666, 0, 0 },    { "/dev/random", S_IFCHR, 1, 8, 0666, 0, 0 },
  { "/dev/urandom", S_IFCHR, 1, 9, 0666, 0, 0 }, { "/dev/tty", S_IFCHR, 5, 0, 0666, 0, 0 },
};

static int
split_parent (int root_fd, const char *path, const char **name, lc_error_t *err)
{
  cleanup_free char *parent = xstrdup (path);
  char *slash = strrchr (parent, '/');

  *name = strrchr (path, '/') + 1;
  if (**name == '\0')
    return lc_error_make (err, 0, "`%s` has no file name", path);
  slash[slash == parent ? 1 : 0] = '\0';
  return lc_path_mkdir_open_in_root (root_fd, parent, false, err);
}

/* In a user namespace mknod is refused: bind the host's node onto an empty file instead. */
static int
bind_host_device (int root_fd, const struct device_node *dev, lc_error_t *err)
{
  struct stat st;
  cleanup_close int host_fd = open (dev->path, O_PATH | O_CLOEXEC | O_NOFOLLOW);
  if (host_fd < 0 || fstat (host_fd, &st) < 0)
    return lc_error_make (err, errno, "open the host device `%s`", dev->path);
  if ((st.st_mode & S_IFMT) != dev->type)
    return lc_error_make (err, 0, "the host's `%s` is not the expected kind of device", dev->path);
  cleanup_close int dest_fd = lc_path_mkdir_open_in_root (root_fd, dev->path, true, err);
  if (dest_fd < 0)
    return -1;
  cleanup_close int tree = clone_mount_tree (host_fd, false, err);
  if (tree < 0 || attach_mount (tree, dest_fd, err) < 0)
    return lc_error_wrap (err, "bind the host device `%s`", dev->path);
  return 0;
}

/* Give the node just created its owner and exact mode (mknod's mode went through the umask). */
static int
set_node_owner_mode (int root_fd, const struct device_node *dev, lc_error_t *err)
{
  struct stat st;
  char proc_name[32];
  cleanup_close int fd = lc_path_open_in_root (root_fd, dev->path, O_PATH | O_NOFOLLOW, 0, err);
  if (fd < 0)
    return -1;
  if (fstat (fd, &st) < 0)
    return lc_error_make (err, errno, "stat `%s`", dev->path);
  if ((st.st_mode & S_IFMT) != dev->type || (dev->type != S_IFIFO && st.st_rdev != makedev (dev->major, dev->minor)))
    return lc_error_make (err, 0, "`%s` was replaced while it was being created", dev->path);
  if (fchownat (fd, "", dev->uid, dev->gid, AT_EMPTY_PATH) < 0)
    return lc_error_make (err, errno, "chown `%s`", dev->path);
  /* There is no fchmod on an O_PATH fd: its /proc name reaches exactly this inode. */
  if (chmod (lc_path_fd_name (fd, proc_name, sizeof (proc_name)), dev->mode & 07777) < 0)
    return lc_error_make (err, errno, "chmod `%s`", dev->path);
  return 0;
}

static int
create_device (const struct lc_context *ctx, int root_fd, const struct device_node *dev, bool in_user_namespace,
               lc_error_t *err)
{
  const char *name;

  if (in_user_namespace)
    return bind_host_device (root_fd, dev, err);
  cleanup_close int parent_fd = split_parent (root_fd, dev->path, &name, err);
  if (parent_fd < 0)
    return -1;
  if (mknodat (parent_fd, name, dev->type | (dev->mode & 0777), makedev (dev->major, dev->minor)) < 0)
    {
      /* Like runc, an existing node (something the config mounted there) is kept. */
      if (errno == EEXIST)
        {
          lc_log (ctx, LC_LOG_DEBUG, "device %s already exists, kept", dev->path);
          return 0;
        }
      return lc_error_make (err, errno, "mknod `%s`", dev->path);
    }
  return set_node_owner_mode (root_fd, dev, err);
}

static int
device_node_from_spec (const struct lc_spec_device *d, struct device_node *out, lc_error_t *err)
{
  switch (d->type)
    {
    case 'c':
    case 'u':
      out->type = S_IFCHR;
      break;
    case 'b':
      out->type = S_IFBLK;
      break;
    case 'p':
      out->type = S_IFIFO;
      break;
    default:
      return lc_error_make (err, 0, "unknown device type '%c'", d->type);
    }
  if (d->path == NULL || d->major < 0 || d->minor < 0 || d->major > UINT32_MAX || d->minor > UINT32_MAX)
    return lc_error_make (err, 0, "invalid device path or numbers");
  out->major = (unsigned int) d->major;
  out->minor = (unsigned int) d->minor;
  out->mode = d->has_file_mode ? (mode_t) d->file_mode & 07777 : 0666;
  out->uid = d->has_uid ? d->uid : 0;
  out->gid = d->has_gid ? d->gid : 0;
  return 0;
}

static bool
spec_lists_device (const struct lc_spec *spec, const char *path)
{
  for (size_t i = 0; spec->linux != NULL && i < spec->linux->n_devices; i++)
    {
      if (spec->linux->devices[i].path == NULL)
        continue;
      cleanup_free char *clean = lc_path_clean (spec->linux->devices[i].path);
      if (strcmp (clean, path) == 0)
        return true;
    }
  return false;
}

static int
create_spec_devices (const struct lc_context *ctx, int root_fd, const struct lc_spec *spec, bool in_user_namespace,
                     lc_error_t *err)
{
  for (size_t i = 0; spec->linux != NULL && i < spec->linux->n_devices; i++)
    {
      struct device_node dev;
      if (device_node_from_spec (&spec->linux->devices[i], &dev, err) < 0)
        return lc_error_wrap (err, "linux.devices[%zu]", i);
      cleanup_free char *path = lc_path_clean (spec->linux->devices[i].path);
      dev.path = path;
      if (create_device (ctx, root_fd, &dev, in_user_namespace, err) < 0)
        return lc_error_wrap (err, "linux.devices[%zu] (%s)", i, path);
    }
  return 0;
}

static int
create_default_devices (const struct lc_context *ctx, int root_fd, const struct lc_spec *spec, bool in_user_namespace,
                        lc_error_t *err)
{
  for (size_t i = 0; i < sizeof (default_devices) / sizeof (default_devices[0]); i++)
    {
      if (spec_lists_device (spec, default_devices[i].path))
        continue; /* linux.devices wins */
      if (create_device (ctx, root_fd, &default_devices[i], in_user_namespace, err) < 0)
        return lc_error_wrap (err, "default device %s", default_devices[i].path);
    }
  return 0;
}

/* Create link NAME -> TARGET in dev_fd; an existing entry is kept (the config put it there). */
static int
create_dev_symlink (int dev_fd, const char *target, const char *name, lc_error_t *err)
{
  if (symlinkat (target, dev_fd, name) < 0 && errno != EEXIST)
    return lc_error_make (err, errno, "symlink /dev/%s -> %s", name, target);
  return 0;
}

static int
create_dev_links (int dev_fd, lc_error_t *err)
{
  static const char *const links[][2] = {
    { "/proc/self/fd", "fd" },
    { "/proc/self/fd/0", "stdin" },
    { "/proc/self/fd/1", "stdout" },
    { "/proc/self/fd/2", "stderr" },
  };

  for (size_t i = 0; i < sizeof (links) / sizeof (links[0]); i++)
    if (create_dev_symlink (dev_fd, links[i][0], links[i][1], err) < 0)
      return -1;
  /* runc links /dev/core to /proc/kcore when the kernel has one (it is masked by default). */
  if (access ("/proc/kcore", F_OK) == 0 && create_dev_symlink (dev_fd, "/proc/kcore", "core", err) < 0)
    return -1;
  /* The pts instance of this container is the only ptmx it may use. */
  if (unlinkat (dev_fd, "ptmx", 0) < 0 && errno != ENOENT)
    return lc_error_make (err, errno, "remove /dev/ptmx");
  if (symlinkat ("pts/ptmx", dev_fd, "ptmx") < 0)
    return lc_error_make (err, errno, "symlink /dev/ptmx -> pts/ptmx");
  /* An empty file for the launcher to bind the console pty on. */
  if (mknodat (dev_fd, "console", S_IFREG | 0600, 0) < 0 && errno != EEXIST)
    return lc_error_make (err, errno, "create /dev/console");
  return 0;
}

static int
mount_dev_defaults (int root_fd, const struct lc_spec *spec, lc_error_t *err)
{
  static const char *const pts_options[] = { "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", NULL };
  static const char *const shm_options[] = { "nosuid", "nodev", "noexec", "mode=1777", "size=65536k", NULL };

  if (! spec_mounts_at (spec, "/dev/pts")
      && mount_default_filesystem (root_fd, "devpts", "devpts", "/dev/pts", pts_options, mount_label_of (spec), err)
             < 0)
    return -1;
  if (! spec_mounts_at (spec, "/dev/shm")
      && mount_default_filesystem (root_fd, "tmpfs", "shm", "/dev/shm", shm_options, mount_label_of (spec), err) < 0)
    return -1;
  return 0;
}

static bool
dev_is_config_tmpfs (const struct lc_spec *spec)
{
  const struct lc_spec_mount *m = spec_mount_at (spec, "/dev");
  return m != NULL && m->type != NULL && strcmp (m->type, "tmpfs") == 0;
}

static bool
dev_is_host_bind (const struct lc_spec *spec)
{
  const struct lc_spec_mount *m = spec_mount_at (spec, "/dev");
  if (m == NULL)
    return false;
  if (m->type != NULL && strcmp (m->type, "bind") == 0)
    return true;
  for (size_t i = 0; m->options != NULL && m->options[i] != NULL; i++)
    if (strcmp (m->options[i], "bind") == 0 || strcmp (m->options[i], "rbind") == 0)
      return true;
  return false;
}

/* A tmpfs /dev (the usual case) gets the standard devices, pts, shm and links; linux.devices
   are created unless /dev is the host's own (a bind), like runc. */
static int
setup_dev (const struct lc_context *ctx, int root_fd, const struct lc_spec *spec,
           const struct lc_rootfs_options *opts, lc_error_t *err)
{
  if (dev_is_config_tmpfs (spec))
    {
      if (create_default_devices (ctx, root_fd, spec, opts->in_user_namespace, err) < 0
          || mount_dev_defaults (root_fd, spec, err) < 0)
        return -1;
      cleanup_close int dev_fd = lc_path_open_in_root (root_fd, "/dev", O_PATH | O_DIRECTORY, 0, err);
      if (dev_fd < 0 || create_dev_links (dev_fd, err) < 0)
        return -1;
    }
  else
    lc_log (ctx, LC_LOG_DEBUG, "no tmpfs on /dev in the config: the image's /dev is used as it is");
  if (dev_is_host_bind (spec))
    return 0;
  return create_spec_devices (ctx, root_fd, spec, opts->in_user_namespace, err);
}

/* ---- step 1 ----------------------------------------------------------------- */

bool
lc_rootfs_is_readonly (const struct lc_spec *spec)
{
  return spec->root == NULL || ! spec->root->has_readonly || spec->root->readonly;
}

static const char *
root_propagation_of (const struct lc_spec *spec)
{
  return spec->linux != NULL ? spec->linux->rootfs_propagation : NULL;
}

/* Cut the namespace off the host first: rprivate, or rslave when the config wants host
   mounts to keep propagating in (slave/shared; shared itself is applied in finalize). */
static int
isolate_mount_namespace (const struct lc_spec *spec, lc_error_t *err)
{
  const char *propagation = root_propagation_of (spec);
  unsigned long flags = MS_REC | MS_PRIVATE;

  if (propagation != NULL && (strstr (propagation, "slave") != NULL || strstr (propagation, "shared") != NULL))
    flags = MS_REC | MS_SLAVE;
  if (mount (NULL, "/", NULL, flags, NULL) < 0)
    return lc_error_make (err, errno, "make / %s", flags & MS_PRIVATE ? "rprivate" : "rslave");
  return 0;
}

/* Bind the rootfs on itself so it is a mount point (pivot_root needs one); the returned
   fd is the root of that new mount, the anchor of every later resolution. */
static int
bind_rootfs_on_itself (const char *rootfs, lc_error_t *err)
{
  cleanup_close int dir_fd = open (rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    return lc_error_make (err, errno, "open the rootfs `%s`", rootfs);
  int tree = clone_mount_tree (dir_fd, true, err);
  if (tree < 0)
    return lc_error_wrap (err, "bind the rootfs `%s`", rootfs);
  if (attach_mount (tree, dir_fd, err) < 0)
    {
      close (tree);
      return lc_error_wrap (err, "bind the rootfs `%s`", rootfs);
    }
  return tree;
}

int
lc_rootfs_mount_all (const struct lc_context *ctx, const struct lc_spec *spec, const struct lc_rootfs_options *opts,
                     lc_error_t *err)
{
  if (opts->rootfs == NULL)
    return lc_error_make (err, 0, "root.path: no rootfs");
  if (isolate_mount_namespace (spec, err) < 0)
    return -1;
  cleanup_close int root_fd = bind_rootfs_on_itself (opts->rootfs, err);
  if (root_fd < 0)
    return -1;

  if (! lc_rootfs_is_readonly (spec))
    lc_log (ctx, LC_LOG_INFO, "root.readonly is false: the rootfs `%s` stays writable", opts->rootfs);
  else if (mount_readonly_root_tmpfs (ctx, root_fd, spec, err) < 0)
    return -1;

  for (size_t i = 0; i < spec->n_mounts; i++)
    {
      const struct lc_spec_mount *m = &spec->mounts[i];
      if (mount_entry (root_fd, spec, opts, m, err) < 0)
        return lc_error_wrap (err, "mounts[%zu] (%s)", i, m->destination ? m->destination : "");
    }
  return setup_dev (ctx, root_fd, spec, opts, err);
}

/* ---- step 2 ----------------------------------------------------------------- */

/* The weaker variant for --no-pivot (e.g. a ramdisk root where pivot_root is impossible):
   the host's root stays reachable to anything that escapes the chroot. */
static int
move_root_and_chroot (int new_root, lc_error_t *err)
{
  if (fchdir (new_root) < 0)
    return lc_error_make (err, errno, "chdir into the rootfs");
  if (mount (".", "/", NULL, MS_MOVE, NULL) < 0)
    return lc_error_make (err, errno, "move the rootfs onto /");
  if (chroot (".") < 0)
    return lc_error_make (err, errno, "chroot into the rootfs");
  return 0;
}

/* pivot_root(".", ".") stacks the old root on top of the new one; detaching "." then drops
   it (umount looks through to the topmost mount) without a directory for it in the image. */
static int
pivot_into (int new_root, lc_error_t *err)
{
  cleanup_close int old_root = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (old_root < 0)
    return lc_error_make (err, errno, "open the old root");
  if (fchdir (new_root) < 0)
    return lc_error_make (err, errno, "chdir into the rootfs");
  if (syscall (SYS_pivot_root, ".", ".") < 0)
    return lc_error_make (err, errno, "pivot_root");
  /* rslave first, so the unmount cannot propagate to the host's mounts.  Through the fd:
     mount(".") would name the new root (a lookup of "." does not cross mount points) and
     turn its shared submounts private. */
  if (set_propagation (old_root, MS_SLAVE | MS_REC, err) < 0)
    return lc_error_wrap (err, "old root");
  if (umount2 (".", MNT_DETACH) < 0)
    return lc_error_make (err, errno, "detach the old root");
  return 0;
}

int
lc_rootfs_pivot (const struct lc_context *ctx, const struct lc_spec *spec, const struct lc_rootfs_options *opts,
                 lc_error_t *err)
{
  (void) spec;
  cleanup_close int new_root = open (opts->rootfs, O_DIRECTORY | O_RDONLY | O_CLOEXEC);
  if (new_root < 0)
    return lc_error_make (err, errno, "open the rootfs `%s`", opts->rootfs);
  if (opts->no_pivot)
    {
      lc_log (ctx, LC_LOG_DEBUG, "--no-pivot: chroot into `%s`", opts->rootfs);
      if (move_root_and_chroot (new_root, err) < 0)
        return -1;
    }
  else if (pivot_into (new_root, err) < 0)
    return -1;
  if (chdir ("/") < 0)
    return lc_error_make (err, errno, "chdir /");
  return 0;
}

/* ---- step 3 ----------------------------------------------------------------- */

/* The fd of PATH for masking or read-only binding; -1 with no error when it is missing or
   a symlink (the image's symlinks are never followed for these). */
static int
open_protected_path (const struct lc_context *ctx, int root_fd, const char *path, struct stat *st, lc_error_t *err)
{
  lc_error_t local = NULL;
  int fd = lc_path_open_in_root (root_fd, path, O_PATH | O_NOFOLLOW, 0, &local);
  if (fd < 0)
    {
      if (local->status == ENOENT || local->status == ENOTDIR)
        {
          lc_error_release (&local);
          return -1;
        }
      *err = local;
      return -1;
    }
  if (fstat (fd, st) < 0)
    {
      close (fd);
      return lc_error_make (err, errno, "stat `%s`", path);
    }
  if (S_ISLNK (st->st_mode))
    {
      lc_log (ctx, LC_LOG_WARNING, "`%s` is a symlink in the image: not followed, left as it is", path);
      close (fd);
      return -1;
    }
  return fd;
}

/* The container's /dev/null, checked to be the real device before it is bound anywhere. */
static int
open_dev_null (int root_fd, lc_error_t *err)
{
  struct stat st;
  int fd = lc_path_open_in_root (root_fd, "/dev/null", O_PATH | O_NOFOLLOW, 0, err);
  if (fd < 0)
    return -1;
  if (fstat (fd, &st) < 0 || ! S_ISCHR (st.st_mode) || st.st_rdev != makedev (1, 3))
    {
      close (fd);
      return lc_error_make (err, 0, "/dev/null in the container is not the null device");
    }
  return fd;
}

static int
mask_path (const struct lc_context *ctx, int root_fd, const char *path, lc_error_t *err)
{
  struct stat st;
  cleanup_close int fd = open_protected_path (ctx, root_fd, path, &st, err);
  if (fd < 0)
    return *err != NULL ? -1 : 0;

  cleanup_close int mnt = -1;
  if (S_ISDIR (st.st_mode))
    {
      struct mount_plan plan = { .attr_set = MOUNT_ATTR_RDONLY };
      mnt = create_filesystem ("tmpfs", "tmpfs", &plan, NULL, err);
    }
  else
    {
      cleanup_close int null_fd = open_dev_null (root_fd, err);
      if (null_fd < 0)
        return -1;
      mnt = clone_mount_tree (null_fd, false, err);
    }
  if (mnt < 0 || attach_mount (mnt, fd, err) < 0)
    return -1;
  return 0;
}

static int
make_path_readonly (const struct lc_context *ctx, int root_fd, const char *path, lc_error_t *err)
{
  struct stat st;
  cleanup_close int fd = open_protected_path (ctx, root_fd, path, &st, err);
  if (fd < 0)
    return *err != NULL ? -1 : 0;
  cleanup_close int tree = clone_mount_tree (fd, true, err);
  if (tree < 0 || set_mount_attrs (tree, MOUNT_ATTR_RDONLY, 0, true, err) < 0 || attach_mount (tree, fd, err) < 0)
    return -1;
  return 0;
}

static int
apply_root_propagation (int root_fd, const char *propagation, lc_error_t *err)
{
  const struct option_def *def = find_option (propagation);
  if (def == NULL || def->kind != OPT_PROPAGATION)
    return lc_error_make (err, 0, "linux.rootfsPropagation: unknown value `%s`", propagation);
  if (set_propagation (root_fd, (unsigned long) def->value, err) < 0)
    return lc_error_wrap (err, "linux.rootfsPropagation (%s)", propagation);
  return 0;
}

int
lc_rootfs_finalize (const struct lc_context *ctx, const struct lc_spec *spec, const struct lc_rootfs_options *opts,
                    lc_error_t *err)
{
  (void) opts;
  const struct lc_spec_linux *lx = spec->linux;
  cleanup_close int root_fd = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root_fd < 0)
    return lc_error_make (err, errno, "open /");

  for (size_t i = 0; lx != NULL && lx->masked_paths != NULL && lx->masked_paths[i] != NULL; i++)
    if (mask_path (ctx, root_fd, lx->masked_paths[i], err) < 0)
      return lc_error_wrap (err, "linux.maskedPaths[%zu] (%s)", i, lx->masked_paths[i]);
  for (size_t i = 0; lx != NULL && lx->readonly_paths != NULL && lx->readonly_paths[i] != NULL; i++)
    if (make_path_readonly (ctx, root_fd, lx->readonly_paths[i], err) < 0)
      return lc_error_wrap (err, "linux.readonlyPaths[%zu] (%s)", i, lx->readonly_paths[i]);
  if (lc_rootfs_is_readonly (spec) && set_mount_attrs (root_fd, MOUNT_ATTR_RDONLY, 0, false, err) < 0)
    return lc_error_wrap (err, "make the rootfs read-only");
  if (root_propagation_of (spec) != NULL)
    return apply_root_propagation (root_fd, root_propagation_of (spec), err);
  return 0;
}
