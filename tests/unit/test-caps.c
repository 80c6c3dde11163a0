/* lc_caps_*: each test runs the calls in a forked child (the test process keeps its own
   capabilities) and the child reports the Cap* lines of its /proc/self/status. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <stdarg.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libcontainer/cleanup.h"
#include "libcontainer/process.h"
#include "libcontainer/utils.h"
#include "unit.h"

#define BIT(cap) (1ULL << (cap))

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

/* The hex value of "NAME:\t..." in /proc/self/status. */
static unsigned long long
status_field (const char *name)
{
  cleanup_free char *text = NULL;
  size_t len;
  cleanup_error lc_error_t err = NULL;
  if (lc_read_file_at (AT_FDCWD, "/proc/self/status", 1 << 16, &text, &len, &err) < 0)
    abort ();
  cleanup_free char *key = xasprintf ("\n%s:", name);
  const char *at = strstr (text, key);
  if (at == NULL)
    abort ();
  return strtoull (at + strlen (key), NULL, 16);
}

static void
report_caps (int fd)
{
  say (fd, "CapInh=%llx CapPrm=%llx CapEff=%llx CapBnd=%llx CapAmb=%llx\n", status_field ("CapInh"),
       status_field ("CapPrm"), status_field ("CapEff"), status_field ("CapBnd"), status_field ("CapAmb"));
}

static void
apply_and_report (int fd, const struct lc_spec_process *p)
{
  cleanup_error lc_error_t err = NULL;
  if (lc_caps_apply (p, &err) < 0)
    {
      say (fd, "error: %s\n", lc_error_message (err));
      return;
    }
  report_caps (fd);
}

static void
drop_bounding_and_report (int fd, const struct lc_spec_process *p)
{
  cleanup_error lc_error_t err = NULL;
  if (lc_caps_drop_bounding (p, &err) < 0)
    {
      say (fd, "error: %s\n", lc_error_message (err));
      return;
    }
  report_caps (fd);
}

static struct lc_spec_process
process_with_caps (uint64_t bounding, uint64_t effective, uint64_t permitted, uint64_t inheritable, uint64_t ambient)
{
  struct lc_spec_process p = { .has_capabilities = true };
  p.capabilities = (struct lc_spec_capabilities){
    .has_bounding = true, .has_effective = true, .has_permitted = true, .has_inheritable = true, .has_ambient = true,
    .bounding = bounding, .effective = effective, .permitted = permitted, .inheritable = inheritable,
    .ambient = ambient,
  };
  return p;
}

TEST (apply_sets_effective_permitted_inheritable_exactly)
{
  struct lc_spec_process p = process_with_caps (0, BIT (CAP_CHOWN), BIT (CAP_CHOWN) | BIT (CAP_KILL),
                                                BIT (CAP_KILL), 0);
  cleanup_free char *out = run_in_child (apply_and_report, &p);
  cleanup_free char *expected = xasprintf ("CapInh=%llx CapPrm=%llx CapEff=%llx", BIT (CAP_KILL),
                                           BIT (CAP_CHOWN) | BIT (CAP_KILL), BIT (CAP_CHOWN));
  if (strstr (out, expected) == NULL)
    FAIL ("expected \"%s\", child reported \"%s\"", expected, out);
}

/* The runtime's inheritable set must never reach the container (CVE-2022-29162). */
static void
raise_inheritable_then_apply (int fd, const struct lc_spec_process *p)
{
  struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2];
  if (syscall (SYS_capget, &hdr, data) < 0)
    _exit (4);
  data[0].inheritable |= 1u << CAP_KILL;
  if (syscall (SYS_capset, &hdr, data) < 0)
    _exit (5);
  say (fd, "before=%llx\n", status_field ("CapInh"));
  apply_and_report (fd, p);
}

TEST (apply_clears_inheritable_when_absent)
{
  struct lc_spec_process p = { .has_capabilities = true };
  p.capabilities.has_permitted = true;
  p.capabilities.permitted = BIT (CAP_KILL);
  cleanup_free char *out = run_in_child (raise_inheritable_then_apply, &p);
  cleanup_free char *before = xasprintf ("before=%llx\n", BIT (CAP_KILL));
  if (strstr (out, before) == NULL || strstr (out, "CapInh=0 ") == NULL)
    FAIL ("expected inheritable %s then CapInh=0, child reported \"%s\"", before, out);
}

TEST (apply_without_capabilities_object_leaves_no_capability)
{
  struct lc_spec_process p = { .has_capabilities = false };
  cleanup_free char *out = run_in_child (apply_and_report, &p);
  if (strstr (out, "CapInh=0 CapPrm=0 CapEff=0 ") == NULL)
    FAIL ("expected empty sets, child reported \"%s\"", out);
}

