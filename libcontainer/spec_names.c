/* The names the runtime-spec uses for enumerated values, and their kernel values. */
#include "config.h"
#include "spec_internal.h"

#include <sched.h>
#include <string.h>
#include <sys/resource.h>

#define N_ELEMENTS(a) (sizeof (a) / sizeof ((a)[0]))

struct name_value
{
  const char *name;
  int64_t value;
};

static int64_t
lookup (const struct name_value *table, size_t n, const char *name)
{
  for (size_t i = 0; i < n; i++)
    if (strcmp (table[i].name, name) == 0)
      return table[i].value;
  return -1;
}

static bool
in_list (const char *const *list, size_t n, const char *name)
{
  for (size_t i = 0; i < n; i++)
    if (strcmp (list[i], name) == 0)
      return true;
  return false;
}

/* ---- namespaces, hooks ----------------------------------------------------- */

static const char *const namespace_names[LC_NS_KINDS] = {
  [LC_NS_PID] = "pid",   [LC_NS_NETWORK] = "network", [LC_NS_MOUNT] = "mount",   [LC_NS_IPC] = "ipc",
  [LC_NS_UTS] = "uts",   [LC_NS_USER] = "user",       [LC_NS_CGROUP] = "cgroup", [LC_NS_TIME] = "time",
};

const char *
lc_namespace_type_name (enum lc_namespace_type type)
{
  return (unsigned) type < LC_NS_KINDS ? namespace_names[type] : NULL;
}

int
lc_namespace_type_from_name (const char *name)
{
  for (int i = 0; i < LC_NS_KINDS; i++)
    if (strcmp (namespace_names[i], name) == 0)
      return i;
  return -1;
}

static const char *const hook_names[LC_HOOK_KINDS] = {
  [LC_HOOK_PRESTART] = "prestart",
  [LC_HOOK_CREATE_RUNTIME] = "createRuntime",
  [LC_HOOK_CREATE_CONTAINER] = "createContainer",
  [LC_HOOK_START_CONTAINER] = "startContainer",
  [LC_HOOK_POSTSTART] = "poststart",
  [LC_HOOK_POSTSTOP] = "poststop",
};

const char *
lc_hook_kind_name (enum lc_hook_kind kind)
{
  return (unsigned) kind < LC_HOOK_KINDS ? hook_names[kind] : NULL;
}

/* ---- seccomp ----------------------------------------------------------------- */

static const char *const seccomp_action_names[] = {
  [LC_SECCOMP_ACT_KILL] = "SCMP_ACT_KILL",
  [LC_SECCOMP_ACT_KILL_PROCESS] = "SCMP_ACT_KILL_PROCESS",
  [LC_SECCOMP_ACT_KILL_THREAD] = "SCMP_ACT_KILL_THREAD",
  [LC_SECCOMP_ACT_TRAP] = "SCMP_ACT_TRAP",
  [LC_SECCOMP_ACT_ERRNO] = "SCMP_ACT_ERRNO",
  [LC_SECCOMP_ACT_TRACE] = "SCMP_ACT_TRACE",
  [LC_SECCOMP_ACT_ALLOW] = "SCMP_ACT_ALLOW",
  [LC_SECCOMP_ACT_LOG] = "SCMP_ACT_LOG",
  [LC_SECCOMP_ACT_NOTIFY] = "SCMP_ACT_NOTIFY",
};

const char *
lc_seccomp_action_name (enum lc_seccomp_action action)
{
  return (unsigned) action < N_ELEMENTS (seccomp_action_names) ? seccomp_action_names[action] : NULL;
}

int
lc_seccomp_action_from_name (const char *name)
{
  for (size_t i = 0; i < N_ELEMENTS (seccomp_action_names); i++)
    if (strcmp (seccomp_action_names[i], name) == 0)
      return (int) i;
  return -1;
}

static const char *const seccomp_operator_names[] = {
  [LC_SECCOMP_CMP_NE] = "SCMP_CMP_NE", [LC_SECCOMP_CMP_LT] = "SCMP_CMP_LT",
  [LC_SECCOMP_CMP_LE] = "SCMP_CMP_LE", [LC_SECCOMP_CMP_EQ] = "SCMP_CMP_EQ",
  [LC_SECCOMP_CMP_GE] = "SCMP_CMP_GE", [LC_SECCOMP_CMP_GT] = "SCMP_CMP_GT",
  [LC_SECCOMP_CMP_MASKED_EQ] = "SCMP_CMP_MASKED_EQ",
};

const char *
lc_seccomp_operator_name (enum lc_seccomp_operator op)
{
  return (unsigned) op < N_ELEMENTS (seccomp_operator_names) ? seccomp_operator_names[op] : NULL;
}

int
lc_seccomp_operator_from_name (const char *name)
{
  for (size_t i = 0; i < N_ELEMENTS (seccomp_operator_names); i++)
    if (strcmp (seccomp_operator_names[i], name) == 0)
      return (int) i;
  return -1;
}

