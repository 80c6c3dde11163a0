/* Small JSON output helpers shared by state, features, spec and logs. */
#ifndef CARAPACE_JSON_H
#define CARAPACE_JSON_H

#include <stddef.h>

/* Return a newly allocated JSON string literal (with quotes) for the UTF-8 text s. */
char *lc_json_quote (const char *s);

#endif
