/* One error type carried from the failing call up to the command that reports it. */
#ifndef CARAPACE_ERROR_H
#define CARAPACE_ERROR_H

#include <stdarg.h>

struct lc_error_s
{
  int status;   /* errno of the failing call, 0 when the error is not a syscall failure */
  char *msg;    /* one sentence, already including strerror(status) when status != 0 */
};
typedef struct lc_error_s *lc_error_t;

/* Record an error in *err (if it is still empty) and return -1; errno_ 0 means "no errno". */
int lc_error_make (lc_error_t *err, int errno_, const char *fmt, ...) __attribute__ ((format (printf, 3, 4)));

/* Same as lc_error_make with a va_list. */
int lc_error_makev (lc_error_t *err, int errno_, const char *fmt, va_list ap) __attribute__ ((format (printf, 3, 0)));

/* Prefix the message already in *err with "PREFIX: " and return -1. */
int lc_error_wrap (lc_error_t *err, const char *fmt, ...) __attribute__ ((format (printf, 2, 3)));

/* Free the error and reset *err to NULL; safe on NULL. */
void lc_error_release (lc_error_t *err);

/* The message of err, or "unknown error" when err is NULL. */
const char *lc_error_message (lc_error_t err);

/* Cleanup attribute: release the error when the variable leaves scope. */
#define cleanup_error __attribute__ ((cleanup (lc_error_release)))

#endif
