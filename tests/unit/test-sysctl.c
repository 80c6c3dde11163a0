/* lc_sysctl_*: validation against the container's namespaces with the exact messages, and
   writes done in a child inside fresh ipc/uts/net namespaces (the host's values never
   change), including roots whose /proc is not a real procfs. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libcontainer/cleanup.h"
#include "libcontainer/process.h"
#include "libcontainer/utils.h"
#include "unit.h"

/* A spec holding up to four sysctls and the namespaces listed in a string like "ipc,uts,net". */
struct fixture
{
  struct lc_spec spec;
  struct lc_spec_linux lx;
  struct lc_spec_namespace ns[LC_NS_KINDS];
  struct lc_spec_kv kv[4];
};

static void
fixture_init (struct fixture *f, const char *namespaces, const char *netns_path)
{
  memset (f, 0, sizeof (*f));
  f->spec.linux = &f->lx;
  f->lx.namespaces = f->ns;
  f->lx.sysctl.items = f->kv;
  if (strstr (namespaces, "ipc"))
    f->ns[f->lx.n_namespaces++] = (struct lc_spec_namespace){ LC_NS_IPC, NULL };
  if (strstr (namespaces, "uts"))
    f->ns[f->lx.n_namespaces++] = (struct lc_spec_namespace){ LC_NS_UTS, NULL };
  if (strstr (namespaces, "net"))
    f->ns[f->lx.n_namespaces++] = (struct lc_spec_namespace){ LC_NS_NETWORK, (char *) netns_path };
}

static void
fixture_add (struct fixture *f, const char *key, const char *value)
{
  f->kv[f->lx.sysctl.len++] = (struct lc_spec_kv){ (char *) key, (char *) value };
}

/* "ok" or the error message of validating one key. */
static char *
validate_one (const char *namespaces, const char *netns_path, const char *key)
{
  struct fixture f;
  fixture_init (&f, namespaces, netns_path);
  fixture_add (&f, key, "1");
  cleanup_error lc_error_t err = NULL;
  if (lc_sysctl_validate (&f.spec, &err) < 0)
    return xstrdup (lc_error_message (err));
  return xstrdup ("ok");
}

#define EXPECT_VALIDATION(expected, namespaces, key)                                                                  \
  do                                                                                                                  \
    {                                                                                                                 \
      cleanup_free char *seen_ = validate_one (namespaces, NULL, key);                                                \
      EXPECT_STR_EQ (expected, seen_);                                                                                \
    }                                                                                                                 \
  while (0)

TEST (slash_form_keys_are_normalized_like_sysctl8)
{
  cleanup_free char *slash = lc_sysctl_key_normalize ("net/ipv4/conf/eth0.1/forwarding");
  cleanup_free char *dotted = lc_sysctl_key_normalize ("kernel.shmmax");
  EXPECT_STR_EQ ("net.ipv4.conf.eth0/1.forwarding", slash);
  EXPECT_STR_EQ ("kernel.shmmax", dotted);
}

TEST (ipc_keys_need_an_ipc_namespace)
{
  EXPECT_VALIDATION ("ok", "ipc", "kernel.shmmax");
  EXPECT_VALIDATION ("ok", "ipc", "kernel/sem");
  EXPECT_VALIDATION ("ok", "ipc", "fs.mqueue.msg_max");
  EXPECT_VALIDATION ("linux.sysctl: \"kernel.shmmax\" is not allowed in the host's ipc namespace", "uts,net",
                     "kernel.shmmax");
  EXPECT_VALIDATION ("linux.sysctl: \"fs.mqueue.queues_max\" is not allowed in the host's ipc namespace", "",
                     "fs.mqueue.queues_max");
}

TEST (net_keys_need_a_network_namespace)
{
  EXPECT_VALIDATION ("ok", "net", "net.ipv4.ip_forward");
  EXPECT_VALIDATION ("linux.sysctl: \"net.ipv4.ip_forward\" is not allowed in the host's network namespace",
                     "ipc,uts", "net.ipv4.ip_forward");
}

