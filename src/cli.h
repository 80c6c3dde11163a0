/* Shared command-line plumbing for the per-command files. */
#ifndef CARAPACE_CLI_H
#define CARAPACE_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdbool.h>

#include "libcontainer/error.h"

/* Exit code of every failed command and of every usage error, as runc. */
#define CLI_EXIT_FAILURE 1

/* Help text of one command: usage line, then option lines. */
struct cli_help
{
  const char *usage;     /* e.g. "create [options] <container-id>" */
  const char *options;   /* preformatted option list, may be NULL */
};

/* Print "usage: carapace USAGE" and the option list to stdout (for --help). */
void cli_print_help (const struct cli_help *help);

/* Report a usage problem as a one-line error plus the usage line, and return CLI_EXIT_FAILURE. */
int cli_usage_error (const struct cli_help *help, lc_error_t *err, const char *fmt, ...)
    __attribute__ ((format (printf, 3, 4)));

/* Parse options with getopt_long_only (Go-style -flag and --flag both work), calling
   handle(opt, optarg, data) for each; prints help and returns 1 for --help (*done set),
   returns -1 with *err set on an unknown flag or a handler error, 0 otherwise.
   On return *first_arg is the index of the first positional argument. */
typedef int (*cli_option_handler) (int opt, const char *arg, void *data, lc_error_t *err);
int cli_parse_options (int argc, char **argv, const struct option *longopts, const char *shortopts,
                       const struct cli_help *help, cli_option_handler handle, void *data,
                       int *first_arg, bool *done, lc_error_t *err);

/* Require exactly n positional arguments after first_arg; sets *err otherwise. */
int cli_expect_args (int argc, char **argv, int first_arg, int n, const struct cli_help *help, lc_error_t *err);

/* The answer of a command that is not built yet: a clear error, non-zero exit. */
int cli_not_implemented (const char *command, lc_error_t *err);

#define CLI_OPT_HELP 0x1000

#endif
