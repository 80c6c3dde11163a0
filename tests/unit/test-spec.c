/* lc_spec_*: the config.json parser against real-world configs, every field, every
   rejected input of tests/unit/configs/invalid (one TAP line per file) and hostile input. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcontainer/cleanup.h"
#include "libcontainer/spec.h"
#include "libcontainer/utils.h"
#include "unit.h"

/* ---- helpers ------------------------------------------------------------------ */

static char *
config_path (const char *relative)
{
  const char *srcdir = getenv ("srcdir");
  return xasprintf ("%s/tests/unit/configs/%s", srcdir ? srcdir : ".", relative);
}

/* Read a corpus file; NULL (after a FAIL) when it cannot be read. */
static char *
read_config (bool *unit_failed_, const char *relative, size_t *len)
{
  cleanup_free char *path = config_path (relative);
  cleanup_error lc_error_t err = NULL;
  char *data = NULL;
  if (lc_read_file_at (AT_FDCWD, path, 64u * 1024 * 1024, &data, len, &err) < 0)
    FAIL ("cannot read %s: %s", path, lc_error_message (err));
  return data;
}

/* Parse a corpus file that must be valid; NULL (after a FAIL) when it is not. */
static struct lc_spec *
parse_valid (bool *unit_failed_, const char *name)
{
  cleanup_free char *relative = xasprintf ("valid/%s", name);
  size_t len = 0;
  cleanup_free char *data = read_config (unit_failed_, relative, &len);
  cleanup_error lc_error_t err = NULL;
  struct lc_spec *spec = NULL;
  if (data == NULL)
    return NULL;
  if (lc_spec_parse (data, len, "config.json", &spec, &err) < 0)
    FAIL ("%s: expected it to parse, saw \"%s\"", name, lc_error_message (err));
  return spec;
}

/* Parse TEXT and expect exactly the error WANT. */
static void
expect_parse_error (bool *unit_failed_, const char *text, size_t len, const char *want)
{
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  if (lc_spec_parse (text, len, "config.json", &spec, &err) == 0)
    FAIL ("expected the error \"%s\", the config parsed", want);
  else
    EXPECT_STR_EQ (want, lc_error_message (err));
  EXPECT_TRUE (spec == NULL);
}

static bool
strv_eq (char **v, const char *const *want, size_t n)
{
  if (v == NULL || lc_strv_len (v) != n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (strcmp (v[i], want[i]) != 0)
      return false;
  return true;
}

#define STRV_EQ(v, ...) strv_eq ((v), (const char *const[]){ __VA_ARGS__ }, sizeof ((const char *[]){ __VA_ARGS__ }) / sizeof (char *))

static const char *
kv_get (const struct lc_spec_kv_list *list, const char *key)
{
  for (size_t i = 0; i < list->len; i++)
    if (strcmp (list->items[i].key, key) == 0)
      return list->items[i].value;
  return NULL;
}

#define CAP(n) (UINT64_C (1) << (n))

/* ---- generated and real-world configs ---------------------------------------------- */

TEST (parses_runc_spec)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "runc.json");
  if (spec == NULL)
    return;
  EXPECT_STR_EQ ("1.0.2-dev", spec->oci_version);
  EXPECT_TRUE (STRV_EQ (spec->process->args, "sh"));
  EXPECT_TRUE (spec->process->terminal);
  EXPECT_STR_EQ ("rootfs", spec->root->path);
  EXPECT_TRUE (spec->root->has_readonly && spec->root->readonly);
  EXPECT_UINT_EQ (7, spec->n_mounts);
  EXPECT_UINT_EQ (5, spec->linux->n_namespaces);
  EXPECT_TRUE (lc_spec_find_namespace (spec, LC_NS_NETWORK) != NULL);
  EXPECT_TRUE (lc_spec_find_namespace (spec, LC_NS_USER) == NULL);
  EXPECT_UINT_EQ (1, spec->process->n_rlimits);
  EXPECT_INT_EQ (RLIMIT_NOFILE, spec->process->rlimits[0].resource);
  EXPECT_UINT_EQ (CAP (CAP_AUDIT_WRITE) | CAP (CAP_KILL) | CAP (CAP_NET_BIND_SERVICE),
                  spec->process->capabilities.bounding);
  EXPECT_TRUE (spec->process->has_no_new_privileges && spec->process->no_new_privileges);
  EXPECT_UINT_EQ (1, spec->linux->resources->n_devices);
  EXPECT_TRUE (! spec->linux->resources->devices[0].allow);
  EXPECT_INT_EQ ('a', spec->linux->resources->devices[0].type);
}

TEST (parses_runc_rootless_spec)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "runc-rootless.json");
  if (spec == NULL)
    return;
  EXPECT_TRUE (lc_spec_find_namespace (spec, LC_NS_USER) != NULL);
  EXPECT_TRUE (lc_spec_find_namespace (spec, LC_NS_NETWORK) == NULL);
  EXPECT_UINT_EQ (1, spec->linux->n_uid_mappings);
  EXPECT_UINT_EQ (1, spec->linux->n_gid_mappings);
  EXPECT_UINT_EQ (1, spec->linux->uid_mappings[0].size);
  EXPECT_TRUE (spec->linux->resources == NULL);
}

TEST (parses_crun_spec)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "crun.json");
  if (spec == NULL)
    return;
  EXPECT_STR_EQ ("1.0.0", spec->oci_version);
  EXPECT_STR_EQ ("crun", spec->hostname);
  EXPECT_UINT_EQ (5, spec->linux->n_namespaces);
  EXPECT_TRUE (spec->linux->masked_paths != NULL && spec->linux->readonly_paths != NULL);
}

TEST (parses_crun_rootless_spec)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "crun-rootless.json");
  if (spec == NULL)
    return;
  EXPECT_UINT_EQ (6, spec->linux->n_namespaces);
  EXPECT_TRUE (lc_spec_find_namespace (spec, LC_NS_USER) != NULL);
}

