/* Capability sets of the container process.

   The spec's sets are bitmasks of CAP_* numbers.  A capability the running kernel does not
   know (above its last capability) is skipped with no error, as runc does: a config written
   for a newer kernel still runs, and the kernel could not grant that capability anyway.

   The inheritable set is always set exactly as configured, empty when absent, so the
   runtime's own inheritable set never leaks into the container (CVE-2022-29162). */
#include "config.h"
#include "process.h"

#include <errno.h>
#include <stdio.h>
#include <sys/capability.h>
#include <sys/prctl.h>

/* Number of capabilities the running kernel knows (libcap probes it once, without /proc). */
static unsigned
kernel_cap_count (void)
{
  int bits = (int) cap_max_bits ();
  if (bits <= 0)
    return 0;
  return bits > 64 ? 64 : (unsigned) bits;
}

static bool
mask_has (uint64_t mask, unsigned cap)
{
  return (mask & (1ULL << cap)) != 0;
}

static const char *
cap_name_or_number (unsigned cap, char *buf, size_t len)
{
  char *name = cap_to_name ((cap_value_t) cap);
  if (name == NULL)
    {
      snprintf (buf, len, "%u", cap);
      return buf;
    }
  snprintf (buf, len, "%s", name);
  cap_free (name);
  for (char *c = buf; *c != '\0'; c++)
    if (*c >= 'a' && *c <= 'z')
      *c = (char) (*c - 'a' + 'A');
  return buf;
}

int
lc_caps_drop_bounding (const struct lc_spec_process *p, lc_error_t *err)
{
  uint64_t keep = (p->has_capabilities && p->capabilities.has_bounding) ? p->capabilities.bounding : 0;
  unsigned count = kernel_cap_count ();

  for (unsigned cap = 0; cap < count; cap++)
    {
      if (mask_has (keep, cap))
        continue;
      /* Dropping needs CAP_SETPCAP even for an absent capability: only drop what is there. */
      int present = prctl (PR_CAPBSET_READ, (unsigned long) cap, 0, 0, 0);
      if (present < 0)
        return lc_error_make (err, errno, "read capability %u of the bounding set", cap);
      if (present == 0)
        continue;
      if (prctl (PR_CAPBSET_DROP, (unsigned long) cap, 0, 0, 0) < 0)
        {
          char name[64];
          return lc_error_make (err, errno, "drop %s from the bounding set (process.capabilities.bounding)",
                                cap_name_or_number (cap, name, sizeof (name)));
        }
    }
  return 0;
}

/* Set FLAG in caps for every capability of mask the kernel knows. */
static int
cap_set_from_mask (cap_t caps, cap_flag_t flag, uint64_t mask, unsigned count)
{
  for (unsigned cap = 0; cap < count; cap++)
    {
      if (! mask_has (mask, cap))
        continue;
      cap_value_t value = (cap_value_t) cap;
      if (cap_set_flag (caps, flag, 1, &value, CAP_SET) < 0)
        return -1;
    }
  return 0;
}

/* The kernel refuses an effective capability that is not permitted; say which one. */
static int
check_effective_in_permitted (const struct lc_spec_capabilities *c, unsigned count, lc_error_t *err)
{
  uint64_t extra = c->effective & ~c->permitted;
  for (unsigned cap = 0; cap < count; cap++)
    if (mask_has (extra, cap))
      {
        char name[64];
        return lc_error_make (err, 0, "process.capabilities.effective has %s, which is not in permitted",
                              cap_name_or_number (cap, name, sizeof (name)));
      }
  return 0;
}

/* Raise the ambient set; the kernel only accepts capabilities both permitted and inheritable,
   so the others are skipped (they could never be ambient). */
static int
raise_ambient (const struct lc_spec_capabilities *c, unsigned count, lc_error_t *err)
{
  if (prctl (PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0)
    return lc_error_make (err, errno, "clear the ambient capability set");

  uint64_t raisable = c->ambient & c->permitted & c->inheritable;
  for (unsigned cap = 0; cap < count; cap++)
    {
      if (! mask_has (raisable, cap))
        continue;
      if (prctl (PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, (unsigned long) cap, 0, 0) < 0)
        {
          char name[64];
          return lc_error_make (err, errno, "raise %s in the ambient set (process.capabilities.ambient)",
                                cap_name_or_number (cap, name, sizeof (name)));
        }
    }
  return 0;
}

int
lc_caps_apply (const struct lc_spec_process *p, lc_error_t *err)
{
  static const struct lc_spec_capabilities none;
  const struct lc_spec_capabilities *c = p->has_capabilities ? &p->capabilities : &none;
  unsigned count = kernel_cap_count ();

  if (check_effective_in_permitted (c, count, err) < 0)
    return -1;

  cap_t caps = cap_init ();
  if (caps == NULL)
    return lc_error_make (err, errno, "allocate a capability state");
  int r = 0;
  if (cap_set_from_mask (caps, CAP_EFFECTIVE, c->effective, count) < 0
      || cap_set_from_mask (caps, CAP_PERMITTED, c->permitted, count) < 0
      || cap_set_from_mask (caps, CAP_INHERITABLE, c->inheritable, count) < 0)
    r = lc_error_make (err, errno, "build the capability sets of process.capabilities");
  else if (cap_set_proc (caps) < 0)
    r = lc_error_make (err, errno, "set the effective, permitted and inheritable capabilities");
  cap_free (caps);
  if (r < 0)
    return r;

  return raise_ambient (c, count, err);
}
