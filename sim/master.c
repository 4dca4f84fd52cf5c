/*
 * The master task: where he goes next (the three policies), and what
 * happens when he gets there, finishes a think or a walk. master_step() is
 * called with the simulated time of his own event, master_board_changed()
 * after a board's reply made it ready or ended its game. He uses the
 * exhibition's books (exhibition.c) and the chess (chess.c), and knows no
 * clock: a blocking call is left in sim->blocking_call for the clock.
 *
 * A blocking opponent (config.blocking) thinks inside a blocking call:
 * after the master's move at his board the master is blocked, waiting at
 * that board with m->blocked set, until the reply; then his policy decides
 * as after any move. No other board is served meanwhile, though their
 * opponents go on thinking and replying.
 *
 * Policies differ only in master_choose():
 *   sync         stay at the current game until it ends, then the next one;
 *   round-robin  the next playing board after the last one he moved at;
 *   ready        the board ready longest (a FIFO: events arrive in time
 *                order, so arrival order is readiness order), or idle.
 */
#include "sim/sim_internal.h"

static void master_arrive(struct master *m, int board, simtime_t t);

static void
master_enter(struct master *m, enum sim_master_activity a, bool blocked, int board, simtime_t t,
	     simtime_t until)
{
	struct exhibition *ex = m->ex;

	/* The start is no wait: he has not begun yet. */
	if (m->started &&
	    (m->activity == SIM_MASTER_WAITING || m->activity == SIM_MASTER_IDLE))
		exhibition_emit(ex, SIM_EV_MASTER_STOPS_WAITING, m->board, t, t - m->since, -1,
				NULL);
	if (m->blocked)
		m->blocked_total += t - m->since;
	m->started = true;
	m->activity = a;
	m->blocked = blocked;
	m->board = board;
	m->since = t;
	m->until = until;
	exhibition_span(ex, a, t);
	if (blocked)
		(void)exhibition_block(ex, t, until);
}

static void
master_set(struct master *m, enum sim_master_activity a, int board, simtime_t t, simtime_t until)
{
	master_enter(m, a, false, board, t, until);
}

static int
master_choose(struct master *m)
{
	struct exhibition *ex = m->ex;

	switch (ex->policy) {
	case SIM_SYNC:
		if (m->at >= 0 && ex->boards[m->at].state != SIM_BOARD_FINISHED)
			return m->at;
		return exhibition_next_active(ex, m->at);
	case SIM_ROUND_ROBIN:
		return exhibition_next_active(ex, m->last);
	default:
		return exhibition_ready_pop(ex);
	}
}

static void
master_decide(struct master *m, simtime_t t)
{
	struct exhibition *ex = m->ex;
	const struct sim_config *c = &ex->sim->config;
	int b;

	if (ex->active == 0) {
		master_set(m, SIM_MASTER_DONE, -1, t, t);
		ex->finished = true;
		ex->total = t;
		exhibition_emit(ex, SIM_EV_EXHIBITION_ENDS, -1, t, t, -1, NULL);
		return;
	}
	b = master_choose(m);
	if (b < 0) {
		/* Ready policy, nothing ready: he waits for whichever board replies first. */
		if (m->activity != SIM_MASTER_IDLE || !m->started) {
			master_set(m, SIM_MASTER_IDLE, -1, t, -1);
			exhibition_emit(ex, SIM_EV_MASTER_WAITS, -1, t, 0, -1, NULL);
		}
		return;
	}
	if (m->at >= 0 && b != m->at) {
		simtime_t w = exhibition_draw(ex, &c->walk, UINT64_MAX, (uint64_t)m->walks++);

		if (w > 0) {
			master_set(m, SIM_MASTER_WALKING, b, t, t + w);
			exhibition_emit(ex, SIM_EV_MASTER_WALKS, b, t, w, -1, NULL);
			exhibition_schedule(ex, -1, t + w);
			return;
		}
	}
	master_arrive(m, b, t);
}