TEST (parses_docker_config)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "docker.json");
  if (spec == NULL)
    return;
  const struct lc_spec_linux *l = spec->linux;
  EXPECT_STR_EQ ("docker-default", spec->process->apparmor_profile);
  EXPECT_UINT_EQ (11, spec->process->user.n_additional_gids);
  EXPECT_UINT_EQ (11, lc_strv_len (l->masked_paths));
  EXPECT_UINT_EQ (5, lc_strv_len (l->readonly_paths));
  EXPECT_UINT_EQ (10, l->resources->n_devices);
  EXPECT_INT_EQ ('c', l->resources->devices[8].type);
  EXPECT_TRUE (l->resources->devices[8].has_major && ! l->resources->devices[8].has_minor);
  EXPECT_INT_EQ (LC_SECCOMP_ACT_ERRNO, l->seccomp->default_action);
  EXPECT_UINT_EQ (1, l->seccomp->default_errno_ret);
  EXPECT_UINT_EQ (13, l->seccomp->n_syscalls);
  EXPECT_UINT_EQ (234, lc_strv_len (l->seccomp->syscalls[0].names));
  EXPECT_INT_EQ (LC_SECCOMP_CMP_MASKED_EQ, l->seccomp->syscalls[9].args[0].op);
  EXPECT_UINT_EQ (2114060288, l->seccomp->syscalls[9].args[0].value);
  EXPECT_UINT_EQ (38, l->seccomp->syscalls[10].errno_ret);
  EXPECT_UINT_EQ (4294967295u, l->seccomp->syscalls[5].args[0].value);
  EXPECT_UINT_EQ (1, spec->hooks[LC_HOOK_PRESTART].len);
  EXPECT_STR_EQ ("/proc/4242/exe", spec->hooks[LC_HOOK_CREATE_RUNTIME].items[0].path);
}

TEST (parses_kubernetes_cri_config)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "kubernetes-cri.json");
  if (spec == NULL)
    return;
  const struct lc_spec_namespace *ipc = lc_spec_find_namespace (spec, LC_NS_IPC);
  EXPECT_STR_EQ ("kubepods-besteffort-pod6c1e0f2a_3b4c_4d5e_8f90_a1b2c3d4e5f6.slice:cri-containerd:"
                 "0d4c5e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
                 spec->linux->cgroups_path);
  EXPECT_STR_EQ ("/proc/31337/ns/ipc", ipc ? ipc->path : NULL);
  EXPECT_TRUE (lc_spec_find_namespace (spec, LC_NS_PID)->path == NULL);
  EXPECT_UINT_EQ (10, spec->annotations.len);
  EXPECT_STR_EQ ("sandbox", kv_get (&spec->annotations, "io.kubernetes.cri.container-type"));
  EXPECT_UINT_EQ (65532, spec->process->user.uid);
  EXPECT_INT_EQ (-998, spec->process->oom_score_adj);
  EXPECT_UINT_EQ (0, spec->process->capabilities.effective);
  EXPECT_TRUE (spec->process->capabilities.has_effective && ! spec->process->capabilities.has_ambient);
  EXPECT_UINT_EQ (2, spec->linux->resources->n_hugepage_limits);
  EXPECT_STR_EQ ("1", kv_get (&spec->linux->resources->unified, "memory.oom.group"));
}

/* ---- one config that uses every field ------------------------------------------------ */

TEST (every_field_process)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "every-field.json");
  if (spec == NULL)
    return;
  const struct lc_spec_process *p = spec->process;
  EXPECT_STR_EQ ("1.2.0", spec->oci_version);
  EXPECT_TRUE (p->terminal);
  EXPECT_TRUE (p->has_console_size);
  EXPECT_UINT_EQ (25, p->console_height);
  EXPECT_UINT_EQ (80, p->console_width);
  EXPECT_UINT_EQ (1000, p->user.uid);
  EXPECT_UINT_EQ (1001, p->user.gid);
  EXPECT_TRUE (p->user.has_umask);
  EXPECT_UINT_EQ (18, p->user.umask);
  EXPECT_UINT_EQ (2, p->user.n_additional_gids);
  EXPECT_UINT_EQ (4294967295u, p->user.additional_gids[1]);
  EXPECT_STR_EQ ("alice", p->user.username);
  EXPECT_TRUE (STRV_EQ (p->args, "/bin/app", "--flag"));
  EXPECT_STR_EQ ("app.exe --flag", p->command_line);
  EXPECT_TRUE (STRV_EQ (p->env, "A=1", "B=2"));
  EXPECT_STR_EQ ("/work", p->cwd);
  EXPECT_TRUE (p->has_capabilities);
  EXPECT_UINT_EQ (CAP (CAP_CHOWN) | CAP (CAP_KILL), p->capabilities.bounding);
  EXPECT_UINT_EQ (CAP (CAP_KILL), p->capabilities.effective);
  EXPECT_TRUE (p->capabilities.has_inheritable);
  EXPECT_UINT_EQ (0, p->capabilities.inheritable);
  EXPECT_UINT_EQ (CAP (CAP_NET_BIND_SERVICE), p->capabilities.permitted);
  EXPECT_UINT_EQ (CAP (CAP_SYS_ADMIN), p->capabilities.ambient);
  EXPECT_UINT_EQ (2, p->n_rlimits);
  EXPECT_INT_EQ (RLIMIT_CORE, p->rlimits[1].resource);
  EXPECT_STR_EQ ("RLIMIT_CORE", p->rlimits[1].name);
  EXPECT_UINT_EQ (1024, p->rlimits[0].soft);
  EXPECT_UINT_EQ (UINT64_MAX, p->rlimits[1].hard);
  EXPECT_TRUE (p->has_no_new_privileges && ! p->no_new_privileges);
  EXPECT_STR_EQ ("carapace-default", p->apparmor_profile);
  EXPECT_STR_EQ ("system_u:system_r:container_t:s0:c1,c2", p->selinux_label);
  EXPECT_TRUE (p->has_oom_score_adj);
  EXPECT_INT_EQ (-500, p->oom_score_adj);
}

