/* lc_process_*: each test runs the call in a forked child (the test process keeps its
   credentials, limits and fds) and the child reports what it then sees through a pipe. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <stdarg.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libcontainer/cleanup.h"
#include "libcontainer/process.h"
#include "libcontainer/utils.h"
#include "unit.h"

typedef void (*child_body) (int out_fd, const struct lc_spec_process *p);

static void
say (int fd, const char *fmt, ...)
{
  va_list ap;
  cleanup_free char *line = NULL;
  va_start (ap, fmt);
  if (vasprintf (&line, fmt, ap) < 0)
    abort ();
  va_end (ap);
  if (write (fd, line, strlen (line)) < 0)
    _exit (3);
}

static void
say_error (int fd, lc_error_t err)
{
  say (fd, "error: %s\n", lc_error_message (err));
}

/* Run body in a child; returns what it reported (plus a note when it did not exit 0). */
static char *
run_in_child (child_body body, const struct lc_spec_process *p)
{
  int pipefd[2];
  if (pipe2 (pipefd, O_CLOEXEC) < 0)
    abort ();
  pid_t pid = fork ();
  if (pid < 0)
    abort ();
  if (pid == 0)
    {
      close (pipefd[0]);
      body (pipefd[1], p);
      _exit (0);
    }
  close (pipefd[1]);
  char *out = NULL;
  size_t len;
  cleanup_error lc_error_t err = NULL;
  if (lc_read_fd_all (pipefd[0], 1 << 20, &out, &len, &err) < 0)
    abort ();
  close (pipefd[0]);
  int status;
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (! WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      char *more = xasprintf ("%schild-status: %d\n", out, status);
      free (out);
      out = more;
    }
  return out;
}

/* ---- close_fds ----------------------------------------------------------- */

/* Put /dev/null at exactly fd N. */
static void
open_at (int n, int flags)
{
  int fd = open ("/dev/null", O_RDONLY | flags);
  if (fd < 0 || (fd != n && (dup3 (fd, n, flags & O_CLOEXEC) < 0 || close (fd) < 0)))
    _exit (4);
}

/* Layout: 3,4 preserved; 5,6 and 1500 stray; 9 and 1200 runtime fds; the report pipe moved to 20. */
static void
close_fds_and_list (int out_fd, const struct lc_spec_process *p)
{
  (void) p;
  if (dup3 (out_fd, 20, O_CLOEXEC) < 0)
    _exit (4);
  close_range (3, 19, 0);
  close_range (21, ~0U, 0);
  out_fd = 20;
  open_at (3, 0);
  open_at (4, O_CLOEXEC); /* preserved fds must survive execve whatever their flag was */
  open_at (5, 0);
  open_at (6, 0);
  open_at (9, 0);
  open_at (1200, 0);
  open_at (1500, 0);

  const int keep[] = { 9, 1200, 20 };
  cleanup_error lc_error_t err = NULL;
  if (lc_process_close_fds (2, keep, 3, &err) < 0)
    {
      say_error (out_fd, err);
      return;
    }
  /* Report each open fd and its close-on-exec flag; fcntl needs no fd of its own. */
  for (int fd = 0; fd < 2048; fd++)
    {
      int flags = fcntl (fd, F_GETFD);
      if (flags >= 0)
        say (out_fd, "%d%s ", fd, (flags & FD_CLOEXEC) ? "c" : "");
    }
}

TEST (close_fds_keeps_stdio_preserved_and_runtime_fds_only)
{
  struct lc_spec_process p = { 0 };
  cleanup_free char *out = run_in_child (close_fds_and_list, &p);
  EXPECT_STR_EQ ("0 1 2 3 4 9c 20c 1200c ", out);
}

static void
close_fds_with_overlap (int out_fd, const struct lc_spec_process *p)
{
  (void) p;
  const int keep[] = { 4 };
  cleanup_error lc_error_t err = NULL;
  if (lc_process_close_fds (3, keep, 1, &err) < 0)
    say_error (out_fd, err);
}

TEST (close_fds_refuses_runtime_fd_inside_preserved_range)
{
  struct lc_spec_process p = { 0 };
  cleanup_free char *out = run_in_child (close_fds_with_overlap, &p);
  EXPECT_STR_EQ ("error: runtime fd 4 is inside the preserved range 3..5\n", out);
}

