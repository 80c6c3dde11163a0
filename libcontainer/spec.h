/* The OCI runtime-spec v1.2 config.json (Linux parts) as typed C structs, and its parser.

   Conventions: strings are NULL when absent; string lists are NULL-terminated
   arrays (NULL when absent); lists of structs are a pointer plus a count;
   optional scalars have a `has_` flag beside them.  Everything is owned by the
   struct lc_spec and freed by lc_spec_free(). */
#ifndef CARAPACE_SPEC_H
#define CARAPACE_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* GNU C predefines `linux` as 1, which would break the `linux` member below. */
#undef linux

/* The parser refuses a config.json larger than this (and nesting deeper than LC_SPEC_MAX_DEPTH). */
#define LC_SPEC_MAX_SIZE (8u * 1024 * 1024)
#define LC_SPEC_MAX_DEPTH 64

struct lc_spec_kv
{
  char *key;
  char *value;
};

struct lc_spec_kv_list
{
  struct lc_spec_kv *items;
  size_t len;
};

struct lc_spec_id_mapping
{
  uint32_t container_id;
  uint32_t host_id;
  uint32_t size;
};

/* ---- process ------------------------------------------------------------ */

struct lc_spec_user
{
  uint32_t uid;
  uint32_t gid;
  bool has_umask;
  uint32_t umask;
  uint32_t *additional_gids;
  size_t n_additional_gids;
  char *username; /* Windows only in the spec; kept for completeness */
};

/* Capability sets as bitmasks of CAP_* numbers; names are checked against libcap. */
struct lc_spec_capabilities
{
  bool has_bounding, has_effective, has_inheritable, has_permitted, has_ambient;
  uint64_t bounding;
  uint64_t effective;
  uint64_t inheritable;
  uint64_t permitted;
  uint64_t ambient;
};

struct lc_spec_rlimit
{
  int resource; /* RLIMIT_* value, from the "RLIMIT_NOFILE"-style name */
  char *name;   /* the name as written */
  uint64_t soft;
  uint64_t hard;
};

struct lc_spec_scheduler
{
  int policy; /* SCHED_* value */
  char *policy_name;
  bool has_nice;
  int32_t nice;
  bool has_priority;
  int32_t priority;
  uint64_t flags; /* SCHED_FLAG_* bits */
  char **flag_names;
  bool has_runtime, has_deadline, has_period;
  uint64_t runtime;
  uint64_t deadline;
  uint64_t period;
};

struct lc_spec_io_priority
{
  int io_class; /* IOPRIO_CLASS_RT/BE/IDLE */
  char *class_name;
  int32_t priority; /* 0..7 */
};

struct lc_spec_cpu_affinity
{
  char *initial; /* cpu list like "0-3,7" */
  char *final;
};

struct lc_spec_process
{
  bool terminal;
  bool has_console_size;
  uint32_t console_height;
  uint32_t console_width;
  struct lc_spec_user user;
  char **args;        /* required, at least one element, for create/run */
  char *command_line; /* Windows only */
  char **env;
  char *cwd; /* required, absolute */
  bool has_capabilities;
  struct lc_spec_capabilities capabilities;
  struct lc_spec_rlimit *rlimits;
  size_t n_rlimits;
  bool has_no_new_privileges; /* false: absent, and the policy decides */
  bool no_new_privileges;
  char *apparmor_profile;
  char *selinux_label;
  bool has_oom_score_adj;
  int32_t oom_score_adj; /* -1000..1000 */
  struct lc_spec_scheduler *scheduler;
  struct lc_spec_io_priority *io_priority;
  struct lc_spec_cpu_affinity *exec_cpu_affinity;
};

/* ---- root and mounts ----------------------------------------------------- */

struct lc_spec_root
{
  char *path;
  bool has_readonly; /* false: absent, and carapace mounts the rootfs read-only */
  bool readonly;
};

struct lc_spec_mount
{
  char *destination; /* required */
  char *source;
  char *type;
  char **options;
  struct lc_spec_id_mapping *uid_mappings;
  size_t n_uid_mappings;
  struct lc_spec_id_mapping *gid_mappings;
  size_t n_gid_mappings;
};

/* ---- hooks --------------------------------------------------------------- */

enum lc_hook_kind
{
  LC_HOOK_PRESTART,
  LC_HOOK_CREATE_RUNTIME,
  LC_HOOK_CREATE_CONTAINER,
  LC_HOOK_START_CONTAINER,
  LC_HOOK_POSTSTART,
  LC_HOOK_POSTSTOP,
  LC_HOOK_KINDS,
};

struct lc_spec_hook
{
  char *path; /* required, absolute */
  char **args;
  char **env;
  bool has_timeout;
  int32_t timeout; /* seconds, > 0 */
};

struct lc_spec_hook_list
{
  struct lc_spec_hook *items;
  size_t len;
};

/* ---- linux --------------------------------------------------------------- */

enum lc_namespace_type
{
  LC_NS_PID,
  LC_NS_NETWORK,
  LC_NS_MOUNT,
  LC_NS_IPC,
  LC_NS_UTS,
  LC_NS_USER,
  LC_NS_CGROUP,
  LC_NS_TIME,
  LC_NS_KINDS,
};