TEST (every_field_process_scheduling)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "every-field.json");
  if (spec == NULL)
    return;
  const struct lc_spec_scheduler *s = spec->process->scheduler;
  EXPECT_INT_EQ (6, s->policy);
  EXPECT_STR_EQ ("SCHED_DEADLINE", s->policy_name);
  EXPECT_TRUE (s->has_nice && s->has_priority);
  EXPECT_INT_EQ (-5, s->nice);
  EXPECT_INT_EQ (7, s->priority);
  EXPECT_UINT_EQ (0x03, s->flags);
  EXPECT_TRUE (STRV_EQ (s->flag_names, "SCHED_FLAG_RESET_ON_FORK", "SCHED_FLAG_RECLAIM"));
  EXPECT_TRUE (s->has_runtime && s->has_deadline && s->has_period);
  EXPECT_UINT_EQ (10000000, s->runtime);
  EXPECT_UINT_EQ (20000000, s->deadline);
  EXPECT_UINT_EQ (30000000, s->period);
  EXPECT_INT_EQ (2, spec->process->io_priority->io_class);
  EXPECT_STR_EQ ("IOPRIO_CLASS_BE", spec->process->io_priority->class_name);
  EXPECT_INT_EQ (6, spec->process->io_priority->priority);
  EXPECT_STR_EQ ("0-1", spec->process->exec_cpu_affinity->initial);
  EXPECT_STR_EQ ("3,7", spec->process->exec_cpu_affinity->final);
}

TEST (every_field_root_mounts_hooks_annotations)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "every-field.json");
  if (spec == NULL)
    return;
  EXPECT_STR_EQ ("/rootfs", spec->root->path);
  EXPECT_TRUE (spec->root->has_readonly && ! spec->root->readonly);
  EXPECT_UINT_EQ (2, spec->n_mounts);
  const struct lc_spec_mount *m = &spec->mounts[1];
  EXPECT_STR_EQ ("data", m->destination);
  EXPECT_STR_EQ ("/srv/data", m->source);
  EXPECT_STR_EQ ("bind", m->type);
  EXPECT_TRUE (STRV_EQ (m->options, "rbind", "ro", "idmap"));
  EXPECT_UINT_EQ (1, m->n_uid_mappings);
  EXPECT_UINT_EQ (100000, m->uid_mappings[0].host_id);
  EXPECT_UINT_EQ (65536, m->uid_mappings[0].size);
  EXPECT_UINT_EQ (1, m->gid_mappings[0].container_id);
  EXPECT_TRUE (spec->mounts[0].options == NULL);
  EXPECT_STR_EQ ("box", spec->hostname);
  EXPECT_STR_EQ ("example.org", spec->domainname);
  const struct lc_spec_hook *pre = &spec->hooks[LC_HOOK_PRESTART].items[0];
  EXPECT_STR_EQ ("/usr/bin/pre", pre->path);
  EXPECT_TRUE (STRV_EQ (pre->args, "pre", "x"));
  EXPECT_TRUE (STRV_EQ (pre->env, "K=V"));
  EXPECT_TRUE (pre->has_timeout);
  EXPECT_INT_EQ (5, pre->timeout);
  EXPECT_STR_EQ ("/usr/bin/cr", spec->hooks[LC_HOOK_CREATE_RUNTIME].items[0].path);
  EXPECT_UINT_EQ (2, spec->hooks[LC_HOOK_CREATE_CONTAINER].len);
  EXPECT_STR_EQ ("/usr/bin/sc", spec->hooks[LC_HOOK_START_CONTAINER].items[0].path);
  EXPECT_STR_EQ ("/usr/bin/ps", spec->hooks[LC_HOOK_POSTSTART].items[0].path);
  EXPECT_INT_EQ (30, spec->hooks[LC_HOOK_POSTSTOP].items[0].timeout);
  EXPECT_TRUE (! spec->hooks[LC_HOOK_CREATE_RUNTIME].items[0].has_timeout);
  EXPECT_STR_EQ ("value", kv_get (&spec->annotations, "org.example.key"));
  EXPECT_STR_EQ ("", kv_get (&spec->annotations, "empty"));
}

TEST (every_field_linux)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "every-field.json");
  if (spec == NULL)
    return;
  const struct lc_spec_linux *l = spec->linux;
  EXPECT_UINT_EQ (8, l->n_namespaces);
  EXPECT_INT_EQ (LC_NS_TIME, l->namespaces[7].type);
  EXPECT_STR_EQ ("/var/run/netns/n1", lc_spec_find_namespace (spec, LC_NS_NETWORK)->path);
  EXPECT_UINT_EQ (2, l->n_uid_mappings);
  EXPECT_UINT_EQ (1, l->uid_mappings[1].container_id);
  EXPECT_UINT_EQ (1000, l->gid_mappings[0].host_id);
  EXPECT_UINT_EQ (2, l->n_time_offsets);
  EXPECT_STR_EQ ("monotonic", l->time_offsets[0].clock);
  EXPECT_INT_EQ (-86400, l->time_offsets[0].secs);
  EXPECT_UINT_EQ (500, l->time_offsets[0].nanosecs);
  EXPECT_INT_EQ (3600, l->time_offsets[1].secs);
  EXPECT_UINT_EQ (2, l->n_devices);
  EXPECT_INT_EQ ('c', l->devices[0].type);
  EXPECT_STR_EQ ("/dev/fuse", l->devices[0].path);
  EXPECT_INT_EQ (10, l->devices[0].major);
  EXPECT_INT_EQ (229, l->devices[0].minor);
  EXPECT_TRUE (l->devices[0].has_file_mode && l->devices[0].has_uid && l->devices[0].has_gid);
  EXPECT_UINT_EQ (0666, l->devices[0].file_mode);
  EXPECT_INT_EQ ('p', l->devices[1].type);
  EXPECT_TRUE (! l->devices[1].has_file_mode);
  EXPECT_STR_EQ ("/carapace/every", l->cgroups_path);
  EXPECT_STR_EQ ("guaranteed", l->intel_rdt->clos_id);
  EXPECT_TRUE (STRV_EQ (l->intel_rdt->schemata, "L3:0=7f", "MB:0=50"));
  EXPECT_STR_EQ ("L3:0=7f", l->intel_rdt->l3_cache_schema);
  EXPECT_STR_EQ ("MB:0=50", l->intel_rdt->mem_bw_schema);
  EXPECT_TRUE (l->intel_rdt->enable_cmt && l->intel_rdt->enable_mbm);
  EXPECT_STR_EQ ("1", kv_get (&l->sysctl, "net.ipv4.ip_forward"));
  EXPECT_STR_EQ ("rslave", l->rootfs_propagation);
  EXPECT_TRUE (STRV_EQ (l->masked_paths, "/proc/kcore", "/sys/firmware"));
  EXPECT_TRUE (STRV_EQ (l->readonly_paths, "/proc/sys"));
  EXPECT_STR_EQ ("system_u:object_r:container_file_t:s0:c1,c2", l->mount_label);
  EXPECT_STR_EQ ("LINUX32", l->personality->domain);
  EXPECT_UINT_EQ (0, lc_strv_len (l->personality->flags));
  EXPECT_UINT_EQ (2, l->n_net_devices);
  EXPECT_STR_EQ ("eth1", l->net_devices[0].host_name);
  EXPECT_STR_EQ ("net0", l->net_devices[0].name);
  EXPECT_TRUE (l->net_devices[1].name == NULL);
  EXPECT_STR_EQ ("MPOL_INTERLEAVE", l->memory_policy->mode);
  EXPECT_STR_EQ ("0-1", l->memory_policy->nodes);
  EXPECT_TRUE (STRV_EQ (l->memory_policy->flags, "MPOL_F_STATIC_NODES"));
}

