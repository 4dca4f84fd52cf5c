/*
 * What every harness shares. LLVMFuzzerTestOneInput gets bytes that are
 * not a C string; fuzz_text copies them into one (cut at the first NUL,
 * as a C caller would see them). Harnesses check properties with
 * fuzz_check, which aborts: libFuzzer and the replay driver both report
 * an abort as a failure, with the input that caused it.
 */
#ifndef SIMUL_TESTS_FUZZ_H
#define SIMUL_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy; the caller frees it. */
static inline char *
fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static inline void
fuzz_check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz: property failed: %s\n", what);
		abort();
	}
}

#endif
