/* The config.json parser, linux part: namespaces, devices, resources, seccomp and the rest
   of the "linux" object.  Same conventions as spec.c: each parse_* fills a zeroed struct
   its parent already owns, so freeing the top-level struct cleans up any failure. */
#include "config.h"
#include "spec.h"

#include <stdlib.h>
#include <string.h>

#include "spec_internal.h"
#include "utils.h"

/* Device numbers are 32 bits wide for the kernel (makedev takes unsigned int). */
#define DEVICE_NUMBER_MAX INT64_C (0xffffffff)

/* Calls PARSE_ONE for each element of the array member NAME, after allocating *ITEMS. */
#define PARSE_ARRAY(cx_, obj_, parent_, name_, items_, n_, parse_one_)                                                \
  ({                                                                                                                  \
    const struct lc_jpath path_ = LC_JFIELD ((parent_), (name_));                                                     \
    yajl_val arr_;                                                                                                    \
    int r_ = lc_j_array ((cx_), (obj_), (parent_), (name_), 0, &arr_);                                               \
    if (r_ == 0 && arr_ != NULL)                                                                                      \
      {                                                                                                               \
        *(items_) = xcalloc (arr_->u.array.len, sizeof (**(items_)));                                                 \
        *(n_) = arr_->u.array.len;                                                                                    \
        for (size_t i_ = 0; r_ == 0 && i_ < arr_->u.array.len; i_++)                                                  \
          {                                                                                                           \
            const struct lc_jpath item_ = LC_JINDEX (&path_, i_);                                                     \
            r_ = parse_one_ ((cx_), arr_->u.array.values[i_], &item_, &(*(items_))[i_]);                              \
          }                                                                                                           \
      }                                                                                                               \
    r_;                                                                                                               \
  })

/* ---- namespaces, time offsets, devices --------------------------------------- */

static int
parse_namespace (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, struct lc_spec_namespace *ns)
{
  const struct lc_jpath type_path = LC_JFIELD (path, "type");
  char *type_name = NULL;
  if (lc_j_expect_object (cx, v, path) < 0 || lc_j_string (cx, v, path, "type", LC_J_REQUIRED, &type_name) < 0)
    return -1;
  int type = lc_namespace_type_from_name (type_name);
  if (type < 0)
    {
      lc_j_error (cx, &type_path, "unknown namespace type \"%s\"", type_name);
      free (type_name);
      return -1;
    }
  free (type_name);
  ns->type = (enum lc_namespace_type) type;
  return lc_j_string (cx, v, path, "path", LC_J_ABSOLUTE, &ns->path);
}

static int
parse_namespaces (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_linux *l)
{
  const struct lc_jpath path = LC_JFIELD (parent, "namespaces");
  if (PARSE_ARRAY (cx, obj, parent, "namespaces", &l->namespaces, &l->n_namespaces, parse_namespace) < 0)
    return -1;
  /* The spec: "a runtime MUST generate an error" for a duplicated namespace type. */
  for (size_t i = 0; i < l->n_namespaces; i++)
    for (size_t j = 0; j < i; j++)
      if (l->namespaces[i].type == l->namespaces[j].type)
        {
          const struct lc_jpath item = LC_JINDEX (&path, i);
          const struct lc_jpath type_path = LC_JFIELD (&item, "type");
          return lc_j_error (cx, &type_path, "duplicate \"%s\"", lc_namespace_type_name (l->namespaces[i].type));
        }
  return 0;
}

static int
parse_time_offsets (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_linux *l)
{
  const struct lc_jpath path = LC_JFIELD (parent, "timeOffsets");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "timeOffsets", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  l->time_offsets = xcalloc (v->u.object.len, sizeof (*l->time_offsets));
  l->n_time_offsets = v->u.object.len;
  for (size_t i = 0; i < v->u.object.len; i++)
    {
      const char *clock = v->u.object.keys[i];
      yajl_val offset = v->u.object.values[i];
      const struct lc_jpath item = LC_JKEY (&path, clock);
      struct lc_spec_time_offset *out = &l->time_offsets[i];
      if (strcmp (clock, "monotonic") != 0 && strcmp (clock, "boottime") != 0)
        return lc_j_error (cx, &item, "unknown clock (expected monotonic or boottime)");
      out->clock = xstrdup (clock);
      if (lc_j_expect_object (cx, offset, &item) < 0
          || lc_j_i64 (cx, offset, &item, "secs", 0, INT64_MIN, INT64_MAX, NULL, &out->secs) < 0
          || lc_j_u32 (cx, offset, &item, "nanosecs", 0, 0, 999999999, NULL, &out->nanosecs) < 0)
        return -1;
    }
  return 0;
}

