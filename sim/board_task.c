/*
 * A board task's one event: its opponent's reply is due. The reply goes on
 * the board; the game ends there if it was the reply to the master's M-th
 * move (adjudicated) or a chess rule ended it; otherwise the board waits
 * for the master again, from this simulated time on. The master hears of
 * it from the dispatch (events.c), not from here.
 */
#include "sim/sim_internal.h"

void
board_task_step(struct exhibition *ex, struct board_task *bt, simtime_t t)
{
	char san[MOVE_TEXT_MAX] = "";
	int ply = 2 * bt->master_moves - 1;
	bool over = chess_play(ex, bt->index, ply, san);

	ex->opponent_moves++;
	exhibition_emit(ex, SIM_EV_OPPONENT_REPLIES, bt->index, t, t - bt->think_start, ply, san);
	if (!over && bt->master_moves >= ex->sim->config.moves) {
		if (ex->games != NULL)
			chess_adjudicate(&ex->games[bt->index]);
		over = true;
	}
	if (over) {
		exhibition_board_finished(ex, bt, t);
	} else {
		bt->state = SIM_BOARD_WAITING;
		bt->ready_at = t;
		if (ex->policy == SIM_READY)
			exhibition_ready_push(ex, bt->index);
	}
}
