/*
 * The loop's measured figures: the fixed lateness histogram
 * (sim/histogram.h: a percentile within ~3 %, never above the maximum,
 * the same cost every frame) and the counters thinking.c and clock_live.c
 * keep.
 */
#include <string.h>

#include "sim/sim_internal.h"

void
sim_loop_stats(const struct sim *s, struct sim_loop_stats *out)
{
	const struct histogram *l = &s->lateness;
	const struct thinking *th = &s->thinking;
	const struct search_tally *searched = &th->searched;

	memset(out, 0, sizeof(*out));
	out->live = s->was_live;
	out->greedy = th->greedy;
	out->timers = l->count;
	out->lateness_max_ms = (double)l->max / 1e3;
	out->lateness_p99_ms = (double)histogram_quantile(l, 0.99) / 1e3;
	out->lateness_p50_ms = (double)histogram_quantile(l, 0.5) / 1e3;
	out->lateness_mean_ms = l->count > 0 ? (double)l->sum / (double)l->count / 1e3 : 0.0;
	out->lateness_last_ms = (double)l->last / 1e3;
	out->search_waits = s->search_waits;
	out->search_wait_s = s->search_wait;
	out->slices = th->slices;
	out->blocking_calls = s->blocking_calls;
	out->blocked_s = s->blocked;
	out->master_searches = searched->master_searches;
	out->search_cpu_s = searched->master_cpu;
	out->search_cpu_mean_ms = searched->master_searches > 0 ?
		searched->master_cpu / (double)searched->master_searches * 1e3 : 0.0;
	out->search_cpu_max_ms = searched->master_cpu_max * 1e3;
	out->opponent_searches = searched->opponent_searches;
	out->opponent_cpu_s = searched->opponent_cpu;
	out->ahead_searches = th->ahead_searches;
	out->preparing = s->preparing;
	out->prepared = s->prepared;
	out->prepare_s = s->prepare_s;
	if (s->preparing)
		out->prepare_s += ev_time() - s->prepare_since;
	out->prepare_pct = s->preparing ? s->prepare_pct : 0;
	if (s->stalled && !s->paused)
		out->search_wait_now_s = ev_time() - s->stalled_since;
	out->real = s->real;
	out->lateness_sum_s = (double)l->sum / 1e6;
	out->engine_replies = s->engine_replies;
	out->engine_overrun_s = (double)s->engine_overrun / 1e6;
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