static int
parse_device (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, struct lc_spec_device *d)
{
  const struct lc_jpath type_path = LC_JFIELD (path, "type");
  char *type = NULL;
  if (lc_j_expect_object (cx, v, path) < 0 || lc_j_string (cx, v, path, "type", LC_J_REQUIRED, &type) < 0)
    return -1;
  bool known = strlen (type) == 1 && strchr ("cbup", type[0]) != NULL;
  if (! known)
    lc_j_error (cx, &type_path, "unknown device type \"%s\" (expected c, b, u or p)", type);
  d->type = type[0];
  free (type);
  if (! known)
    return -1;
  /* A FIFO has no device numbers; every other type needs both. */
  unsigned numbers = d->type == 'p' ? 0 : LC_J_REQUIRED;
  if (lc_j_string (cx, v, path, "path", LC_J_REQUIRED | LC_J_ABSOLUTE, &d->path) < 0
      || lc_j_i64 (cx, v, path, "major", numbers, 0, DEVICE_NUMBER_MAX, NULL, &d->major) < 0
      || lc_j_i64 (cx, v, path, "minor", numbers, 0, DEVICE_NUMBER_MAX, NULL, &d->minor) < 0
      || lc_j_u32 (cx, v, path, "fileMode", 0, 0, UINT32_MAX, &d->has_file_mode, &d->file_mode) < 0
      || lc_j_u32 (cx, v, path, "uid", 0, 0, UINT32_MAX, &d->has_uid, &d->uid) < 0)
    return -1;
  return lc_j_u32 (cx, v, path, "gid", 0, 0, UINT32_MAX, &d->has_gid, &d->gid);
}

/* ---- resources ------------------------------------------------------------------ */

static int
parse_device_rule (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, struct lc_spec_device_rule *r)
{
  const struct lc_jpath allow_path = LC_JFIELD (path, "allow");
  const struct lc_jpath type_path = LC_JFIELD (path, "type");
  const struct lc_jpath access_path = LC_JFIELD (path, "access");
  char *type = NULL;

  if (lc_j_expect_object (cx, v, path) < 0)
    return -1;
  if (lc_j_member (v, "allow") == NULL)
    return lc_j_error (cx, &allow_path, "required");
  if (lc_j_bool (cx, v, path, "allow", NULL, &r->allow) < 0 || lc_j_string (cx, v, path, "type", 0, &type) < 0)
    return -1;
  r->type = 'a';
  if (type != NULL)
    {
      bool known = strlen (type) == 1 && strchr ("acb", type[0]) != NULL;
      if (! known)
        lc_j_error (cx, &type_path, "unknown device type \"%s\" (expected a, c or b)", type);
      r->type = type[0];
      free (type);
      if (! known)
        return -1;
    }
  /* -1 is the wildcard some generators write instead of leaving the number out. */
  if (lc_j_i64 (cx, v, path, "major", 0, -1, DEVICE_NUMBER_MAX, &r->has_major, &r->major) < 0
      || lc_j_i64 (cx, v, path, "minor", 0, -1, DEVICE_NUMBER_MAX, &r->has_minor, &r->minor) < 0
      || lc_j_string (cx, v, path, "access", 0, &r->access) < 0)
    return -1;
  if (r->access != NULL && (r->access[0] == '\0' || strspn (r->access, "rwm") != strlen (r->access)))
    return lc_j_error (cx, &access_path, "\"%s\" is not a combination of r, w and m", r->access);
  return 0;
}

