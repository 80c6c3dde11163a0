/* Per-invocation settings from the global command-line flags; owned by main, passed down. */
#ifndef CARAPACE_CONTEXT_H
#define CARAPACE_CONTEXT_H

#include <stdbool.h>

enum lc_log_format
{
  LC_LOG_FORMAT_TEXT,
  LC_LOG_FORMAT_JSON,
};

enum lc_log_level
{
  LC_LOG_ERROR,
  LC_LOG_WARNING,
  LC_LOG_INFO,
  LC_LOG_DEBUG,
};

struct lc_context
{
  const char *state_root;         /* --root, default /run/carapace */
  int log_fd;                     /* --log file, or -1 for stderr */
  enum lc_log_format log_format;  /* --log-format */
  bool debug;                     /* --debug */
  bool systemd_cgroup;            /* --systemd-cgroup */
  bool rootless;                  /* --rootless */
};

#define LC_DEFAULT_STATE_ROOT "/run/carapace"

#endif
