/* Version and compiled-in feature flags. */
#ifndef CARAPACE_VERSION_H
#define CARAPACE_VERSION_H

#include <stdio.h>

/* "+SECCOMP -APPARMOR ..." for what this build was compiled with. */
const char *lc_build_features (void);

/* Print the `carapace --version` text: version, OCI spec version, feature flags. */
void lc_print_version (FILE *out);

#endif
