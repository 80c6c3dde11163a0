/* probe: a static helper run inside test containers.

   Without arguments it prints one JSON object describing what the process sees
   (identity, capabilities, seccomp, mounts, limits, fds, ...). With a sub-command it
   performs one action and reports through its exit status; see usage() below.
   Plain libc only: it is linked statically and must run in an empty busybox rootfs. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <linux/bpf.h>
#include <linux/keyctl.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

extern char **environ;

#define MAX_FD 1024
#define MAX_TEXT (1024 * 1024)

/* ------------------------------------------------------------------------ JSON output */

/* Writes JSON to a stream, inserting commas itself; nesting is tracked per level. */
struct json
{
  FILE *out;
  int depth;
  bool need_comma[64];
  bool after_key;
};

static void
json_separator (struct json *j)
{
  if (j->after_key)
    {
      j->after_key = false;
      return;
    }
  if (j->need_comma[j->depth])
    fputc (',', j->out);
  j->need_comma[j->depth] = true;
}

/* Length of the valid UTF-8 sequence at S (of N bytes left), or 0 when it is invalid. */
static size_t
utf8_sequence_length (const unsigned char *s, size_t n)
{
  size_t len;
  if (s[0] < 0x80)
    return 1;
  else if (s[0] >= 0xc2 && s[0] <= 0xdf)
    len = 2;
  else if (s[0] >= 0xe0 && s[0] <= 0xef)
    len = 3;
  else if (s[0] >= 0xf0 && s[0] <= 0xf4)
    len = 4;
  else
    return 0;
  if (len > n)
    return 0;
  for (size_t i = 1; i < len; i++)
    if ((s[i] & 0xc0) != 0x80)
      return 0;
  return len;
}

/* Quote N bytes; bytes that are not valid UTF-8 are kept as \u00XX so output stays JSON. */
static void
json_write_quoted (FILE *out, const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str;
  fputc ('"', out);
  for (size_t i = 0; i < n;)
    {
      unsigned char c = s[i];
      if (c == '"' || c == '\\')
        fprintf (out, "\\%c", c);
      else if (c == '\n')
        fputs ("\\n", out);
      else if (c == '\t')
        fputs ("\\t", out);
      else if (c < 0x20 || c == 0x7f)
        fprintf (out, "\\u%04x", c);
      else
        {
          size_t len = utf8_sequence_length (s + i, n - i);
          if (len == 0)
            {
              fprintf (out, "\\u%04x", c);
              i++;
              continue;
            }
          fwrite (s + i, 1, len, out);
          i += len;
          continue;
        }
      i++;
    }
  fputc ('"', out);
}

static void
json_key (struct json *j, const char *key)
{
  json_separator (j);
  json_write_quoted (j->out, key, strlen (key));
  fputc (':', j->out);
  j->after_key = true;
}

static void
json_string (struct json *j, const char *value)
{
  json_separator (j);
  if (value == NULL)
    fputs ("null", j->out);
  else
    json_write_quoted (j->out, value, strlen (value));
}

static void
json_int (struct json *j, long long value)
{
  json_separator (j);
  fprintf (j->out, "%lld", value);
}

static void
json_open (struct json *j, char bracket)
{
  json_separator (j);
  fputc (bracket, j->out);
  j->depth++;
  j->need_comma[j->depth] = false;
}

static void
json_close (struct json *j, char bracket)
{
  j->depth--;
  fputc (bracket, j->out);
}

/* ------------------------------------------------------------------------ helpers */

static const char *
errno_name (int err)
{
  const char *name = strerrorname_np (err);
  return name != NULL ? name : "EUNKNOWN";
}

/* Read a whole (small) file into a NUL-terminated buffer; NULL with errno set on failure. */
static char *
read_text (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  size_t cap = 4096, len = 0;
  char *buf = malloc (cap + 1);
  while (buf != NULL)
    {
      ssize_t n = read (fd, buf + len, cap - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;
          close (fd);
          if (n < 0)
            {
              free (buf);
              errno = saved;
              return NULL;
            }
          buf[len] = '\0';
          return buf;
        }
      len += (size_t) n;
      if (len == cap)
        {
          if (cap >= MAX_TEXT)
            break;
          cap *= 2;
          char *bigger = realloc (buf, cap + 1);
          if (bigger == NULL)
            break;
          buf = bigger;
        }
    }
  close (fd);
  if (buf != NULL)
    buf[len] = '\0';
  return buf;
}