/* ---- rlimits, umask, identity, oom --------------------------------------- */

static void
set_rlimits_and_report (int fd, const struct lc_spec_process *p)
{
  cleanup_error lc_error_t err = NULL;
  if (lc_process_set_rlimits (p, &err) < 0)
    {
      say_error (fd, err);
      return;
    }
  struct rlimit msgqueue, core;
  getrlimit (RLIMIT_MSGQUEUE, &msgqueue);
  getrlimit (RLIMIT_CORE, &core);
  say (fd, "msgqueue=%llu/%llu core=%llu/%llu\n", (unsigned long long) msgqueue.rlim_cur,
       (unsigned long long) msgqueue.rlim_max, (unsigned long long) core.rlim_cur, (unsigned long long) core.rlim_max);
}

TEST (rlimits_are_applied)
{
  struct lc_spec_rlimit limits[] = {
    { RLIMIT_MSGQUEUE, "RLIMIT_MSGQUEUE", 1000, 2000 },
    { RLIMIT_CORE, "RLIMIT_CORE", 0, 4096 },
  };
  struct lc_spec_process p = { .rlimits = limits, .n_rlimits = 2 };
  cleanup_free char *out = run_in_child (set_rlimits_and_report, &p);
  EXPECT_STR_EQ ("msgqueue=1000/2000 core=0/4096\n", out);
}

TEST (rlimit_error_names_the_entry)
{
  struct lc_spec_rlimit limits[] = {
    { RLIMIT_CORE, "RLIMIT_CORE", 0, 0 },
    { RLIMIT_MSGQUEUE, "RLIMIT_MSGQUEUE", 300, 200 },
  };
  struct lc_spec_process p = { .rlimits = limits, .n_rlimits = 2 };
  cleanup_free char *out = run_in_child (set_rlimits_and_report, &p);
  EXPECT_STR_EQ ("error: process.rlimits[1] (RLIMIT_MSGQUEUE): set soft 300 hard 200: Invalid argument\n", out);
}

static void
set_umask_and_report (int fd, const struct lc_spec_process *p)
{
  umask (0);
  lc_process_set_umask (p);
  say (fd, "%04o\n", (unsigned) umask (0));
}

TEST (umask_defaults_to_0022)
{
  struct lc_spec_process p = { 0 };
  cleanup_free char *out = run_in_child (set_umask_and_report, &p);
  EXPECT_STR_EQ ("0022\n", out);
}

TEST (umask_is_set_as_configured)
{
  struct lc_spec_process p = { .user = { .has_umask = true, .umask = 0077 } };
  cleanup_free char *out = run_in_child (set_umask_and_report, &p);
  EXPECT_STR_EQ ("0077\n", out);
}

/* The child starts with host-like supplementary groups that must not survive. */
static void
set_identity_and_report (int fd, const struct lc_spec_process *p)
{
  const gid_t host_groups[] = { 10, 11 };
  if (setgroups (2, host_groups) < 0)
    _exit (4);
  cleanup_error lc_error_t err = NULL;
  if (lc_process_set_identity (p, true, &err) < 0)
    {
      say_error (fd, err);
      return;
    }
  uid_t r, e, s;
  gid_t gr, ge, gs;
  getresuid (&r, &e, &s);
  getresgid (&gr, &ge, &gs);
  gid_t groups[16];
  int n = getgroups (16, groups);
  say (fd, "uid=%d/%d/%d gid=%d/%d/%d groups=", (int) r, (int) e, (int) s, (int) gr, (int) ge, (int) gs);
  for (int i = 0; i < n; i++)
    say (fd, "%d,", (int) groups[i]);
  say (fd, " keepcaps=%d\n", prctl (PR_GET_KEEPCAPS, 0, 0, 0, 0));
}

TEST (identity_sets_uid_gid_and_exactly_the_additional_gids)
{
  uint32_t gids[] = { 5, 6 };
  struct lc_spec_process p = { .user = { .uid = 1000, .gid = 1001, .additional_gids = gids, .n_additional_gids = 2 } };
  cleanup_free char *out = run_in_child (set_identity_and_report, &p);
  EXPECT_STR_EQ ("uid=1000/1000/1000 gid=1001/1001/1001 groups=5,6, keepcaps=0\n", out);
}

