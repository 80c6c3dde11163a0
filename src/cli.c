#include "config.h"
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
cli_print_help (const struct cli_help *help)
{
  printf ("usage: carapace %s\n", help->usage);
  if (help->options != NULL)
    printf ("\noptions:\n%s", help->options);
  printf ("  --help                   show this help\n");
}

int
cli_usage_error (const struct cli_help *help, lc_error_t *err, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  lc_error_makev (err, 0, fmt, ap);
  va_end (ap);
  lc_error_wrap (err, "usage: carapace %s", help->usage);
  return CLI_EXIT_FAILURE;
}

int
cli_parse_options (int argc, char **argv, const struct option *longopts, const char *shortopts,
                   const struct cli_help *help, cli_option_handler handle, void *data,
                   int *first_arg, bool *done, lc_error_t *err)
{
  /* "+" stops at the first positional argument, so that `exec ID sh -c ...`
     passes the container's own flags through; ":" makes us report errors. */
  char optstring[128];
  snprintf (optstring, sizeof (optstring), "+:%s", shortopts ? shortopts : "");
  *done = false;
  optind = 0;
  opterr = 0;
  for (;;)
    {
      int index = -1;
      int opt = getopt_long_only (argc, argv, optstring, longopts, &index);
      if (opt == -1)
        break;
      if (opt == CLI_OPT_HELP)
        {
          cli_print_help (help);
          *done = true;
          return 1;
        }
      if (opt == '?')
        {
          cli_usage_error (help, err, "unknown option `%s`", argv[optind - 1]);
          return -1;
        }
      if (opt == ':')
        {
          cli_usage_error (help, err, "option `%s` needs a value", argv[optind - 1]);
          return -1;
        }
      if (handle (opt, optarg, data, err) < 0)
        return -1;
    }
  *first_arg = optind;
  return 0;
}

int
cli_expect_args (int argc, char **argv, int first_arg, int n, const struct cli_help *help, lc_error_t *err)
{
  int have = argc - first_arg;
  if (have < n)
    {
      cli_usage_error (help, err, "missing argument (expected %d, got %d)", n, have);
      return -1;
    }
  if (have > n)
    {
      cli_usage_error (help, err, "unexpected argument `%s`", argv[first_arg + n]);
      return -1;
    }
  return 0;
}

int
cli_not_implemented (const char *command, lc_error_t *err)
{
  lc_error_make (err, ENOSYS, "`%s` is not implemented in this version of carapace", command);
  return CLI_EXIT_FAILURE;
}
