/*
 * Copies what a frame shows out of the simulation. Pointers into the sim
 * (positions, games, spans) are only read while the frame is drawn, before
 * the loop can advance the sim again, as sim/snapshot.h allows.
 */
#include "ui/snapshot_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SNAPSHOT_LOOP_ALWAYS = 4096 };

#include "engine/xalloc.h"

void
snapshot_view_init(struct snapshot_view *sv, const struct sim *s)
{
	memset(sv, 0, sizeof(*sv));
	snapshot_view_reset(sv, s);
}

void
snapshot_view_free(struct snapshot_view *sv)
{
	for (int i = 0; i < SIM_EXHIBITIONS_MAX; i++) {
		free(sv->boards[i]);
		sv->boards[i] = NULL;
	}
}

void
snapshot_view_reset(struct snapshot_view *sv, const struct sim *s)
{
	snapshot_view_free(sv);
	sv->nboards = sim_config(s)->boards;
	for (int i = 0; i < sim_exhibitions(s) && i < SIM_EXHIBITIONS_MAX; i++)
		sv->boards[i] = xcalloc((size_t)sv->nboards, sizeof(*sv->boards[i]));
	memset(sv->noted, 0, sizeof(sv->noted));
	sv->vs.early[0] = '\0';
	memset(sv->vs.scroll, 0, sizeof(sv->vs.scroll));
}

static enum view_master
snapshot_master(enum sim_master_activity a)
{
	switch (a) {
	case SIM_MASTER_THINKING: return VIEW_MASTER_THINKING;
	case SIM_MASTER_WALKING: return VIEW_MASTER_WALKING;
	case SIM_MASTER_WAITING: return VIEW_MASTER_WAITING;
	case SIM_MASTER_DONE: return VIEW_MASTER_DONE;
	case SIM_MASTER_IDLE: break;
	}
	return VIEW_MASTER_IDLE;
}

static void
snapshot_fill_exhibition(struct snapshot_view *sv, const struct sim *s, int i)
{
	const struct sim_exhibition_view *e = &sv->snap.ex[i];
	struct view_exhibition *v = &sv->ex[i];

	snprintf(v->policy, sizeof(v->policy), "%s", sim_policy_name(e->policy));
	v->is_sync = e->policy == SIM_SYNC;
	v->now = e->now;
	v->projected = e->projected_total;
	v->model = e->model_total;
	v->article = e->article_total;
	v->finished = e->finished;
	v->moves_played = e->moves_played;
	v->moves_total = e->moves_to_play;
	v->utilisation = e->utilisation;
	v->master = snapshot_master(e->master);
	v->master_board = e->master_board >= 0 ? e->master_board + 1 : 0;
	v->master_since = e->master_since;
	v->master_until = e->master_until;
	v->boards = sv->boards[i];
	v->nboards = sv->nboards;
	v->spans = e->spans;
	v->nspans = e->nspans;
	v->master_blocked = e->master_blocked;
	v->blocked_total = e->master_blocked_total;
	v->blocks = e->blocks;
	v->nblocks = e->nblocks;
	/* The statistics sort every wait: ask once, when the exhibition ends. */
	if (e->finished && !sv->noted[i]) {
		struct sim_stats st;

		sv->note[i][0] = '\0';
		if (sim_stats(s, i, &st) == 0) {
			snprintf(sv->note[i], sizeof(sv->note[i]), "%s", st.model_note);
			/* Every exhibition plays the same games: one line says it for all. */
			if (st.ended_early > 0)
				snprintf(sv->vs.early, sizeof(sv->vs.early),
					 "%d game%s ended early (board%s %s): %lld moves fewer", st.ended_early, st.ended_early == 1 ? "" : "s",
					 st.ended_early == 1 ? "" : "s", st.early_boards,
					 (long long)st.moves_saved);
		}
		sv->noted[i] = true;
	}
	v->note = e->finished ? sv->note[i] : NULL;
	/*
	 * O(boards): always for a class-sized exhibition (a large screen shows
	 * the panel in its spare rows), else only while it is asked for.
	 */
	if (sv->vs.loop_panel || sv->vs.stepping || sv->nboards <= SNAPSHOT_LOOP_ALWAYS)
		sim_loop_view(s, i, &v->loop);
}

