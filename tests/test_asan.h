/*
 * TEST_ASAN: 1 in an AddressSanitizer build (gcc's or clang's), else 0.
 * There every run costs ~8x, so the suites that draw many runs draw
 * fewer: a memory error shows in any of them, and the release suite
 * draws them all.
 */
#ifndef SIMUL_TESTS_TEST_ASAN_H
#define SIMUL_TESTS_TEST_ASAN_H

#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif
#ifndef TEST_ASAN
#define TEST_ASAN 0
#endif

#endif
