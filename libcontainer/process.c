/* Attributes of the container process set by the process itself before execve: identity,
   limits, scheduling, working directory and the file descriptors it keeps. */
#include "config.h"
#include "process.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <inttypes.h>
#include <linux/close_range.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cleanup.h"
#include "path.h"
#include "utils.h"

/* ---- file descriptors ---------------------------------------------------- */

struct fd_interval
{
  unsigned first;
  unsigned last;
};

static int
compare_intervals (const void *a, const void *b)
{
  const struct fd_interval *x = a, *y = b;
  return (x->first > y->first) - (x->first < y->first);
}

/* Close every fd >= 3 outside the sorted intervals. */
static int
close_outside (const struct fd_interval *keep, size_t n, lc_error_t *err)
{
  unsigned next = 3;
  for (size_t i = 0; i < n; i++)
    {
      if (keep[i].first > next && close_range (next, keep[i].first - 1, 0) < 0)
        return lc_error_make (err, errno, "close file descriptors %u to %u", next, keep[i].first - 1);
      if (keep[i].last + 1 > next)
        next = keep[i].last + 1;
    }
  if (close_range (next, ~0U, 0) < 0)
    return lc_error_make (err, errno, "close file descriptors from %u", next);
  return 0;
}

int
lc_process_close_fds (int preserve_fds, const int *keep, size_t n_keep, lc_error_t *err)
{
  if (preserve_fds < 0)
    return lc_error_make (err, 0, "--preserve-fds must not be negative (got %d)", preserve_fds);

  cleanup_free struct fd_interval *intervals = xcalloc (n_keep + 1, sizeof (*intervals));
  size_t n = 0;
  unsigned preserved_end = 3 + (unsigned) preserve_fds; /* one past the last preserved fd */
  if (preserve_fds > 0)
    intervals[n++] = (struct fd_interval){ 3, preserved_end - 1 };
  for (size_t i = 0; i < n_keep; i++)
    {
      if (keep[i] < 3)
        continue;
      if ((unsigned) keep[i] < preserved_end)
        return lc_error_make (err, 0, "runtime fd %d is inside the preserved range 3..%u", keep[i],
                              preserved_end - 1);
      intervals[n++] = (struct fd_interval){ (unsigned) keep[i], (unsigned) keep[i] };
    }
  qsort (intervals, n, sizeof (*intervals), compare_intervals);

  if (close_outside (intervals, n, err) < 0)
    return -1;

  /* The runtime's own fds must not reach the container program. */
  for (size_t i = 0; i < n_keep; i++)
    if (keep[i] >= 3 && close_range ((unsigned) keep[i], (unsigned) keep[i], CLOSE_RANGE_CLOEXEC) < 0)
      return lc_error_make (err, errno, "mark runtime fd %d close-on-exec", keep[i]);

  /* The preserved fds are the caller's, passed on: they must survive execve. */
  for (unsigned fd = 3; fd < preserved_end; fd++)
    if (fcntl ((int) fd, F_SETFD, 0) < 0 && errno != EBADF)
      return lc_error_make (err, errno, "keep preserved fd %u open across execve", fd);
  return 0;
}

/* ---- limits and identity -------------------------------------------------- */

int
lc_process_set_rlimits (const struct lc_spec_process *p, lc_error_t *err)
{
  for (size_t i = 0; i < p->n_rlimits; i++)
    {
      const struct lc_spec_rlimit *r = &p->rlimits[i];
      struct rlimit64 limit = { .rlim_cur = r->soft, .rlim_max = r->hard };
      if (prlimit64 (0, (enum __rlimit_resource) r->resource, &limit, NULL) < 0)
        return lc_error_make (err, errno, "process.rlimits[%zu] (%s): set soft %" PRIu64 " hard %" PRIu64, i,
                              r->name ? r->name : "?", r->soft, r->hard);
    }
  return 0;
}

