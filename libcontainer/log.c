#include "config.h"
#include "log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "json.h"

static const char *
level_name (enum lc_log_level level)
{
  switch (level)
    {
    case LC_LOG_ERROR:
      return "error";
    case LC_LOG_WARNING:
      return "warning";
    case LC_LOG_INFO:
      return "info";
    case LC_LOG_DEBUG:
      return "debug";
    }
  return "info";
}

void
lc_format_timestamp (char *buf, size_t len)
{
  struct timespec ts;
  struct tm tm;
  char base[32];

  clock_gettime (CLOCK_REALTIME, &ts);
  gmtime_r (&ts.tv_sec, &tm);
  strftime (base, sizeof (base), "%Y-%m-%dT%H:%M:%S", &tm);
  snprintf (buf, len, "%s.%09ldZ", base, ts.tv_nsec);
}

/* Lines are written with one write(2) so that concurrent writers to the
   same --log file (containerd shares one per container) never interleave. */
static void
write_line (int fd, const char *line, size_t len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, line, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      line += n;
      len -= (size_t) n;
    }
}

static void
log_to_file (const struct lc_context *ctx, enum lc_log_level level, const char *msg)
{
  char ts[48];
  cleanup_free char *line = NULL;
  int len;

  lc_format_timestamp (ts, sizeof (ts));
  if (ctx->log_format == LC_LOG_FORMAT_JSON)
    {
      cleanup_free char *quoted = lc_json_quote (msg);
      len = asprintf (&line, "{\"level\":\"%s\",\"msg\":%s,\"time\":\"%s\"}\n", level_name (level), quoted, ts);
    }
  else
    len = asprintf (&line, "%s [%s] %s\n", ts, level_name (level), msg);
  if (len < 0)
    return;
  write_line (ctx->log_fd, line, (size_t) len);
}

static void
log_message (const struct lc_context *ctx, enum lc_log_level level, const char *msg)
{
  if (ctx->log_fd >= 0)
    {
      log_to_file (ctx, level, msg);
      return;
    }
  cleanup_free char *line = NULL;
  int len = asprintf (&line, "carapace: %s: %s\n", level_name (level), msg);
  if (len > 0)
    write_line (STDERR_FILENO, line, (size_t) len);
}

void
lc_log (const struct lc_context *ctx, enum lc_log_level level, const char *fmt, ...)
{
  cleanup_free char *msg = NULL;
  va_list ap;

  if (level == LC_LOG_DEBUG && ! ctx->debug)
    return;
  va_start (ap, fmt);
  int r = vasprintf (&msg, fmt, ap);
  va_end (ap);
  if (r < 0)
    return;
  log_message (ctx, level, msg);
}

void
lc_log_command_error (const struct lc_context *ctx, lc_error_t err)
{
  const char *msg = lc_error_message (err);
  cleanup_free char *line = NULL;

  /* Clients (containerd's shim, conmon) read the last error from the log
     file, people read stderr: both get the same sentence. */
  if (ctx->log_fd >= 0)
    log_to_file (ctx, LC_LOG_ERROR, msg);
  int len = asprintf (&line, "carapace: %s\n", msg);
  if (len > 0)
    write_line (STDERR_FILENO, line, (size_t) len);
}
