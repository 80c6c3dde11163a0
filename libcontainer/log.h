/* Logging to the --log file (text or runc's JSON lines) or stderr. */
#ifndef CARAPACE_LOG_H
#define CARAPACE_LOG_H

#include <stddef.h>

#include "context.h"
#include "error.h"

/* Write one log line at LEVEL; debug lines are dropped unless ctx->debug. */
void lc_log (const struct lc_context *ctx, enum lc_log_level level, const char *fmt, ...)
    __attribute__ ((format (printf, 3, 4)));

/* Report a failed command: one line on stderr, and the same as an error record in the log file. */
void lc_log_command_error (const struct lc_context *ctx, lc_error_t err);

/* Format an RFC 3339 UTC timestamp with nanoseconds into buf (at least 40 bytes). */
void lc_format_timestamp (char *buf, size_t len);

#endif