/* The value of "Key:" in /proc/self/status, trimmed, in OUT (of SIZE); false when absent. */
static bool
status_field (const char *status, const char *key, char *out, size_t size)
{
  size_t klen = strlen (key);
  for (const char *line = status; line != NULL && *line != '\0';)
    {
      const char *end = strchr (line, '\n');
      size_t len = end ? (size_t) (end - line) : strlen (line);
      if (len > klen && strncmp (line, key, klen) == 0 && line[klen] == ':')
        {
          const char *v = line + klen + 1;
          while (v < line + len && isspace ((unsigned char) *v))
            v++;
          size_t vlen = (size_t) (line + len - v);
          if (vlen >= size)
            vlen = size - 1;
          memcpy (out, v, vlen);
          out[vlen] = '\0';
          return true;
        }
      line = end ? end + 1 : NULL;
    }
  return false;
}

static void
json_file_text (struct json *j, const char *key, const char *path)
{
  char *text = read_text (path);
  json_key (j, key);
  json_string (j, text);
  free (text);
}

/* Undo the octal escapes (\040 etc.) of /proc/self/mountinfo, in place. */
static void
unescape_octal (char *s)
{
  char *w = s;
  for (char *r = s; *r != '\0';)
    {
      if (r[0] == '\\' && r[1] >= '0' && r[1] <= '3' && r[2] >= '0' && r[2] <= '7' && r[3] >= '0' && r[3] <= '7')
        {
          *w++ = (char) (((r[1] - '0') << 6) | ((r[2] - '0') << 3) | (r[3] - '0'));
          r += 4;
        }
      else
        *w++ = *r++;
    }
  *w = '\0';
}

/* ------------------------------------------------------------------------ the report */

struct fd_entry
{
  int fd;
  char target[PATH_MAX];
  bool has_target;
};

struct fd_list
{
  struct fd_entry entries[MAX_FD];
  int count;
};

/* Taken before the probe opens anything, so that only inherited fds are listed. */
static void
collect_fds (struct fd_list *list)
{
  list->count = 0;
  for (int fd = 0; fd < MAX_FD; fd++)
    {
      if (fcntl (fd, F_GETFD) < 0)
        continue;
      struct fd_entry *e = &list->entries[list->count++];
      char link[64];
      snprintf (link, sizeof (link), "/proc/self/fd/%d", fd);
      ssize_t n = readlink (link, e->target, sizeof (e->target) - 1);
      e->fd = fd;
      e->has_target = n >= 0;
      e->target[n >= 0 ? n : 0] = '\0';
    }
}

static void
report_fds (struct json *j, const struct fd_list *list)
{
  json_key (j, "fds");
  json_open (j, '[');
  for (int i = 0; i < list->count; i++)
    {
      json_open (j, '{');
      json_key (j, "fd");
      json_int (j, list->entries[i].fd);
      json_key (j, "target");
      json_string (j, list->entries[i].has_target ? list->entries[i].target : NULL);
      json_close (j, '}');
    }
  json_close (j, ']');
}

static void
report_identity (struct json *j)
{
  json_key (j, "uid");
  json_int (j, getuid ());
  json_key (j, "gid");
  json_int (j, getgid ());
  json_key (j, "euid");
  json_int (j, geteuid ());
  json_key (j, "egid");
  json_int (j, getegid ());

  gid_t groups[NGROUPS_MAX];
  int n = getgroups (NGROUPS_MAX, groups);
  json_key (j, "groups");
  json_open (j, '[');
  for (int i = 0; i < n; i++)
    json_int (j, groups[i]);
  json_close (j, ']');

  json_file_text (j, "uid_map", "/proc/self/uid_map");
  json_file_text (j, "gid_map", "/proc/self/gid_map");
  json_key (j, "pid");
  json_int (j, getpid ());
  json_key (j, "ppid");
  json_int (j, getppid ());
}

