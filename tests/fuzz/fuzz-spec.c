/* libFuzzer target: every parser entry point on the same bytes; each must either succeed
   or fail with an error, never crash, leak or hit undefined behaviour. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "libcontainer/spec.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  lc_error_t err = NULL;
  struct lc_spec *spec = NULL;
  struct lc_spec_process *process = NULL;
  struct lc_spec_resources *resources = NULL;

  /* On failure the out pointer must stay NULL and an error must be set. */
  if (lc_spec_parse (text, size, "config.json", &spec, &err) < 0 && (spec != NULL || err == NULL))
    __builtin_trap ();
  lc_spec_free (spec);
  lc_error_release (&err);

  if (lc_spec_parse_process (text, size, "process.json", &process, &err) < 0 && (process != NULL || err == NULL))
    __builtin_trap ();
  lc_spec_process_free (process);
  lc_error_release (&err);

  if (lc_spec_parse_resources (text, size, "resources.json", &resources, &err) < 0
      && (resources != NULL || err == NULL))
    __builtin_trap ();
  lc_spec_resources_free (resources);
  lc_error_release (&err);
  return 0;
}