TEST (every_field_resources)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "every-field.json");
  if (spec == NULL)
    return;
  const struct lc_spec_resources *r = spec->linux->resources;
  EXPECT_UINT_EQ (3, r->n_devices);
  EXPECT_STR_EQ ("rw", r->devices[1].access);
  EXPECT_INT_EQ ('b', r->devices[2].type);
  EXPECT_INT_EQ (-1, r->devices[2].major);
  const struct lc_spec_memory *m = r->memory;
  EXPECT_INT_EQ (536870912, m->limit);
  EXPECT_INT_EQ (268435456, m->reservation);
  EXPECT_INT_EQ (-1, m->swap);
  EXPECT_TRUE (m->has_kernel && m->kernel == 0);
  EXPECT_INT_EQ (1048576, m->kernel_tcp);
  EXPECT_UINT_EQ (60, m->swappiness);
  EXPECT_TRUE (m->has_disable_oom_killer && m->disable_oom_killer);
  EXPECT_TRUE (m->has_use_hierarchy && ! m->use_hierarchy);
  EXPECT_TRUE (m->has_check_before_update && m->check_before_update);
  const struct lc_spec_cpu *c = r->cpu;
  EXPECT_UINT_EQ (1024, c->shares);
  EXPECT_INT_EQ (-1, c->quota);
  EXPECT_UINT_EQ (5000, c->burst);
  EXPECT_UINT_EQ (100000, c->period);
  EXPECT_INT_EQ (950000, c->realtime_runtime);
  EXPECT_UINT_EQ (1000000, c->realtime_period);
  EXPECT_STR_EQ ("0-3", c->cpus);
  EXPECT_STR_EQ ("0", c->mems);
  EXPECT_TRUE (c->has_idle && c->idle == 1);
  EXPECT_INT_EQ (-1, r->pids->limit);
  const struct lc_spec_block_io *b = r->block_io;
  EXPECT_UINT_EQ (500, b->weight);
  EXPECT_UINT_EQ (300, b->leaf_weight);
  EXPECT_UINT_EQ (2, b->n_weight_device);
  EXPECT_UINT_EQ (600, b->weight_device[0].weight);
  EXPECT_UINT_EQ (200, b->weight_device[0].leaf_weight);
  EXPECT_TRUE (! b->weight_device[1].has_weight && b->weight_device[1].minor == 16);
  EXPECT_UINT_EQ (104857600, b->throttle_read_bps_device[0].rate);
  EXPECT_UINT_EQ (52428800, b->throttle_write_bps_device[0].rate);
  EXPECT_UINT_EQ (1000, b->throttle_read_iops_device[0].rate);
  EXPECT_UINT_EQ (500, b->throttle_write_iops_device[0].rate);
  EXPECT_STR_EQ ("2MB", r->hugepage_limits[0].page_size);
  EXPECT_UINT_EQ (209715200, r->hugepage_limits[0].limit);
  EXPECT_UINT_EQ (1048577, r->network->class_id);
  EXPECT_UINT_EQ (2, r->network->n_priorities);
  EXPECT_STR_EQ ("lo", r->network->priorities[1].name);
  EXPECT_UINT_EQ (500, r->network->priorities[0].priority);
  EXPECT_UINT_EQ (2, r->n_rdma);
  EXPECT_STR_EQ ("mlx5_1", r->rdma[0].device);
  EXPECT_UINT_EQ (3, r->rdma[0].hca_handles);
  EXPECT_UINT_EQ (10000, r->rdma[0].hca_objects);
  EXPECT_TRUE (! r->rdma[1].has_hca_handles && r->rdma[1].has_hca_objects);
  EXPECT_STR_EQ ("default 100", kv_get (&r->unified, "io.weight"));
}

