/*
 * What the outside reads: statistics for reports (exact wait percentiles,
 * model beside measurement and the reason they differ), the snapshot for
 * views (O(exhibitions), no board copied) and one board's view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim_internal.h"

/*
 * The games as played: each board's master moves, and whether his last
 * move ended the game (an odd number of plies: no reply came).
 */
static int
played_model(const struct exhibition *ex, simtime_t *total)
{
	const struct sim_config *c = &ex->sim->config;
	int *moves = malloc((size_t)c->boards * sizeof(*moves));
	bool *on_master = malloc((size_t)c->boards * sizeof(*on_master));
	int rc = -1;

	if (moves != NULL && on_master != NULL) {
		for (int b = 0; b < c->boards; b++) {
			moves[b] = ex->boards[b].master_moves;
			on_master[b] = ex->games != NULL && ex->games[b].n % 2 == 1;
		}
		rc = sim_model_played(c, ex->policy, moves, on_master, total);
	}
	free(moves);
	free(on_master);
	return rc;
}

/* Which boards ended early, and the master moves that saved. */
static void
early_boards(const struct exhibition *ex, struct sim_stats *st)
{
	const struct sim_config *c = &ex->sim->config;
	size_t used = 0, len = sizeof(st->early_boards);

	st->early_boards[0] = '\0';
	for (int b = 0; b < c->boards; b++) {
		const struct board_task *bt = &ex->boards[b];

		if (bt->state != SIM_BOARD_FINISHED || bt->master_moves >= c->moves)
			continue;
		st->moves_saved += c->moves - bt->master_moves;
		if (used + 12 < len)
			used += (size_t)snprintf(st->early_boards + used, len - used, "%s%d",
						 used > 0 ? ", " : "", b + 1);
		else if (used + 4 < len && st->early_boards[used - 1] != '.')
			used += (size_t)snprintf(st->early_boards + used, len - used, ", ...");
	}
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
	if (ex->sim->real)
		used += (size_t)snprintf(buf + used, len - used,
					 "real clock: measured, with the loop's lateness, the engines' "
					 "overrun and any blocking (see below). ");
	if (!dist_is_fixed(&c->master_think) || !dist_is_fixed(&c->opponent_think) ||
	    !dist_is_fixed(&c->walk))
		used += (size_t)snprintf(buf + used, len - used,
					 "think times vary; the model uses their means.");
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
	sim_model_total(&s->config, ex->policy, &st->article_total);
	if ((ex->finished ? played_model(ex, &st->model_total) : model_project(ex, &st->model_total)) < 0)
		return -1;
	st->model_exact = ex->finished && st->total == st->model_total;
	early_boards(ex, st);
	model_note(ex, st);
	return 0;
}

/*
 * The projection a view shows: the model for the work left, computed once
 * per event however many frames ask (O(boards × moves left); past
 * PROJECTION_VISITS_MAX the moves so far set the pace instead).
 */
enum { PROJECTION_VISITS_MAX = 1 << 18 };

static simtime_t
exhibition_projection(const struct exhibition *ex, simtime_t now, simtime_t article)
{
	struct model_cache *mc = ex->projection;
	simtime_t total;

	if (ex->finished)
		return ex->total;
	if (mc->valid && mc->events == ex->events)
		return mc->total;
	if (ex->moves_to_play - ex->master_moves <= PROJECTION_VISITS_MAX &&
	    model_project(ex, &total) == 0) {
		mc->valid = true;
		mc->events = ex->events;
		mc->total = total;
		return total;
	}
	if (ex->master_moves == 0)
		return article;
	total = (simtime_t)((double)now / (double)ex->master_moves * (double)ex->moves_to_play);
	return total > now ? total : now;
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
	sim_model_total(&s->config, ex->policy, &v->article_total);
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
	v->projected_total = exhibition_projection(ex, v->now, v->article_total);
	v->model_total = v->projected_total;
	v->model_exact = ex->finished && v->model_total == ex->total;
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
