/*
 * One lateness histogram for the whole program (the live clock's loop
 * figures and every model of `simul bench`): microseconds, exact below
 * 64 µs, then 32 buckets per power of two (about 3 % apart) up to 2^40 µs,
 * one last bucket beyond. Fixed size, so recording millions of samples
 * costs no memory, reading a quantile costs the same every frame, and two
 * histograms merge by adding buckets (a parent summing its workers).
 *
 * A quantile is the nearest rank's bucket, reported as that bucket's upper
 * edge clamped to the true maximum: never below the sample it stands for,
 * never above the largest one, at most ~3 % above the truth.
 */
#ifndef SIMUL_SIM_HISTOGRAM_H
#define SIMUL_SIM_HISTOGRAM_H

#include <stdint.h>

enum { HISTOGRAM_BUCKETS = 64 + 32 * 35 };

struct histogram {
	uint64_t	count;
	uint64_t	sum;		/* µs, for the mean */
	uint64_t	max, last;	/* µs */
	uint64_t	bucket[HISTOGRAM_BUCKETS];
};

void histogram_add(struct histogram *h, uint64_t us);
void histogram_merge(struct histogram *into, const struct histogram *from);
/* The nearest-rank value at fraction q (0..1] of the samples; 0 when empty. */
uint64_t histogram_quantile(const struct histogram *h, double q);

#endif