static void
snapshot_fill_board(struct snapshot_view *sv, const struct sim *s, int ex, int i)
{
	const struct view_exhibition *v = &sv->ex[ex];
	struct view_board *b;
	struct sim_board_view bv;

	if (i < 0 || i >= sv->nboards || sim_board_view(s, ex, i, &bv) < 0)
		return;
	b = &sv->boards[ex][i];
	memset(b, 0, sizeof(*b));
	b->number = i + 1;
	b->pos = bv.pos;
	memcpy(b->last_san, bv.last_san, sizeof(b->last_san));
	b->move_number = bv.move_number;
	b->side = bv.side_to_move;
	b->game = sim_game(s, ex, i);
	b->opponent = bv.opponent;
	b->blocking = bv.blocking;
	switch (bv.state) {
	case SIM_BOARD_THINKING:
		b->state = VIEW_BOARD_OPPONENT_THINKS;
		b->since = bv.think_start;
		b->until = bv.think_end;
		break;
	case SIM_BOARD_WAITING:
		b->state = VIEW_BOARD_WAITING;
		b->since = bv.ready_since;
		/* The board's own view does not know the master sits there thinking. */
		if (v->master == VIEW_MASTER_THINKING && v->master_board == i + 1) {
			b->state = VIEW_BOARD_MASTER_THINKS;
			b->since = v->master_since;
			b->until = v->master_until;
		}
		break;
	case SIM_BOARD_FINISHED:
		b->state = VIEW_BOARD_FINISHED;
		snprintf(b->result, sizeof(b->result), "%s", game_result_text(bv.result));
		break;
	}
}

void
snapshot_view_frame(struct snapshot_view *sv, const struct sim *s, int w, int h,
		    struct layout *lo, struct cellbuf *cb)
{
	struct view_state *vs = &sv->vs;

	sim_snapshot(s, &sv->snap);
	vs->nex = sv->snap.nexhibitions < VIEW_MAX_EX ? sv->snap.nexhibitions : VIEW_MAX_EX;
	vs->ex = sv->ex;
	vs->now = sv->snap.now;
	vs->paused = sv->snap.paused;
	vs->finished = sv->snap.finished;
	if (sv->snap.live)
		vs->speed = sv->snap.speed;
	/* Real-time figures: only the live clock has a loop to be late. */
	vs->greedy = sv->snap.greedy;
	vs->preparing = sv->snap.loop.preparing;
	vs->prepare_pct = sv->snap.loop.prepare_pct;
	/* A wait shorter than a few frames is the ordinary search of a due move: not news. */
	vs->searching = sv->snap.loop.search_wait_now_s >= 0.2;
	vs->has_lateness = sv->snap.live;
	for (int i = 0; i < vs->nex; i++)
		snapshot_fill_exhibition(sv, s, i);
	if (vs->focus_ex >= vs->nex)
		vs->focus_ex = 0;
	if (vs->focus_board >= sv->nboards)
		vs->focus_board = sv->nboards - 1;
	layout_compute(vs, w, h, lo);
	for (int i = 0; i < vs->nex; i++) {
		const struct layout_panel *lp = &lo->panel[i];
		int last = lp->first + lp->rows * lp->cols;

		for (int k = lp->first; k < last && k < sv->nboards && !lo->too_small; k++)
			snapshot_fill_board(sv, s, i, k);
		/* The header's master line and the zoom read these two as well. */
		snapshot_fill_board(sv, s, i, sv->ex[i].master_board - 1);
		if (i == vs->focus_ex)
			snapshot_fill_board(sv, s, i, vs->focus_board);
	}
	if (cb->w != w || cb->h != h)
		cellbuf_resize(cb, w, h);
	layout_render(vs, lo, cb);
}
