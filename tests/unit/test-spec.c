#include "config.h"
#include "libcontainer/spec.h"
#include "tests/unit/unit.h"
TEST (placeholder) { EXPECT_TRUE (1); }
UNIT_MAIN (T (placeholder))
