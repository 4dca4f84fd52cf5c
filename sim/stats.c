/*
 * What the outside reads: statistics for reports (exact wait percentiles,
 * model beside measurement and the reason they differ), the snapshot for
 * views (O(exhibitions), no board copied) and one board's view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim_internal.h"

static const char *const activity_names[] = { "idle", "thinking", "walking", "waiting", "done" };

const char *
sim_master_activity_name(enum sim_master_activity a)
{
	return (unsigned)a < sizeof(activity_names) / sizeof(activity_names[0]) ? activity_names[a]
										: "?";
}

static void
model_note(const struct exhibition *ex, struct sim_stats *st)
{
	const struct sim_config *c = &ex->sim->config;
	size_t used = 0;
	char *buf = st->model_note;
	size_t len = sizeof(st->model_note);

	buf[0] = '\0';
	if (!st->finished) {
		snprintf(buf, len, "still running");
		return;
	}
	if (st->total == st->model_total)
		return;
	if (!dist_is_fixed(&c->master_think) || !dist_is_fixed(&c->opponent_think) ||
	    !dist_is_fixed(&c->walk))
		used += (size_t)snprintf(buf + used, len - used,
					 "think times vary; the model uses their means. ");
	else if (!st->model_exact)
		used += (size_t)snprintf(buf + used, len - used,
					 "after his last move the master walks on to boards still "
					 "thinking; with blocking opponents the model is then a lower "
					 "bound. ");
	if (ex->ended_early > 0 && used < len)
		used += (size_t)snprintf(buf + used, len - used,
					 "%d game%s ended early by a chess rule, so fewer than "
					 "N*M = %lld master moves were played. ",
					 ex->ended_early, ex->ended_early == 1 ? "" : "s",
					 (long long)c->boards * c->moves);
	if (used == 0)
		snprintf(buf, len, "measured and model differ without a known reason.");
	else if (buf[used - 1] == ' ')
		buf[used - 1] = '\0';
}

int
sim_stats(const struct sim *s, int index, struct sim_stats *st)
{
	const struct exhibition *ex = &s->ex[index];

	memset(st, 0, sizeof(*st));
	st->policy = ex->policy;
	st->finished = ex->finished;
	st->total = ex->finished ? ex->total : ex->now;
	st->master_busy = ex->master.busy;
	st->master_walk = ex->master.walked;
	st->master_blocked = ex->master.blocked_total;
	st->master_idle = st->total - st->master_busy - st->master_walk;
	st->utilisation = st->total > 0 ? (double)st->master_busy / (double)st->total : 0.0;
	st->master_moves = ex->master_moves;
	st->opponent_moves = ex->opponent_moves;
	st->moves_to_play = ex->moves_to_play;
	st->ended_early = ex->ended_early;
	st->first_finish = -1;
	st->last_finish = -1;
	for (int b = 0; b < s->config.boards; b++) {
		const struct board_task *bt = &ex->boards[b];

		if (bt->state != SIM_BOARD_FINISHED) {
			st->unfinished++;
			continue;
		}
		if (st->first_finish < 0 || bt->finished_at < st->first_finish)
			st->first_finish = bt->finished_at;
		if (bt->finished_at > st->last_finish)
			st->last_finish = bt->finished_at;
		switch (bt->result) {
		case RESULT_WHITE_WINS: st->white_wins++; break;
		case RESULT_BLACK_WINS: st->black_wins++; break;
		case RESULT_DRAW: st->draws++; break;
		default: break;
		}
	}
	st->waits = (int64_t)ex->waits.n;
	if (ex->waits.n > 0) {
		/* At most 5e8 samples of at most 1e12 µs: fits easily, stays exact. */
		st->wait_mean = ex->waits.sum / (int64_t)ex->waits.n;
		st->wait_max = ex->waits.max;
		if (samples_percentile(&ex->waits, 50, &st->wait_p50) < 0 ||
		    samples_percentile(&ex->waits, 95, &st->wait_p95) < 0)
			return -1;
	}
	st->model_exact = sim_model_total(&s->config, ex->policy, &st->model_total);
	model_note(ex, st);
	return 0;
}

