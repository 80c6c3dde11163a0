/* lc_path_*: lexical cleaning, and resolution/creation confined to a root with hostile symlinks. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcontainer/cleanup.h"
#include "libcontainer/path.h"
#include "libcontainer/utils.h"
#include "unit.h"

static void
expect_clean (bool *unit_failed_, const char *in, const char *want)
{
  cleanup_free char *got = lc_path_clean (in);
  if (strcmp (got, want) != 0)
    FAIL ("lc_path_clean(\"%s\"): expected \"%s\", saw \"%s\"", in, want, got);
}

TEST (clean_collapses_slashes_and_dots)
{
  expect_clean (unit_failed_, "//a/./b//c/", "/a/b/c");
  expect_clean (unit_failed_, "/a/b/../c", "/a/c");
  expect_clean (unit_failed_, "/", "/");
  expect_clean (unit_failed_, "", "/");
  expect_clean (unit_failed_, ".", "/");
}

TEST (clean_never_goes_above_root)
{
  expect_clean (unit_failed_, "/../../etc", "/etc");
  expect_clean (unit_failed_, "/a/../../..", "/");
  expect_clean (unit_failed_, "../x", "/x");
}

TEST (clean_makes_relative_paths_absolute)
{
  expect_clean (unit_failed_, "tmp/x", "/tmp/x");
  expect_clean (unit_failed_, "a/..b/.c", "/a/..b/.c");
}

TEST (fd_name_names_proc_self_fd)
{
  char buf[32];
  EXPECT_STR_EQ ("/proc/self/fd/7", lc_path_fd_name (7, buf, sizeof (buf)));
}

/* A temporary tree: ROOT (the fake rootfs, with hostile symlinks) and OUTSIDE beside it. */
struct fixture
{
  char base[64];
  char root[96];
  char outside[96];
  int root_fd;
};

static void
run (const char *cmd)
{
  if (system (cmd) != 0)
    {
      fprintf (stderr, "fixture command failed: %s\n", cmd);
      abort ();
    }
}