TEST (every_field_seccomp)
{
  cleanup_spec struct lc_spec *spec = parse_valid (unit_failed_, "every-field.json");
  if (spec == NULL)
    return;
  const struct lc_spec_seccomp *s = spec->linux->seccomp;
  EXPECT_INT_EQ (LC_SECCOMP_ACT_ERRNO, s->default_action);
  EXPECT_TRUE (s->has_default_errno_ret);
  EXPECT_UINT_EQ (38, s->default_errno_ret);
  EXPECT_TRUE (STRV_EQ (s->architectures, "SCMP_ARCH_X86_64", "SCMP_ARCH_AARCH64"));
  EXPECT_TRUE (STRV_EQ (s->flags, "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW"));
  EXPECT_STR_EQ ("/run/seccomp-agent.sock", s->listener_path);
  EXPECT_STR_EQ ("meta", s->listener_metadata);
  EXPECT_UINT_EQ (3, s->n_syscalls);
  EXPECT_TRUE (STRV_EQ (s->syscalls[0].names, "read", "write"));
  EXPECT_INT_EQ (LC_SECCOMP_ACT_NOTIFY, s->syscalls[1].action);
  EXPECT_TRUE (! s->syscalls[1].has_errno_ret);
  const struct lc_spec_seccomp_rule *rule = &s->syscalls[2];
  EXPECT_TRUE (rule->has_errno_ret && rule->errno_ret == 1);
  EXPECT_UINT_EQ (1, rule->n_args);
  EXPECT_UINT_EQ (5, rule->args[0].index);
  EXPECT_UINT_EQ (UINT64_MAX, rule->args[0].value);
  EXPECT_UINT_EQ (2, rule->args[0].value_two);
  EXPECT_INT_EQ (LC_SECCOMP_CMP_MASKED_EQ, rule->args[0].op);
}

/* ---- semantics that are easier to state inline ------------------------------------------ */

TEST (null_members_read_as_absent)
{
  static const char text[] = "{\"ociVersion\":\"1.0\",\"process\":null,\"hostname\":null,\"linux\":{\"seccomp\":null}}";
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  EXPECT_INT_EQ (0, lc_spec_parse (text, sizeof (text) - 1, "config.json", &spec, &err));
  EXPECT_TRUE (spec != NULL && spec->process == NULL && spec->hostname == NULL && spec->linux->seccomp == NULL);
}

TEST (unknown_properties_are_ignored)
{
  static const char text[] = "{\"ociVersion\":\"1.0\",\"x-vendor\":{\"a\":[1,{}]},\"root\":{\"path\":\"r\",\"extra\":1}}";
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  EXPECT_INT_EQ (0, lc_spec_parse (text, sizeof (text) - 1, "config.json", &spec, &err));
  EXPECT_STR_EQ ("r", spec ? spec->root->path : NULL);
}

TEST (repeated_member_takes_the_last_value)
{
  static const char text[] = "{\"ociVersion\":\"1.0\",\"hostname\":\"a\",\"hostname\":\"b\"}";
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  EXPECT_INT_EQ (0, lc_spec_parse (text, sizeof (text) - 1, "config.json", &spec, &err));
  EXPECT_STR_EQ ("b", spec ? spec->hostname : NULL);
}

TEST (multibyte_utf8_is_accepted)
{
  static const char text[] = "{\"ociVersion\":\"1.0\",\"hostname\":\"h\xc3\xa9t\xe2\x82\xac\xf0\x9f\x90\xa2\"}";
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  EXPECT_INT_EQ (0, lc_spec_parse (text, sizeof (text) - 1, "config.json", &spec, &err));
  EXPECT_STR_EQ ("h\xc3\xa9t\xe2\x82\xac\xf0\x9f\x90\xa2", spec ? spec->hostname : NULL);
}

TEST (invalid_utf8_in_a_key_is_refused)
{
  static const char text[] = "{\"ociVersion\":\"1.0\",\"annotations\":{\"k\xe2\x82\":\"v\"}}";
  expect_parse_error (unit_failed_, text, sizeof (text) - 1, "config.json: invalid UTF-8 at byte offset 37");
}

TEST (source_names_the_document)
{
  static const char text[] = "{}";
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  EXPECT_INT_EQ (-1, lc_spec_parse (text, sizeof (text) - 1, "/b/config.json", &spec, &err));
  EXPECT_STR_EQ ("/b/config.json: ociVersion: required", lc_error_message (err));
}

TEST (file_above_the_size_cap_is_refused)
{
  size_t len = LC_SPEC_MAX_SIZE + 1;
  cleanup_free char *text = xmalloc (len);
  memset (text, ' ', len);
  memcpy (text, "{\"ociVersion\":\"1.0\"}", 20);
  expect_parse_error (unit_failed_, text, len, "config.json: larger than 8388608 bytes");
}

TEST (file_at_the_size_cap_is_accepted)
{
  size_t len = LC_SPEC_MAX_SIZE;
  cleanup_free char *text = xmalloc (len);
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  memset (text, ' ', len);
  memcpy (text, "{\"ociVersion\":\"1.0\"}", 20);
  EXPECT_INT_EQ (0, lc_spec_parse (text, len, "config.json", &spec, &err));
}

TEST (nesting_10000_deep_is_refused_without_crash)
{
  size_t depth = 10000;
  cleanup_free char *text = xmalloc (2 * depth);
  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  expect_parse_error (unit_failed_, text, 2 * depth, "config.json: nesting deeper than 64 levels at byte offset 64");
  /* Objects too, and unbalanced input that never closes. */
  cleanup_free char *objects = xmalloc (5 * depth);
  for (size_t i = 0; i < depth; i++)
    memcpy (objects + 5 * i, "{\"a\":", 5);
  expect_parse_error (unit_failed_, objects, 5 * depth,
                      "config.json: nesting deeper than 64 levels at byte offset 320");
}

TEST (nesting_at_the_depth_limit_is_accepted)
{
  /* LC_SPEC_MAX_DEPTH - 1 levels of arrays inside the top-level object: exactly the limit. */
  size_t depth = LC_SPEC_MAX_DEPTH - 1;
  cleanup_free char *body = xmalloc (2 * depth + 1);
  memset (body, '[', depth);
  memset (body + depth, ']', depth);
  body[2 * depth] = '\0';
  cleanup_free char *text = xasprintf ("{\"ociVersion\":\"1.0\",\"x\":%s}", body);
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  EXPECT_INT_EQ (0, lc_spec_parse (text, strlen (text), "config.json", &spec, &err));
  EXPECT_STR_EQ ("unknown error", lc_error_message (err));
}

