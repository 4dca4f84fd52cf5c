/*
 * The loop's measured figures: a fixed histogram of lateness samples and
 * the counters thinking.c and clock_live.c keep. The histogram has a few
 * hundred buckets, exact below 8 µs and then eight per power of two, so a
 * percentile read from it is within 12.5% (it reports the bucket's upper
 * edge, clamped to the true maximum), memory never grows however long the
 * run, and reading it costs the same every frame.
 */
#include <string.h>

#include "sim/sim_internal.h"

static int
bucket_of(uint64_t us)
{
	int o;

	if (us < 8)
		return (int)us;
	o = 63 - __builtin_clzll(us);	/* 2^o <= us < 2^(o+1), o >= 3 */
	if (o > 40)
		return LATENESS_BUCKETS - 1;	/* past 12 days: one last bucket */
	return 8 + (o - 3) * 8 + (int)((us >> (o - 3)) & 7);
}

/* The largest value bucket i holds. */
static uint64_t
bucket_top(int i)
{
	int o, sub;

	if (i < 8)
		return (uint64_t)i;
	o = 3 + (i - 8) / 8;
	sub = (i - 8) % 8;
	return ((uint64_t)(8 + sub + 1) << (o - 3)) - 1;
}

void
lateness_add(struct lateness *l, uint64_t us)
{
	l->bucket[bucket_of(us)]++;
	l->n++;
	l->sum += (double)us;
	l->last = us;
	if (us > l->max)
		l->max = us;
}

/* Nearest rank, like the wait percentiles of sim_stats. */
static uint64_t
lateness_percentile(const struct lateness *l, int p)
{
	uint64_t rank = (l->n * (uint64_t)p + 99) / 100, seen = 0;

	if (l->n == 0)
		return 0;
	for (int i = 0; i < LATENESS_BUCKETS; i++) {
		seen += l->bucket[i];
		if (seen >= rank)
			return bucket_top(i) < l->max ? bucket_top(i) : l->max;
	}
	return l->max;
}

void
sim_loop_stats(const struct sim *s, struct sim_loop_stats *out)
{
	const struct lateness *l = &s->lateness;
	const struct thinking *th = &s->thinking;

	memset(out, 0, sizeof(*out));
	out->live = s->was_live;
	out->greedy = th->greedy;
	out->timers = l->n;
	out->lateness_max_ms = (double)l->max / 1e3;
	out->lateness_p99_ms = (double)lateness_percentile(l, 99) / 1e3;
	out->lateness_mean_ms = l->n > 0 ? l->sum / (double)l->n / 1e3 : 0.0;
	out->lateness_last_ms = (double)l->last / 1e3;
	out->search_waits = s->search_waits;
	out->search_wait_s = s->search_wait;
	out->slices = th->slices;
	out->blocking_calls = s->blocking_calls;
	out->blocked_s = s->blocked;
	out->master_searches = th->master_searches;
	out->search_cpu_s = th->master_cpu;
	out->search_cpu_mean_ms =
		th->master_searches > 0 ? th->master_cpu / (double)th->master_searches * 1e3 : 0.0;
	out->search_cpu_max_ms = th->master_cpu_max * 1e3;
	out->opponent_searches = th->opponent_searches;
	out->opponent_cpu_s = th->opponent_cpu;
}

void
sim_loop_stats_reset(struct sim *s)
{
	memset(&s->lateness, 0, sizeof(s->lateness));
	s->search_waits = 0;
	s->search_wait = 0.0;
	s->blocking_calls = 0;
	s->blocked = 0.0;
	s->thinking.slices = 0;
}
