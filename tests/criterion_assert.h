/*
 * Criterion's new assertions, with gt() mended: in Criterion 2.4.1 (the
 * version Debian ships) gt(Tag, a, b) expands to !(a < b), that is
 * a >= b, so gt(u64, n, 0) passed with n == 0 (Snaipe/Criterion#473,
 * fixed upstream by #487 after 2.4.1). a > b is b < a, and lt() is right.
 * Every test includes this instead of <criterion/new/assert.h>.
 */
#ifndef SIMUL_TESTS_CRITERION_ASSERT_H
#define SIMUL_TESTS_CRITERION_ASSERT_H

#include <criterion/new/assert.h>

#undef gt
#define gt(Tag, Actual, Reference) lt(Tag, Reference, Actual)

#endif