struct lc_spec_namespace
{
  enum lc_namespace_type type;
  char *path; /* NULL: create a new one */
};

struct lc_spec_time_offset
{
  char *clock; /* "monotonic" or "boottime" */
  int64_t secs;
  uint32_t nanosecs;
};

struct lc_spec_device
{
  char type; /* 'c', 'b', 'u' or 'p' */
  char *path;
  int64_t major;
  int64_t minor;
  bool has_file_mode;
  uint32_t file_mode;
  bool has_uid;
  uint32_t uid;
  bool has_gid;
  uint32_t gid;
};

struct lc_spec_device_rule
{
  bool allow;
  char type; /* 'a', 'c' or 'b'; 'a' when absent */
  bool has_major;
  int64_t major;
  bool has_minor;
  int64_t minor;
  char *access; /* subset of "rwm"; NULL means "rwm" */
};

struct lc_spec_memory
{
  bool has_limit, has_reservation, has_swap, has_kernel, has_kernel_tcp, has_swappiness;
  int64_t limit;
  int64_t reservation;
  int64_t swap;
  int64_t kernel;
  int64_t kernel_tcp;
  uint64_t swappiness;
  bool has_disable_oom_killer;
  bool disable_oom_killer;
  bool has_use_hierarchy;
  bool use_hierarchy;
  bool has_check_before_update;
  bool check_before_update;
};

struct lc_spec_cpu
{
  bool has_shares, has_quota, has_burst, has_period, has_realtime_runtime, has_realtime_period, has_idle;
  uint64_t shares;
  int64_t quota;
  uint64_t burst;
  uint64_t period;
  int64_t realtime_runtime;
  uint64_t realtime_period;
  char *cpus;
  char *mems;
  int64_t idle;
};

struct lc_spec_pids
{
  int64_t limit; /* required when pids is present; <= 0 means unlimited */
};

struct lc_spec_weight_device
{
  int64_t major;
  int64_t minor;
  bool has_weight;
  uint16_t weight;
  bool has_leaf_weight;
  uint16_t leaf_weight;
};

struct lc_spec_throttle_device
{
  int64_t major;
  int64_t minor;
  uint64_t rate;
};

struct lc_spec_block_io
{
  bool has_weight;
  uint16_t weight;
  bool has_leaf_weight;
  uint16_t leaf_weight;
  struct lc_spec_weight_device *weight_device;
  size_t n_weight_device;
  struct lc_spec_throttle_device *throttle_read_bps_device;
  size_t n_throttle_read_bps_device;
  struct lc_spec_throttle_device *throttle_write_bps_device;
  size_t n_throttle_write_bps_device;
  struct lc_spec_throttle_device *throttle_read_iops_device;
  size_t n_throttle_read_iops_device;
  struct lc_spec_throttle_device *throttle_write_iops_device;
  size_t n_throttle_write_iops_device;
};

struct lc_spec_hugepage_limit
{
  char *page_size; /* e.g. "2MB" */
  uint64_t limit;
};

struct lc_spec_net_priority
{
  char *name;
  uint32_t priority;
};

struct lc_spec_network_resources
{
  bool has_class_id;
  uint32_t class_id;
  struct lc_spec_net_priority *priorities;
  size_t n_priorities;
};

struct lc_spec_rdma
{
  char *device;
  bool has_hca_handles;
  uint32_t hca_handles;
  bool has_hca_objects;
  uint32_t hca_objects;
};

struct lc_spec_resources
{
  struct lc_spec_device_rule *devices;
  size_t n_devices;
  struct lc_spec_memory *memory;
  struct lc_spec_cpu *cpu;
  struct lc_spec_pids *pids;
  struct lc_spec_block_io *block_io;
  struct lc_spec_hugepage_limit *hugepage_limits;
  size_t n_hugepage_limits;
  struct lc_spec_network_resources *network;
  struct lc_spec_rdma *rdma;
  size_t n_rdma;
  struct lc_spec_kv_list unified;
};

struct lc_spec_intel_rdt
{
  char *clos_id;
  char **schemata;
  char *l3_cache_schema;
  char *mem_bw_schema;
  bool enable_cmt;
  bool enable_mbm;
};

enum lc_seccomp_action
{
  LC_SECCOMP_ACT_KILL,
  LC_SECCOMP_ACT_KILL_PROCESS,
  LC_SECCOMP_ACT_KILL_THREAD,
  LC_SECCOMP_ACT_TRAP,
  LC_SECCOMP_ACT_ERRNO,
  LC_SECCOMP_ACT_TRACE,
  LC_SECCOMP_ACT_ALLOW,
  LC_SECCOMP_ACT_LOG,
  LC_SECCOMP_ACT_NOTIFY,
};

enum lc_seccomp_operator
{
  LC_SECCOMP_CMP_NE,
  LC_SECCOMP_CMP_LT,
  LC_SECCOMP_CMP_LE,
  LC_SECCOMP_CMP_EQ,
  LC_SECCOMP_CMP_GE,
  LC_SECCOMP_CMP_GT,
  LC_SECCOMP_CMP_MASKED_EQ,
};