TEST (brackets_inside_strings_do_not_count_as_nesting)
{
  cleanup_free char *brackets = xmalloc (1001);
  memset (brackets, '[', 1000);
  brackets[1000] = '\0';
  cleanup_free char *text = xasprintf ("{\"ociVersion\":\"1.0\",\"hostname\":\"\\\"%s\"}", brackets);
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  EXPECT_INT_EQ (0, lc_spec_parse (text, strlen (text), "config.json", &spec, &err));
  EXPECT_UINT_EQ (1001, spec ? strlen (spec->hostname) : 0);
}

/* ---- standalone process and resources ------------------------------------------------------ */

TEST (parses_standalone_process)
{
  static const char text[] = "{\"args\":[\"/bin/ls\",\"-l\"],\"cwd\":\"/tmp\",\"user\":{\"uid\":1,\"gid\":2},"
                             "\"env\":[\"X=1\"],\"capabilities\":{\"bounding\":[\"CAP_KILL\"]}}";
  cleanup_error lc_error_t err = NULL;
  struct lc_spec_process *p = NULL;
  EXPECT_INT_EQ (0, lc_spec_parse_process (text, sizeof (text) - 1, "process.json", &p, &err));
  if (p == NULL)
    return;
  EXPECT_TRUE (STRV_EQ (p->args, "/bin/ls", "-l"));
  EXPECT_STR_EQ ("/tmp", p->cwd);
  EXPECT_UINT_EQ (2, p->user.gid);
  EXPECT_UINT_EQ (CAP (CAP_KILL), p->capabilities.bounding);
  lc_spec_process_free (p);
}

TEST (standalone_process_errors_name_paths_from_its_root)
{
  static const char text[] = "{\"args\":[\"/bin/ls\"],\"cwd\":\"/\",\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"soft\":\"1\"}]}";
  cleanup_error lc_error_t err = NULL;
  struct lc_spec_process *p = NULL;
  EXPECT_INT_EQ (-1, lc_spec_parse_process (text, sizeof (text) - 1, "process.json", &p, &err));
  EXPECT_STR_EQ ("process.json: rlimits[0].soft: expected integer, got string", lc_error_message (err));
  EXPECT_TRUE (p == NULL);
}

TEST (standalone_process_requires_args)
{
  static const char text[] = "{\"cwd\":\"/\"}";
  cleanup_error lc_error_t err = NULL;
  struct lc_spec_process *p = NULL;
  EXPECT_INT_EQ (-1, lc_spec_parse_process (text, sizeof (text) - 1, "process.json", &p, &err));
  EXPECT_STR_EQ ("process.json: args: required", lc_error_message (err));
}

TEST (parses_standalone_resources)
{
  static const char text[] = "{\"memory\":{\"limit\":1048576,\"swap\":-1},\"pids\":{\"limit\":100},"
                             "\"cpu\":{\"cpus\":\"1\",\"quota\":50000},\"unified\":{\"pids.max\":\"7\"}}";
  cleanup_error lc_error_t err = NULL;
  struct lc_spec_resources *r = NULL;
  EXPECT_INT_EQ (0, lc_spec_parse_resources (text, sizeof (text) - 1, "resources.json", &r, &err));
  if (r == NULL)
    return;
  EXPECT_TRUE (r->memory->has_limit && ! r->memory->has_reservation);
  EXPECT_INT_EQ (1048576, r->memory->limit);
  EXPECT_INT_EQ (-1, r->memory->swap);
  EXPECT_INT_EQ (100, r->pids->limit);
  EXPECT_STR_EQ ("1", r->cpu->cpus);
  EXPECT_INT_EQ (50000, r->cpu->quota);
  EXPECT_STR_EQ ("7", kv_get (&r->unified, "pids.max"));
  EXPECT_TRUE (r->block_io == NULL && r->network == NULL);
  lc_spec_resources_free (r);
}

TEST (standalone_resources_errors_name_paths_from_its_root)
{
  static const char text[] = "{\"memory\":{\"limit\":\"1G\"}}";
  cleanup_error lc_error_t err = NULL;
  struct lc_spec_resources *r = NULL;
  EXPECT_INT_EQ (-1, lc_spec_parse_resources (text, sizeof (text) - 1, "resources.json", &r, &err));
  EXPECT_STR_EQ ("resources.json: memory.limit: expected integer, got string", lc_error_message (err));
  EXPECT_TRUE (r == NULL);
}

TEST (standalone_resources_must_be_an_object)
{
  static const char text[] = "[1]";
  cleanup_error lc_error_t err = NULL;
  struct lc_spec_resources *r = NULL;
  EXPECT_INT_EQ (-1, lc_spec_parse_resources (text, sizeof (text) - 1, "resources.json", &r, &err));
  EXPECT_STR_EQ ("resources.json: expected object, got array", lc_error_message (err));
}

/* ---- bundles ---------------------------------------------------------------------------------- */

/* A fresh bundle directory under /tmp; the caller removes it with remove_bundle. */
static char *
make_bundle (void)
{
  char *dir = xstrdup ("/tmp/carapace-test-spec-XXXXXX");
  if (mkdtemp (dir) == NULL)
    abort ();
  return dir;
}

static void
remove_bundle (const char *dir)
{
  static const char *const names[] = { "config.json", "outside.json" };
  for (size_t i = 0; i < sizeof (names) / sizeof (names[0]); i++)
    {
      cleanup_free char *p = xasprintf ("%s/%s", dir, names[i]);
      unlink (p);
    }
  rmdir (dir);
}

static void
write_text (const char *path, const char *text)
{
  FILE *f = fopen (path, "we");
  if (f == NULL)
    abort ();
  fputs (text, f);
  if (fclose (f) != 0)
    abort ();
}