TEST (net_keys_refuse_a_namespace_path_that_is_the_runtimes_own)
{
  cleanup_free char *seen = validate_one ("net", "/proc/self/ns/net", "net.ipv4.ip_forward");
  EXPECT_STR_EQ ("linux.sysctl: \"net.ipv4.ip_forward\" is not allowed in the host's network namespace", seen);
}

TEST (net_keys_accept_a_namespace_path_to_another_namespace)
{
  int pipefd[2];
  if (pipe2 (pipefd, O_CLOEXEC) < 0)
    abort ();
  pid_t pid = fork ();
  if (pid == 0)
    {
      char c = unshare (CLONE_NEWNET) == 0 ? 'y' : 'n';
      if (write (pipefd[1], &c, 1) != 1)
        _exit (1);
      pause ();
      _exit (0);
    }
  close (pipefd[1]);
  char c = 0;
  if (read (pipefd[0], &c, 1) != 1 || c != 'y')
    FAIL ("the helper could not create a network namespace");
  close (pipefd[0]);
  cleanup_free char *path = xasprintf ("/proc/%d/ns/net", (int) pid);
  cleanup_free char *seen = validate_one ("net", path, "net.ipv4.ip_forward");
  EXPECT_STR_EQ ("ok", seen);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
}

TEST (uts_allows_domainname_and_refuses_hostname)
{
  EXPECT_VALIDATION ("ok", "uts", "kernel.domainname");
  EXPECT_VALIDATION ("linux.sysctl: \"kernel.hostname\" is not allowed: it conflicts with the \"hostname\" field",
                     "uts", "kernel.hostname");
  EXPECT_VALIDATION ("linux.sysctl: \"kernel.domainname\" is not in a separate kernel namespace", "ipc,net",
                     "kernel.domainname");
}

TEST (keys_outside_any_namespace_are_refused)
{
  EXPECT_VALIDATION ("linux.sysctl: \"vm.swappiness\" is not in a separate kernel namespace", "ipc,uts,net",
                     "vm.swappiness");
  EXPECT_VALIDATION ("linux.sysctl: \"kernel.pid_max\" is not in a separate kernel namespace", "ipc,uts,net",
                     "kernel.pid_max");
}

TEST (keys_with_empty_dot_or_dotdot_components_are_refused)
{
  const char *bad[] = { "net..ipv4", "net.ipv4.", ".net", "net.ipv4.conf./.x", "net.ipv4.conf.//.x", "" };
  for (size_t i = 0; i < sizeof (bad) / sizeof (bad[0]); i++)
    {
      cleanup_free char *seen = validate_one ("ipc,uts,net", NULL, bad[i]);
      cleanup_free char *expected
          = xasprintf ("linux.sysctl: invalid key \"%s\" (empty, \".\" or \"..\" component)", bad[i]);
      EXPECT_STR_EQ (expected, seen);
    }
  /* In the slash form, "/../" components are the same escape attempt. */
  EXPECT_VALIDATION ("linux.sysctl: invalid key \"net/ipv4/../../kernel/core_pattern\" (empty, \".\" or \"..\" "
                     "component)",
                     "ipc,uts,net", "net/ipv4/../../kernel/core_pattern");
}

/* ---- apply --------------------------------------------------------------- */

typedef void (*child_body) (int out_fd, const char *root);

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

/* Run body in a child in new mount, ipc, uts and net namespaces, chrooted into a fresh tmpfs
   root prepared by body (the tmpfs lives only in the child's mount namespace). */
