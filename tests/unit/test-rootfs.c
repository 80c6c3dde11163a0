/* lc_rootfs_*: each test forks a child into a throwaway mount namespace, builds a container
   filesystem from a hand-made spec in a temporary rootfs, and reports what it sees (its
   mountinfo, stat of probes, errors) through a pipe; the parent asserts on that report and
   checks that the host's mount table did not change. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libcontainer/cleanup.h"
#include "libcontainer/rootfs.h"
#include "libcontainer/utils.h"
#include "unit.h"

struct sandbox
{
  char base[64];   /* temporary directory holding everything */
  char rootfs[96]; /* base/rootfs: the container's root */
  char host[96];   /* base/host: bind sources */
  int out_fd;      /* the child's report pipe */
  int proc_fd;     /* the host's /proc, opened before pivot: reachable after it */
};

typedef void (*child_body) (struct sandbox *sb);

static void
sh (const char *fmt, ...)
{
  va_list ap;
  cleanup_free char *cmd = NULL;
  va_start (ap, fmt);
  if (vasprintf (&cmd, fmt, ap) < 0)
    abort ();
  va_end (ap);
  if (system (cmd) != 0)
    {
      fprintf (stderr, "fixture command failed: %s\n", cmd);
      abort ();
    }
}

static void
report (struct sandbox *sb, const char *fmt, ...)
{
  va_list ap;
  cleanup_free char *line = NULL;
  va_start (ap, fmt);
  if (vasprintf (&line, fmt, ap) < 0)
    abort ();
  va_end (ap);
  if (write (sb->out_fd, line, strlen (line)) < 0)
    _exit (3);
}

static char *
read_host_mountinfo (void)
{
  char *text = NULL;
  size_t len;
  lc_error_t err = NULL;
  if (lc_read_file_at (AT_FDCWD, "/proc/self/mountinfo", 1 << 22, &text, &len, &err) < 0)
    abort ();
  return text;
}

