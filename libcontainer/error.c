#include "config.h"
#include "error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
lc_error_makev (lc_error_t *err, int errno_, const char *fmt, va_list ap)
{
  char *text = NULL;

  /* The first error is the cause; later ones are usually consequences. */
  if (err == NULL || *err != NULL)
    return -1;

  struct lc_error_s *e = calloc (1, sizeof (*e));
  if (e == NULL)
    abort ();
  if (vasprintf (&text, fmt, ap) < 0)
    abort ();

  e->status = errno_;
  if (errno_ != 0)
    {
      if (asprintf (&e->msg, "%s: %s", text, strerror (errno_)) < 0)
        abort ();
      free (text);
    }
  else
    e->msg = text;
  *err = e;
  return -1;
}

int
lc_error_make (lc_error_t *err, int errno_, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  lc_error_makev (err, errno_, fmt, ap);
  va_end (ap);
  return -1;
}

int
lc_error_wrap (lc_error_t *err, const char *fmt, ...)
{
  char *prefix = NULL, *joined = NULL;
  va_list ap;

  if (err == NULL || *err == NULL)
    return -1;
  va_start (ap, fmt);
  if (vasprintf (&prefix, fmt, ap) < 0)
    abort ();
  va_end (ap);
  if (asprintf (&joined, "%s: %s", prefix, (*err)->msg) < 0)
    abort ();
  free (prefix);
  free ((*err)->msg);
  (*err)->msg = joined;
  return -1;
}

void
lc_error_release (lc_error_t *err)
{
  if (err == NULL || *err == NULL)
    return;
  free ((*err)->msg);
  free (*err);
  *err = NULL;
}

const char *
lc_error_message (lc_error_t err)
{
  return err != NULL && err->msg != NULL ? err->msg : "unknown error";
}