static void
exhibition_view(const struct sim *s, const struct exhibition *ex, simtime_t now,
		struct sim_exhibition_view *v)
{
	const struct master *m = &ex->master;
	simtime_t busy = m->busy;

	memset(v, 0, sizeof(*v));
	v->policy = ex->policy;
	v->finished = ex->finished;
	v->now = ex->finished ? ex->total : (now > ex->now ? now : ex->now);
	v->total_so_far = v->now;
	v->model_exact = sim_model_total(&s->config, ex->policy, &v->model_total);
	v->moves_played = ex->master_moves;
	v->moves_to_play = ex->moves_to_play;
	v->boards = s->config.boards;
	v->boards_finished = s->config.boards - ex->active;
	v->master = m->activity;
	v->master_board = m->board;
	v->master_since = m->since;
	v->master_until = m->until;
	v->master_blocked = m->blocked;
	v->blocks = ex->blocks;
	v->nblocks = ex->nblocks;
	v->master_blocked_total = m->blocked_total;
	if (m->blocked && v->now > m->since)
		v->master_blocked_total += v->now - m->since;
	if (m->activity == SIM_MASTER_THINKING && v->now > m->since)
		busy += (v->now < m->until ? v->now : m->until) - m->since;
	v->utilisation = v->now > 0 ? (double)busy / (double)v->now : 0.0;
	if (ex->finished) {
		v->projected_total = ex->total;
	} else if (ex->master_moves > 0) {
		/* Moves so far set the pace; crude, but it converges as the run goes on. */
		double rate = (double)v->now / (double)ex->master_moves;

		v->projected_total = (simtime_t)(rate * (double)ex->moves_to_play);
		if (v->projected_total < v->now)
			v->projected_total = v->now;
	} else {
		v->projected_total = v->model_total;
	}
	v->spans = ex->spans;
	v->nspans = ex->nspans;
}

void
sim_snapshot(const struct sim *s, struct sim_snapshot *snap)
{
	memset(snap, 0, sizeof(*snap));
	snap->now = sim_now(s);
	snap->live = s->loop != NULL;
	snap->speed = snap->live ? s->speed : 0.0;
	snap->paused = s->paused;
	snap->nexhibitions = s->nex;
	snap->finished = true;
	for (int i = 0; i < s->nex; i++) {
		exhibition_view(s, &s->ex[i], snap->now, &snap->ex[i]);
		snap->finished = snap->finished && s->ex[i].finished;
	}
	snap->greedy = s->thinking.greedy;
	sim_loop_stats(s, &snap->loop);
}

int
sim_board_view(const struct sim *s, int ex, int board, struct sim_board_view *out)
{
	const struct exhibition *e;
	const struct board_task *bt;

	if (ex < 0 || ex >= s->nex || board < 0 || board >= s->config.boards)
		return -1;
	e = &s->ex[ex];
	bt = &e->boards[board];
	memset(out, 0, sizeof(*out));
	out->state = (enum sim_board_state)bt->state;
	out->move_number = bt->master_moves;
	out->side_to_move = bt->state == SIM_BOARD_THINKING ? BLACK : WHITE;
	out->ready_since = bt->ready_at;
	out->think_start = bt->think_start;
	out->think_end = bt->think_end;
	out->result = (enum game_result)bt->result;
	out->termination = (enum game_termination)bt->termination;
	out->finished_at = bt->finished_at;
	out->opponent = sim_board_opponent(s, board);
	out->blocking = bt->blocking;
	if (e->games != NULL) {
		const struct game *g = &e->games[board];

		out->pos = &g->pos;
	}
	memcpy(out->last_san, bt->last_san, sizeof(out->last_san));
	return 0;
}
