/* The config.json parser: the document, process, root, mounts and hooks (linux lives in
   spec_linux.c).  Each parse_* function fills a zeroed struct that is already owned by
   its parent, so a failure anywhere is cleaned up by freeing the top-level struct. */
#include "config.h"
#include "spec.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cleanup.h"
#include "spec_internal.h"
#include "utils.h"

/* ---- shared pieces ---------------------------------------------------------- */

static int
parse_id_mapping (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, struct lc_spec_id_mapping *out)
{
  if (lc_j_expect_object (cx, v, path) < 0
      || lc_j_u32 (cx, v, path, "containerID", LC_J_REQUIRED, 0, UINT32_MAX, NULL, &out->container_id) < 0
      || lc_j_u32 (cx, v, path, "hostID", LC_J_REQUIRED, 0, UINT32_MAX, NULL, &out->host_id) < 0)
    return -1;
  /* An empty mapping is always a mistake, and the kernel refuses it with a vague EINVAL. */
  return lc_j_u32 (cx, v, path, "size", LC_J_REQUIRED, 1, UINT32_MAX, NULL, &out->size);
}

int
lc_spec_parse_id_mappings (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
                           struct lc_spec_id_mapping **out, size_t *n_out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  yajl_val v;
  if (lc_j_array (cx, obj, parent, name, 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  *out = xcalloc (v->u.array.len, sizeof (**out));
  *n_out = v->u.array.len;
  for (size_t i = 0; i < v->u.array.len; i++)
    {
      const struct lc_jpath item = LC_JINDEX (&path, i);
      if (parse_id_mapping (cx, v->u.array.values[i], &item, &(*out)[i]) < 0)
        return -1;
    }
  return 0;
}

/* ---- process ------------------------------------------------------------------ */

static int
parse_console_size (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent,
                    struct lc_spec_process *p)
{
  const struct lc_jpath path = LC_JFIELD (parent, "consoleSize");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "consoleSize", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  p->has_console_size = true;
  if (lc_j_u32 (cx, v, &path, "height", LC_J_REQUIRED, 0, UINT32_MAX, NULL, &p->console_height) < 0)
    return -1;
  return lc_j_u32 (cx, v, &path, "width", LC_J_REQUIRED, 0, UINT32_MAX, NULL, &p->console_width);
}

static int
parse_user (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_user *user)
{
  const struct lc_jpath path = LC_JFIELD (parent, "user");
  yajl_val v, gids;
  if (lc_j_object (cx, obj, parent, "user", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  if (lc_j_u32 (cx, v, &path, "uid", LC_J_REQUIRED, 0, UINT32_MAX, NULL, &user->uid) < 0
      || lc_j_u32 (cx, v, &path, "gid", LC_J_REQUIRED, 0, UINT32_MAX, NULL, &user->gid) < 0
      || lc_j_u32 (cx, v, &path, "umask", 0, 0, UINT32_MAX, &user->has_umask, &user->umask) < 0
      || lc_j_string (cx, v, &path, "username", 0, &user->username) < 0
      || lc_j_array (cx, v, &path, "additionalGids", 0, &gids) < 0)
    return -1;
  if (gids == NULL)
    return 0;

  const struct lc_jpath gids_path = LC_JFIELD (&path, "additionalGids");
  user->additional_gids = xcalloc (gids->u.array.len, sizeof (uint32_t));
  user->n_additional_gids = gids->u.array.len;
  for (size_t i = 0; i < gids->u.array.len; i++)
    {
      const struct lc_jpath item = LC_JINDEX (&gids_path, i);
      int64_t gid = 0;
      if (lc_j_value_int (cx, gids->u.array.values[i], &item, 0, UINT32_MAX, &gid) < 0)
        return -1;
      user->additional_gids[i] = (uint32_t) gid;
    }
  return 0;
}

/* One capability set: a list of "CAP_*" names folded into a bitmask. */
static int
parse_capability_set (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
                      bool *has, uint64_t *mask)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  yajl_val v;
  if (lc_j_array (cx, obj, parent, name, 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  *has = true;
  for (size_t i = 0; i < v->u.array.len; i++)
    {
      const struct lc_jpath item = LC_JINDEX (&path, i);
      cleanup_free char *cap_name = NULL;
      cap_value_t cap;
      if (lc_j_value_string (cx, v->u.array.values[i], &item, 0, &cap_name) < 0)
        return -1;
      /* libcap also knows bare and lower-case names ("chown"); the spec's form is "CAP_CHOWN". */
      bool spec_form = strncmp (cap_name, "CAP_", 4) == 0
                       && strspn (cap_name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == strlen (cap_name);
      if (! spec_form || cap_from_name (cap_name, &cap) < 0 || cap < 0 || cap >= 64)
        return lc_j_error (cx, &item, "unknown capability \"%s\"", cap_name);
      *mask |= UINT64_C (1) << cap;
    }
  return 0;
}

static int
parse_capabilities (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_process *p)
{
  const struct lc_jpath path = LC_JFIELD (parent, "capabilities");
  struct lc_spec_capabilities *caps = &p->capabilities;
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "capabilities", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  p->has_capabilities = true;
  if (parse_capability_set (cx, v, &path, "bounding", &caps->has_bounding, &caps->bounding) < 0
      || parse_capability_set (cx, v, &path, "effective", &caps->has_effective, &caps->effective) < 0
      || parse_capability_set (cx, v, &path, "inheritable", &caps->has_inheritable, &caps->inheritable) < 0
      || parse_capability_set (cx, v, &path, "permitted", &caps->has_permitted, &caps->permitted) < 0)
    return -1;
  return parse_capability_set (cx, v, &path, "ambient", &caps->has_ambient, &caps->ambient);
}

static int
parse_rlimit (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, struct lc_spec_rlimit *out)
{
  const struct lc_jpath type_path = LC_JFIELD (path, "type");
  if (lc_j_expect_object (cx, v, path) < 0 || lc_j_string (cx, v, path, "type", LC_J_REQUIRED, &out->name) < 0)
    return -1;
  out->resource = lc_spec_rlimit_from_name (out->name);
  if (out->resource < 0)
    return lc_j_error (cx, &type_path, "unknown rlimit \"%s\"", out->name);
  if (lc_j_u64 (cx, v, path, "soft", LC_J_REQUIRED, UINT64_MAX, NULL, &out->soft) < 0
      || lc_j_u64 (cx, v, path, "hard", LC_J_REQUIRED, UINT64_MAX, NULL, &out->hard) < 0)
    return -1;
  if (out->soft > out->hard)
    return lc_j_error (cx, path, "soft limit %llu is above hard limit %llu", (unsigned long long) out->soft,
                       (unsigned long long) out->hard);
  return 0;
}

static int
parse_rlimits (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_process *p)
{
  const struct lc_jpath path = LC_JFIELD (parent, "rlimits");
  yajl_val v;
  if (lc_j_array (cx, obj, parent, "rlimits", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  p->rlimits = xcalloc (v->u.array.len, sizeof (*p->rlimits));
  p->n_rlimits = v->u.array.len;
  for (size_t i = 0; i < v->u.array.len; i++)
    {
      const struct lc_jpath item = LC_JINDEX (&path, i);
      const struct lc_jpath type_path = LC_JFIELD (&item, "type");
      if (parse_rlimit (cx, v->u.array.values[i], &item, &p->rlimits[i]) < 0)
        return -1;
      /* The spec: "a runtime MUST generate an error for any duplicated type". */
      for (size_t j = 0; j < i; j++)
        if (p->rlimits[j].resource == p->rlimits[i].resource)
          return lc_j_error (cx, &type_path, "duplicate \"%s\"", p->rlimits[i].name);
    }
  return 0;
}

static int
parse_sched_flags (const struct lc_jctx *cx, const struct lc_jpath *path, struct lc_spec_scheduler *s)
{
  const struct lc_jpath flags_path = LC_JFIELD (path, "flags");
  for (size_t i = 0; s->flag_names != NULL && s->flag_names[i] != NULL; i++)
    {
      const struct lc_jpath item = LC_JINDEX (&flags_path, i);
      int64_t flag = lc_spec_sched_flag_from_name (s->flag_names[i]);
      if (flag < 0)
        return lc_j_error (cx, &item, "unknown scheduler flag \"%s\"", s->flag_names[i]);
      s->flags |= (uint64_t) flag;
    }
  return 0;
}

static int
parse_scheduler (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_process *p)
{
  const struct lc_jpath path = LC_JFIELD (parent, "scheduler");
  const struct lc_jpath policy_path = LC_JFIELD (&path, "policy");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "scheduler", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  struct lc_spec_scheduler *s = p->scheduler = xcalloc (1, sizeof (*s));
  if (lc_j_string (cx, v, &path, "policy", LC_J_REQUIRED, &s->policy_name) < 0)
    return -1;
  s->policy = lc_spec_sched_policy_from_name (s->policy_name);
  if (s->policy < 0)
    return lc_j_error (cx, &policy_path, "unknown scheduler policy \"%s\"", s->policy_name);
  if (lc_j_i32 (cx, v, &path, "nice", 0, -20, 19, &s->has_nice, &s->nice) < 0
      || lc_j_i32 (cx, v, &path, "priority", 0, INT32_MIN, INT32_MAX, &s->has_priority, &s->priority) < 0
      || lc_j_strv (cx, v, &path, "flags", 0, &s->flag_names) < 0 || parse_sched_flags (cx, &path, s) < 0
      || lc_j_u64 (cx, v, &path, "runtime", 0, UINT64_MAX, &s->has_runtime, &s->runtime) < 0
      || lc_j_u64 (cx, v, &path, "deadline", 0, UINT64_MAX, &s->has_deadline, &s->deadline) < 0)
    return -1;
  return lc_j_u64 (cx, v, &path, "period", 0, UINT64_MAX, &s->has_period, &s->period);
}

static int
parse_io_priority (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_process *p)
{
  const struct lc_jpath path = LC_JFIELD (parent, "ioPriority");
  const struct lc_jpath class_path = LC_JFIELD (&path, "class");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "ioPriority", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  struct lc_spec_io_priority *io = p->io_priority = xcalloc (1, sizeof (*io));
  if (lc_j_string (cx, v, &path, "class", LC_J_REQUIRED, &io->class_name) < 0)
    return -1;
  io->io_class = lc_spec_ioprio_class_from_name (io->class_name);
  if (io->io_class < 0)
    return lc_j_error (cx, &class_path, "unknown I/O priority class \"%s\"", io->class_name);
  return lc_j_i32 (cx, v, &path, "priority", LC_J_REQUIRED, 0, 7, NULL, &io->priority);
}

static int
parse_exec_cpu_affinity (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent,
                         struct lc_spec_process *p)
{
  const struct lc_jpath path = LC_JFIELD (parent, "execCPUAffinity");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "execCPUAffinity", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  p->exec_cpu_affinity = xcalloc (1, sizeof (*p->exec_cpu_affinity));
  if (lc_j_string (cx, v, &path, "initial", 0, &p->exec_cpu_affinity->initial) < 0)
    return -1;
  return lc_j_string (cx, v, &path, "final", 0, &p->exec_cpu_affinity->final);
}

static int
parse_process_object (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, struct lc_spec_process *p)
{
  const struct lc_jpath args_path = LC_JFIELD (path, "args");
  if (lc_j_expect_object (cx, v, path) < 0 || lc_j_bool (cx, v, path, "terminal", NULL, &p->terminal) < 0
      || parse_console_size (cx, v, path, p) < 0 || parse_user (cx, v, path, &p->user) < 0
      || lc_j_strv (cx, v, path, "args", LC_J_REQUIRED, &p->args) < 0)
    return -1;
  if (p->args[0] == NULL)
    return lc_j_error (cx, &args_path, "must not be empty");
  if (lc_j_string (cx, v, path, "commandLine", 0, &p->command_line) < 0
      || lc_j_strv (cx, v, path, "env", 0, &p->env) < 0
      || lc_j_string (cx, v, path, "cwd", LC_J_REQUIRED | LC_J_ABSOLUTE, &p->cwd) < 0
      || parse_capabilities (cx, v, path, p) < 0 || parse_rlimits (cx, v, path, p) < 0
      || lc_j_bool (cx, v, path, "noNewPrivileges", &p->has_no_new_privileges, &p->no_new_privileges) < 0
      || lc_j_string (cx, v, path, "apparmorProfile", 0, &p->apparmor_profile) < 0
      || lc_j_string (cx, v, path, "selinuxLabel", 0, &p->selinux_label) < 0
      || lc_j_i32 (cx, v, path, "oomScoreAdj", 0, -1000, 1000, &p->has_oom_score_adj, &p->oom_score_adj) < 0
      || parse_scheduler (cx, v, path, p) < 0 || parse_io_priority (cx, v, path, p) < 0)
    return -1;
  return parse_exec_cpu_affinity (cx, v, path, p);
}

/* ---- root, mounts, hooks ------------------------------------------------------ */

static int
parse_root (const struct lc_jctx *cx, yajl_val obj, struct lc_spec *spec)
{
  const struct lc_jpath path = LC_JFIELD (NULL, "root");
  yajl_val v;
  if (lc_j_object (cx, obj, NULL, "root", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  spec->root = xcalloc (1, sizeof (*spec->root));
  if (lc_j_string (cx, v, &path, "path", LC_J_REQUIRED | LC_J_NONEMPTY, &spec->root->path) < 0)
    return -1;
  return lc_j_bool (cx, v, &path, "readonly", &spec->root->has_readonly, &spec->root->readonly);
}

static int
parse_mount (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, struct lc_spec_mount *m)
{
  /* A relative destination is accepted, as runc does; the launcher resolves it under the rootfs. */
  if (lc_j_expect_object (cx, v, path) < 0
      || lc_j_string (cx, v, path, "destination", LC_J_REQUIRED | LC_J_NONEMPTY, &m->destination) < 0
      || lc_j_string (cx, v, path, "source", 0, &m->source) < 0 || lc_j_string (cx, v, path, "type", 0, &m->type) < 0
      || lc_j_strv (cx, v, path, "options", 0, &m->options) < 0
      || lc_spec_parse_id_mappings (cx, v, path, "uidMappings", &m->uid_mappings, &m->n_uid_mappings) < 0)
    return -1;
  return lc_spec_parse_id_mappings (cx, v, path, "gidMappings", &m->gid_mappings, &m->n_gid_mappings);
}

static int
parse_mounts (const struct lc_jctx *cx, yajl_val obj, struct lc_spec *spec)
{
  const struct lc_jpath path = LC_JFIELD (NULL, "mounts");
  yajl_val v;
  if (lc_j_array (cx, obj, NULL, "mounts", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  spec->mounts = xcalloc (v->u.array.len, sizeof (*spec->mounts));
  spec->n_mounts = v->u.array.len;
  for (size_t i = 0; i < v->u.array.len; i++)
    {
      const struct lc_jpath item = LC_JINDEX (&path, i);
      if (parse_mount (cx, v->u.array.values[i], &item, &spec->mounts[i]) < 0)
        return -1;
    }
  return 0;
}

static int
parse_hook (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, struct lc_spec_hook *h)
{
  if (lc_j_expect_object (cx, v, path) < 0
      || lc_j_string (cx, v, path, "path", LC_J_REQUIRED | LC_J_ABSOLUTE, &h->path) < 0
      || lc_j_strv (cx, v, path, "args", 0, &h->args) < 0 || lc_j_strv (cx, v, path, "env", 0, &h->env) < 0)
    return -1;
  return lc_j_i32 (cx, v, path, "timeout", 0, 1, INT32_MAX, &h->has_timeout, &h->timeout);
}

static int
parse_hook_list (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, enum lc_hook_kind kind,
                 struct lc_spec_hook_list *list)
{
  const char *name = lc_hook_kind_name (kind);
  const struct lc_jpath path = LC_JFIELD (parent, name);
  yajl_val v;
  if (lc_j_array (cx, obj, parent, name, 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  list->items = xcalloc (v->u.array.len, sizeof (*list->items));
  list->len = v->u.array.len;
  for (size_t i = 0; i < v->u.array.len; i++)
    {
      const struct lc_jpath item = LC_JINDEX (&path, i);
      if (parse_hook (cx, v->u.array.values[i], &item, &list->items[i]) < 0)
        return -1;
    }
  return 0;
}

static int
parse_hooks (const struct lc_jctx *cx, yajl_val obj, struct lc_spec *spec)
{
  const struct lc_jpath path = LC_JFIELD (NULL, "hooks");
  yajl_val v;
  if (lc_j_object (cx, obj, NULL, "hooks", 0, &v) < 0)
    return -1;
  for (int kind = 0; v != NULL && kind < LC_HOOK_KINDS; kind++)
    if (parse_hook_list (cx, v, &path, (enum lc_hook_kind) kind, &spec->hooks[kind]) < 0)
      return -1;
  return 0;
}

static int
parse_annotations (const struct lc_jctx *cx, yajl_val obj, struct lc_spec *spec)
{
  const struct lc_jpath path = LC_JFIELD (NULL, "annotations");
  if (lc_j_kv (cx, obj, NULL, "annotations", &spec->annotations) < 0)
    return -1;
  for (size_t i = 0; i < spec->annotations.len; i++)
    if (spec->annotations.items[i].key[0] == '\0')
      {
        const struct lc_jpath item = LC_JKEY (&path, "");
        return lc_j_error (cx, &item, "key must not be empty");
      }
  return 0;
}

/* ---- the document ------------------------------------------------------------- */

static int
parse_process_member (const struct lc_jctx *cx, yajl_val obj, struct lc_spec *spec)
{
  const struct lc_jpath path = LC_JFIELD (NULL, "process");
  yajl_val v = lc_j_member (obj, "process");
  if (v == NULL)
    return 0;
  spec->process = xcalloc (1, sizeof (*spec->process));
  return parse_process_object (cx, v, &path, spec->process);
}

static int
parse_linux_member (const struct lc_jctx *cx, yajl_val obj, struct lc_spec *spec)
{
  const struct lc_jpath path = LC_JFIELD (NULL, "linux");
  yajl_val v = lc_j_member (obj, "linux");
  if (v == NULL)
    return 0;
  spec->linux = xcalloc (1, sizeof (*spec->linux));
  return lc_spec_parse_linux_object (cx, v, &path, spec->linux);
}

static int
parse_document (const struct lc_jctx *cx, yajl_val tree, struct lc_spec *spec)
{
  if (lc_j_expect_object (cx, tree, NULL) < 0
      || lc_j_string (cx, tree, NULL, "ociVersion", LC_J_REQUIRED | LC_J_NONEMPTY, &spec->oci_version) < 0
      || parse_process_member (cx, tree, spec) < 0 || parse_root (cx, tree, spec) < 0
      || parse_mounts (cx, tree, spec) < 0 || lc_j_string (cx, tree, NULL, "hostname", 0, &spec->hostname) < 0
      || lc_j_string (cx, tree, NULL, "domainname", 0, &spec->domainname) < 0 || parse_hooks (cx, tree, spec) < 0
      || parse_annotations (cx, tree, spec) < 0)
    return -1;
  return parse_linux_member (cx, tree, spec);
}

static void
yajl_tree_freep (yajl_val *v)
{
  yajl_tree_free (*v);
}
#define cleanup_yajl __attribute__ ((cleanup (yajl_tree_freep)))

int
lc_spec_parse (const char *data, size_t len, const char *source, struct lc_spec **out, lc_error_t *err)
{
  const struct lc_jctx cx = { .source = source, .err = err };
  cleanup_yajl yajl_val tree = NULL;
  cleanup_spec struct lc_spec *spec = NULL;

  if (lc_j_parse (&cx, data, len, &tree) < 0)
    return -1;
  spec = xcalloc (1, sizeof (*spec));
  if (parse_document (&cx, tree, spec) < 0)
    return -1;
  *out = lc_steal_ptr (&spec);
  return 0;
}

static void
lc_spec_process_freep (struct lc_spec_process **p)
{
  lc_spec_process_free (*p);
}

int
lc_spec_parse_process (const char *data, size_t len, const char *source, struct lc_spec_process **out,
                       lc_error_t *err)
{
  const struct lc_jctx cx = { .source = source, .err = err };
  cleanup_yajl yajl_val tree = NULL;
  __attribute__ ((cleanup (lc_spec_process_freep))) struct lc_spec_process *process = NULL;

  if (lc_j_parse (&cx, data, len, &tree) < 0)
    return -1;
  process = xcalloc (1, sizeof (*process));
  if (parse_process_object (&cx, tree, NULL, process) < 0)
    return -1;
  *out = lc_steal_ptr (&process);
  return 0;
}

static void
lc_spec_resources_freep (struct lc_spec_resources **r)
{
  lc_spec_resources_free (*r);
}

int
lc_spec_parse_resources (const char *data, size_t len, const char *source, struct lc_spec_resources **out,
                         lc_error_t *err)
{
  const struct lc_jctx cx = { .source = source, .err = err };
  cleanup_yajl yajl_val tree = NULL;
  __attribute__ ((cleanup (lc_spec_resources_freep))) struct lc_spec_resources *resources = NULL;

  if (lc_j_parse (&cx, data, len, &tree) < 0)
    return -1;
  resources = xcalloc (1, sizeof (*resources));
  if (lc_spec_parse_resources_object (&cx, tree, NULL, resources) < 0)
    return -1;
  *out = lc_steal_ptr (&resources);
  return 0;
}

/* ---- the bundle ----------------------------------------------------------------- */

/* The target of the magic link of FD in /proc/self/fd, into buf; false when unreadable. */
static bool
fd_target (int fd, char *buf, size_t size)
{
  char link[64];
  snprintf (link, sizeof (link), "/proc/self/fd/%d", fd);
  ssize_t n = readlink (link, buf, size - 1);
  if (n < 0 || (size_t) n >= size - 1)
    return false;
  buf[n] = '\0';
  return true;
}

/* openat2(RESOLVE_BENEATH) for kernels (and valgrind) without openat2: open NAME, then check
   that what was opened lies under DIRFD.  config.json is a single component, so the
   only way out of the bundle is a symlink, and the check sees where it led. */
static int
open_beneath_fallback (int dirfd, const char *name, int flags)
{
  char dir[PATH_MAX], file[PATH_MAX];

  cleanup_close int fd = openat (dirfd, name, flags);
  if (fd < 0)
    return -1;
  if (! fd_target (dirfd, dir, sizeof (dir)) || ! fd_target (fd, file, sizeof (file)))
    return -1;
  size_t dir_len = strlen (dir);
  bool beneath = strncmp (file, dir, dir_len) == 0 && (file[dir_len] == '/' || strcmp (dir, "/") == 0);
  if (! beneath)
    {
      errno = EXDEV;
      return -1;
    }
  return lc_steal_fd (&fd);
}

static int
open_beneath (int dirfd, const char *name, int flags)
{
  struct open_how how = {
    .flags = (unsigned long long) flags,
    .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
  };
  int fd = (int) syscall (SYS_openat2, dirfd, name, &how, sizeof (how));
  if (fd < 0 && errno == ENOSYS)
    return open_beneath_fallback (dirfd, name, flags);
  return fd;
}

/* Open BUNDLE/config.json without letting a symlink lead out of the bundle, and refuse
   anything but a regular file (O_NONBLOCK keeps a FIFO from hanging the open). */
static int
open_bundle_config (const char *bundle, lc_error_t *err)
{
  struct stat st;

  cleanup_close int dirfd = open (bundle, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd < 0)
    return lc_error_make (err, errno, "%s", bundle);
  cleanup_close int fd = open_beneath (dirfd, "config.json", O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0 && errno == EXDEV)
    return lc_error_make (err, 0, "%s/config.json: symlink leads outside the bundle", bundle);
  if (fd < 0)
    return lc_error_make (err, errno, "%s/config.json", bundle);
  if (fstat (fd, &st) < 0)
    return lc_error_make (err, errno, "%s/config.json: fstat", bundle);
  if (! S_ISREG (st.st_mode))
    return lc_error_make (err, 0, "%s/config.json: not a regular file", bundle);
  if (st.st_size > (off_t) LC_SPEC_MAX_SIZE)
    return lc_error_make (err, 0, "%s/config.json: larger than %u bytes", bundle, LC_SPEC_MAX_SIZE);
  return lc_steal_fd (&fd);
}

int
lc_spec_load_bundle (const char *bundle, struct lc_spec **out, lc_error_t *err)
{
  cleanup_free char *data = NULL;
  size_t len = 0;

  cleanup_close int fd = open_bundle_config (bundle, err);
  if (fd < 0)
    return -1;
  if (lc_read_fd_all (fd, LC_SPEC_MAX_SIZE, &data, &len, err) < 0)
    return lc_error_wrap (err, "%s/config.json", bundle);
  return lc_spec_parse (data, len, "config.json", out, err);
}

/* ---- freeing ---------------------------------------------------------------------- */

void
lc_spec_process_free (struct lc_spec_process *p)
{
  if (p == NULL)
    return;
  free (p->user.additional_gids);
  free (p->user.username);
  lc_spec_strv_free (p->args);
  free (p->command_line);
  lc_spec_strv_free (p->env);
  free (p->cwd);
  for (size_t i = 0; i < p->n_rlimits; i++)
    free (p->rlimits[i].name);
  free (p->rlimits);
  free (p->apparmor_profile);
  free (p->selinux_label);
  if (p->scheduler != NULL)
    {
      free (p->scheduler->policy_name);
      lc_spec_strv_free (p->scheduler->flag_names);
      free (p->scheduler);
    }
  if (p->io_priority != NULL)
    free (p->io_priority->class_name);
  free (p->io_priority);
  if (p->exec_cpu_affinity != NULL)
    {
      free (p->exec_cpu_affinity->initial);
      free (p->exec_cpu_affinity->final);
    }
  free (p->exec_cpu_affinity);
  free (p);
}

static void
free_mount (struct lc_spec_mount *m)
{
  free (m->destination);
  free (m->source);
  free (m->type);
  lc_spec_strv_free (m->options);
  free (m->uid_mappings);
  free (m->gid_mappings);
}

static void
free_hook_list (struct lc_spec_hook_list *list)
{
  for (size_t i = 0; i < list->len; i++)
    {
      free (list->items[i].path);
      lc_spec_strv_free (list->items[i].args);
      lc_spec_strv_free (list->items[i].env);
    }
  free (list->items);
}

void
lc_spec_free (struct lc_spec *spec)
{
  if (spec == NULL)
    return;
  free (spec->oci_version);
  lc_spec_process_free (spec->process);
  if (spec->root != NULL)
    free (spec->root->path);
  free (spec->root);
  for (size_t i = 0; i < spec->n_mounts; i++)
    free_mount (&spec->mounts[i]);
  free (spec->mounts);
  free (spec->hostname);
  free (spec->domainname);
  for (int kind = 0; kind < LC_HOOK_KINDS; kind++)
    free_hook_list (&spec->hooks[kind]);
  lc_spec_kv_list_clear (&spec->annotations);
  lc_spec_linux_free (spec->linux);
  free (spec);
}

const struct lc_spec_namespace *
lc_spec_find_namespace (const struct lc_spec *spec, enum lc_namespace_type type)
{
  if (spec == NULL || spec->linux == NULL)
    return NULL;
  for (size_t i = 0; i < spec->linux->n_namespaces; i++)
    if (spec->linux->namespaces[i].type == type)
      return &spec->linux->namespaces[i];
  return NULL;
}