TEST (load_bundle_reads_config_json)
{
  cleanup_free char *dir = make_bundle ();
  cleanup_free char *config = xasprintf ("%s/config.json", dir);
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  write_text (config, "{\"ociVersion\":\"1.2.0\",\"hostname\":\"bundled\"}");
  EXPECT_INT_EQ (0, lc_spec_load_bundle (dir, &spec, &err));
  EXPECT_STR_EQ ("bundled", spec ? spec->hostname : NULL);
  remove_bundle (dir);
}

TEST (load_bundle_names_a_missing_config_json)
{
  cleanup_free char *dir = make_bundle ();
  cleanup_free char *want = xasprintf ("%s/config.json: No such file or directory", dir);
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  EXPECT_INT_EQ (-1, lc_spec_load_bundle (dir, &spec, &err));
  EXPECT_STR_EQ (want, lc_error_message (err));
  EXPECT_INT_EQ (ENOENT, err ? err->status : 0);
  remove_bundle (dir);
}

TEST (load_bundle_names_a_missing_bundle)
{
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  EXPECT_INT_EQ (-1, lc_spec_load_bundle ("/nonexistent/carapace-bundle", &spec, &err));
  EXPECT_STR_EQ ("/nonexistent/carapace-bundle: No such file or directory", lc_error_message (err));
}

TEST (load_bundle_refuses_a_symlink_out_of_the_bundle)
{
  cleanup_free char *dir = make_bundle ();
  cleanup_free char *outside_dir = make_bundle ();
  cleanup_free char *outside = xasprintf ("%s/outside.json", outside_dir);
  cleanup_free char *config = xasprintf ("%s/config.json", dir);
  cleanup_free char *want = xasprintf ("%s/config.json: symlink leads outside the bundle", dir);
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  write_text (outside, "{\"ociVersion\":\"1.2.0\"}");
  if (symlink (outside, config) < 0)
    abort ();
  EXPECT_INT_EQ (-1, lc_spec_load_bundle (dir, &spec, &err));
  EXPECT_STR_EQ (want, lc_error_message (err));
  remove_bundle (dir);
  remove_bundle (outside_dir);
}

TEST (load_bundle_follows_a_symlink_inside_the_bundle)
{
  cleanup_free char *dir = make_bundle ();
  cleanup_free char *real = xasprintf ("%s/outside.json", dir);
  cleanup_free char *config = xasprintf ("%s/config.json", dir);
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  write_text (real, "{\"ociVersion\":\"1.2.0\"}");
  if (symlink ("outside.json", config) < 0)
    abort ();
  EXPECT_INT_EQ (0, lc_spec_load_bundle (dir, &spec, &err));
  remove_bundle (dir);
}

TEST (load_bundle_refuses_a_fifo_config)
{
  cleanup_free char *dir = make_bundle ();
  cleanup_free char *config = xasprintf ("%s/config.json", dir);
  cleanup_free char *want = xasprintf ("%s/config.json: not a regular file", dir);
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  if (mkfifo (config, 0600) < 0)
    abort ();
  EXPECT_INT_EQ (-1, lc_spec_load_bundle (dir, &spec, &err));
  EXPECT_STR_EQ (want, lc_error_message (err));
  remove_bundle (dir);
}

TEST (load_bundle_reports_content_errors_against_config_json)
{
  cleanup_free char *dir = make_bundle ();
  cleanup_free char *config = xasprintf ("%s/config.json", dir);
  cleanup_error lc_error_t err = NULL;
  cleanup_spec struct lc_spec *spec = NULL;
  write_text (config, "{\"ociVersion\":\"1.2.0\",\"process\":{\"args\":[\"a\"]}}");
  EXPECT_INT_EQ (-1, lc_spec_load_bundle (dir, &spec, &err));
  EXPECT_STR_EQ ("config.json: process.cwd: required", lc_error_message (err));
  remove_bundle (dir);
}

/* ---- names -------------------------------------------------------------------------------------- */

TEST (namespace_names_round_trip)
{
  for (int t = 0; t < LC_NS_KINDS; t++)
    EXPECT_INT_EQ (t, lc_namespace_type_from_name (lc_namespace_type_name ((enum lc_namespace_type) t)));
  EXPECT_STR_EQ ("network", lc_namespace_type_name (LC_NS_NETWORK));
  EXPECT_INT_EQ (-1, lc_namespace_type_from_name ("net"));
}

TEST (hook_kind_names_are_the_spec_names)
{
  EXPECT_STR_EQ ("prestart", lc_hook_kind_name (LC_HOOK_PRESTART));
  EXPECT_STR_EQ ("createRuntime", lc_hook_kind_name (LC_HOOK_CREATE_RUNTIME));
  EXPECT_STR_EQ ("createContainer", lc_hook_kind_name (LC_HOOK_CREATE_CONTAINER));
  EXPECT_STR_EQ ("startContainer", lc_hook_kind_name (LC_HOOK_START_CONTAINER));
  EXPECT_STR_EQ ("poststart", lc_hook_kind_name (LC_HOOK_POSTSTART));
  EXPECT_STR_EQ ("poststop", lc_hook_kind_name (LC_HOOK_POSTSTOP));
}

TEST (seccomp_names_round_trip)
{
  for (int a = LC_SECCOMP_ACT_KILL; a <= LC_SECCOMP_ACT_NOTIFY; a++)
    EXPECT_INT_EQ (a, lc_seccomp_action_from_name (lc_seccomp_action_name ((enum lc_seccomp_action) a)));
  for (int o = LC_SECCOMP_CMP_NE; o <= LC_SECCOMP_CMP_MASKED_EQ; o++)
    EXPECT_INT_EQ (o, lc_seccomp_operator_from_name (lc_seccomp_operator_name ((enum lc_seccomp_operator) o)));
  EXPECT_STR_EQ ("SCMP_ACT_KILL_PROCESS", lc_seccomp_action_name (LC_SECCOMP_ACT_KILL_PROCESS));
  EXPECT_INT_EQ (-1, lc_seccomp_action_from_name ("SCMP_ACT_NOPE"));
  EXPECT_INT_EQ (-1, lc_seccomp_operator_from_name ("SCMP_CMP_NOPE"));
}

