/*
 * The wait samples: every percentile equals the nearest-rank value of a
 * sorted copy (computed here with qsort, independently of the radix
 * select), whether the samples stayed 4 bytes wide, changed unit on the
 * way, or had to widen; sum, max and count are exact too.
 */
#include <stdlib.h>

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"

#include "sim/samples.h"

static int
cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static uint64_t
xorshift(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* Adds v[0..n) and checks every statistic against the sorted copy. */
static void
check(const int64_t *v, size_t n, bool want_wide)
{
	struct samples s;
	int64_t *sorted = malloc(n * sizeof(*sorted)), sum = 0;
	static const int ps[] = { 1, 5, 50, 95, 99, 100 };

	cr_assert(eq(int, samples_init(&s, n), 0));
	for (size_t i = 0; i < n; i++) {
		samples_add(&s, v[i]);
		sorted[i] = v[i];
		sum += v[i];
	}
	samples_add(&s, 12345);	/* past cap: ignored */
	cr_assert(eq(sz, s.n, n));
	cr_assert(eq(i64, s.sum, sum));
	cr_assert(eq(int, s.wide != NULL, want_wide));
	qsort(sorted, n, sizeof(*sorted), cmp64);
	cr_assert(eq(i64, s.max, sorted[n - 1]));
	for (size_t i = 0; i < sizeof(ps) / sizeof(ps[0]); i++) {
		size_t rank = (n * (size_t)ps[i] + 99) / 100;
		int64_t got;

		cr_assert(eq(int, samples_percentile(&s, ps[i], &got), 0));
		cr_assert(eq(i64, got, sorted[rank > 0 ? rank - 1 : 0]), "p%d of %zu", ps[i], n);
	}
	samples_free(&s);
	free(sorted);
}

/* n samples gen(random, i) from seed, checked. */
static void
check_random(size_t n, uint64_t seed, int64_t (*gen)(uint64_t r, size_t i), bool want_wide)
{
	int64_t *v = malloc(n * sizeof(*v));

	for (size_t i = 0; i < n; i++)
		v[i] = gen(xorshift(&seed), i);
	check(v, n, want_wide);
	free(v);
}

/* Multiples of 5 s up to ~6 days, one 0: 4 bytes each in a unit of 5 s. */
static int64_t
round_seconds(uint64_t r, size_t i)
{
	return i == 10 ? 0 : (int64_t)(r % 100000) * 5000000;
}

/* 60 ms, then 55 ms, then odd microseconds late in the run: the unit goes to 1. */
static int64_t
shrinking_unit(uint64_t r, size_t i)
{
	return i == 4999 ? 4000000001 : (int64_t)(r % 1000) * (i < 100 ? 60000 : i < 4000 ? 55000 : 7);
}

/* Odd microseconds past 2^32 µs (71 minutes): only 8 bytes hold them. */
static int64_t
past_32_bits(uint64_t r, size_t i)
{
	(void)i;
	return (int64_t)(r % (1ULL << 45));
}

Test(samples, round_seconds_stay_narrow)
{
	check_random(30000, 7, round_seconds, false);
}

Test(samples, unit_shrinks_on_the_way)
{
	check_random(5000, 11, shrinking_unit, false);
}

Test(samples, widens_when_a_sample_does_not_fit)
{
	check_random(20000, 3, past_32_bits, true);
}

Test(samples, all_zero_and_empty)
{
	int64_t zeros[7] = { 0 };
	struct samples s;
	int64_t got = -1;

	check(zeros, 7, false);
	cr_assert(eq(int, samples_init(&s, 4), 0));
	cr_assert(eq(int, samples_percentile(&s, 50, &got), 0));
	cr_assert(eq(i64, got, 0));
	samples_free(&s);
}