/* He stands at the board: thinks if its opponent has replied, else waits there. */
static void
master_arrive(struct master *m, int board, simtime_t t)
{
	struct exhibition *ex = m->ex;
	struct board_task *bt = &ex->boards[board];
	const struct sim_config *c = &ex->sim->config;
	simtime_t think;
	int ply;

	m->at = board;
	if (bt->state == SIM_BOARD_FINISHED) {
		/* Its last reply came while he walked here. */
		master_decide(m, t);
		return;
	}
	if (bt->state == SIM_BOARD_THINKING) {
		master_set(m, SIM_MASTER_WAITING, board, t, -1);
		exhibition_emit(ex, SIM_EV_MASTER_WAITS, board, t, 0, -1, NULL);
		return;
	}
	ply = 2 * bt->master_moves;
	think = exhibition_draw(ex, &c->master_think, 3 * (uint64_t)board, (uint64_t)ply);
	exhibition_record_wait(ex, t - bt->ready_at);
	if (ex->games != NULL)
		record_time(ex->sim, board, ply, think);
	master_set(m, SIM_MASTER_THINKING, board, t, t + think);
	exhibition_emit(ex, SIM_EV_MASTER_THINKS, board, t, think, ply, NULL);
	exhibition_schedule(ex, -1, t + think);
	chess_begin(ex, board, ply, t + think);
}

/* His think ends: the move goes on the board, the opponent starts thinking. */
static void
master_move(struct master *m, simtime_t t)
{
	struct exhibition *ex = m->ex;
	const struct sim_config *c = &ex->sim->config;
	struct board_task *bt = &ex->boards[m->board];
	char san[MOVE_TEXT_MAX] = "";
	int ply = 2 * bt->master_moves;
	bool over;

	m->busy += t - m->since;
	m->last = bt->index;
	over = chess_play(ex, bt->index, ply, san);
	bt->master_moves++;
	ex->master_moves++;
	exhibition_emit(ex, SIM_EV_MASTER_MOVES, bt->index, t, t - m->since, ply, san);
	if (over) {
		/* Mate or a draw by rule after his move: no reply comes. */
		exhibition_board_finished(ex, bt, t);
	} else {
		simtime_t think = exhibition_draw(ex, &c->opponent_think, 3 * (uint64_t)bt->index + 1,
						  (uint64_t)ply + 1);

		if (ex->games != NULL)
			record_time(ex->sim, bt->index, ply + 1, think);
		bt->state = SIM_BOARD_THINKING;
		bt->think_start = t;
		bt->think_end = t + think;
		exhibition_emit(ex, SIM_EV_OPPONENT_THINKS, bt->index, t, think, ply + 1, NULL);
		exhibition_schedule(ex, bt->index, t + think);
		chess_begin(ex, bt->index, ply + 1, t + think);
		if (bt->blocking) {
			/* The reply's timer is armed: on the live clock the callback now really blocks. */
			master_enter(m, SIM_MASTER_WAITING, true, bt->index, t, t + think);
			exhibition_emit(ex, SIM_EV_MASTER_WAITS, bt->index, t, think, -1, NULL);
			ex->sim->blocking_call = think;
			return;
		}
	}
	master_decide(m, t);
}

void
master_step(struct master *m, simtime_t t)
{
	if (m->activity == SIM_MASTER_THINKING) {
		master_move(m, t);
	} else if (m->activity == SIM_MASTER_WALKING) {
		m->walked += t - m->since;
		master_arrive(m, m->board, t);
	} else if (!m->started) {
		/* The exhibition's first event: he picks his first board. */
		master_decide(m, t);
	}
}

void
master_board_changed(struct master *m, int board, simtime_t t)
{
	if (m->activity == SIM_MASTER_WAITING && m->board == board && m->blocked)
		master_decide(m, t);	/* unblocked: his policy picks, as after any move */
	else if (m->activity == SIM_MASTER_WAITING && m->board == board)
		master_arrive(m, board, t);
	else if (m->activity == SIM_MASTER_IDLE)
		master_decide(m, t);
}