/* The architectures libseccomp knows by these names (the spec's list plus newer ports). */
static const char *const seccomp_archs[] = {
  "SCMP_ARCH_X86",      "SCMP_ARCH_X86_64",    "SCMP_ARCH_X32",     "SCMP_ARCH_ARM",     "SCMP_ARCH_AARCH64",
  "SCMP_ARCH_MIPS",     "SCMP_ARCH_MIPS64",    "SCMP_ARCH_MIPS64N32", "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64",
  "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC",    "SCMP_ARCH_PPC64",   "SCMP_ARCH_PPC64LE", "SCMP_ARCH_S390",
  "SCMP_ARCH_S390X",    "SCMP_ARCH_PARISC",    "SCMP_ARCH_PARISC64", "SCMP_ARCH_RISCV64", "SCMP_ARCH_LOONGARCH64",
  "SCMP_ARCH_M68K",     "SCMP_ARCH_SH",        "SCMP_ARCH_SHEB",
};

bool
lc_spec_seccomp_arch_known (const char *name)
{
  return in_list (seccomp_archs, N_ELEMENTS (seccomp_archs), name);
}

static const char *const seccomp_flags[] = {
  "SECCOMP_FILTER_FLAG_TSYNC",
  "SECCOMP_FILTER_FLAG_LOG",
  "SECCOMP_FILTER_FLAG_SPEC_ALLOW",
  "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV",
};

bool
lc_spec_seccomp_flag_known (const char *name)
{
  return in_list (seccomp_flags, N_ELEMENTS (seccomp_flags), name);
}

/* ---- process ----------------------------------------------------------------- */

static const struct name_value rlimits[] = {
  { "RLIMIT_AS", RLIMIT_AS },
  { "RLIMIT_CORE", RLIMIT_CORE },
  { "RLIMIT_CPU", RLIMIT_CPU },
  { "RLIMIT_DATA", RLIMIT_DATA },
  { "RLIMIT_FSIZE", RLIMIT_FSIZE },
  { "RLIMIT_LOCKS", RLIMIT_LOCKS },
  { "RLIMIT_MEMLOCK", RLIMIT_MEMLOCK },
  { "RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE },
  { "RLIMIT_NICE", RLIMIT_NICE },
  { "RLIMIT_NOFILE", RLIMIT_NOFILE },
  { "RLIMIT_NPROC", RLIMIT_NPROC },
  { "RLIMIT_RSS", RLIMIT_RSS },
  { "RLIMIT_RTPRIO", RLIMIT_RTPRIO },
  { "RLIMIT_RTTIME", RLIMIT_RTTIME },
  { "RLIMIT_SIGPENDING", RLIMIT_SIGPENDING },
  { "RLIMIT_STACK", RLIMIT_STACK },
};

int
lc_spec_rlimit_from_name (const char *name)
{
  return (int) lookup (rlimits, N_ELEMENTS (rlimits), name);
}

/* Kernel values from include/uapi/linux/sched.h; glibc does not define all of them. */
static const struct name_value sched_policies[] = {
  { "SCHED_OTHER", 0 }, { "SCHED_FIFO", 1 }, { "SCHED_RR", 2 },       { "SCHED_BATCH", 3 },
  { "SCHED_ISO", 4 },   { "SCHED_IDLE", 5 }, { "SCHED_DEADLINE", 6 },
};

int
lc_spec_sched_policy_from_name (const char *name)
{
  return (int) lookup (sched_policies, N_ELEMENTS (sched_policies), name);
}

static const struct name_value sched_flags[] = {
  { "SCHED_FLAG_RESET_ON_FORK", 0x01 }, { "SCHED_FLAG_RECLAIM", 0x02 },        { "SCHED_FLAG_DL_OVERRUN", 0x04 },
  { "SCHED_FLAG_KEEP_POLICY", 0x08 },   { "SCHED_FLAG_KEEP_PARAMS", 0x10 },    { "SCHED_FLAG_UTIL_CLAMP_MIN", 0x20 },
  { "SCHED_FLAG_UTIL_CLAMP_MAX", 0x40 },
};

int64_t
lc_spec_sched_flag_from_name (const char *name)
{
  return lookup (sched_flags, N_ELEMENTS (sched_flags), name);
}

/* include/uapi/linux/ioprio.h */
static const struct name_value ioprio_classes[] = {
  { "IOPRIO_CLASS_RT", 1 },
  { "IOPRIO_CLASS_BE", 2 },
  { "IOPRIO_CLASS_IDLE", 3 },
};

int
lc_spec_ioprio_class_from_name (const char *name)
{
  return (int) lookup (ioprio_classes, N_ELEMENTS (ioprio_classes), name);
}

/* ---- linux --------------------------------------------------------------------- */

static const char *const mpol_modes[] = {
  "MPOL_DEFAULT",   "MPOL_PREFERRED", "MPOL_BIND",           "MPOL_INTERLEAVE",
  "MPOL_LOCAL",     "MPOL_PREFERRED_MANY", "MPOL_WEIGHTED_INTERLEAVE",
};

bool
lc_spec_mpol_mode_known (const char *name)
{
  return in_list (mpol_modes, N_ELEMENTS (mpol_modes), name);
}

static const char *const mpol_flags[] = {
  "MPOL_F_NUMA_BALANCING",
  "MPOL_F_RELATIVE_NODES",
  "MPOL_F_STATIC_NODES",
};

bool
lc_spec_mpol_flag_known (const char *name)
{
  return in_list (mpol_flags, N_ELEMENTS (mpol_flags), name);
}

static const char *const propagations[] = {
  "private", "rprivate", "slave", "rslave", "shared", "rshared", "unbindable", "runbindable",
};

bool
lc_spec_propagation_known (const char *name)
{
  return in_list (propagations, N_ELEMENTS (propagations), name);
}