TEST (identity_without_additional_gids_drops_every_supplementary_group)
{
  struct lc_spec_process p = { .user = { .uid = 1000, .gid = 1000 } };
  cleanup_free char *out = run_in_child (set_identity_and_report, &p);
  EXPECT_STR_EQ ("uid=1000/1000/1000 gid=1000/1000/1000 groups= keepcaps=0\n", out);
}

static void
set_identity_setgroups_denied (int fd, const struct lc_spec_process *p)
{
  cleanup_error lc_error_t err = NULL;
  if (lc_process_set_identity (p, false, &err) < 0)
    say_error (fd, err);
  else
    say (fd, "uid=%d\n", (int) getuid ());
}

TEST (identity_with_setgroups_denied_refuses_additional_gids)
{
  uint32_t gids[] = { 5 };
  struct lc_spec_process p = { .user = { .uid = 1000, .gid = 1000, .additional_gids = gids, .n_additional_gids = 1 } };
  cleanup_free char *out = run_in_child (set_identity_setgroups_denied, &p);
  EXPECT_STR_EQ ("error: process.user.additionalGids cannot be set: setgroups is denied in the user namespace\n", out);
}

TEST (identity_with_setgroups_denied_and_no_gids_succeeds)
{
  struct lc_spec_process p = { .user = { .uid = 1000, .gid = 1000 } };
  cleanup_free char *out = run_in_child (set_identity_setgroups_denied, &p);
  EXPECT_STR_EQ ("uid=1000\n", out);
}

