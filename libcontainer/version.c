#include "config.h"
#include "version.h"

const char *
lc_build_features (void)
{
  return "+CAP +YAJL"
#ifdef HAVE_SECCOMP
         " +SECCOMP"
#else
         " -SECCOMP"
#endif
#ifdef HAVE_APPARMOR
         " +APPARMOR"
#else
         " -APPARMOR"
#endif
#ifdef HAVE_SELINUX
         " +SELINUX"
#else
         " -SELINUX"
#endif
         " +LANDLOCK";
}

void
lc_print_version (FILE *out)
{
  fprintf (out, "carapace version %s\n", PACKAGE_VERSION);
  fprintf (out, "spec: %s\n", OCI_SPEC_VERSION);
  fprintf (out, "%s\n", lc_build_features ());
}
