/* Every carapace command: int cmd_NAME (ctx, argc, argv, err) returns the process exit code
   (0 on success); on failure it returns non-zero and, unless it already reported, sets *err. */
#ifndef CARAPACE_COMMANDS_H
#define CARAPACE_COMMANDS_H

#include "libcontainer/context.h"
#include "libcontainer/error.h"

typedef int (*command_fn) (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);

struct command
{
  const char *name;
  command_fn fn;
  const char *summary;
};

int cmd_create (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_start (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_run (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_exec (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_state (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_list (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_kill (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_delete (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_ps (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_pause (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_resume (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_update (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_events (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_spec (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_features (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_check (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_checkpoint (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);
int cmd_restore (struct lc_context *ctx, int argc, char **argv, lc_error_t *err);

#endif