static int
parse_memory (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_resources *res)
{
  const struct lc_jpath path = LC_JFIELD (parent, "memory");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "memory", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  struct lc_spec_memory *m = res->memory = xcalloc (1, sizeof (*m));
  if (lc_j_i64 (cx, v, &path, "limit", 0, INT64_MIN, INT64_MAX, &m->has_limit, &m->limit) < 0
      || lc_j_i64 (cx, v, &path, "reservation", 0, INT64_MIN, INT64_MAX, &m->has_reservation, &m->reservation) < 0
      || lc_j_i64 (cx, v, &path, "swap", 0, INT64_MIN, INT64_MAX, &m->has_swap, &m->swap) < 0
      || lc_j_i64 (cx, v, &path, "kernel", 0, INT64_MIN, INT64_MAX, &m->has_kernel, &m->kernel) < 0
      || lc_j_i64 (cx, v, &path, "kernelTCP", 0, INT64_MIN, INT64_MAX, &m->has_kernel_tcp, &m->kernel_tcp) < 0
      || lc_j_u64 (cx, v, &path, "swappiness", 0, UINT64_MAX, &m->has_swappiness, &m->swappiness) < 0
      || lc_j_bool (cx, v, &path, "disableOOMKiller", &m->has_disable_oom_killer, &m->disable_oom_killer) < 0
      || lc_j_bool (cx, v, &path, "useHierarchy", &m->has_use_hierarchy, &m->use_hierarchy) < 0)
    return -1;
  return lc_j_bool (cx, v, &path, "checkBeforeUpdate", &m->has_check_before_update, &m->check_before_update);
}

static int
parse_cpu (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_resources *res)
{
  const struct lc_jpath path = LC_JFIELD (parent, "cpu");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "cpu", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  struct lc_spec_cpu *c = res->cpu = xcalloc (1, sizeof (*c));
  if (lc_j_u64 (cx, v, &path, "shares", 0, UINT64_MAX, &c->has_shares, &c->shares) < 0
      || lc_j_i64 (cx, v, &path, "quota", 0, INT64_MIN, INT64_MAX, &c->has_quota, &c->quota) < 0
      || lc_j_u64 (cx, v, &path, "burst", 0, UINT64_MAX, &c->has_burst, &c->burst) < 0
      || lc_j_u64 (cx, v, &path, "period", 0, UINT64_MAX, &c->has_period, &c->period) < 0
      || lc_j_i64 (cx, v, &path, "realtimeRuntime", 0, INT64_MIN, INT64_MAX, &c->has_realtime_runtime,
                   &c->realtime_runtime)
             < 0
      || lc_j_u64 (cx, v, &path, "realtimePeriod", 0, UINT64_MAX, &c->has_realtime_period, &c->realtime_period) < 0
      || lc_j_string (cx, v, &path, "cpus", 0, &c->cpus) < 0 || lc_j_string (cx, v, &path, "mems", 0, &c->mems) < 0)
    return -1;
  return lc_j_i64 (cx, v, &path, "idle", 0, INT64_MIN, INT64_MAX, &c->has_idle, &c->idle);
}

static int
parse_pids (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_resources *res)
{
  const struct lc_jpath path = LC_JFIELD (parent, "pids");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "pids", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  res->pids = xcalloc (1, sizeof (*res->pids));
  return lc_j_i64 (cx, v, &path, "limit", LC_J_REQUIRED, INT64_MIN, INT64_MAX, NULL, &res->pids->limit);
}

static int
parse_weight_device (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path,
                     struct lc_spec_weight_device *d)
{
  if (lc_j_expect_object (cx, v, path) < 0
      || lc_j_i64 (cx, v, path, "major", LC_J_REQUIRED, 0, DEVICE_NUMBER_MAX, NULL, &d->major) < 0
      || lc_j_i64 (cx, v, path, "minor", LC_J_REQUIRED, 0, DEVICE_NUMBER_MAX, NULL, &d->minor) < 0
      || lc_j_u16 (cx, v, path, "weight", 0, &d->has_weight, &d->weight) < 0)
    return -1;
  return lc_j_u16 (cx, v, path, "leafWeight", 0, &d->has_leaf_weight, &d->leaf_weight);
}