/* Run body in a child in a new private mount namespace; returns everything it reported. */
static char *
run_in_namespace (struct sandbox *sb, child_body body, int extra_unshare)
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
      sb->out_fd = pipefd[1];
      if (unshare (CLONE_NEWNS | extra_unshare) < 0 || mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
        {
          report (sb, "error: unshare: %s\n", strerror (errno));
          _exit (2);
        }
      sb->proc_fd = open ("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
      body (sb);
      _exit (0);
    }
  close (pipefd[1]);
  char *out = NULL;
  size_t len;
  lc_error_t err = NULL;
  if (lc_read_fd_all (pipefd[0], 1 << 22, &out, &len, &err) < 0)
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

static void
sandbox_create (struct sandbox *sb)
{
  snprintf (sb->base, sizeof (sb->base), "/tmp/test-rootfs-XXXXXX");
  if (mkdtemp (sb->base) == NULL)
    abort ();
  snprintf (sb->rootfs, sizeof (sb->rootfs), "%s/rootfs", sb->base);
  snprintf (sb->host, sizeof (sb->host), "%s/host", sb->base);
  sh ("mkdir -p %s/etc %s/dev %s && echo marker > %s/marker && echo hostfile > %s/file", sb->rootfs, sb->rootfs,
      sb->host, sb->rootfs, sb->host);
}

static void
sandbox_destroy (struct sandbox *sb)
{
  sh ("rm -rf %s", sb->base);
}

/* ---- what the child does ---------------------------------------------------- */

static const struct lc_context test_ctx = { .log_fd = -1 };

/* The spec and options the current test hands to the child (set before the fork). */
struct scenario
{
  struct lc_spec *spec;
  struct lc_rootfs_options opts;
  bool stop_after_mount_all; /* report the host-side view before pivot */
};
static struct scenario scenario;

static void
report_mountinfo (struct sandbox *sb)
{
  char *text = NULL;
  size_t len;
  lc_error_t err = NULL;
  /* Opened now, so that paths are shown relative to the current root (the container's). */
  if (lc_read_file_at (sb->proc_fd, "self/mountinfo", 1 << 22, &text, &len, &err) < 0)
    {
      report (sb, "error: mountinfo unreadable\n");
      return;
    }
  report (sb, "%s", text);
  free (text);
}

static void
report_stat (struct sandbox *sb, const char *path)
{
  struct stat st;
  if (lstat (path, &st) < 0)
    {
      report (sb, "stat %s missing\n", path);
      return;
    }
  const char *kind = S_ISCHR (st.st_mode) ? "c" : S_ISBLK (st.st_mode) ? "b" : S_ISLNK (st.st_mode) ? "l"
                     : S_ISDIR (st.st_mode)                                  ? "d"
                     : S_ISREG (st.st_mode)                                  ? "f"
                                                                             : "?";
  report (sb, "stat %s %s %u:%u %04o %u:%u\n", path, kind, major (st.st_rdev), minor (st.st_rdev),
          (unsigned) (st.st_mode & 07777), (unsigned) st.st_uid, (unsigned) st.st_gid);
}

static void
report_link (struct sandbox *sb, const char *path)
{
  char buf[256];
  ssize_t n = readlink (path, buf, sizeof (buf) - 1);
  buf[n < 0 ? 0 : n] = '\0';
  report (sb, "link %s %s\n", path, n < 0 ? "-" : buf);
}

/* mount_all, pivot, finalize; 0 when all succeeded (an error is reported otherwise). */
static int
build_container (struct sandbox *sb)
{
  cleanup_error lc_error_t err = NULL;
  scenario.opts.rootfs = sb->rootfs;
  if (lc_rootfs_mount_all (&test_ctx, scenario.spec, &scenario.opts, &err) < 0)
    {
      report (sb, "error: %s\n", lc_error_message (err));
      return -1;
    }
  if (scenario.stop_after_mount_all)
    {
      report_mountinfo (sb);
      return -1;
    }
  if (lc_rootfs_pivot (&test_ctx, scenario.spec, &scenario.opts, &err) < 0
      || lc_rootfs_finalize (&test_ctx, scenario.spec, &scenario.opts, &err) < 0)
    {
      report (sb, "error: %s\n", lc_error_message (err));
      return -1;
    }
  return 0;
}

/* The probes every test may look at, from inside the finished container. */
static const char *const probes[] = { "/marker", "/dev/null", "/dev/zero", "/dev/full", "/dev/random",
                                      "/dev/urandom", "/dev/tty", "/dev/console", "/dev/fuse", "/secret",
                                      "/data/file", "/dev/ptmx", "/tmp", "/run", "/var/tmp", NULL };

static void
body_build_and_report (struct sandbox *sb)
{
  if (build_container (sb) < 0)
    return;
  report (sb, "ok\n");
  for (size_t i = 0; probes[i] != NULL; i++)
    report_stat (sb, probes[i]);
  report_link (sb, "/dev/ptmx");
  report_link (sb, "/dev/fd");
  report_link (sb, "/dev/stdin");
  report (sb, "marker-writable %s\n", access ("/marker", W_OK) == 0 ? "yes" : "no");
  report_mountinfo (sb);
}

/* ---- the parent's view of the report ------------------------------------------ */

/* The last mountinfo line whose mount point is MOUNTPOINT (the topmost mount), or NULL. */
static char *
mount_line (const char *out, const char *mountpoint)
{
  char *found = NULL;
  cleanup_free char *copy = xstrdup (out);
  char *save = NULL;
  for (char *line = strtok_r (copy, "\n", &save); line != NULL; line = strtok_r (NULL, "\n", &save))
    {
      char mp[4096];
      if (sscanf (line, "%*d %*d %*s %*s %4095s", mp) == 1 && strcmp (mp, mountpoint) == 0)
        {
          free (found);
          found = xstrdup (line);
        }
    }
  return found;
}

/* How many mountinfo lines have MOUNTPOINT as their mount point. */
static int
count_mounts (const char *out, const char *mountpoint)
{
  int n = 0;
  cleanup_free char *copy = xstrdup (out);
  char *save = NULL;
  for (char *line = strtok_r (copy, "\n", &save); line != NULL; line = strtok_r (NULL, "\n", &save))
    {
      char mp[4096];
      if (sscanf (line, "%*d %*d %*s %*s %4095s", mp) == 1 && strcmp (mp, mountpoint) == 0)
        n++;
    }
  return n;
}

/* Whether the per-mount options of a mountinfo line include OPT. */
static bool
mount_has_option (const char *line, const char *opt)
{
  char opts[1024];
  if (line == NULL || sscanf (line, "%*d %*d %*s %*s %*s %1023s", opts) != 1)
    return false;
  char *save = NULL;
  for (char *o = strtok_r (opts, ",", &save); o != NULL; o = strtok_r (NULL, ",", &save))
    if (strcmp (o, opt) == 0)
      return true;
  return false;
}

/* The filesystem type of a mountinfo line ("" when there is no line). */
static char *
mount_fstype (const char *line)
{
  char type[64] = "";
  const char *dash = line ? strstr (line, " - ") : NULL;
  if (dash != NULL)
    sscanf (dash + 3, "%63s", type);
  return xstrdup (type);
}

static bool
report_has (const char *out, const char *needle)
{
  return strstr (out, needle) != NULL;
}

/* Run the scenario in a fresh sandbox; the host mount table must be the same afterwards. */
static char *
run_scenario (bool *unit_failed_, struct sandbox *sb, child_body body, int extra_unshare)
{
  cleanup_free char *before = read_host_mountinfo ();
  char *out = run_in_namespace (sb, body, extra_unshare);
  cleanup_free char *after = read_host_mountinfo ();
  if (strcmp (before, after) != 0)
    FAIL ("the host mount table changed:\nbefore:\n%s\nafter:\n%s", before, after);
  if (getenv ("TEST_ROOTFS_VERBOSE") != NULL)
    printf ("%s", out);
  return out;
}

#define EXPECT_REPORT_OK(out)                                                                                         \
  do                                                                                                                  \
    if (! report_has (out, "ok\n"))                                                                                   \
      FAIL ("the container was not built:\n%s", out);                                                                 \
  while (0)

static void
scenario_reset (struct lc_spec *spec)
{
  memset (&scenario, 0, sizeof (scenario));
  scenario.spec = spec;
  scenario.opts.console_slave_fd = -1;
}

/* The usual /dev tmpfs entry of an OCI config. */
static char *dev_options[] = { "nosuid", "strictatime", "mode=755", "size=65536k", NULL };
static struct lc_spec_mount dev_mount = { .destination = "/dev", .type = "tmpfs", .source = "tmpfs",
                                          .options = dev_options };

/* ---- tests ------------------------------------------------------------------- */

TEST (rootfs_is_readonly_by_default)
{
  struct sandbox sb;
  struct lc_spec_root root = { .path = "rootfs" };
  struct lc_spec spec = { .root = &root };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *line = mount_line (out, "/");
  EXPECT_TRUE (mount_has_option (line, "ro"));
  EXPECT_TRUE (report_has (out, "marker-writable no"));
  EXPECT_TRUE (lc_rootfs_is_readonly (&spec));
  sandbox_destroy (&sb);
}

TEST (explicit_readonly_false_keeps_root_writable_without_default_tmpfs)
{
  struct sandbox sb;
  struct lc_spec_root root = { .path = "rootfs", .has_readonly = true, .readonly = false };
  struct lc_spec spec = { .root = &root };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *line = mount_line (out, "/");
  cleanup_free char *tmp = mount_line (out, "/tmp");
  EXPECT_TRUE (mount_has_option (line, "rw"));
  EXPECT_TRUE (report_has (out, "marker-writable yes"));
  EXPECT_TRUE (tmp == NULL);
  EXPECT_TRUE (! lc_rootfs_is_readonly (&spec));
  sandbox_destroy (&sb);
}

TEST (readonly_root_gets_tmpfs_on_tmp_run_and_var_tmp)
{
  struct sandbox sb;
  struct lc_spec spec = { 0 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *tmp = mount_line (out, "/tmp");
  cleanup_free char *vartmp = mount_line (out, "/var/tmp");
  cleanup_free char *run = mount_line (out, "/run");
  cleanup_free char *tmp_type = mount_fstype (tmp);
  EXPECT_STR_EQ ("tmpfs", tmp_type);
  EXPECT_TRUE (mount_has_option (tmp, "rw") && mount_has_option (tmp, "nosuid") && mount_has_option (tmp, "nodev")
               && mount_has_option (tmp, "noexec"));
  EXPECT_TRUE (report_has (out, "stat /tmp d 0:0 1777 0:0"));
  EXPECT_TRUE (report_has (out, "stat /var/tmp d 0:0 1777 0:0"));
  EXPECT_TRUE (report_has (out, "stat /run d 0:0 0755 0:0"));
  EXPECT_TRUE (mount_has_option (vartmp, "noexec"));
  EXPECT_TRUE (mount_has_option (run, "nosuid") && mount_has_option (run, "nodev"));
  EXPECT_TRUE (run != NULL && ! mount_has_option (run, "noexec"));
  sandbox_destroy (&sb);
}

TEST (config_mount_on_tmp_replaces_the_default_tmpfs)
{
  struct sandbox sb;
  char *options[] = { "size=1m", NULL };
  struct lc_spec_mount mounts[] = { { .destination = "/tmp", .type = "tmpfs", .source = "tmpfs", .options = options } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *tmp = mount_line (out, "/tmp");
  EXPECT_TRUE (tmp != NULL && strstr (tmp, "size=1024k") != NULL);
  /* Only one mount at /tmp: the config's. */
  EXPECT_INT_EQ (1, count_mounts (out, "/tmp"));
  sandbox_destroy (&sb);
}

TEST (bind_with_ro_is_readonly_and_shows_the_source)
{
  struct sandbox sb;
  char *options[] = { "bind", "ro", "nosuid", NULL };
  struct lc_spec_mount mounts[] = { { .destination = "/data", .type = "none", .options = options } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  mounts[0].source = sb.host;
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *data = mount_line (out, "/data");
  EXPECT_TRUE (mount_has_option (data, "ro"));
  EXPECT_TRUE (mount_has_option (data, "nosuid"));
  EXPECT_TRUE (report_has (out, "stat /data/file f"));
  sandbox_destroy (&sb);
}

TEST (bind_of_a_file_creates_a_file_destination)
{
  struct sandbox sb;
  char *options[] = { "rbind", NULL };
  struct lc_spec_mount mounts[] = { { .destination = "/etc/hosts", .type = "bind", .options = options } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *source = xasprintf ("%s/file", sb.host);
  mounts[0].source = source;
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *line = mount_line (out, "/etc/hosts");
  EXPECT_TRUE (line != NULL);
  sandbox_destroy (&sb);
}

static void
body_with_submount (struct sandbox *sb)
{
  cleanup_free char *sub = xasprintf ("%s/sub", sb->host);
  if (mount ("tmpfs", sub, "tmpfs", 0, NULL) < 0)
    {
      report (sb, "error: submount: %s\n", strerror (errno));
      return;
    }
  body_build_and_report (sb);
}

TEST (rro_rbind_makes_every_submount_readonly)
{
  struct sandbox sb;
  char *options[] = { "rbind", "rro", NULL };
  struct lc_spec_mount mounts[] = { { .destination = "/data", .type = "bind", .options = options } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  sh ("mkdir -p %s/sub", sb.host);
  mounts[0].source = sb.host;
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_with_submount, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *data = mount_line (out, "/data");
  cleanup_free char *sub = mount_line (out, "/data/sub");
  EXPECT_TRUE (mount_has_option (data, "ro"));
  EXPECT_TRUE (sub != NULL && mount_has_option (sub, "ro"));
  sandbox_destroy (&sb);
}

TEST (plain_ro_on_rbind_leaves_submounts_writable)
{
  struct sandbox sb;
  char *options[] = { "rbind", "ro", NULL };
  struct lc_spec_mount mounts[] = { { .destination = "/data", .type = "bind", .options = options } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  sh ("mkdir -p %s/sub", sb.host);
  mounts[0].source = sb.host;
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_with_submount, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *data = mount_line (out, "/data");
  cleanup_free char *sub = mount_line (out, "/data/sub");
  EXPECT_TRUE (mount_has_option (data, "ro"));
  EXPECT_TRUE (sub != NULL && mount_has_option (sub, "rw"));
  sandbox_destroy (&sb);
}

TEST (destination_through_symlink_to_slash_lands_inside_the_rootfs)
{
  struct sandbox sb;
  char *options[] = { "size=1m", NULL };
  struct lc_spec_mount mounts[] = {
    { .destination = "/evil/planted", .type = "tmpfs", .source = "tmpfs", .options = options },
    { .destination = "/up/planted2", .type = "tmpfs", .source = "tmpfs", .options = options },
  };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 2 };
  scenario_reset (&spec);
  scenario.stop_after_mount_all = true;
  sandbox_create (&sb);
  sh ("ln -s / %s/evil && ln -s ../../../../../../.. %s/up", sb.rootfs, sb.rootfs);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  cleanup_free char *inside = xasprintf ("%s/planted", sb.rootfs);
  cleanup_free char *inside2 = xasprintf ("%s/planted2", sb.rootfs);
  cleanup_free char *line = mount_line (out, inside);
  cleanup_free char *line2 = mount_line (out, inside2);
  cleanup_free char *host = mount_line (out, "/planted");
  cleanup_free char *host2 = mount_line (out, "/planted2");
  EXPECT_TRUE (line != NULL);
  EXPECT_TRUE (line2 != NULL);
  EXPECT_TRUE (host == NULL && host2 == NULL);
  EXPECT_TRUE (access ("/planted", F_OK) < 0 && access ("/planted2", F_OK) < 0);
  sandbox_destroy (&sb);
}

TEST (dev_tmpfs_gets_default_devices_with_right_numbers)
{
  struct sandbox sb;
  struct lc_spec_mount mounts[] = { dev_mount };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  EXPECT_TRUE (report_has (out, "stat /dev/null c 1:3 0666 0:0"));
  EXPECT_TRUE (report_has (out, "stat /dev/zero c 1:5 0666"));
  EXPECT_TRUE (report_has (out, "stat /dev/full c 1:7 0666"));
  EXPECT_TRUE (report_has (out, "stat /dev/random c 1:8 0666"));
  EXPECT_TRUE (report_has (out, "stat /dev/urandom c 1:9 0666"));
  EXPECT_TRUE (report_has (out, "stat /dev/tty c 5:0 0666"));
  EXPECT_TRUE (report_has (out, "stat /dev/console f"));
  sandbox_destroy (&sb);
}

TEST (dev_tmpfs_gets_pts_shm_and_links)
{
  struct sandbox sb;
  struct lc_spec_mount mounts[] = { dev_mount };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *pts = mount_line (out, "/dev/pts");
  cleanup_free char *shm = mount_line (out, "/dev/shm");
  cleanup_free char *pts_type = mount_fstype (pts);
  cleanup_free char *shm_type = mount_fstype (shm);
  EXPECT_STR_EQ ("devpts", pts_type);
  EXPECT_TRUE (pts != NULL && strstr (pts, "ptmxmode=666") != NULL);
  EXPECT_STR_EQ ("tmpfs", shm_type);
  EXPECT_TRUE (mount_has_option (shm, "noexec"));
  EXPECT_TRUE (report_has (out, "link /dev/ptmx pts/ptmx"));
  EXPECT_TRUE (report_has (out, "link /dev/fd /proc/self/fd\n"));
  EXPECT_TRUE (report_has (out, "link /dev/stdin /proc/self/fd/0"));
  sandbox_destroy (&sb);
}

TEST (linux_devices_get_their_mode_and_owner)
{
  struct sandbox sb;
  struct lc_spec_mount mounts[] = { dev_mount };
  struct lc_spec_device devices[] = { { .type = 'c', .path = "/dev/fuse", .major = 10, .minor = 229,
                                        .has_file_mode = true, .file_mode = 0600, .has_uid = true, .uid = 1000,
                                        .has_gid = true, .gid = 1001 } };
  struct lc_spec_linux lx = { .devices = devices, .n_devices = 1 };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1, .linux = &lx };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  EXPECT_TRUE (report_has (out, "stat /dev/fuse c 10:229 0600 1000:1001"));
  sandbox_destroy (&sb);
}

TEST (in_user_namespace_devices_are_bind_mounts_of_the_host_nodes)
{
  struct sandbox sb;
  struct lc_spec_mount mounts[] = { dev_mount };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  scenario.opts.in_user_namespace = true;
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *null_line = mount_line (out, "/dev/null");
  EXPECT_TRUE (null_line != NULL);
  EXPECT_TRUE (report_has (out, "stat /dev/null c 1:3"));
  sandbox_destroy (&sb);
}

TEST (masked_paths_show_dev_null_and_empty_readonly_tmpfs)
{
  struct sandbox sb;
  struct lc_spec_mount mounts[] = { dev_mount };
  char *masked[] = { "/secret", "/secretdir", "/does/not/exist", NULL };
  struct lc_spec_linux lx = { .masked_paths = masked };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1, .linux = &lx };
  scenario_reset (&spec);
  sandbox_create (&sb);
  sh ("echo s > %s/secret && mkdir %s/secretdir && echo s > %s/secretdir/x", sb.rootfs, sb.rootfs, sb.rootfs);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  EXPECT_TRUE (report_has (out, "stat /secret c 1:3"));
  cleanup_free char *dir = mount_line (out, "/secretdir");
  cleanup_free char *dir_type = mount_fstype (dir);
  EXPECT_STR_EQ ("tmpfs", dir_type);
  EXPECT_TRUE (mount_has_option (dir, "ro"));
  sandbox_destroy (&sb);
}

TEST (masked_symlink_is_not_followed)
{
  struct sandbox sb;
  struct lc_spec_mount mounts[] = { dev_mount };
  char *masked[] = { "/secret", NULL };
  struct lc_spec_linux lx = { .masked_paths = masked };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1, .linux = &lx };
  scenario_reset (&spec);
  sandbox_create (&sb);
  sh ("ln -s /marker %s/secret", sb.rootfs);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  EXPECT_TRUE (report_has (out, "stat /secret l"));
  EXPECT_TRUE (report_has (out, "stat /marker f"));
  sandbox_destroy (&sb);
}

TEST (readonly_paths_become_readonly_bind_mounts)
{
  struct sandbox sb;
  char *readonly[] = { "/etc", "/missing", NULL };
  struct lc_spec_root root = { .path = "rootfs", .has_readonly = true, .readonly = false };
  struct lc_spec_linux lx = { .readonly_paths = readonly };
  struct lc_spec spec = { .root = &root, .linux = &lx };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *etc = mount_line (out, "/etc");
  cleanup_free char *slash = mount_line (out, "/");
  EXPECT_TRUE (mount_has_option (etc, "ro"));
  EXPECT_TRUE (mount_has_option (slash, "rw"));
  sandbox_destroy (&sb);
}

TEST (bad_bind_source_names_the_mount_and_path)
{
  struct sandbox sb;
  char *options[] = { "bind", NULL };
  struct lc_spec_mount mounts[] = {
    dev_mount,
    { .destination = "/data", .type = "none", .source = "/nonexistent/x", .options = options },
  };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 2 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_TRUE (report_has (out, "error: mounts[1] (/data): mount bind `/nonexistent/x`: No such file or directory\n"));
  sandbox_destroy (&sb);
}

TEST (bad_filesystem_option_names_the_mount_and_option)
{
  struct sandbox sb;
  char *options[] = { "mode=notanumber", NULL };
  struct lc_spec_mount mounts[] = { { .destination = "/scratch", .type = "tmpfs", .source = "tmpfs", .options = options } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_TRUE (report_has (out, "error: mounts[0] (/scratch): mount tmpfs: mode=notanumber"));
  sandbox_destroy (&sb);
}

TEST (mount_without_type_or_bind_is_an_error)
{
  struct sandbox sb;
  struct lc_spec_mount mounts[] = { { .destination = "/x", .source = "x" } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_TRUE (report_has (out, "error: mounts[0] (/x): no type and no bind option\n"));
  sandbox_destroy (&sb);
}

TEST (sysfs_without_network_namespace_is_a_readonly_host_bind)
{
  struct sandbox sb;
  char *options[] = { "nosuid", "noexec", "nodev", NULL };
  struct lc_spec_mount mounts[] = { { .destination = "/sys", .type = "sysfs", .source = "sysfs", .options = options } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *sys = mount_line (out, "/sys");
  cleanup_free char *cg = mount_line (out, "/sys/fs/cgroup");
  EXPECT_TRUE (mount_has_option (sys, "ro"));
  EXPECT_TRUE (cg != NULL && mount_has_option (cg, "ro"));
  sandbox_destroy (&sb);
}

TEST (cgroup2_with_new_cgroup_namespace_is_a_cgroup2_mount)
{
  struct sandbox sb;
  char *options[] = { "nosuid", "noexec", "nodev", "ro", NULL };
  struct lc_spec_mount mounts[] = {
    { .destination = "/sys/fs/cgroup", .type = "cgroup2", .source = "cgroup", .options = options } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  scenario.opts.new_cgroup_namespace = true;
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, CLONE_NEWCGROUP);
  EXPECT_REPORT_OK (out);
  cleanup_free char *cg = mount_line (out, "/sys/fs/cgroup");
  cleanup_free char *type = mount_fstype (cg);
  EXPECT_STR_EQ ("cgroup2", type);
  EXPECT_TRUE (mount_has_option (cg, "ro"));
  sandbox_destroy (&sb);
}

TEST (no_pivot_moves_the_rootfs_onto_slash)
{
  struct sandbox sb;
  struct lc_spec spec = { 0 };
  scenario_reset (&spec);
  scenario.opts.no_pivot = true;
  sandbox_create (&sb);
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  EXPECT_TRUE (report_has (out, "stat /marker f"));
  sandbox_destroy (&sb);
}

TEST (shared_option_makes_the_bind_shared)
{
  struct sandbox sb;
  char *options[] = { "rbind", "rshared", NULL };
  struct lc_spec_mount mounts[] = { { .destination = "/data", .type = "bind", .options = options } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  mounts[0].source = sb.host;
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  cleanup_free char *data = mount_line (out, "/data");
  EXPECT_TRUE (data != NULL && strstr (data, " shared:") != NULL);
  sandbox_destroy (&sb);
}

TEST (idmap_bind_shows_files_with_mapped_owner)
{
  struct sandbox sb;
  char *options[] = { "bind", "idmap", NULL };
  struct lc_spec_id_mapping map[] = { { .container_id = 0, .host_id = 1000, .size = 1 } };
  struct lc_spec_mount mounts[] = { { .destination = "/data", .type = "bind", .options = options,
                                      .uid_mappings = map, .n_uid_mappings = 1, .gid_mappings = map,
                                      .n_gid_mappings = 1 } };
  struct lc_spec spec = { .mounts = mounts, .n_mounts = 1 };
  scenario_reset (&spec);
  sandbox_create (&sb);
  mounts[0].source = sb.host;
  cleanup_free char *out = run_scenario (unit_failed_, &sb, body_build_and_report, 0);
  EXPECT_REPORT_OK (out);
  EXPECT_TRUE (report_has (out, "stat /data/file f 0:0 0644 1000:1000"));
  sandbox_destroy (&sb);
}

UNIT_MAIN (T (rootfs_is_readonly_by_default), T (explicit_readonly_false_keeps_root_writable_without_default_tmpfs),
           T (readonly_root_gets_tmpfs_on_tmp_run_and_var_tmp), T (config_mount_on_tmp_replaces_the_default_tmpfs),
           T (bind_with_ro_is_readonly_and_shows_the_source), T (bind_of_a_file_creates_a_file_destination),
           T (rro_rbind_makes_every_submount_readonly), T (plain_ro_on_rbind_leaves_submounts_writable),
           T (destination_through_symlink_to_slash_lands_inside_the_rootfs),
           T (dev_tmpfs_gets_default_devices_with_right_numbers), T (dev_tmpfs_gets_pts_shm_and_links),
           T (linux_devices_get_their_mode_and_owner),
           T (in_user_namespace_devices_are_bind_mounts_of_the_host_nodes),
           T (masked_paths_show_dev_null_and_empty_readonly_tmpfs), T (masked_symlink_is_not_followed),
           T (readonly_paths_become_readonly_bind_mounts), T (bad_bind_source_names_the_mount_and_path),
           T (bad_filesystem_option_names_the_mount_and_option), T (mount_without_type_or_bind_is_an_error),
           T (sysfs_without_network_namespace_is_a_readonly_host_bind),
           T (cgroup2_with_new_cgroup_namespace_is_a_cgroup2_mount), T (no_pivot_moves_the_rootfs_onto_slash),
           T (shared_option_makes_the_bind_shared), T (idmap_bind_shows_files_with_mapped_owner))