static char *
run_in_namespaces (child_body body)
{
  char root[] = "/tmp/test-sysctl-XXXXXX";
  if (mkdtemp (root) == NULL)
    abort ();
  int pipefd[2];
  if (pipe2 (pipefd, O_CLOEXEC) < 0)
    abort ();
  pid_t pid = fork ();
  if (pid < 0)
    abort ();
  if (pid == 0)
    {
      close (pipefd[0]);
      if (unshare (CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWNET) < 0
          || mount (NULL, "/", "none", MS_REC | MS_PRIVATE, NULL) < 0
          || mount ("tmpfs", root, "tmpfs", 0, "size=1m,mode=0755") < 0)
        {
          say (pipefd[1], "setup: %s\n", strerror (errno));
          _exit (2);
        }
      body (pipefd[1], root);
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
  rmdir (root);
  if (! WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      char *more = xasprintf ("%schild-status: %d\n", out, status);
      free (out);
      out = more;
    }
  return out;
}

static void
enter_root (const char *root)
{
  if (chdir (root) < 0 || chroot (".") < 0 || chdir ("/") < 0)
    _exit (5);
}

static void
report_file (int fd, const char *path)
{
  cleanup_free char *text = NULL;
  size_t len;
  cleanup_error lc_error_t err = NULL;
  if (lc_read_file_at (AT_FDCWD, path, 4096, &text, &len, &err) < 0)
    say (fd, "%s: %s\n", path, lc_error_message (err));
  else
    say (fd, "%s=%s", path, text);
}

static void
apply_standard_sysctls (int fd)
{
  struct fixture f;
  fixture_init (&f, "ipc,uts,net", NULL);
  fixture_add (&f, "kernel.shmmax", "123456789");
  fixture_add (&f, "net.ipv4.ip_forward", "1");
  fixture_add (&f, "kernel/domainname", "example.test");
  fixture_add (&f, "fs.mqueue.msg_max", "20");
  cleanup_error lc_error_t err = NULL;
  if (lc_sysctl_apply (&f.spec, &err) < 0)
    say (fd, "error: %s\n", lc_error_message (err));
}

static void
apply_with_real_proc (int fd, const char *root)
{
  cleanup_free char *proc = xasprintf ("%s/proc", root);
  if (mkdir (proc, 0755) < 0 || mount ("proc", proc, "proc", 0, NULL) < 0)
    _exit (4);
  enter_root (root);
  apply_standard_sysctls (fd);
  report_file (fd, "/proc/sys/kernel/shmmax");
  report_file (fd, "/proc/sys/net/ipv4/ip_forward");
  report_file (fd, "/proc/sys/kernel/domainname");
  report_file (fd, "/proc/sys/fs/mqueue/msg_max");
}

TEST (apply_writes_namespaced_values_through_proc)
{
  cleanup_free char *out = run_in_namespaces (apply_with_real_proc);
  EXPECT_STR_EQ ("/proc/sys/kernel/shmmax=123456789\n/proc/sys/net/ipv4/ip_forward=1\n"
                 "/proc/sys/kernel/domainname=example.test\n/proc/sys/fs/mqueue/msg_max=20\n",
                 out);
}

/* A fake /proc/sys tree: the writes must not land in it. */
static void
make_fake_proc (const char *dir)
{
  cleanup_free char *cmd = xasprintf ("mkdir -p %s/sys/kernel %s/sys/net/ipv4 %s/sys/fs/mqueue && "
                                      "echo 0 > %s/sys/kernel/shmmax && echo 0 > %s/sys/net/ipv4/ip_forward && "
                                      "echo 0 > %s/sys/kernel/domainname && echo 0 > %s/sys/fs/mqueue/msg_max",
                                      dir, dir, dir, dir, dir, dir, dir);
  if (system (cmd) != 0)
    _exit (4);
}

static void
apply_with_proc_symlink (int fd, const char *root)
{
  cleanup_free char *fake = xasprintf ("%s/fakeproc", root);
  cleanup_free char *link = xasprintf ("%s/proc", root);
  make_fake_proc (fake);
  if (symlink ("fakeproc", link) < 0)
    _exit (4);
  enter_root (root);
  apply_standard_sysctls (fd);
  report_file (fd, "/fakeproc/sys/kernel/shmmax");
}

TEST (apply_refuses_a_proc_replaced_by_a_symlink)
{
  cleanup_free char *out = run_in_namespaces (apply_with_proc_symlink);
  EXPECT_STR_EQ ("error: open `/proc` of the container to write linux.sysctl: Too many levels of symbolic links\n"
                 "/fakeproc/sys/kernel/shmmax=0\n",
                 out);
}

static void
apply_with_proc_directory (int fd, const char *root)
{
  cleanup_free char *proc = xasprintf ("%s/proc", root);
  make_fake_proc (proc);
  enter_root (root);
  apply_standard_sysctls (fd);
  report_file (fd, "/proc/sys/kernel/shmmax");
}

TEST (apply_refuses_a_proc_that_is_not_procfs)
{
  cleanup_free char *out = run_in_namespaces (apply_with_proc_directory);
  EXPECT_STR_EQ ("error: `/proc` is not on procfs: refusing to write linux.sysctl through it\n"
                 "/proc/sys/kernel/shmmax=0\n",
                 out);
}

/* procfs, but a subdirectory of it bind-mounted over /proc: keys would land elsewhere. */
static void
apply_with_proc_subdir_bind (int fd, const char *root)
{
  cleanup_free char *proc = xasprintf ("%s/proc", root);
  if (mkdir (proc, 0755) < 0 || mount ("/proc/sys/net", proc, "none", MS_BIND, NULL) < 0)
    _exit (4);
  enter_root (root);
  apply_standard_sysctls (fd);
}

TEST (apply_refuses_a_bind_mounted_procfs_subdirectory)
{
  cleanup_free char *out = run_in_namespaces (apply_with_proc_subdir_bind);
  EXPECT_STR_EQ ("error: `/proc` is not the root of a procfs mount: refusing to write linux.sysctl\n", out);
}

/* A mount inside /proc/sys (a tmpfs over /proc/sys/kernel) must not redirect a write. */
static void
apply_with_mount_over_proc_sys (int fd, const char *root)
{
  cleanup_free char *proc = xasprintf ("%s/proc", root);
  cleanup_free char *kernel = xasprintf ("%s/proc/sys/kernel", root);
  if (mkdir (proc, 0755) < 0 || mount ("proc", proc, "proc", 0, NULL) < 0
      || mount ("tmpfs", kernel, "tmpfs", 0, "size=64k") < 0)
    _exit (4);
  cleanup_free char *fake = xasprintf ("%s/shmmax", kernel);
  int f = open (fake, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
  if (f < 0 || write (f, "0\n", 2) != 2)
    _exit (4);
  close (f);
  enter_root (root);
  apply_standard_sysctls (fd);
  report_file (fd, "/proc/sys/kernel/shmmax");
}

TEST (apply_refuses_a_mount_inside_proc_sys)
{
  cleanup_free char *out = run_in_namespaces (apply_with_mount_over_proc_sys);
  EXPECT_STR_EQ ("error: linux.sysctl: open `/proc/sys/kernel/shmmax` for \"kernel.shmmax\": Invalid cross-device "
                 "link\n/proc/sys/kernel/shmmax=0\n",
                 out);
}

TEST (apply_refuses_a_key_validation_would_refuse)
{
  struct fixture f;
  fixture_init (&f, "uts", NULL);
  fixture_add (&f, "kernel.shmmax", "1");
  cleanup_error lc_error_t err = NULL;
  EXPECT_INT_EQ (-1, lc_sysctl_apply (&f.spec, &err));
  EXPECT_STR_EQ ("linux.sysctl: \"kernel.shmmax\" is not allowed in the host's ipc namespace", lc_error_message (err));
}

UNIT_MAIN (T (slash_form_keys_are_normalized_like_sysctl8), T (ipc_keys_need_an_ipc_namespace),
           T (net_keys_need_a_network_namespace), T (net_keys_refuse_a_namespace_path_that_is_the_runtimes_own),
           T (net_keys_accept_a_namespace_path_to_another_namespace), T (uts_allows_domainname_and_refuses_hostname),
           T (keys_outside_any_namespace_are_refused), T (keys_with_empty_dot_or_dotdot_components_are_refused),
           T (apply_writes_namespaced_values_through_proc), T (apply_refuses_a_proc_replaced_by_a_symlink),
           T (apply_refuses_a_proc_that_is_not_procfs), T (apply_refuses_a_bind_mounted_procfs_subdirectory),
           T (apply_refuses_a_mount_inside_proc_sys), T (apply_refuses_a_key_validation_would_refuse))
