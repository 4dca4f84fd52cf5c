/*
 * The analytical model: closed forms for the total time of an exhibition
 * with fixed think times (the means otherwise), which every run's
 * measurement is compared with. sim.h lists the formulas; this paragraph
 * says where they come from.
 *
 * Why an async round lasts max(N*Tm, Tm+To) (walks aside): a round is
 * the time from the master's move on board 1 to his next move there.
 * He needs N*Tm to move on all N boards, and board 1 cannot be played
 * again before its opponent has answered, Tm + To after the master began
 * thinking there. Whichever is longer sets the pace: with many boards the
 * master is the bottleneck (N*Tm, he never waits); with few, the
 * opponent is (Tm+To, the master stands at board 1 waiting). The last
 * round is not followed by another, so it adds only the master's N*Tm
 * (the first N-1 moves and the last Tm) plus the last opponent's To:
 * 24 boards, 30 moves, 5 s and 55 s give 29*120 s + 23*5 s + 60 s =
 * 1:00:55, the article's "1 hour" plus the last reply.
 */
#include "sim/dist.h"
#include "sim/sim.h"

static simtime_t
max_time(simtime_t a, simtime_t b)
{
	return a > b ? a : b;
}

bool
sim_model_total(const struct sim_config *c, enum sim_policy p, simtime_t *total)
{
	simtime_t n = c->boards, m = c->moves;
	simtime_t tm = dist_mean(&c->master_think), to = dist_mean(&c->opponent_think);
	simtime_t w = c->boards > 1 ? dist_mean(&c->walk) : 0;

	bool last_blocks = false;

	for (int i = 0; i < c->nblocking; i++)
		last_blocks = last_blocks || c->blocking[i] == c->boards - 1;
	if (c->nblocking > 0 && p != SIM_SYNC) {
		/* See sim.h: blocked k*To a round, the master never waits; his time line is the total. */
		*total = n * m * tm + (n * m - 1) * w + c->nblocking * m * to + (last_blocks ? 0 : to);
		return dist_is_fixed(&c->master_think) && dist_is_fixed(&c->opponent_think) &&
		       dist_is_fixed(&c->walk) && (p == SIM_READY || w == 0 || last_blocks);
	}
	switch (p) {
	case SIM_SYNC:
		*total = n * m * (tm + to) + (n - 1) * w;
		break;
	case SIM_ROUND_ROBIN:
		*total = (m - 1) * max_time(n * (tm + w), tm + to) + (n - 1) * (tm + w) + tm + to;
		break;
	default:
		/* The ready master idles where he is, then walks: the walk is not hidden. */
		*total = (m - 1) * max_time(n * (tm + w), tm + to + w) + (n - 1) * (tm + w) + tm + to;
		break;
	}
	return dist_is_fixed(&c->master_think) && dist_is_fixed(&c->opponent_think) &&
	       dist_is_fixed(&c->walk);
}