int
lc_process_set_oom_score_adj (pid_t pid, const struct lc_spec_process *p, lc_error_t *err)
{
  if (! p->has_oom_score_adj)
    return 0;
  cleanup_free char *path = xasprintf ("/proc/%d/oom_score_adj", (int) pid);
  cleanup_close int fd = open (path, O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    return lc_error_make (err, errno, "open `%s` to set process.oomScoreAdj", path);
  char value[16];
  int len = snprintf (value, sizeof (value), "%d", (int) p->oom_score_adj);
  if (write (fd, value, (size_t) len) != len)
    return lc_error_make (err, errno, "write process.oomScoreAdj %d to `%s`", (int) p->oom_score_adj, path);
  return 0;
}

/* setgroups to exactly additionalGids: never leave the host's supplementary groups in place. */
static int
set_supplementary_groups (const struct lc_spec_user *u, bool setgroups_allowed, lc_error_t *err)
{
  if (! setgroups_allowed)
    {
      /* A user namespace with setgroups denied starts with no supplementary groups of its own. */
      if (u->n_additional_gids == 0)
        return 0;
      return lc_error_make (err, 0,
                            "process.user.additionalGids cannot be set: setgroups is denied in the user namespace");
    }
  if (setgroups (u->n_additional_gids, (const gid_t *) u->additional_gids) < 0)
    return lc_error_make (err, errno, "setgroups to process.user.additionalGids (%zu groups)", u->n_additional_gids);
  return 0;
}

static int
switch_ids (const struct lc_spec_user *u, lc_error_t *err)
{
  if (setresgid (u->gid, u->gid, u->gid) < 0)
    return lc_error_make (err, errno, "setresgid to process.user.gid %" PRIu32, u->gid);
  if (setresuid (u->uid, u->uid, u->uid) < 0)
    return lc_error_make (err, errno, "setresuid to process.user.uid %" PRIu32, u->uid);
  return 0;
}

int
lc_process_set_identity (const struct lc_spec_process *p, bool setgroups_allowed, lc_error_t *err)
{
  if (set_supplementary_groups (&p->user, setgroups_allowed, err) < 0)
    return -1;
  /* Keep the permitted set across the uid change: lc_caps_apply selects from it afterwards. */
  if (prctl (PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
    return lc_error_make (err, errno, "set PR_SET_KEEPCAPS");
  int r = switch_ids (&p->user, err);
  if (prctl (PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0 && r == 0)
    return lc_error_make (err, errno, "clear PR_SET_KEEPCAPS");
  return r;
}

int
lc_process_set_no_new_privs (bool enable, lc_error_t *err)
{
  if (enable && prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
    return lc_error_make (err, errno, "set no_new_privs (process.noNewPrivileges)");
  return 0;
}

void
lc_process_set_umask (const struct lc_spec_process *p)
{
  umask (p->user.has_umask ? (mode_t) (p->user.umask & 0777) : 0022);
}

/* ---- personality and scheduling ----------------------------------------- */

int
lc_process_set_personality (const struct lc_spec *spec, lc_error_t *err)
{
  const struct lc_spec_personality *pers = spec->linux ? spec->linux->personality : NULL;
  if (pers == NULL)
    return 0;

  unsigned long persona;
  if (pers->domain != NULL && strcmp (pers->domain, "LINUX") == 0)
    persona = PER_LINUX;
  else if (pers->domain != NULL && strcmp (pers->domain, "LINUX32") == 0)
    persona = PER_LINUX32;
  else
    return lc_error_make (err, 0, "linux.personality.domain `%s` is not LINUX or LINUX32",
                          pers->domain ? pers->domain : "");
  /* The spec defines no flag names yet: any flag is unknown. */
  if (pers->flags != NULL && pers->flags[0] != NULL)
    return lc_error_make (err, 0, "linux.personality.flags: unknown flag `%s`", pers->flags[0]);

  if (personality (persona) < 0)
    return lc_error_make (err, errno, "set linux.personality.domain %s", pers->domain);
  return 0;
}

/* The kernel's struct sched_attr (glibc has no sched_setattr wrapper), version 1 layout. */
struct kernel_sched_attr
{
  uint32_t size;
  uint32_t sched_policy;
  uint64_t sched_flags;
  int32_t sched_nice;
  uint32_t sched_priority;
  uint64_t sched_runtime;
  uint64_t sched_deadline;
  uint64_t sched_period;
  uint32_t sched_util_min;
  uint32_t sched_util_max;
};

#ifndef SCHED_DEADLINE
#define SCHED_DEADLINE 6
#endif

/* The same constraints runc checks, so a bad config fails with a message, not EINVAL. */
static int
validate_scheduler (const struct lc_spec_scheduler *s, lc_error_t *err)
{
  if (s->has_nice && (s->nice < -20 || s->nice > 19))
    return lc_error_make (err, 0, "process.scheduler.nice %d is outside -20..19", (int) s->nice);
  if (s->has_priority && s->priority != 0 && s->policy != SCHED_FIFO && s->policy != SCHED_RR)
    return lc_error_make (err, 0, "process.scheduler.priority is only valid with SCHED_FIFO or SCHED_RR");
  bool has_deadline_params = (s->has_runtime && s->runtime) || (s->has_deadline && s->deadline)
                             || (s->has_period && s->period);
  if (has_deadline_params && s->policy != SCHED_DEADLINE)
    return lc_error_make (err, 0, "process.scheduler runtime/deadline/period are only valid with SCHED_DEADLINE");
  return 0;
}

int
lc_process_set_scheduler (const struct lc_spec_process *p, lc_error_t *err)
{
  const struct lc_spec_scheduler *s = p->scheduler;
  if (s == NULL)
    return 0;
  if (validate_scheduler (s, err) < 0)
    return -1;

  struct kernel_sched_attr attr = {
    .size = sizeof (attr),
    .sched_policy = (uint32_t) s->policy,
    .sched_flags = s->flags,
    .sched_nice = s->has_nice ? s->nice : 0,
    .sched_priority = s->has_priority ? (uint32_t) s->priority : 0,
    .sched_runtime = s->has_runtime ? s->runtime : 0,
    .sched_deadline = s->has_deadline ? s->deadline : 0,
    .sched_period = s->has_period ? s->period : 0,
  };
  if (syscall (SYS_sched_setattr, 0, &attr, 0) < 0)
    return lc_error_make (err, errno, "sched_setattr from process.scheduler (policy %s)",
                          s->policy_name ? s->policy_name : "?");
  return 0;
}

/* ioprio_set(2) encoding: class in the top bits, level in the low ones. */
#define IOPRIO_WHO_PROCESS_ 1
#define IOPRIO_CLASS_SHIFT_ 13

int
lc_process_set_io_priority (const struct lc_spec_process *p, lc_error_t *err)
{
  const struct lc_spec_io_priority *io = p->io_priority;
  if (io == NULL)
    return 0;
  if (io->priority < 0 || io->priority > 7)
    return lc_error_make (err, 0, "process.ioPriority.priority %d is outside 0..7", (int) io->priority);
  int value = (io->io_class << IOPRIO_CLASS_SHIFT_) | io->priority;
  if (syscall (SYS_ioprio_set, IOPRIO_WHO_PROCESS_, 0, value) < 0)
    return lc_error_make (err, errno, "ioprio_set from process.ioPriority (class %s, priority %d)",
                          io->class_name ? io->class_name : "?", (int) io->priority);
  return 0;
}

/* Highest CPU number a cpu list may name; far above any NR_CPUS, low enough to allocate. */
#define CPU_LIST_MAX 65535

/* Parse a decimal CPU number at *s, advancing *s past it. */
static int
parse_cpu_number (const char **s, unsigned *out)
{
  const char *c = *s;
  unsigned long v = 0;
  if (*c < '0' || *c > '9')
    return -1;
  for (; *c >= '0' && *c <= '9'; c++)
    {
      v = v * 10 + (unsigned long) (*c - '0');
      if (v > CPU_LIST_MAX)
        return -1;
    }
  *s = c;
  *out = (unsigned) v;
  return 0;
}

/* Walk "a-b,c" calling back for each range; the syntax is checked whole before any use. */
static int
for_each_cpu_range (const char *list, void (*fn) (unsigned, unsigned, void *), void *data)
{
  const char *c = list;
  for (;;)
    {
      unsigned first, last;
      if (parse_cpu_number (&c, &first) < 0)
        return -1;
      last = first;
      if (*c == '-')
        {
          c++;
          if (parse_cpu_number (&c, &last) < 0 || last < first)
            return -1;
        }
      if (fn != NULL)
        fn (first, last, data);
      if (*c == '\0')
        return 0;
      if (*c != ',')
        return -1;
      c++;
    }
}

static void
track_max_cpu (unsigned first, unsigned last, void *data)
{
  (void) first;
  unsigned *max = data;
  if (last > *max)
    *max = last;
}

struct cpu_set_fill
{
  cpu_set_t *set;
  size_t size;
};

static void
fill_cpu_range (unsigned first, unsigned last, void *data)
{
  struct cpu_set_fill *fill = data;
  for (unsigned cpu = first; cpu <= last; cpu++)
    CPU_SET_S (cpu, fill->size, fill->set);
}

int
lc_process_parse_cpu_list (const char *list, const char *field, cpu_set_t **out, size_t *out_size, lc_error_t *err)
{
  unsigned max = 0;
  if (for_each_cpu_range (list, track_max_cpu, &max) < 0)
    return lc_error_make (err, 0, "%s: invalid cpu list `%s` (expected e.g. \"0-3,7\", cpus 0..%d)", field,
                          list, CPU_LIST_MAX);
  struct cpu_set_fill fill = { CPU_ALLOC (max + 1), CPU_ALLOC_SIZE (max + 1) };
  if (fill.set == NULL)
    abort ();
  CPU_ZERO_S (fill.size, fill.set);
  for_each_cpu_range (list, fill_cpu_range, &fill);
  *out = fill.set;
  *out_size = fill.size;
  return 0;
}

int
lc_process_set_cpu_affinity (const struct lc_spec_process *p, bool final, lc_error_t *err)
{
  if (p->exec_cpu_affinity == NULL)
    return 0;
  const char *list = final ? p->exec_cpu_affinity->final : p->exec_cpu_affinity->initial;
  const char *field = final ? "process.execCPUAffinity.final" : "process.execCPUAffinity.initial";
  if (list == NULL)
    return 0;

  cpu_set_t *set;
  size_t size;
  if (lc_process_parse_cpu_list (list, field, &set, &size, err) < 0)
    return -1;
  int r = sched_setaffinity (0, size, set);
  int saved = errno;
  CPU_FREE (set);
  if (r < 0)
    return lc_error_make (err, saved, "%s: set cpu affinity to `%s`", field, list);
  return 0;
}

/* ---- working directory and executable ---------------------------------- */

int
lc_process_enter_cwd (const struct lc_spec_process *p, lc_error_t *err)
{
  const char *cwd = p->cwd ? p->cwd : "/";
  if (cwd[0] != '/')
    return lc_error_make (err, 0, "process.cwd `%s` is not an absolute path", cwd);

  /* After pivot_root "/" is the container root; resolution stays inside it and refuses
     magic links, so a cwd like /proc/self/fd/N cannot reach a leaked host directory. */
  cleanup_close int root_fd = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root_fd < 0)
    return lc_error_make (err, errno, "open the container root to resolve process.cwd");
  cleanup_close int dir_fd = lc_path_mkdir_open_in_root (root_fd, cwd, false, err);
  if (dir_fd < 0)
    return lc_error_wrap (err, "process.cwd `%s`", cwd);
  if (fchdir (dir_fd) < 0)
    return lc_error_make (err, errno, "change directory to process.cwd `%s`", cwd);
  return 0;
}

#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/* PATH from the process environment (the last assignment wins, as in a shell), or the default. */
static const char *
search_path (char *const *env)
{
  const char *path = NULL;
  for (size_t i = 0; env != NULL && env[i] != NULL; i++)
    if (strncmp (env[i], "PATH=", 5) == 0)
      path = env[i] + 5;
  return path ? path : DEFAULT_PATH;
}

static bool
is_executable_file (const char *path)
{
  struct stat st;
  if (stat (path, &st) < 0 || ! S_ISREG (st.st_mode))
    return false;
  return faccessat (AT_FDCWD, path, X_OK, AT_EACCESS) == 0;
}

char *
lc_process_find_executable (const struct lc_spec_process *p, lc_error_t *err)
{
  if (p->args == NULL || p->args[0] == NULL || p->args[0][0] == '\0')
    {
      lc_error_make (err, 0, "process.args must name the program to run");
      return NULL;
    }
  const char *name = p->args[0];
  /* A name with a slash is used as given, as execve and runc do. */
  if (strchr (name, '/') != NULL)
    return xstrdup (name);

  const char *dir = search_path (p->env);
  for (;;)
    {
      const char *end = strchrnul (dir, ':');
      /* Empty and relative entries would search the working directory: never do that. */
      if (end > dir && dir[0] == '/')
        {
          cleanup_free char *candidate = xasprintf ("%.*s/%s", (int) (end - dir), dir, name);
          if (is_executable_file (candidate))
            return lc_steal_ptr (&candidate);
        }
      if (*end == '\0')
        break;
      dir = end + 1;
    }
  lc_error_make (err, 0, "executable file `%s` not found in $PATH", name);
  return NULL;
}