static void
fixture_setup (struct fixture *f)
{
  snprintf (f->base, sizeof (f->base), "/tmp/test-path-XXXXXX");
  if (mkdtemp (f->base) == NULL)
    abort ();
  snprintf (f->root, sizeof (f->root), "%s/root", f->base);
  snprintf (f->outside, sizeof (f->outside), "%s/outside", f->base);
  cleanup_free char *cmd = xasprintf ("cd %s && mkdir -p root/real outside && echo host > outside/secret"
                                      " && ln -s / root/etc && ln -s ../../.. root/a && ln -s %s root/abs"
                                      " && ln -s /real root/inner && ln -s ../outside root/up",
                                      f->base, f->outside);
  run (cmd);
  f->root_fd = open (f->root, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (f->root_fd < 0)
    abort ();
}

static void
fixture_teardown (struct fixture *f)
{
  close (f->root_fd);
  cleanup_free char *cmd = xasprintf ("rm -rf %s", f->base);
  run (cmd);
}

static bool
exists (const char *dir, const char *rel)
{
  struct stat st;
  cleanup_free char *p = xasprintf ("%s/%s", dir, rel);
  return lstat (p, &st) == 0;
}

/* The host path an fd really refers to. */
static char *
fd_target (int fd)
{
  char proc[32], buf[PATH_MAX];
  ssize_t n = readlink (lc_path_fd_name (fd, proc, sizeof (proc)), buf, sizeof (buf) - 1);
  if (n < 0)
    return xstrdup ("?");
  buf[n] = '\0';
  return xstrdup (buf);
}

TEST (open_symlink_to_slash_stays_in_root)
{
  struct fixture f;
  lc_error_t err = NULL;
  fixture_setup (&f);
  int fd = lc_path_open_in_root (f.root_fd, "/etc", O_PATH | O_DIRECTORY, 0, &err);
  EXPECT_TRUE (fd >= 0);
  if (fd >= 0)
    {
      cleanup_free char *target = fd_target (fd);
      EXPECT_STR_EQ (f.root, target);
      close (fd);
    }
  lc_error_release (&err);
  fixture_teardown (&f);
}

TEST (open_dotdot_chain_symlink_stays_in_root)
{
  struct fixture f;
  lc_error_t err = NULL;
  fixture_setup (&f);
  int fd = lc_path_open_in_root (f.root_fd, "a/../../real", O_PATH | O_DIRECTORY, 0, &err);
  EXPECT_TRUE (fd >= 0);
  if (fd >= 0)
    {
      cleanup_free char *target = fd_target (fd);
      cleanup_free char *want = xasprintf ("%s/real", f.root);
      EXPECT_STR_EQ (want, target);
      close (fd);
    }
  lc_error_release (&err);
  fixture_teardown (&f);
}

TEST (open_absolute_symlink_to_host_dir_does_not_reach_it)
{
  struct fixture f;
  lc_error_t err = NULL;
  fixture_setup (&f);
  /* root/abs -> /tmp/test-path-X/outside: inside the root that path does not exist. */
  int fd = lc_path_open_in_root (f.root_fd, "/abs/secret", O_RDONLY, 0, &err);
  EXPECT_INT_EQ (-1, fd);
  EXPECT_TRUE (err != NULL && err->status == ENOENT);
  EXPECT_TRUE (err != NULL && strstr (err->msg, "/abs/secret") != NULL);
  if (fd >= 0)
    close (fd);
  lc_error_release (&err);
  fixture_teardown (&f);
}

TEST (open_refuses_magic_links)
{
  lc_error_t err = NULL;
  /* /proc/self/root would jump anywhere: the real / is the root, the magic link is refused. */
  cleanup_close int slash = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  int fd = lc_path_open_in_root (slash, "/proc/self/root/etc", O_PATH, 0, &err);
  EXPECT_INT_EQ (-1, fd);
  EXPECT_TRUE (err != NULL && err->status == ELOOP);
  if (fd >= 0)
    close (fd);
  lc_error_release (&err);
}

TEST (mkdir_through_symlink_to_slash_creates_inside_root)
{
  struct fixture f;
  lc_error_t err = NULL;
  fixture_setup (&f);
  int fd = lc_path_mkdir_open_in_root (f.root_fd, "/etc/newdir/sub", false, &err);
  EXPECT_TRUE (fd >= 0);
  EXPECT_TRUE (exists (f.root, "newdir/sub"));
  EXPECT_TRUE (! exists ("/", "newdir"));
  if (fd >= 0)
    {
      cleanup_free char *target = fd_target (fd);
      cleanup_free char *want = xasprintf ("%s/newdir/sub", f.root);
      EXPECT_STR_EQ (want, target);
      close (fd);
    }
  lc_error_release (&err);
  fixture_teardown (&f);
}

TEST (mkdir_through_dotdot_symlink_never_creates_outside)
{
  struct fixture f;
  lc_error_t err = NULL;
  fixture_setup (&f);
  int fd = lc_path_mkdir_open_in_root (f.root_fd, "/up/planted", false, &err);
  EXPECT_TRUE (fd >= 0);
  EXPECT_TRUE (! exists (f.outside, "planted"));
  EXPECT_TRUE (exists (f.root, "outside/planted"));
  if (fd >= 0)
    close (fd);
  lc_error_release (&err);
  fixture_teardown (&f);
}

TEST (mkdir_through_absolute_host_symlink_never_creates_outside)
{
  struct fixture f;
  lc_error_t err = NULL;
  fixture_setup (&f);
  /* root/abs -> <host>/outside: resolved as <root>/<host>/outside, created there. */
  int fd = lc_path_mkdir_open_in_root (f.root_fd, "/abs/planted", true, &err);
  EXPECT_TRUE (fd >= 0);
  EXPECT_TRUE (! exists (f.outside, "planted"));
  cleanup_free char *inside = xasprintf ("%s/planted", f.outside + 1);
  EXPECT_TRUE (exists (f.root, inside));
  if (fd >= 0)
    close (fd);
  lc_error_release (&err);
  fixture_teardown (&f);
}

TEST (mkdir_make_file_creates_empty_regular_file)
{
  struct fixture f;
  lc_error_t err = NULL;
  struct stat st;
  fixture_setup (&f);
  int fd = lc_path_mkdir_open_in_root (f.root_fd, "/real/x/file", true, &err);
  EXPECT_TRUE (fd >= 0);
  EXPECT_TRUE (fd >= 0 && fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0);
  if (fd >= 0)
    close (fd);
  lc_error_release (&err);
  fixture_teardown (&f);
}

TEST (mkdir_existing_path_is_opened_not_recreated)
{
  struct fixture f;
  lc_error_t err = NULL;
  fixture_setup (&f);
  int fd = lc_path_mkdir_open_in_root (f.root_fd, "/inner", false, &err);
  EXPECT_TRUE (fd >= 0);
  if (fd >= 0)
    {
      cleanup_free char *target = fd_target (fd);
      cleanup_free char *want = xasprintf ("%s/real", f.root);
      EXPECT_STR_EQ (want, target);
      close (fd);
    }
  lc_error_release (&err);
  fixture_teardown (&f);
}

TEST (mkdir_below_a_file_fails_naming_the_path)
{
  struct fixture f;
  lc_error_t err = NULL;
  fixture_setup (&f);
  cleanup_free char *cmd = xasprintf ("touch %s/real/plain", f.root);
  run (cmd);
  int fd = lc_path_mkdir_open_in_root (f.root_fd, "/real/plain/sub", false, &err);
  EXPECT_INT_EQ (-1, fd);
  EXPECT_TRUE (err != NULL && err->status == ENOTDIR);
  EXPECT_TRUE (err != NULL && strstr (err->msg, "/real/plain") != NULL);
  if (fd >= 0)
    close (fd);
  lc_error_release (&err);
  fixture_teardown (&f);
}

TEST (mkdir_through_dangling_symlink_creates_its_target_inside_root)
{
  struct fixture f;
  lc_error_t err = NULL;
  fixture_setup (&f);
  cleanup_free char *cmd = xasprintf ("ln -s /nowhere/deep %s/dangling", f.root);
  run (cmd);
  int fd = lc_path_mkdir_open_in_root (f.root_fd, "/dangling/x", false, &err);
  EXPECT_TRUE (fd >= 0);
  EXPECT_TRUE (exists (f.root, "nowhere/deep/x"));
  EXPECT_TRUE (! exists ("/", "nowhere"));
  if (fd >= 0)
    close (fd);
  lc_error_release (&err);
  fixture_teardown (&f);
}

TEST (mkdir_symlink_loop_is_an_error)
{
  struct fixture f;
  lc_error_t err = NULL;
  fixture_setup (&f);
  cleanup_free char *cmd = xasprintf ("ln -s /loop2 %s/loop1 && ln -s /loop1 %s/loop2", f.root, f.root);
  run (cmd);
  int fd = lc_path_mkdir_open_in_root (f.root_fd, "/loop1/x", false, &err);
  EXPECT_INT_EQ (-1, fd);
  EXPECT_TRUE (err != NULL && err->status == ELOOP);
  EXPECT_TRUE (err != NULL && strstr (err->msg, "/loop1") != NULL);
  if (fd >= 0)
    close (fd);
  lc_error_release (&err);
  fixture_teardown (&f);
}

UNIT_MAIN (T (clean_collapses_slashes_and_dots), T (clean_never_goes_above_root),
           T (clean_makes_relative_paths_absolute), T (fd_name_names_proc_self_fd),
           T (open_symlink_to_slash_stays_in_root), T (open_dotdot_chain_symlink_stays_in_root),
           T (open_absolute_symlink_to_host_dir_does_not_reach_it), T (open_refuses_magic_links),
           T (mkdir_through_symlink_to_slash_creates_inside_root),
           T (mkdir_through_dotdot_symlink_never_creates_outside),
           T (mkdir_through_absolute_host_symlink_never_creates_outside),
           T (mkdir_make_file_creates_empty_regular_file), T (mkdir_existing_path_is_opened_not_recreated),
           T (mkdir_below_a_file_fails_naming_the_path), T (mkdir_through_dangling_symlink_creates_its_target_inside_root), T (mkdir_symlink_loop_is_an_error))