static int
parse_throttle_device (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path,
                       struct lc_spec_throttle_device *d)
{
  if (lc_j_expect_object (cx, v, path) < 0
      || lc_j_i64 (cx, v, path, "major", LC_J_REQUIRED, 0, DEVICE_NUMBER_MAX, NULL, &d->major) < 0
      || lc_j_i64 (cx, v, path, "minor", LC_J_REQUIRED, 0, DEVICE_NUMBER_MAX, NULL, &d->minor) < 0)
    return -1;
  return lc_j_u64 (cx, v, path, "rate", LC_J_REQUIRED, UINT64_MAX, NULL, &d->rate);
}

static int
parse_block_io (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_resources *res)
{
  const struct lc_jpath path = LC_JFIELD (parent, "blockIO");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "blockIO", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  struct lc_spec_block_io *b = res->block_io = xcalloc (1, sizeof (*b));
  if (lc_j_u16 (cx, v, &path, "weight", 0, &b->has_weight, &b->weight) < 0
      || lc_j_u16 (cx, v, &path, "leafWeight", 0, &b->has_leaf_weight, &b->leaf_weight) < 0
      || PARSE_ARRAY (cx, v, &path, "weightDevice", &b->weight_device, &b->n_weight_device, parse_weight_device) < 0
      || PARSE_ARRAY (cx, v, &path, "throttleReadBpsDevice", &b->throttle_read_bps_device,
                      &b->n_throttle_read_bps_device, parse_throttle_device)
             < 0
      || PARSE_ARRAY (cx, v, &path, "throttleWriteBpsDevice", &b->throttle_write_bps_device,
                      &b->n_throttle_write_bps_device, parse_throttle_device)
             < 0
      || PARSE_ARRAY (cx, v, &path, "throttleReadIOPSDevice", &b->throttle_read_iops_device,
                      &b->n_throttle_read_iops_device, parse_throttle_device)
             < 0)
    return -1;
  return PARSE_ARRAY (cx, v, &path, "throttleWriteIOPSDevice", &b->throttle_write_iops_device,
                      &b->n_throttle_write_iops_device, parse_throttle_device);
}

static int
parse_hugepage_limit (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path,
                      struct lc_spec_hugepage_limit *h)
{
  if (lc_j_expect_object (cx, v, path) < 0
      || lc_j_string (cx, v, path, "pageSize", LC_J_REQUIRED | LC_J_NONEMPTY, &h->page_size) < 0)
    return -1;
  return lc_j_u64 (cx, v, path, "limit", LC_J_REQUIRED, UINT64_MAX, NULL, &h->limit);
}

static int
parse_net_priority (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, struct lc_spec_net_priority *p)
{
  if (lc_j_expect_object (cx, v, path) < 0
      || lc_j_string (cx, v, path, "name", LC_J_REQUIRED | LC_J_NONEMPTY, &p->name) < 0)
    return -1;
  return lc_j_u32 (cx, v, path, "priority", LC_J_REQUIRED, 0, UINT32_MAX, NULL, &p->priority);
}

static int
parse_network (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_resources *res)
{
  const struct lc_jpath path = LC_JFIELD (parent, "network");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "network", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  struct lc_spec_network_resources *n = res->network = xcalloc (1, sizeof (*n));
  if (lc_j_u32 (cx, v, &path, "classID", 0, 0, UINT32_MAX, &n->has_class_id, &n->class_id) < 0)
    return -1;
  return PARSE_ARRAY (cx, v, &path, "priorities", &n->priorities, &n->n_priorities, parse_net_priority);
}

static int
parse_rdma (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_resources *res)
{
  const struct lc_jpath path = LC_JFIELD (parent, "rdma");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "rdma", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  res->rdma = xcalloc (v->u.object.len, sizeof (*res->rdma));
  res->n_rdma = v->u.object.len;
  for (size_t i = 0; i < v->u.object.len; i++)
    {
      const struct lc_jpath item = LC_JKEY (&path, v->u.object.keys[i]);
      yajl_val limits = v->u.object.values[i];
      struct lc_spec_rdma *r = &res->rdma[i];
      r->device = xstrdup (v->u.object.keys[i]);
      if (lc_j_expect_object (cx, limits, &item) < 0
          || lc_j_u32 (cx, limits, &item, "hcaHandles", 0, 0, UINT32_MAX, &r->has_hca_handles, &r->hca_handles) < 0
          || lc_j_u32 (cx, limits, &item, "hcaObjects", 0, 0, UINT32_MAX, &r->has_hca_objects, &r->hca_objects) < 0)
        return -1;
    }
  return 0;
}