static void
report_status_field (struct json *j, const char *status, const char *key, const char *field)
{
  char value[128];
  json_key (j, key);
  json_string (j, status != NULL && status_field (status, field, value, sizeof (value)) ? value : NULL);
}

static void
report_status_int (struct json *j, const char *status, const char *key, const char *field)
{
  char value[128];
  json_key (j, key);
  if (status != NULL && status_field (status, field, value, sizeof (value)))
    json_int (j, strtoll (value, NULL, 10));
  else
    json_string (j, NULL);
}

static void
report_security (struct json *j)
{
  char *status = read_text ("/proc/self/status");

  json_key (j, "caps");
  json_open (j, '{');
  report_status_field (j, status, "bounding", "CapBnd");
  report_status_field (j, status, "effective", "CapEff");
  report_status_field (j, status, "permitted", "CapPrm");
  report_status_field (j, status, "inheritable", "CapInh");
  report_status_field (j, status, "ambient", "CapAmb");
  json_close (j, '}');

  json_key (j, "no_new_privs");
  json_int (j, prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
  report_status_int (j, status, "seccomp", "Seccomp");
  report_status_int (j, status, "seccomp_filters", "Seccomp_filters");
  report_status_field (j, status, "umask", "Umask");
  free (status);

  char *label = read_text ("/proc/self/attr/current");
  if (label != NULL)
    label[strcspn (label, "\n")] = '\0';
  json_key (j, "lsm_label");
  json_string (j, label);
  free (label);
}

/* One mountinfo line: ID PARENT MAJ:MIN ROOT TARGET OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER. */
static void
report_mount_line (struct json *j, char *line)
{
  char *fields[64];
  int n = 0;
  for (char *save = NULL, *tok = strtok_r (line, " ", &save); tok != NULL && n < 64; tok = strtok_r (NULL, " ", &save))
    fields[n++] = tok;
  int dash = -1;
  for (int i = 6; i < n; i++)
    if (strcmp (fields[i], "-") == 0)
      {
        dash = i;
        break;
      }
  if (dash < 0 || dash + 2 >= n)
    return;
  for (int i = 0; i < n; i++)
    unescape_octal (fields[i]);

  json_open (j, '{');
  json_key (j, "target");
  json_string (j, fields[4]);
  json_key (j, "root");
  json_string (j, fields[3]);
  json_key (j, "fstype");
  json_string (j, dash + 1 < n ? fields[dash + 1] : NULL);
  json_key (j, "source");
  json_string (j, dash + 2 < n ? fields[dash + 2] : NULL);
  json_key (j, "options");
  json_string (j, fields[5]);
  json_key (j, "super_options");
  json_string (j, dash + 3 < n ? fields[dash + 3] : NULL);
  json_close (j, '}');
}

static void
report_mounts (struct json *j)
{
  char *text = read_text ("/proc/self/mountinfo");
  json_key (j, "mounts");
  if (text == NULL)
    {
      json_string (j, NULL);
      return;
    }
  json_open (j, '[');
  for (char *save = NULL, *line = strtok_r (text, "\n", &save); line != NULL; line = strtok_r (NULL, "\n", &save))
    report_mount_line (j, line);
  json_close (j, ']');
  free (text);
}

static const struct
{
  const char *name;
  int resource;
} rlimit_names[] = {
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

static long long
rlimit_value (rlim_t v)
{
  return v == RLIM_INFINITY ? -1 : (long long) v;
}

static void
report_rlimits (struct json *j)
{
  json_key (j, "rlimits");
  json_open (j, '{');
  for (size_t i = 0; i < sizeof (rlimit_names) / sizeof (rlimit_names[0]); i++)
    {
      struct rlimit rl;
      if (getrlimit (rlimit_names[i].resource, &rl) < 0)
        continue;
      json_key (j, rlimit_names[i].name);
      json_open (j, '[');
      json_int (j, rlimit_value (rl.rlim_cur));
      json_int (j, rlimit_value (rl.rlim_max));
      json_close (j, ']');
    }
  json_close (j, '}');
}

static void
report_process (struct json *j)
{
  struct utsname uts;
  bool have_uts = uname (&uts) == 0;
  json_key (j, "hostname");
  json_string (j, have_uts ? uts.nodename : NULL);
  json_key (j, "domainname");
  json_string (j, have_uts ? uts.domainname : NULL);

  json_file_text (j, "cgroup", "/proc/self/cgroup");

  char cwd[PATH_MAX];
  json_key (j, "cwd");
  json_string (j, getcwd (cwd, sizeof (cwd)));

  json_key (j, "env");
  json_open (j, '[');
  for (char **e = environ; e != NULL && *e != NULL; e++)
    json_string (j, *e);
  json_close (j, ']');

  char *oom = read_text ("/proc/self/oom_score_adj");
  json_key (j, "oom_score_adj");
  if (oom != NULL)
    json_int (j, strtoll (oom, NULL, 10));
  else
    json_string (j, NULL);
  free (oom);

  json_key (j, "personality");
  json_int (j, personality (0xffffffff));
}

static int
print_report (const struct fd_list *fds)
{
  struct json j = { .out = stdout };
  json_open (&j, '{');
  report_identity (&j);
  report_security (&j);
  report_mounts (&j);
  report_rlimits (&j);
  report_process (&j);
  report_fds (&j, fds);
  json_close (&j, '}');
  fputc ('\n', stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}

/* ------------------------------------------------------------------------ sub-commands */

/* Print "ok" or the errno name of a failed call; exit status 0 or 1. */
static int
report_result (long ret, int err)
{
  puts (ret < 0 ? errno_name (err) : "ok");
  return ret < 0 ? 1 : 0;
}

static int
cmd_exit (const char *code)
{
  return (int) strtol (code, NULL, 10);
}

static int
cmd_write (const char *path)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return report_result (-1, errno);
  ssize_t n = write (fd, "probe\n", 6);
  int err = errno;
  if (close (fd) < 0 && n >= 0)
    return report_result (-1, errno);
  return report_result (n == 6 ? 0 : -1, n < 0 ? err : EIO);
}

static int
list_directory (int fd)
{
  DIR *dir = fdopendir (fd);
  if (dir == NULL)
    return report_result (-1, errno);
  struct dirent *de;
  while ((de = readdir (dir)) != NULL)
    if (strcmp (de->d_name, ".") != 0 && strcmp (de->d_name, "..") != 0)
      puts (de->d_name);
  closedir (dir);
  return 0;
}

/* Print the file's content (a directory's entries), or the errno name on failure. */
static int
cmd_read (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return report_result (-1, errno);
  struct stat st;
  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    return list_directory (fd);
  char buf[65536];
  for (;;)
    {
      ssize_t n = read (fd, buf, sizeof (buf));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int err = errno;
          close (fd);
          return report_result (-1, err);
        }
      if (n == 0)
        break;
      fwrite (buf, 1, (size_t) n, stdout);
    }
  close (fd);
  return 0;
}

static int
cmd_exec (char **argv)
{
  execv (argv[0], argv);
  return report_result (-1, errno);
}

static int
cmd_sleep (const char *seconds)
{
  struct timespec ts = { .tv_sec = strtol (seconds, NULL, 10) };
  while (nanosleep (&ts, &ts) < 0 && errno == EINTR)
    ;
  return 0;
}

/* Block every signal, say "ready" on stderr, then wait for one and report it. */
static int
cmd_signal_wait (void)
{
  sigset_t all;
  sigfillset (&all);
  if (sigprocmask (SIG_BLOCK, &all, NULL) < 0)
    return report_result (-1, errno);
  fputs ("ready\n", stderr);
  fflush (stderr);
  int sig;
  do
    sig = sigwaitinfo (&all, NULL);
  while (sig < 0 && errno == EINTR);
  if (sig < 0)
    return report_result (-1, errno);
  const char *abbrev = sigabbrev_np (sig);
  if (abbrev != NULL)
    printf ("SIG%s\n", abbrev);
  else
    printf ("SIG%d\n", sig);
  fflush (stdout);
  return 128 + sig;
}

static int
cmd_fdcheck (const struct fd_list *fds)
{
  int extra = 0;
  for (int i = 0; i < fds->count; i++)
    {
      const struct fd_entry *e = &fds->entries[i];
      if (e->fd <= 2)
        continue;
      printf ("%d %s\n", e->fd, e->has_target ? e->target : "?");
      extra++;
    }
  return extra == 0 ? 0 : 1;
}

/* Each attempt is harmless when allowed: bad arguments make the kernel fail after its
   permission check, so "EPERM" means denied and another errno means the call got through. */
static long
try_unshare (const char *ns)
{
  int flag = CLONE_NEWUSER;
  if (ns == NULL || strcmp (ns, "user") == 0)
    flag = CLONE_NEWUSER;
  else if (strcmp (ns, "mount") == 0)
    flag = CLONE_NEWNS;
  else if (strcmp (ns, "net") == 0)
    flag = CLONE_NEWNET;
  else if (strcmp (ns, "pid") == 0)
    flag = CLONE_NEWPID;
  else if (strcmp (ns, "uts") == 0)
    flag = CLONE_NEWUTS;
  else if (strcmp (ns, "ipc") == 0)
    flag = CLONE_NEWIPC;
  else if (strcmp (ns, "cgroup") == 0)
    flag = CLONE_NEWCGROUP;
  else
    {
      errno = EINVAL;
      return -1;
    }
  return unshare (flag);
}

/* PEEKDATA returns the word read, so only errno tells a failure apart. */
static long
try_ptrace (void)
{
  errno = 0;
  long word = ptrace (PTRACE_PEEKDATA, getpid (), NULL, NULL);
  return word == -1 && errno != 0 ? -1 : 0;
}

static long
try_bpf (void)
{
  union bpf_attr attr;
  memset (&attr, 0, sizeof (attr));
  return syscall (SYS_bpf, BPF_MAP_CREATE, &attr, sizeof (attr));
}

static long
try_personality (void)
{
  int old = personality (0xffffffff);
  long ret = personality (PER_LINUX | ADDR_NO_RANDOMIZE);
  if (ret >= 0)
    personality ((unsigned long) old);
  return ret < 0 ? -1 : 0;
}

static long
try_perf_event_open (void)
{
  char attr[128];
  memset (attr, 0, sizeof (attr));
  return syscall (SYS_perf_event_open, attr, 0, -1, -1, 0);
}

static long
try_userfaultfd (void)
{
  long fd = syscall (SYS_userfaultfd, O_CLOEXEC);
  if (fd >= 0)
    close ((int) fd);
  return fd < 0 ? -1 : 0;
}

static long
try_sethostname (void)
{
  struct utsname uts;
  if (uname (&uts) < 0)
    return -1;
  return sethostname (uts.nodename, strlen (uts.nodename));
}

static long
try_syscall (const char *name, const char *arg, bool *known)
{
  *known = true;
  if (strcmp (name, "mount") == 0)
    return mount ("none", "/nonexistent-probe-target", "tmpfs", 0, NULL);
  if (strcmp (name, "umount") == 0)
    return umount2 ("/nonexistent-probe-target", 0);
  if (strcmp (name, "unshare") == 0)
    return try_unshare (arg);
  if (strcmp (name, "keyctl") == 0)
    return syscall (SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0);
  if (strcmp (name, "ptrace") == 0)
    return try_ptrace ();
  if (strcmp (name, "bpf") == 0)
    return try_bpf ();
  if (strcmp (name, "reboot") == 0)
    return syscall (SYS_reboot, 0, 0, 0, NULL);
  if (strcmp (name, "setns") == 0)
    return setns (-1, 0);
  if (strcmp (name, "personality") == 0)
    return try_personality ();
  if (strcmp (name, "chroot") == 0)
    return chroot ("/");
  if (strcmp (name, "sethostname") == 0)
    return try_sethostname ();
  if (strcmp (name, "init_module") == 0)
    return syscall (SYS_init_module, NULL, 0, "");
  if (strcmp (name, "kexec_load") == 0)
    return syscall (SYS_kexec_load, 0, 0, NULL, 0xdead0000UL);
  if (strcmp (name, "swapon") == 0)
    return syscall (SYS_swapon, "/nonexistent-probe-target", 0);
  if (strcmp (name, "acct") == 0)
    return syscall (SYS_acct, "/nonexistent-probe-target");
  if (strcmp (name, "perf_event_open") == 0)
    return try_perf_event_open ();
  if (strcmp (name, "userfaultfd") == 0)
    return try_userfaultfd ();
  if (strcmp (name, "open_by_handle_at") == 0)
    return syscall (SYS_open_by_handle_at, -1, NULL, O_RDONLY);
  if (strcmp (name, "io_uring_setup") == 0)
    return syscall (SYS_io_uring_setup, 0, NULL);
  if (strcmp (name, "setuid") == 0)
    return setuid (getuid ());
  *known = false;
  return -1;
}

static int
cmd_syscall (const char *name, const char *arg)
{
  bool known;
  errno = 0;
  long ret = try_syscall (name, arg, &known);
  if (! known)
    {
      fprintf (stderr, "probe: unknown syscall `%s`\n", name);
      return 2;
    }
  return report_result (ret, errno);
}

static void
usage (FILE *out)
{
  fputs ("usage: probe                  print one JSON object describing this process\n"
         "       probe exit N           exit with status N\n"
         "       probe write PATH       create/truncate PATH and write to it\n"
         "       probe read PATH        print PATH's content (a directory's entries)\n"
         "       probe exec PATH [ARG]  execv PATH\n"
         "       probe syscall NAME [ARG]  try a syscall harmlessly (mount umount unshare[ user|mount|net|pid|uts|ipc|cgroup]\n"
         "                              keyctl ptrace bpf reboot setns personality chroot sethostname init_module\n"
         "                              kexec_load swapon acct perf_event_open userfaultfd open_by_handle_at\n"
         "                              io_uring_setup setuid)\n"
         "       probe sleep SECONDS    sleep, then exit 0\n"
         "       probe signal-wait      print `ready` on stderr, wait for a signal, print its name, exit 128+N\n"
         "       probe fdcheck          print fds other than 0,1,2 (\"N TARGET\"); exit 1 if any\n"
         "write, read, exec and syscall print `ok` or the errno name (EPERM ...) and exit 0 or 1.\n",
         out);
}

static int
run_command (int argc, char **argv, const struct fd_list *fds)
{
  const char *cmd = argv[1];
  if (strcmp (cmd, "exit") == 0 && argc == 3)
    return cmd_exit (argv[2]);
  if (strcmp (cmd, "write") == 0 && argc == 3)
    return cmd_write (argv[2]);
  if (strcmp (cmd, "read") == 0 && argc == 3)
    return cmd_read (argv[2]);
  if (strcmp (cmd, "exec") == 0 && argc >= 3)
    return cmd_exec (argv + 2);
  if (strcmp (cmd, "syscall") == 0 && (argc == 3 || argc == 4))
    return cmd_syscall (argv[2], argc == 4 ? argv[3] : NULL);
  if (strcmp (cmd, "sleep") == 0 && argc == 3)
    return cmd_sleep (argv[2]);
  if (strcmp (cmd, "signal-wait") == 0 && argc == 2)
    return cmd_signal_wait ();
  if (strcmp (cmd, "fdcheck") == 0 && argc == 2)
    return cmd_fdcheck (fds);
  if (strcmp (cmd, "help") == 0 || strcmp (cmd, "--help") == 0)
    {
      usage (stdout);
      return 0;
    }
  usage (stderr);
  return 2;
}

int
main (int argc, char **argv)
{
  static struct fd_list fds;
  collect_fds (&fds);
  if (argc < 2)
    return print_report (&fds);
  int ret = run_command (argc, argv, &fds);
  if (fflush (stdout) != 0)
    return 1;
  return ret;
}
