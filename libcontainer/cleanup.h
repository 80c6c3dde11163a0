/* Scope-bound cleanup helpers: every resource is released where its variable ends. */
#ifndef CARAPACE_CLEANUP_H
#define CARAPACE_CLEANUP_H

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Free *p. */
static inline void
lc_cleanup_freep (void *p)
{
  free (*(void **) p);
}

/* Close *fd if it is a valid descriptor, preserving errno. */
static inline void
lc_cleanup_closep (int *fd)
{
  if (*fd >= 0)
    {
      int saved = errno;
      close (*fd);
      errno = saved;
    }
}

/* fclose *f if set. */
static inline void
lc_cleanup_fclosep (FILE **f)
{
  if (*f != NULL)
    fclose (*f);
}

/* closedir *d if set. */
static inline void
lc_cleanup_closedirp (DIR **d)
{
  if (*d != NULL)
    closedir (*d);
}

/* Free a NULL-terminated array of strings and the array. */
static inline void
lc_cleanup_strvp (char ***v)
{
  if (*v == NULL)
    return;
  for (char **s = *v; *s != NULL; s++)
    free (*s);
  free (*v);
}

#define cleanup_free __attribute__ ((cleanup (lc_cleanup_freep)))
#define cleanup_close __attribute__ ((cleanup (lc_cleanup_closep)))
#define cleanup_file __attribute__ ((cleanup (lc_cleanup_fclosep)))
#define cleanup_dir __attribute__ ((cleanup (lc_cleanup_closedirp)))
#define cleanup_strv __attribute__ ((cleanup (lc_cleanup_strvp)))

/* Hand ownership of a fd out of a cleanup_close variable. */
static inline int
lc_steal_fd (int *fd)
{
  int r = *fd;
  *fd = -1;
  return r;
}

/* Hand ownership of a pointer out of a cleanup_free variable. */
static inline void *
lc_steal_ptr (void *p)
{
  void **pp = (void **) p;
  void *r = *pp;
  *pp = NULL;
  return r;
}

#endif