int
lc_spec_parse_resources_object (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path,
                                struct lc_spec_resources *res)
{
  if (lc_j_expect_object (cx, v, path) < 0
      || PARSE_ARRAY (cx, v, path, "devices", &res->devices, &res->n_devices, parse_device_rule) < 0
      || parse_memory (cx, v, path, res) < 0 || parse_cpu (cx, v, path, res) < 0 || parse_pids (cx, v, path, res) < 0
      || parse_block_io (cx, v, path, res) < 0
      || PARSE_ARRAY (cx, v, path, "hugepageLimits", &res->hugepage_limits, &res->n_hugepage_limits,
                      parse_hugepage_limit)
             < 0
      || parse_network (cx, v, path, res) < 0 || parse_rdma (cx, v, path, res) < 0)
    return -1;
  return lc_j_kv (cx, v, path, "unified", &res->unified);
}

/* ---- intelRdt, seccomp, personality, netDevices, memoryPolicy ------------------------ */

static int
parse_intel_rdt (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_linux *l)
{
  const struct lc_jpath path = LC_JFIELD (parent, "intelRdt");
  const struct lc_jpath clos_path = LC_JFIELD (&path, "closID");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "intelRdt", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  struct lc_spec_intel_rdt *rdt = l->intel_rdt = xcalloc (1, sizeof (*rdt));
  if (lc_j_string (cx, v, &path, "closID", 0, &rdt->clos_id) < 0)
    return -1;
  /* closID names a directory under /sys/fs/resctrl: it must stay one plain component. */
  if (rdt->clos_id != NULL
      && (strchr (rdt->clos_id, '/') != NULL || strcmp (rdt->clos_id, ".") == 0 || strcmp (rdt->clos_id, "..") == 0))
    return lc_j_error (cx, &clos_path, "\"%s\" is not a valid directory name", rdt->clos_id);
  if (lc_j_strv (cx, v, &path, "schemata", 0, &rdt->schemata) < 0
      || lc_j_string (cx, v, &path, "l3CacheSchema", 0, &rdt->l3_cache_schema) < 0
      || lc_j_string (cx, v, &path, "memBwSchema", 0, &rdt->mem_bw_schema) < 0
      || lc_j_bool (cx, v, &path, "enableCMT", NULL, &rdt->enable_cmt) < 0)
    return -1;
  return lc_j_bool (cx, v, &path, "enableMBM", NULL, &rdt->enable_mbm);
}

static int
parse_seccomp_action (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
                      enum lc_seccomp_action *out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  char *action_name = NULL;
  if (lc_j_string (cx, obj, parent, name, LC_J_REQUIRED, &action_name) < 0)
    return -1;
  int action = lc_seccomp_action_from_name (action_name);
  if (action < 0)
    lc_j_error (cx, &path, "unknown seccomp action \"%s\"", action_name);
  free (action_name);
  if (action < 0)
    return -1;
  *out = (enum lc_seccomp_action) action;
  return 0;
}

static int
parse_seccomp_arg (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, struct lc_spec_seccomp_arg *a)
{
  const struct lc_jpath op_path = LC_JFIELD (path, "op");
  char *op_name = NULL;
  if (lc_j_expect_object (cx, v, path) < 0
      || lc_j_u32 (cx, v, path, "index", LC_J_REQUIRED, 0, 5, NULL, &a->index) < 0
      || lc_j_u64 (cx, v, path, "value", LC_J_REQUIRED, UINT64_MAX, NULL, &a->value) < 0
      || lc_j_u64 (cx, v, path, "valueTwo", 0, UINT64_MAX, NULL, &a->value_two) < 0
      || lc_j_string (cx, v, path, "op", LC_J_REQUIRED, &op_name) < 0)
    return -1;
  int op = lc_seccomp_operator_from_name (op_name);
  if (op < 0)
    lc_j_error (cx, &op_path, "unknown seccomp operator \"%s\"", op_name);
  free (op_name);
  if (op < 0)
    return -1;
  a->op = (enum lc_seccomp_operator) op;
  return 0;
}