TEST (free_functions_accept_null)
{
  lc_spec_free (NULL);
  lc_spec_process_free (NULL);
  lc_spec_resources_free (NULL);
  EXPECT_TRUE (lc_spec_find_namespace (NULL, LC_NS_PID) == NULL);
}

/* ---- the corpus directories: one TAP line per file ------------------------------------------------- */

static int
select_json (const struct dirent *e)
{
  size_t len = strlen (e->d_name);
  return len > 5 && strcmp (e->d_name + len - 5, ".json") == 0;
}

struct corpus
{
  struct dirent **entries;
  int n;
};

static struct corpus
list_corpus (const char *which)
{
  cleanup_free char *dir = config_path (which);
  struct corpus c = { NULL, 0 };
  c.n = scandir (dir, &c.entries, select_json, alphasort);
  if (c.n < 0)
    {
      printf ("# cannot list %s: %s\n", dir, strerror (errno));
      c.n = 0;
    }
  return c;
}

static void
free_corpus (struct corpus *c)
{
  for (int i = 0; i < c->n; i++)
    free (c->entries[i]);
  free (c->entries);
}

/* invalid/NAME.json must fail with exactly the first line of invalid/NAME.err. */
static bool
check_invalid (const char *file)
{
  bool failed = false, *unit_failed_ = &failed;
  cleanup_free char *json = xasprintf ("invalid/%s", file);
  cleanup_free char *errfile = xasprintf ("invalid/%.*s.err", (int) (strlen (file) - 5), file);
  size_t len = 0, err_len = 0;
  cleanup_free char *data = read_config (unit_failed_, json, &len);
  cleanup_free char *want = read_config (unit_failed_, errfile, &err_len);
  if (data == NULL || want == NULL)
    return false;
  want[strcspn (want, "\n")] = '\0';
  expect_parse_error (unit_failed_, data, len, want);
  return ! failed;
}

static bool
check_valid (const char *file)
{
  bool failed = false;
  cleanup_spec struct lc_spec *spec = parse_valid (&failed, file);
  return ! failed && spec != NULL;
}

#define RUN(name) { #name, test_##name }

static const struct unit_test fixed_tests[] = {
  RUN (parses_runc_spec),
  RUN (parses_runc_rootless_spec),
  RUN (parses_crun_spec),
  RUN (parses_crun_rootless_spec),
  RUN (parses_docker_config),
  RUN (parses_kubernetes_cri_config),
  RUN (every_field_process),
  RUN (every_field_process_scheduling),
  RUN (every_field_root_mounts_hooks_annotations),
  RUN (every_field_linux),
  RUN (every_field_resources),
  RUN (every_field_seccomp),
  RUN (null_members_read_as_absent),
  RUN (unknown_properties_are_ignored),
  RUN (repeated_member_takes_the_last_value),
  RUN (multibyte_utf8_is_accepted),
  RUN (invalid_utf8_in_a_key_is_refused),
  RUN (source_names_the_document),
  RUN (file_above_the_size_cap_is_refused),
  RUN (file_at_the_size_cap_is_accepted),
  RUN (nesting_10000_deep_is_refused_without_crash),
  RUN (nesting_at_the_depth_limit_is_accepted),
  RUN (brackets_inside_strings_do_not_count_as_nesting),
  RUN (parses_standalone_process),
  RUN (standalone_process_errors_name_paths_from_its_root),
  RUN (standalone_process_requires_args),
  RUN (parses_standalone_resources),
  RUN (standalone_resources_errors_name_paths_from_its_root),
  RUN (standalone_resources_must_be_an_object),
  RUN (load_bundle_reads_config_json),
  RUN (load_bundle_names_a_missing_config_json),
  RUN (load_bundle_names_a_missing_bundle),
  RUN (load_bundle_refuses_a_symlink_out_of_the_bundle),
  RUN (load_bundle_follows_a_symlink_inside_the_bundle),
  RUN (load_bundle_refuses_a_fifo_config),
  RUN (load_bundle_reports_content_errors_against_config_json),
  RUN (namespace_names_round_trip),
  RUN (hook_kind_names_are_the_spec_names),
  RUN (seccomp_names_round_trip),
  RUN (free_functions_accept_null),
};

/* UNIT_MAIN wants a fixed list; the corpus adds one TAP line per file, so the plan is computed here. */
int
main (void)
{
  size_t n_fixed = sizeof (fixed_tests) / sizeof (fixed_tests[0]), number = 0, failures = 0;
  struct corpus valid = list_corpus ("valid"), invalid = list_corpus ("invalid");

  setvbuf (stdout, NULL, _IOLBF, 0);
  printf ("1..%zu\n", n_fixed + (size_t) valid.n + (size_t) invalid.n + 1);
  for (size_t i = 0; i < n_fixed; i++)
    {
      bool failed = false;
      fixed_tests[i].fn (&failed);
      printf ("%s %zu - %s\n", failed ? "not ok" : "ok", ++number, fixed_tests[i].name);
      failures += failed;
    }
  for (int i = 0; i < valid.n; i++)
    {
      bool ok = check_valid (valid.entries[i]->d_name);
      printf ("%s %zu - valid/%s\n", ok ? "ok" : "not ok", ++number, valid.entries[i]->d_name);
      failures += ! ok;
    }
  for (int i = 0; i < invalid.n; i++)
    {
      bool ok = check_invalid (invalid.entries[i]->d_name);
      printf ("%s %zu - invalid/%s\n", ok ? "ok" : "not ok", ++number, invalid.entries[i]->d_name);
      failures += ! ok;
    }
  /* The brief's floor: the corpus must not silently shrink (or vanish from a dist tarball). */
  bool corpus_ok = valid.n >= 7 && invalid.n >= 40;
  printf ("%s %zu - corpus has >= 7 valid and >= 40 invalid configs (saw %d and %d)\n", corpus_ok ? "ok" : "not ok",
          ++number, valid.n, invalid.n);
  failures += ! corpus_ok;
  free_corpus (&valid);
  free_corpus (&invalid);
  return failures ? 1 : 0;
}