static void
set_no_new_privs_and_report (int fd, const struct lc_spec_process *p)
{
  (void) p;
  cleanup_error lc_error_t err = NULL;
  if (lc_process_set_no_new_privs (true, &err) < 0)
    say_error (fd, err);
  else
    say (fd, "nnp=%d\n", prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
}

TEST (no_new_privs_is_set)
{
  struct lc_spec_process p = { 0 };
  cleanup_free char *out = run_in_child (set_no_new_privs_and_report, &p);
  EXPECT_STR_EQ ("nnp=1\n", out);
}

TEST (oom_score_adj_is_written_for_the_pid)
{
  pid_t pid = fork ();
  if (pid == 0)
    {
      pause ();
      _exit (0);
    }
  struct lc_spec_process p = { .has_oom_score_adj = true, .oom_score_adj = 500 };
  cleanup_error lc_error_t err = NULL;
  EXPECT_INT_EQ (0, lc_process_set_oom_score_adj (pid, &p, &err));
  cleanup_free char *path = xasprintf ("/proc/%d/oom_score_adj", (int) pid);
  cleanup_free char *value = NULL;
  size_t len;
  EXPECT_INT_EQ (0, lc_read_file_at (AT_FDCWD, path, 64, &value, &len, &err));
  EXPECT_STR_EQ ("500\n", value);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
}

/* ---- personality and scheduling ----------------------------------------- */

static void
set_personality_and_report (int fd, const struct lc_spec_process *p)
{
  const struct lc_spec *spec = (const struct lc_spec *) p->args; /* smuggled in by the test */
  cleanup_error lc_error_t err = NULL;
  if (lc_process_set_personality (spec, &err) < 0)
    say_error (fd, err);
  else
    say (fd, "persona=%#x\n", (unsigned) personality (0xffffffff));
}

static char *
run_personality (const char *domain, char **flags)
{
  struct lc_spec_personality pers = { .domain = (char *) domain, .flags = flags };
  struct lc_spec_linux lx = { .personality = &pers };
  struct lc_spec spec = { .linux = &lx };
  struct lc_spec_process p = { .args = (char **) &spec };
  return run_in_child (set_personality_and_report, &p);
}

TEST (personality_linux32_is_set)
{
  cleanup_free char *out = run_personality ("LINUX32", NULL);
  EXPECT_STR_EQ ("persona=0x8\n", out);
}

TEST (personality_refuses_unknown_flags)
{
  char *flags[] = { "ADDR_NO_RANDOMIZE", NULL };
  cleanup_free char *out = run_personality ("LINUX", flags);
  EXPECT_STR_EQ ("error: linux.personality.flags: unknown flag `ADDR_NO_RANDOMIZE`\n", out);
}

static void
set_scheduler_and_report (int fd, const struct lc_spec_process *p)
{
  cleanup_error lc_error_t err = NULL;
  if (lc_process_set_scheduler (p, &err) < 0)
    say_error (fd, err);
  else
    say (fd, "policy=%d nice=%d\n", sched_getscheduler (0), getpriority (PRIO_PROCESS, 0));
}

TEST (scheduler_policy_and_nice_are_set)
{
  struct lc_spec_scheduler s = { .policy = SCHED_BATCH, .policy_name = "SCHED_BATCH", .has_nice = true, .nice = 5 };
  struct lc_spec_process p = { .scheduler = &s };
  cleanup_free char *out = run_in_child (set_scheduler_and_report, &p);
  cleanup_free char *expected = xasprintf ("policy=%d nice=5\n", SCHED_BATCH);
  EXPECT_STR_EQ (expected, out);
}

TEST (scheduler_refuses_priority_outside_realtime_policies)
{
  struct lc_spec_scheduler s = { .policy = SCHED_OTHER, .has_priority = true, .priority = 3 };
  struct lc_spec_process p = { .scheduler = &s };
  cleanup_free char *out = run_in_child (set_scheduler_and_report, &p);
  EXPECT_STR_EQ ("error: process.scheduler.priority is only valid with SCHED_FIFO or SCHED_RR\n", out);
}

static void
set_io_priority_and_report (int fd, const struct lc_spec_process *p)
{
  cleanup_error lc_error_t err = NULL;
  if (lc_process_set_io_priority (p, &err) < 0)
    say_error (fd, err);
  else
    say (fd, "ioprio=%ld\n", syscall (SYS_ioprio_get, 1, 0));
}

TEST (io_priority_is_set)
{
  struct lc_spec_io_priority io = { .io_class = 2, .class_name = "IOPRIO_CLASS_BE", .priority = 3 };
  struct lc_spec_process p = { .io_priority = &io };
  cleanup_free char *out = run_in_child (set_io_priority_and_report, &p);
  EXPECT_STR_EQ ("ioprio=16387\n", out); /* (2 << 13) | 3 */
}

TEST (cpu_list_parses_ranges_and_single_cpus)
{
  cpu_set_t *set = NULL;
  size_t size = 0;
  cleanup_error lc_error_t err = NULL;
  EXPECT_INT_EQ (0, lc_process_parse_cpu_list ("0-3,7,1030", "f", &set, &size, &err));
  if (set == NULL)
    return;
  EXPECT_INT_EQ (6, CPU_COUNT_S (size, set));
  EXPECT_TRUE (CPU_ISSET_S (0, size, set) && CPU_ISSET_S (3, size, set));
  EXPECT_TRUE (CPU_ISSET_S (7, size, set) && CPU_ISSET_S (1030, size, set));
  EXPECT_TRUE (! CPU_ISSET_S (4, size, set));
  CPU_FREE (set);
}

TEST (cpu_list_refuses_malformed_lists)
{
  const char *bad[] = { "", "3-1", "1,", ",1", "a", "1-", "0-70000", "1 ,2", "-1" };
  for (size_t i = 0; i < sizeof (bad) / sizeof (bad[0]); i++)
    {
      cpu_set_t *set = NULL;
      size_t size = 0;
      cleanup_error lc_error_t err = NULL;
      if (lc_process_parse_cpu_list (bad[i], "process.execCPUAffinity.initial", &set, &size, &err) == 0)
        {
          FAIL ("cpu list \"%s\" was accepted", bad[i]);
          CPU_FREE (set);
          continue;
        }
      cleanup_free char *expected = xasprintf ("process.execCPUAffinity.initial: invalid cpu list `%s`", bad[i]);
      if (strncmp (lc_error_message (err), expected, strlen (expected)) != 0)
        FAIL ("expected \"%s...\", saw \"%s\"", expected, lc_error_message (err));
    }
}

static void
set_affinity_and_report (int fd, const struct lc_spec_process *p)
{
  cleanup_error lc_error_t err = NULL;
  if (lc_process_set_cpu_affinity (p, false, &err) < 0)
    {
      say_error (fd, err);
      return;
    }
  cpu_set_t set;
  sched_getaffinity (0, sizeof (set), &set);
  say (fd, "count=%d cpu0=%d\n", CPU_COUNT (&set), CPU_ISSET (0, &set) ? 1 : 0);
}

TEST (cpu_affinity_initial_is_applied)
{
  struct lc_spec_cpu_affinity aff = { .initial = "0", .final = "1" };
  struct lc_spec_process p = { .exec_cpu_affinity = &aff };
  cleanup_free char *out = run_in_child (set_affinity_and_report, &p);
  EXPECT_STR_EQ ("count=1 cpu0=1\n", out);
}

/* ---- find_executable ----------------------------------------------------- */

struct exec_dir
{
  char path[64];
};

static void
exec_dir_create (struct exec_dir *d)
{
  snprintf (d->path, sizeof (d->path), "/tmp/test-process-XXXXXX");
  if (mkdtemp (d->path) == NULL)
    abort ();
  cleanup_free char *tool = xasprintf ("%s/tool", d->path);
  cleanup_free char *data = xasprintf ("%s/data", d->path);
  cleanup_free char *sub = xasprintf ("%s/subdir", d->path);
  int fd = open (tool, O_CREAT | O_WRONLY | O_CLOEXEC, 0755);
  int fd2 = open (data, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0 || fd2 < 0 || mkdir (sub, 0755) < 0)
    abort ();
  close (fd);
  close (fd2);
}

static void
exec_dir_remove (struct exec_dir *d)
{
  cleanup_free char *cmd = xasprintf ("rm -rf '%s'", d->path);
  if (system (cmd) != 0)
    abort ();
}

static char *
find_with_path (const char *name, const char *path_value)
{
  cleanup_free char *path_env = path_value ? xasprintf ("PATH=%s", path_value) : NULL;
  char *args[] = { (char *) name, NULL };
  char *env[] = { "HOME=/root", "PATH=/stale", path_env, NULL };
  struct lc_spec_process p = { .args = args, .env = path_value ? env : NULL };
  cleanup_error lc_error_t err = NULL;
  char *found = lc_process_find_executable (&p, &err);
  if (found == NULL)
    return xasprintf ("error: %s", lc_error_message (err));
  return found;
}

TEST (find_executable_searches_path_from_env)
{
  struct exec_dir d;
  exec_dir_create (&d);
  cleanup_free char *path = xasprintf ("/nonexistent:%s", d.path);
  cleanup_free char *found = find_with_path ("tool", path);
  cleanup_free char *expected = xasprintf ("%s/tool", d.path);
  EXPECT_STR_EQ (expected, found);
  exec_dir_remove (&d);
}

TEST (find_executable_skips_non_executable_files_and_directories)
{
  struct exec_dir d;
  exec_dir_create (&d);
  cleanup_free char *data = find_with_path ("data", d.path);
  cleanup_free char *sub = find_with_path ("subdir", d.path);
  EXPECT_STR_EQ ("error: executable file `data` not found in $PATH", data);
  EXPECT_STR_EQ ("error: executable file `subdir` not found in $PATH", sub);
  exec_dir_remove (&d);
}

TEST (find_executable_ignores_relative_path_entries)
{
  struct exec_dir d;
  exec_dir_create (&d);
  char cwd[4096];
  if (getcwd (cwd, sizeof (cwd)) == NULL || chdir (d.path) < 0)
    abort ();
  cleanup_free char *found = find_with_path ("tool", ":.:subdir/..");
  if (chdir (cwd) < 0)
    abort ();
  EXPECT_STR_EQ ("error: executable file `tool` not found in $PATH", found);
  exec_dir_remove (&d);
}

TEST (find_executable_uses_the_default_path_without_env)
{
  cleanup_free char *found = find_with_path ("sh", NULL);
  struct stat st;
  EXPECT_TRUE (strncmp (found, "/", 1) == 0 && strcmp (found + strlen (found) - 3, "/sh") == 0);
  EXPECT_TRUE (stat (found, &st) == 0);
}

TEST (find_executable_keeps_names_with_a_slash)
{
  cleanup_free char *found = find_with_path ("./bin/thing", "/usr/bin");
  EXPECT_STR_EQ ("./bin/thing", found);
}

/* ---- enter_cwd ----------------------------------------------------------- */

/* In a new mount namespace, chroot into a temporary root with a procfs at /proc while fd
   `leak` (opened before) still refers to a host directory; then enter process.cwd. */
static void
enter_cwd_in_chroot (int fd, const struct lc_spec_process *p)
{
  char root[] = "/tmp/test-process-root-XXXXXX";
  if (mkdtemp (root) == NULL || unshare (CLONE_NEWNS) < 0 || mount (NULL, "/", "none", MS_REC | MS_PRIVATE, NULL) < 0
      || mount ("tmpfs", root, "tmpfs", 0, "size=1m") < 0)
    _exit (4);
  int leak = open ("/tmp", O_RDONLY | O_DIRECTORY); /* a host directory: not CLOEXEC, like a leaked fd */
  if (leak < 0 || chdir (root) < 0 || mkdir ("proc", 0755) < 0 || mount ("proc", "proc", "proc", 0, NULL) < 0
      || symlinkat ("../../..", AT_FDCWD, "escape") < 0 || chroot (".") < 0 || chdir ("/") < 0)
    _exit (5);
  rmdir (root); /* busy mount point in our namespace: fails quietly; removed by the parent */

  struct lc_spec_process q = *p;
  cleanup_free char *leaked = xasprintf ("/proc/self/fd/%d", leak);
  if (strcmp (q.cwd, "LEAK") == 0)
    q.cwd = leaked;
  cleanup_error lc_error_t err = NULL;
  if (lc_process_enter_cwd (&q, &err) < 0)
    {
      say_error (fd, err);
      return;
    }
  char here[4096];
  say (fd, "cwd=%s\n", getcwd (here, sizeof (here)) ? here : strerror (errno));
}

static char *
run_enter_cwd (const char *cwd)
{
  struct lc_spec_process p = { .cwd = (char *) cwd };
  char *out = run_in_child (enter_cwd_in_chroot, &p);
  if (system ("rmdir /tmp/test-process-root-* 2>/dev/null") < 0)
    abort ();
  return out;
}

TEST (enter_cwd_creates_a_missing_directory)
{
  cleanup_free char *out = run_enter_cwd ("/work/dir");
  EXPECT_STR_EQ ("cwd=/work/dir\n", out);
}

TEST (enter_cwd_refuses_a_proc_fd_magic_link)
{
  cleanup_free char *out = run_enter_cwd ("LEAK");
  if (strncmp (out, "error: process.cwd `/proc/self/fd/", 34) != 0 || strstr (out, "symbolic links") == NULL)
    FAIL ("expected a refusal naming process.cwd (ELOOP), saw \"%s\"", out);
}

TEST (enter_cwd_resolves_symlinks_inside_the_root)
{
  cleanup_free char *out = run_enter_cwd ("/escape/proc");
  EXPECT_STR_EQ ("cwd=/proc\n", out);
}

TEST (enter_cwd_refuses_a_relative_path)
{
  struct lc_spec_process p = { .cwd = "work" };
  cleanup_error lc_error_t err = NULL;
  EXPECT_INT_EQ (-1, lc_process_enter_cwd (&p, &err));
  EXPECT_STR_EQ ("process.cwd `work` is not an absolute path", lc_error_message (err));
}

UNIT_MAIN (T (close_fds_keeps_stdio_preserved_and_runtime_fds_only),
           T (close_fds_refuses_runtime_fd_inside_preserved_range), T (rlimits_are_applied),
           T (rlimit_error_names_the_entry), T (umask_defaults_to_0022), T (umask_is_set_as_configured),
           T (identity_sets_uid_gid_and_exactly_the_additional_gids),
           T (identity_without_additional_gids_drops_every_supplementary_group),
           T (identity_with_setgroups_denied_refuses_additional_gids),
           T (identity_with_setgroups_denied_and_no_gids_succeeds), T (no_new_privs_is_set),
           T (oom_score_adj_is_written_for_the_pid), T (personality_linux32_is_set),
           T (personality_refuses_unknown_flags), T (scheduler_policy_and_nice_are_set),
           T (scheduler_refuses_priority_outside_realtime_policies), T (io_priority_is_set),
           T (cpu_list_parses_ranges_and_single_cpus), T (cpu_list_refuses_malformed_lists),
           T (cpu_affinity_initial_is_applied), T (find_executable_searches_path_from_env),
           T (find_executable_skips_non_executable_files_and_directories),
           T (find_executable_ignores_relative_path_entries), T (find_executable_uses_the_default_path_without_env),
           T (find_executable_keeps_names_with_a_slash), T (enter_cwd_creates_a_missing_directory),
           T (enter_cwd_refuses_a_proc_fd_magic_link), T (enter_cwd_resolves_symlinks_inside_the_root),
           T (enter_cwd_refuses_a_relative_path))