static int
parse_seccomp_rule (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path,
                    struct lc_spec_seccomp_rule *rule)
{
  const struct lc_jpath names_path = LC_JFIELD (path, "names");
  if (lc_j_expect_object (cx, v, path) < 0
      || lc_j_strv (cx, v, path, "names", LC_J_REQUIRED | LC_J_NONEMPTY, &rule->names) < 0)
    return -1;
  if (rule->names[0] == NULL)
    return lc_j_error (cx, &names_path, "must not be empty");
  if (parse_seccomp_action (cx, v, path, "action", &rule->action) < 0
      || lc_j_u32 (cx, v, path, "errnoRet", 0, 0, UINT32_MAX, &rule->has_errno_ret, &rule->errno_ret) < 0)
    return -1;
  return PARSE_ARRAY (cx, v, path, "args", &rule->args, &rule->n_args, parse_seccomp_arg);
}

/* Check each name of the string list at PARENT.NAME with KNOWN. */
static int
check_names (const struct lc_jctx *cx, const struct lc_jpath *parent, const char *name, char **list,
             bool (*known) (const char *), const char *what)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  for (size_t i = 0; list != NULL && list[i] != NULL; i++)
    if (! known (list[i]))
      {
        const struct lc_jpath item = LC_JINDEX (&path, i);
        return lc_j_error (cx, &item, "unknown %s \"%s\"", what, list[i]);
      }
  return 0;
}

static int
parse_seccomp (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_linux *l)
{
  const struct lc_jpath path = LC_JFIELD (parent, "seccomp");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "seccomp", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  struct lc_spec_seccomp *s = l->seccomp = xcalloc (1, sizeof (*s));
  if (parse_seccomp_action (cx, v, &path, "defaultAction", &s->default_action) < 0
      || lc_j_u32 (cx, v, &path, "defaultErrnoRet", 0, 0, UINT32_MAX, &s->has_default_errno_ret,
                   &s->default_errno_ret)
             < 0
      || lc_j_strv (cx, v, &path, "architectures", 0, &s->architectures) < 0
      || check_names (cx, &path, "architectures", s->architectures, lc_spec_seccomp_arch_known, "architecture") < 0
      || lc_j_strv (cx, v, &path, "flags", 0, &s->flags) < 0
      || check_names (cx, &path, "flags", s->flags, lc_spec_seccomp_flag_known, "seccomp flag") < 0
      || lc_j_string (cx, v, &path, "listenerPath", LC_J_NONEMPTY, &s->listener_path) < 0
      || lc_j_string (cx, v, &path, "listenerMetadata", 0, &s->listener_metadata) < 0)
    return -1;
  return PARSE_ARRAY (cx, v, &path, "syscalls", &s->syscalls, &s->n_syscalls, parse_seccomp_rule);
}

static int
parse_personality (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_linux *l)
{
  const struct lc_jpath path = LC_JFIELD (parent, "personality");
  const struct lc_jpath domain_path = LC_JFIELD (&path, "domain");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "personality", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  struct lc_spec_personality *p = l->personality = xcalloc (1, sizeof (*p));
  if (lc_j_string (cx, v, &path, "domain", LC_J_REQUIRED, &p->domain) < 0)
    return -1;
  if (strcmp (p->domain, "LINUX") != 0 && strcmp (p->domain, "LINUX32") != 0)
    return lc_j_error (cx, &domain_path, "unknown personality domain \"%s\" (expected LINUX or LINUX32)", p->domain);
  return lc_j_strv (cx, v, &path, "flags", 0, &p->flags);
}