TEST (ambient_raised_only_when_permitted_and_inheritable)
{
  uint64_t both = BIT (CAP_NET_BIND_SERVICE) | BIT (CAP_KILL);
  struct lc_spec_process p = process_with_caps (0, 0, both, BIT (CAP_NET_BIND_SERVICE), both);
  cleanup_free char *out = run_in_child (apply_and_report, &p);
  cleanup_free char *expected = xasprintf ("CapAmb=%llx\n", BIT (CAP_NET_BIND_SERVICE));
  if (strstr (out, expected) == NULL)
    FAIL ("expected \"%s\", child reported \"%s\"", expected, out);
}

TEST (apply_refuses_effective_not_in_permitted)
{
  struct lc_spec_process p = process_with_caps (0, BIT (CAP_CHOWN) | BIT (CAP_KILL), BIT (CAP_KILL), 0, 0);
  cleanup_free char *out = run_in_child (apply_and_report, &p);
  EXPECT_STR_EQ ("error: process.capabilities.effective has CAP_CHOWN, which is not in permitted\n", out);
}

TEST (drop_bounding_keeps_exactly_the_configured_set)
{
  struct lc_spec_process p = process_with_caps (BIT (CAP_CHOWN) | BIT (CAP_KILL), 0, 0, 0, 0);
  cleanup_free char *out = run_in_child (drop_bounding_and_report, &p);
  cleanup_free char *expected = xasprintf ("CapBnd=%llx ", BIT (CAP_CHOWN) | BIT (CAP_KILL));
  if (strstr (out, expected) == NULL)
    FAIL ("expected \"%s\", child reported \"%s\"", expected, out);
}

TEST (drop_bounding_without_capabilities_object_empties_it)
{
  struct lc_spec_process p = { .has_capabilities = false };
  cleanup_free char *out = run_in_child (drop_bounding_and_report, &p);
  if (strstr (out, "CapBnd=0 ") == NULL)
    FAIL ("expected CapBnd=0, child reported \"%s\"", out);
}

TEST (capabilities_unknown_to_the_kernel_are_skipped)
{
  struct lc_spec_process p = process_with_caps (BIT (CAP_KILL) | BIT (63), BIT (63), BIT (CAP_KILL) | BIT (63), 0, 0);
  cleanup_free char *bnd = run_in_child (drop_bounding_and_report, &p);
  cleanup_free char *apply = run_in_child (apply_and_report, &p);
  cleanup_free char *expected_bnd = xasprintf ("CapBnd=%llx ", BIT (CAP_KILL));
  cleanup_free char *expected_prm = xasprintf ("CapPrm=%llx CapEff=0 ", BIT (CAP_KILL));
  if (strstr (bnd, expected_bnd) == NULL)
    FAIL ("expected \"%s\", child reported \"%s\"", expected_bnd, bnd);
  if (strstr (apply, expected_prm) == NULL)
    FAIL ("expected \"%s\", child reported \"%s\"", expected_prm, apply);
}

/* The launcher's order: bounding, identity (non-root), then the sets: permitted survives. */
static void
full_sequence_as_user (int fd, const struct lc_spec_process *p)
{
  cleanup_error lc_error_t err = NULL;
  if (lc_caps_drop_bounding (p, &err) < 0 || lc_process_set_identity (p, true, &err) < 0
      || lc_caps_apply (p, &err) < 0)
    {
      say (fd, "error: %s\n", lc_error_message (err));
      return;
    }
  say (fd, "uid=%d keepcaps=%d ", (int) getuid (), prctl (PR_GET_KEEPCAPS, 0, 0, 0, 0));
  report_caps (fd);
}

TEST (capabilities_survive_the_switch_to_a_non_root_user)
{
  unsigned long long nbs = BIT (CAP_NET_BIND_SERVICE);
  struct lc_spec_process p = process_with_caps (nbs, nbs, nbs, nbs, nbs);
  p.user.uid = 1000;
  p.user.gid = 1000;
  cleanup_free char *out = run_in_child (full_sequence_as_user, &p);
  cleanup_free char *expected = xasprintf ("uid=1000 keepcaps=0 CapInh=%llx CapPrm=%llx CapEff=%llx CapBnd=%llx "
                                           "CapAmb=%llx\n",
                                           nbs, nbs, nbs, nbs, nbs);
  EXPECT_STR_EQ (expected, out);
}

UNIT_MAIN (T (apply_sets_effective_permitted_inheritable_exactly), T (apply_clears_inheritable_when_absent),
           T (apply_without_capabilities_object_leaves_no_capability),
           T (ambient_raised_only_when_permitted_and_inheritable), T (apply_refuses_effective_not_in_permitted),
           T (drop_bounding_keeps_exactly_the_configured_set),
           T (drop_bounding_without_capabilities_object_empties_it),
           T (capabilities_unknown_to_the_kernel_are_skipped),
           T (capabilities_survive_the_switch_to_a_non_root_user))
