/* carapace: parse the global flags, then hand over to one command. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "libcontainer/cleanup.h"
#include "libcontainer/log.h"
#include "libcontainer/version.h"

static const struct command commands[] = {
  { "checkpoint", cmd_checkpoint, "checkpoint a running container (not supported)" },
  { "check", cmd_check, "lint a config against the hardening policy" },
  { "create", cmd_create, "create a container" },
  { "delete", cmd_delete, "delete a container and everything it holds" },
  { "events", cmd_events, "show container events and resource statistics" },
  { "exec", cmd_exec, "run a new process inside a container" },
  { "features", cmd_features, "print the OCI features this build supports" },
  { "kill", cmd_kill, "send a signal to the container's init (or all its processes)" },
  { "list", cmd_list, "list containers" },
  { "pause", cmd_pause, "freeze every process of a container" },
  { "ps", cmd_ps, "list the processes of a container" },
  { "restore", cmd_restore, "restore a checkpointed container (not supported)" },
  { "resume", cmd_resume, "thaw a paused container" },
  { "run", cmd_run, "create and start a container, and wait for it" },
  { "spec", cmd_spec, "write a hardened default config.json" },
  { "start", cmd_start, "start a created container" },
  { "state", cmd_state, "print the OCI state of a container" },
  { "update", cmd_update, "change the resource limits of a container" },
};

static const struct cli_help global_help = {
  .usage = "[global options] <command> [command options] [arguments]",
  .options = "  --root DIR               state directory (default " LC_DEFAULT_STATE_ROOT ")\n"
             "  --log FILE               write log records to FILE instead of stderr\n"
             "  --log-format text|json   format of the log records (default text)\n"
             "  --debug                  log debug records too\n"
             "  --systemd-cgroup         cgroupsPath is slice:prefix:name (needs systemd)\n"
             "  --rootless true|false|auto  accepted for runc compatibility\n"
             "  -v, --version            print version and build features\n",
};

static void
print_global_help (void)
{
  cli_print_help (&global_help);
  printf ("\ncommands:\n");
  for (size_t i = 0; i < sizeof (commands) / sizeof (commands[0]); i++)
    printf ("  %-11s %s\n", commands[i].name, commands[i].summary);
}

enum
{
  OPT_ROOT = 0x100,
  OPT_LOG,
  OPT_LOG_FORMAT,
  OPT_DEBUG,
  OPT_SYSTEMD_CGROUP,
  OPT_ROOTLESS,
  OPT_CRIU,
};

static const struct option global_options[] = {
  { "root", required_argument, NULL, OPT_ROOT },
  { "log", required_argument, NULL, OPT_LOG },
  { "log-format", required_argument, NULL, OPT_LOG_FORMAT },
  { "debug", no_argument, NULL, OPT_DEBUG },
  { "systemd-cgroup", no_argument, NULL, OPT_SYSTEMD_CGROUP },
  { "rootless", required_argument, NULL, OPT_ROOTLESS },
  { "criu", required_argument, NULL, OPT_CRIU },
  { "version", no_argument, NULL, 'v' },
  { "help", no_argument, NULL, 'h' },
  { NULL, 0, NULL, 0 },
};

struct global_flags
{
  const char *log_path;
  bool version;
  bool help;
};

static int
open_log_file (const char *path, lc_error_t *err)
{
  int fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return lc_error_make (err, errno, "open log file `%s`", path);
  return fd;
}

static int
handle_global_option (struct lc_context *ctx, struct global_flags *flags, int opt, const char *arg, lc_error_t *err)
{
  switch (opt)
    {
    case OPT_ROOT:
      if (arg[0] == '\0')
        return lc_error_make (err, 0, "--root: empty path");
      ctx->state_root = arg;
      return 0;
    case OPT_LOG:
      flags->log_path = arg;
      return 0;
    case OPT_LOG_FORMAT:
      if (strcmp (arg, "text") == 0)
        ctx->log_format = LC_LOG_FORMAT_TEXT;
      else if (strcmp (arg, "json") == 0)
        ctx->log_format = LC_LOG_FORMAT_JSON;
      else
        return lc_error_make (err, 0, "--log-format: expected `text` or `json`, got `%s`", arg);
      return 0;
    case OPT_DEBUG:
      ctx->debug = true;
      return 0;
    case OPT_SYSTEMD_CGROUP:
      ctx->systemd_cgroup = true;
      return 0;
    case OPT_ROOTLESS:
      if (strcmp (arg, "true") != 0 && strcmp (arg, "false") != 0 && strcmp (arg, "auto") != 0)
        return lc_error_make (err, 0, "--rootless: expected `true`, `false` or `auto`, got `%s`", arg);
      ctx->rootless = strcmp (arg, "true") == 0;
      return 0;
    case OPT_CRIU:
      return 0; /* accepted for runc compatibility; checkpointing is not supported */
    case 'v':
      flags->version = true;
      return 0;
    case 'h':
      flags->help = true;
      return 0;
    case '?':
      return lc_error_make (err, 0, "unknown global option `%s`", arg);
    case ':':
      return lc_error_make (err, 0, "global option `%s` needs a value", arg);
    }
  return lc_error_make (err, 0, "unhandled global option");
}

static int
parse_global_options (struct lc_context *ctx, struct global_flags *flags, int argc, char **argv, lc_error_t *err)
{
  opterr = 0;
  for (;;)
    {
      int opt = getopt_long_only (argc, argv, "+:vh", global_options, NULL);
      if (opt == -1)
        return optind;
      const char *arg = (opt == '?' || opt == ':') ? argv[optind - 1] : optarg;
      if (handle_global_option (ctx, flags, opt, arg, err) < 0)
        return -1;
    }
}

static const struct command *
find_command (const char *name)
{
  for (size_t i = 0; i < sizeof (commands) / sizeof (commands[0]); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

int
main (int argc, char **argv)
{
  struct lc_context ctx = {
    .state_root = LC_DEFAULT_STATE_ROOT,
    .log_fd = -1,
    .log_format = LC_LOG_FORMAT_TEXT,
  };
  struct global_flags flags = { 0 };
  cleanup_error lc_error_t err = NULL;

  int first = parse_global_options (&ctx, &flags, argc, argv, &err);
  if (first < 0)
    {
      lc_error_wrap (&err, "usage: carapace %s", global_help.usage);
      lc_log_command_error (&ctx, err);
      return CLI_EXIT_FAILURE;
    }
  if (flags.log_path != NULL)
    {
      ctx.log_fd = open_log_file (flags.log_path, &err);
      if (ctx.log_fd < 0)
        {
          lc_log_command_error (&ctx, err);
          return CLI_EXIT_FAILURE;
        }
    }
  if (flags.version)
    {
      lc_print_version (stdout);
      return 0;
    }
  if (flags.help)
    {
      print_global_help ();
      return 0;
    }
  if (first >= argc)
    {
      print_global_help ();
      return CLI_EXIT_FAILURE;
    }

  const struct command *cmd = find_command (argv[first]);
  if (cmd == NULL)
    {
      lc_error_make (&err, 0, "unknown command `%s` (see `carapace --help`)", argv[first]);
      lc_log_command_error (&ctx, err);
      return CLI_EXIT_FAILURE;
    }

  int ret = cmd->fn (&ctx, argc - first, argv + first, &err);
  if (ret != 0 && err != NULL)
    lc_log_command_error (&ctx, err);
  return ret;
}