static int
parse_net_devices (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_linux *l)
{
  const struct lc_jpath path = LC_JFIELD (parent, "netDevices");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "netDevices", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  l->net_devices = xcalloc (v->u.object.len, sizeof (*l->net_devices));
  l->n_net_devices = v->u.object.len;
  for (size_t i = 0; i < v->u.object.len; i++)
    {
      const struct lc_jpath item = LC_JKEY (&path, v->u.object.keys[i]);
      l->net_devices[i].host_name = xstrdup (v->u.object.keys[i]);
      if (l->net_devices[i].host_name[0] == '\0')
        return lc_j_error (cx, &item, "device name must not be empty");
      if (lc_j_expect_object (cx, v->u.object.values[i], &item) < 0
          || lc_j_string (cx, v->u.object.values[i], &item, "name", LC_J_NONEMPTY, &l->net_devices[i].name) < 0)
        return -1;
    }
  return 0;
}

static int
parse_memory_policy (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, struct lc_spec_linux *l)
{
  const struct lc_jpath path = LC_JFIELD (parent, "memoryPolicy");
  const struct lc_jpath mode_path = LC_JFIELD (&path, "mode");
  yajl_val v;
  if (lc_j_object (cx, obj, parent, "memoryPolicy", 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  struct lc_spec_memory_policy *m = l->memory_policy = xcalloc (1, sizeof (*m));
  if (lc_j_string (cx, v, &path, "mode", LC_J_REQUIRED, &m->mode) < 0)
    return -1;
  if (! lc_spec_mpol_mode_known (m->mode))
    return lc_j_error (cx, &mode_path, "unknown memory policy mode \"%s\"", m->mode);
  if (lc_j_string (cx, v, &path, "nodes", 0, &m->nodes) < 0 || lc_j_strv (cx, v, &path, "flags", 0, &m->flags) < 0)
    return -1;
  return check_names (cx, &path, "flags", m->flags, lc_spec_mpol_flag_known, "memory policy flag");
}

static int
parse_resources_member (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent,
                        struct lc_spec_linux *l)
{
  const struct lc_jpath path = LC_JFIELD (parent, "resources");
  yajl_val v = lc_j_member (obj, "resources");
  if (v == NULL)
    return 0;
  l->resources = xcalloc (1, sizeof (*l->resources));
  return lc_spec_parse_resources_object (cx, v, &path, l->resources);
}

static int
parse_rootfs_propagation (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent,
                          struct lc_spec_linux *l)
{
  const struct lc_jpath path = LC_JFIELD (parent, "rootfsPropagation");
  if (lc_j_string (cx, obj, parent, "rootfsPropagation", 0, &l->rootfs_propagation) < 0)
    return -1;
  if (l->rootfs_propagation != NULL && ! lc_spec_propagation_known (l->rootfs_propagation))
    return lc_j_error (cx, &path, "unknown propagation \"%s\"", l->rootfs_propagation);
  return 0;
}

int
lc_spec_parse_linux_object (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path,
                            struct lc_spec_linux *l)
{
  if (lc_j_expect_object (cx, v, path) < 0 || parse_namespaces (cx, v, path, l) < 0
      || lc_spec_parse_id_mappings (cx, v, path, "uidMappings", &l->uid_mappings, &l->n_uid_mappings) < 0
      || lc_spec_parse_id_mappings (cx, v, path, "gidMappings", &l->gid_mappings, &l->n_gid_mappings) < 0
      || parse_time_offsets (cx, v, path, l) < 0
      || PARSE_ARRAY (cx, v, path, "devices", &l->devices, &l->n_devices, parse_device) < 0
      || lc_j_string (cx, v, path, "cgroupsPath", 0, &l->cgroups_path) < 0
      || parse_resources_member (cx, v, path, l) < 0 || parse_intel_rdt (cx, v, path, l) < 0
      || lc_j_kv (cx, v, path, "sysctl", &l->sysctl) < 0 || parse_seccomp (cx, v, path, l) < 0
      || parse_rootfs_propagation (cx, v, path, l) < 0
      || lc_j_strv (cx, v, path, "maskedPaths", LC_J_ABSOLUTE, &l->masked_paths) < 0
      || lc_j_strv (cx, v, path, "readonlyPaths", LC_J_ABSOLUTE, &l->readonly_paths) < 0
      || lc_j_string (cx, v, path, "mountLabel", 0, &l->mount_label) < 0 || parse_personality (cx, v, path, l) < 0
      || parse_net_devices (cx, v, path, l) < 0)
    return -1;
  return parse_memory_policy (cx, v, path, l);
}

/* ---- freeing ------------------------------------------------------------------------ */

void
lc_spec_resources_free (struct lc_spec_resources *res)
{
  if (res == NULL)
    return;
  for (size_t i = 0; i < res->n_devices; i++)
    free (res->devices[i].access);
  free (res->devices);
  free (res->memory);
  if (res->cpu != NULL)
    {
      free (res->cpu->cpus);
      free (res->cpu->mems);
    }
  free (res->cpu);
  free (res->pids);
  if (res->block_io != NULL)
    {
      free (res->block_io->weight_device);
      free (res->block_io->throttle_read_bps_device);
      free (res->block_io->throttle_write_bps_device);
      free (res->block_io->throttle_read_iops_device);
      free (res->block_io->throttle_write_iops_device);
    }
  free (res->block_io);
  for (size_t i = 0; i < res->n_hugepage_limits; i++)
    free (res->hugepage_limits[i].page_size);
  free (res->hugepage_limits);
  if (res->network != NULL)
    {
      for (size_t i = 0; i < res->network->n_priorities; i++)
        free (res->network->priorities[i].name);
      free (res->network->priorities);
    }
  free (res->network);
  for (size_t i = 0; i < res->n_rdma; i++)
    free (res->rdma[i].device);
  free (res->rdma);
  lc_spec_kv_list_clear (&res->unified);
  free (res);
}

static void
free_intel_rdt (struct lc_spec_intel_rdt *rdt)
{
  if (rdt == NULL)
    return;
  free (rdt->clos_id);
  lc_spec_strv_free (rdt->schemata);
  free (rdt->l3_cache_schema);
  free (rdt->mem_bw_schema);
  free (rdt);
}

static void
free_seccomp (struct lc_spec_seccomp *s)
{
  if (s == NULL)
    return;
  lc_spec_strv_free (s->architectures);
  lc_spec_strv_free (s->flags);
  free (s->listener_path);
  free (s->listener_metadata);
  for (size_t i = 0; i < s->n_syscalls; i++)
    {
      lc_spec_strv_free (s->syscalls[i].names);
      free (s->syscalls[i].args);
    }
  free (s->syscalls);
  free (s);
}

void
lc_spec_linux_free (struct lc_spec_linux *l)
{
  if (l == NULL)
    return;
  for (size_t i = 0; i < l->n_namespaces; i++)
    free (l->namespaces[i].path);
  free (l->namespaces);
  free (l->uid_mappings);
  free (l->gid_mappings);
  for (size_t i = 0; i < l->n_time_offsets; i++)
    free (l->time_offsets[i].clock);
  free (l->time_offsets);
  for (size_t i = 0; i < l->n_devices; i++)
    free (l->devices[i].path);
  free (l->devices);
  free (l->cgroups_path);
  lc_spec_resources_free (l->resources);
  free_intel_rdt (l->intel_rdt);
  lc_spec_kv_list_clear (&l->sysctl);
  free_seccomp (l->seccomp);
  free (l->rootfs_propagation);
  lc_spec_strv_free (l->masked_paths);
  lc_spec_strv_free (l->readonly_paths);
  free (l->mount_label);
  if (l->personality != NULL)
    {
      free (l->personality->domain);
      lc_spec_strv_free (l->personality->flags);
    }
  free (l->personality);
  for (size_t i = 0; i < l->n_net_devices; i++)
    {
      free (l->net_devices[i].host_name);
      free (l->net_devices[i].name);
    }
  free (l->net_devices);
  if (l->memory_policy != NULL)
    {
      free (l->memory_policy->mode);
      free (l->memory_policy->nodes);
      lc_spec_strv_free (l->memory_policy->flags);
    }
  free (l->memory_policy);
  free (l);
}
