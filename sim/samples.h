/*
 * A multiset of non-negative simulated durations (the opponents' waits for
 * the master), kept exactly and small. While every sample is a multiple of
 * one unit (the gcd of them all: a whole second, or five, when the think
 * times are round) and fits 32 bits in that unit, a sample costs 4 bytes;
 * the first one that does not widens the store to 8 bytes a sample, once.
 * Order statistics are exact and leave the samples as they are: a radix
 * select, two or four counting passes over them per percentile, no copy
 * and no sort.
 */
#ifndef SIMUL_SIM_SAMPLES_H
#define SIMUL_SIM_SAMPLES_H

#include <stddef.h>
#include <stdint.h>

struct samples {
	uint32_t	*narrow;	/* sample / unit, while wide is NULL */
	int64_t		*wide;		/* the samples themselves, once widened */
	size_t		n, cap;		/* cap: the most samples there can be (set once) */
	int64_t		unit;		/* gcd of the samples; 0 while all are 0 */
	int64_t		sum, max;
};

/* Room for cap samples, reserved, not touched: pages come as samples do. -1 out of memory. */
int samples_init(struct samples *s, size_t cap);
void samples_free(struct samples *s);
/* Adds v >= 0; ignored when cap samples are in (or memory runs out while widening). */
void samples_add(struct samples *s, int64_t v);
/* The nearest-rank p-th percentile (0 < p <= 100), exact; 0 when empty. -1 out of memory. */
int samples_percentile(const struct samples *s, int p, int64_t *out);

#endif