struct lc_spec_seccomp_arg
{
  uint32_t index; /* 0..5 */
  uint64_t value;
  uint64_t value_two;
  enum lc_seccomp_operator op;
};

struct lc_spec_seccomp_rule
{
  char **names; /* required, non-empty */
  enum lc_seccomp_action action;
  bool has_errno_ret;
  uint32_t errno_ret;
  struct lc_spec_seccomp_arg *args;
  size_t n_args;
};

struct lc_spec_seccomp
{
  enum lc_seccomp_action default_action;
  bool has_default_errno_ret;
  uint32_t default_errno_ret;
  char **architectures; /* "SCMP_ARCH_X86_64" style, validated */
  char **flags;         /* "SECCOMP_FILTER_FLAG_LOG" style, validated */
  char *listener_path;
  char *listener_metadata;
  struct lc_spec_seccomp_rule *syscalls;
  size_t n_syscalls;
};

struct lc_spec_personality
{
  char *domain; /* "LINUX" or "LINUX32" */
  char **flags;
};

struct lc_spec_net_device
{
  char *host_name; /* the key of linux.netDevices */
  char *name;      /* name inside the container; NULL keeps the host name */
};

struct lc_spec_memory_policy
{
  char *mode; /* "MPOL_DEFAULT", "MPOL_BIND", ... validated */
  char *nodes;
  char **flags;
};

struct lc_spec_linux
{
  struct lc_spec_namespace *namespaces;
  size_t n_namespaces;
  struct lc_spec_id_mapping *uid_mappings;
  size_t n_uid_mappings;
  struct lc_spec_id_mapping *gid_mappings;
  size_t n_gid_mappings;
  struct lc_spec_time_offset *time_offsets;
  size_t n_time_offsets;
  struct lc_spec_device *devices;
  size_t n_devices;
  char *cgroups_path;
  struct lc_spec_resources *resources;
  struct lc_spec_intel_rdt *intel_rdt;
  struct lc_spec_kv_list sysctl;
  struct lc_spec_seccomp *seccomp;
  char *rootfs_propagation; /* validated: [r]private, [r]slave, [r]shared, [r]unbindable */
  char **masked_paths;
  char **readonly_paths;
  char *mount_label;
  struct lc_spec_personality *personality;
  struct lc_spec_net_device *net_devices;
  size_t n_net_devices;
  struct lc_spec_memory_policy *memory_policy;
};

/* ---- the whole config ---------------------------------------------------- */

struct lc_spec
{
  char *oci_version; /* required */
  struct lc_spec_process *process;
  struct lc_spec_root *root;
  struct lc_spec_mount *mounts;
  size_t n_mounts;
  char *hostname;
  char *domainname;
  struct lc_spec_hook_list hooks[LC_HOOK_KINDS];
  struct lc_spec_kv_list annotations;
  struct lc_spec_linux *linux;
};

/* Parse config.json text; on error *err reads "SOURCE: json.path: what is wrong". */
int lc_spec_parse (const char *data, size_t len, const char *source, struct lc_spec **out, lc_error_t *err);

/* Read and parse BUNDLE/config.json (size-capped, not following a symlinked config.json out of the bundle). */
int lc_spec_load_bundle (const char *bundle, struct lc_spec **out, lc_error_t *err);

/* Parse a standalone process object, as `exec --process FILE` takes. */
int lc_spec_parse_process (const char *data, size_t len, const char *source, struct lc_spec_process **out, lc_error_t *err);

/* Parse a standalone LinuxResources object, as `update --resources FILE` takes. */
int lc_spec_parse_resources (const char *data, size_t len, const char *source, struct lc_spec_resources **out,
                             lc_error_t *err);

/* Free what the parser returned; NULL is fine. */
void lc_spec_free (struct lc_spec *spec);
void lc_spec_process_free (struct lc_spec_process *process);
void lc_spec_resources_free (struct lc_spec_resources *resources);

/* The spec's name of a namespace type ("pid", "network", ...), and back (-1 when unknown). */
const char *lc_namespace_type_name (enum lc_namespace_type type);
int lc_namespace_type_from_name (const char *name);

/* The namespace entry of TYPE in spec->linux, or NULL when the container does not have one. */
const struct lc_spec_namespace *lc_spec_find_namespace (const struct lc_spec *spec, enum lc_namespace_type type);

/* The spec's name of a hook kind ("prestart", "createRuntime", ...). */
const char *lc_hook_kind_name (enum lc_hook_kind kind);

/* Seccomp action / operator names ("SCMP_ACT_ERRNO", "SCMP_CMP_EQ") and back (-1 when unknown). */
const char *lc_seccomp_action_name (enum lc_seccomp_action action);
int lc_seccomp_action_from_name (const char *name);
const char *lc_seccomp_operator_name (enum lc_seccomp_operator op);
int lc_seccomp_operator_from_name (const char *name);

static inline void
lc_spec_freep (struct lc_spec **spec)
{
  lc_spec_free (*spec);
}
#define cleanup_spec __attribute__ ((cleanup (lc_spec_freep)))

#endif
