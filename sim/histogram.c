/* See histogram.h. */
#include "sim/histogram.h"

#include <math.h>

static unsigned
histogram_index(uint64_t us)
{
	unsigned e, idx;

	if (us < 64)
		return (unsigned)us;
	e = 63U - (unsigned)__builtin_clzll(us);	/* 2^e <= us < 2^(e+1), e >= 6 */
	idx = 64U + (e - 6U) * 32U + (unsigned)((us >> (e - 5U)) & 31U);
	return idx < HISTOGRAM_BUCKETS ? idx : HISTOGRAM_BUCKETS - 1;
}

/* The largest value bucket idx holds. */
static uint64_t
histogram_top(unsigned idx)
{
	unsigned e, sub;

	if (idx < 64)
		return idx;
	if (idx == HISTOGRAM_BUCKETS - 1)
		return UINT64_MAX;
	e = (idx - 64U) / 32U + 6U;
	sub = (idx - 64U) % 32U;
	return (1ULL << e) + ((uint64_t)sub + 1) * (1ULL << (e - 5U)) - 1;
}

void
histogram_add(struct histogram *h, uint64_t us)
{
	h->bucket[histogram_index(us)]++;
	h->count++;
	h->sum += us;
	h->last = us;
	if (us > h->max)
		h->max = us;
}

void
histogram_merge(struct histogram *into, const struct histogram *from)
{
	for (unsigned i = 0; i < HISTOGRAM_BUCKETS; i++)
		into->bucket[i] += from->bucket[i];
	into->count += from->count;
	into->sum += from->sum;
	if (from->max > into->max)
		into->max = from->max;
}

uint64_t
histogram_quantile(const struct histogram *h, double q)
{
	uint64_t rank, seen = 0;

	if (h->count == 0)
		return 0;
	rank = (uint64_t)ceil(q * (double)h->count);
	if (rank < 1)
		rank = 1;
	if (rank > h->count)
		rank = h->count;
	for (unsigned i = 0; i < HISTOGRAM_BUCKETS; i++) {
		seen += h->bucket[i];
		if (seen >= rank)
			return histogram_top(i) < h->max ? histogram_top(i) : h->max;
	}
	return h->max;
}
