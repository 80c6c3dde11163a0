/* Attributes of the container process set in the init (or exec'd) process before execve,
   in the order the launcher calls them. */
#ifndef CARAPACE_PROCESS_H
#define CARAPACE_PROCESS_H

#include <sched.h>
#include <stdbool.h>
#include <sys/types.h>

#include "context.h"
#include "error.h"
#include "spec.h"

/* Close every fd >= 3 except 3..3+preserve_fds-1 and those in keep[0..n_keep-1]; the kept
   runtime fds must be O_CLOEXEC so that only the preserved ones survive execve. */
int lc_process_close_fds (int preserve_fds, const int *keep, size_t n_keep, lc_error_t *err);

/* setrlimit for every process.rlimits entry. */
int lc_process_set_rlimits (const struct lc_spec_process *p, lc_error_t *err);

/* Write oom_score_adj of pid (the parent does this, before the child drops privileges). */
int lc_process_set_oom_score_adj (pid_t pid, const struct lc_spec_process *p, lc_error_t *err);

/* personality(2) from linux.personality. */
int lc_process_set_personality (const struct lc_spec *spec, lc_error_t *err);

/* sched_setattr from process.scheduler, ioprio_set from process.ioPriority,
   sched_setaffinity from process.execCPUAffinity.initial. */
int lc_process_set_scheduler (const struct lc_spec_process *p, lc_error_t *err);
int lc_process_set_io_priority (const struct lc_spec_process *p, lc_error_t *err);
/* Both affinities apply to the calling process: initial (final=false) early in the init, final
   (final=true) once the process is in the container's cgroup, i.e. right before execve. */
int lc_process_set_cpu_affinity (const struct lc_spec_process *p, bool final, lc_error_t *err);

/* Parse a cpu list like "0-3,7" into a CPU_ALLOC'd set of *out_size bytes (CPU_FREE it); field names it in errors. */
int lc_process_parse_cpu_list (const char *list, const char *field, cpu_set_t **out, size_t *out_size,
                               lc_error_t *err);

/* Drop every capability not in process.capabilities.bounding from the bounding set
   (no capabilities object at all means an empty bounding set). */
int lc_caps_drop_bounding (const struct lc_spec_process *p, lc_error_t *err);

/* setgroups(additionalGids only: never the host's groups), setresgid, setresuid, keeping
   the permitted capabilities across the uid change (PR_SET_KEEPCAPS). */
int lc_process_set_identity (const struct lc_spec_process *p, bool setgroups_allowed, lc_error_t *err);

/* Set effective, permitted and inheritable with libcap, then raise the ambient set; last
   step before seccomp and execve. */
int lc_caps_apply (const struct lc_spec_process *p, lc_error_t *err);

/* prctl(PR_SET_NO_NEW_PRIVS) when asked for. */
int lc_process_set_no_new_privs (bool enable, lc_error_t *err);

/* umask from process.user.umask (0022 when absent, as runc). */
void lc_process_set_umask (const struct lc_spec_process *p);

/* chdir to process.cwd inside the (already pivoted) root, creating it if missing, refusing
   any cwd that does not resolve inside the container root (e.g. /proc/self/fd/N). */
int lc_process_enter_cwd (const struct lc_spec_process *p, lc_error_t *err);

/* Apply linux.sysctl through /proc/sys of the container, refusing keys that are not
   namespaced or whose namespace the container does not own; call it after lc_rootfs_pivot and
   before lc_rootfs_finalize (readonlyPaths usually make /proc/sys read-only). */
int lc_sysctl_apply (const struct lc_spec *spec, lc_error_t *err);

/* Check linux.sysctl against the container's namespaces without applying it; call it in the
   runtime before joining namespaces (a network namespace path equal to the runtime's own is refused). */
int lc_sysctl_validate (const struct lc_spec *spec, lc_error_t *err);

/* A sysctl key in dotted form (sysctl(8): a key whose first separator is '/' swaps '.' and '/'); new string. */
char *lc_sysctl_key_normalize (const char *key);

/* Find args[0] in PATH from env (or the default PATH) as the container sees it; new string. */
char *lc_process_find_executable (const struct lc_spec_process *p, lc_error_t *err);

#endif
