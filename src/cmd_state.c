/* carapace state */
#include "config.h"

#include "cli.h"
#include "commands.h"

static const struct cli_help help = {
  .usage = "state [options] <container-id>",
  .options = NULL,
};

static const struct option options[] = {
  { "help", no_argument, NULL, CLI_OPT_HELP },
  { NULL, 0, NULL, 0 },
};

static int
handle_option (int opt, const char *arg, void *data, lc_error_t *err)
{
  return lc_error_make (err, 0, "unhandled option");
}

int
cmd_state (struct lc_context *ctx, int argc, char **argv, lc_error_t *err)
{
  int first = 0;
  bool done = false;

  if (cli_parse_options (argc, argv, options, "", &help, handle_option, NULL, &first, &done, err) < 0)
    return CLI_EXIT_FAILURE;
  if (done)
    return 0;
  return cli_not_implemented ("state", err);
}
