/* A minimal unit-test harness that speaks TAP: each TEST is one behaviour, named after it;
   a failed expectation prints what was expected and what was seen. */
#ifndef CARAPACE_UNIT_H
#define CARAPACE_UNIT_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unit_test
{
  const char *name;
  void (*fn) (bool *failed);
};

/* Define a test: TEST (parses_minimal_config) { EXPECT_TRUE (...); } */
#define TEST(name)                                                                                                    \
  static void test_##name (bool *unit_failed_)

/* Fail the running test with a message (printf-style) and continue. */
#define FAIL(...)                                                                                                     \
  do                                                                                                                  \
    {                                                                                                                 \
      printf ("# %s:%d: ", __FILE__, __LINE__);                                                                       \
      printf (__VA_ARGS__);                                                                                           \
      printf ("\n");                                                                                                  \
      *unit_failed_ = true;                                                                                           \
    }                                                                                                                 \
  while (0)

#define EXPECT_TRUE(cond)                                                                                             \
  do                                                                                                                  \
    if (! (cond))                                                                                                     \
      FAIL ("expected %s to hold, it did not", #cond);                                                                \
  while (0)

#define EXPECT_INT_EQ(expected, seen)                                                                                 \
  do                                                                                                                  \
    {                                                                                                                 \
      long long e_ = (long long) (expected), s_ = (long long) (seen);                                                 \
      if (e_ != s_)                                                                                                   \
        FAIL ("%s: expected %lld, saw %lld", #seen, e_, s_);                                                          \
    }                                                                                                                 \
  while (0)

#define EXPECT_UINT_EQ(expected, seen)                                                                                \
  do                                                                                                                  \
    {                                                                                                                 \
      unsigned long long e_ = (unsigned long long) (expected), s_ = (unsigned long long) (seen);                      \
      if (e_ != s_)                                                                                                   \
        FAIL ("%s: expected %llu, saw %llu", #seen, e_, s_);                                                          \
    }                                                                                                                 \
  while (0)

#define EXPECT_STR_EQ(expected, seen)                                                                                 \
  do                                                                                                                  \
    {                                                                                                                 \
      const char *e_ = (expected), *s_ = (seen);                                                                      \
      if (e_ == NULL || s_ == NULL ? e_ != s_ : strcmp (e_, s_) != 0)                                                 \
        FAIL ("%s: expected \"%s\", saw \"%s\"", #seen, e_ ? e_ : "(null)", s_ ? s_ : "(null)");                     \
    }                                                                                                                 \
  while (0)

/* Run the listed tests as a TAP stream; exit 1 if any failed. */
#define UNIT_MAIN(...)                                                                                                \
  int main (void)                                                                                                     \
  {                                                                                                                   \
    const struct unit_test tests_[] = { __VA_ARGS__ };                                                                \
    size_t n_ = sizeof (tests_) / sizeof (tests_[0]), failures_ = 0;                                                  \
    setvbuf (stdout, NULL, _IOLBF, 0);                                                                                \
    printf ("1..%zu\n", n_);                                                                                          \
    for (size_t i_ = 0; i_ < n_; i_++)                                                                                \
      {                                                                                                               \
        bool failed_ = false;                                                                                         \
        tests_[i_].fn (&failed_);                                                                                     \
        printf ("%s %zu - %s\n", failed_ ? "not ok" : "ok", i_ + 1, tests_[i_].name);                                 \
        failures_ += failed_;                                                                                         \
      }                                                                                                               \
    return failures_ ? 1 : 0;                                                                                         \
  }

/* Entry of the UNIT_MAIN list for a TEST. */
#define T(name) { #name, test_##name }

#endif
