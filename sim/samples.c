/*
 * See samples.h. Rescaling when the unit shrinks costs O(n), but the unit
 * only ever divides itself, so it shrinks at most 40 times in a run (each
 * time at least halving), and in practice only among the first samples.
 */
#include "sim/samples.h"

#include <stdbool.h>
#include <stdlib.h>

/* Radix-select digits: 16 bits, so 32-bit samples take two passes. */
enum { SAMPLES_DIGIT_BITS = 16, SAMPLES_DIGITS = 1 << SAMPLES_DIGIT_BITS };

int
samples_init(struct samples *s, size_t cap)
{
	*s = (struct samples){ .cap = cap };
	s->narrow = malloc((cap > 0 ? cap : 1) * sizeof(*s->narrow));
	return s->narrow != NULL ? 0 : -1;
}

void
samples_free(struct samples *s)
{
	free(s->narrow);
	free(s->wide);
	*s = (struct samples){ 0 };
}

static int64_t
gcd64(int64_t a, int64_t b)
{
	while (b != 0) {
		int64_t r = a % b;

		a = b;
		b = r;
	}
	return a;
}

/* 8 bytes a sample from now on; -1 (still narrow) out of memory. */
static int
samples_widen(struct samples *s)
{
	int64_t *w = malloc(s->cap * sizeof(*w));

	if (w == NULL)
		return -1;
	for (size_t i = 0; i < s->n; i++)
		w[i] = (int64_t)s->narrow[i] * s->unit;
	free(s->narrow);
	s->narrow = NULL;
	s->wide = w;
	return 0;
}

/* Moves the unit so v can be stored narrow; false when it cannot be. */
static bool
samples_narrow_fits(struct samples *s, int64_t v)
{
	int64_t g;

	if (v == 0)
		return true;
	if (s->unit == 0) {
		s->unit = v;	/* every sample so far is 0 */
		return true;
	}
	g = gcd64(s->unit, v);
	if (g != s->unit) {
		uint32_t f;

		/* Every stored sample grows by unit/g: the largest must still fit. */
		if (s->max / g > UINT32_MAX)
			return false;
		f = (uint32_t)(s->unit / g);
		for (size_t i = 0; i < s->n; i++)
			s->narrow[i] *= f;
		s->unit = g;
	}
	return v / s->unit <= UINT32_MAX;
}

void
samples_add(struct samples *s, int64_t v)
{
	if (s->n == s->cap)
		return;
	if (s->wide == NULL && !samples_narrow_fits(s, v) && samples_widen(s) < 0)
		return;
	if (s->wide != NULL)
		s->wide[s->n] = v;
	else
		s->narrow[s->n] = s->unit > 0 ? (uint32_t)(v / s->unit) : 0;
	s->n++;
	s->sum += v;
	if (v > s->max)
		s->max = v;
}

static uint64_t
sample_at(const struct samples *s, size_t i)
{
	return s->wide != NULL ? (uint64_t)s->wide[i] : s->narrow[i];
}

int
samples_percentile(const struct samples *s, int p, int64_t *out)
{
	uint64_t rank = (s->n * (uint64_t)p + 99) / 100, prefix = 0, mask = 0;
	uint64_t top = s->wide != NULL ? (uint64_t)s->max : (s->unit > 0 ? (uint64_t)(s->max / s->unit) : 0);
	int shift = 0;
	uint32_t *count;

	*out = 0;
	if (s->n == 0)
		return 0;
	if (rank == 0)
		rank = 1;
	while (shift + SAMPLES_DIGIT_BITS < 64 && top >> (shift + SAMPLES_DIGIT_BITS) != 0)
		shift += SAMPLES_DIGIT_BITS;
	count = malloc(SAMPLES_DIGITS * sizeof(*count));
	if (count == NULL)
		return -1;
	/* The rank-th smallest, one digit at a time from the top, among those matching so far. */
	for (;; shift -= SAMPLES_DIGIT_BITS) {
		uint64_t seen = 0;
		size_t d = 0;

		for (size_t i = 0; i < SAMPLES_DIGITS; i++)
			count[i] = 0;
		for (size_t i = 0; i < s->n; i++) {
			uint64_t v = sample_at(s, i);

			if ((v & mask) == prefix)
				count[(v >> shift) & (SAMPLES_DIGITS - 1)]++;
		}
		while (seen + count[d] < rank)
			seen += count[d++];
		rank -= seen;
		prefix |= (uint64_t)d << shift;
		mask |= (uint64_t)(SAMPLES_DIGITS - 1) << shift;
		if (shift == 0)
			break;
	}
	free(count);
	*out = s->wide != NULL ? (int64_t)prefix : (int64_t)prefix * s->unit;
	return 0;
}
