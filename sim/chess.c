/*
 * The chess on the boards. A board's game depends only on the seed and the
 * players, never on the timing, so the engine chooses each ply once, into
 * the sim's shared record of that board (record.c), and every exhibition
 * replays it from there: two exhibitions cost one engine's work.
 *
 * The master plays White on every board, as is customary in a simul.
 * Adjudication at the move limit is by material (P 1, N 3, B 3, R 5, Q 9):
 * a side three or more points up wins, anything closer is a draw.
 */
#include <stdlib.h>
#include <string.h>

#include "sim/sim_internal.h"

static const int material_value[PIECE_TYPE_NB] = { 1, 3, 3, 5, 9, 0 };

void
chess_begin(struct exhibition *ex, int board, int ply, simtime_t due)
{
	if (ex->games != NULL)
		thinking_begin(ex->sim, board, ply, &ex->games[board], due);
}

/* The board and ply the task's pending event plays; -1 when it plays no move. */
static int
chess_event_move(const struct exhibition *ex, int task, int *ply)
{
	if (ex->games == NULL)
		return -1;
	if (task < 0) {
		/* Only the end of his think plays a move; a walk's end does not. */
		if (ex->master.activity != SIM_MASTER_THINKING)
			return -1;
		*ply = 2 * ex->boards[ex->master.board].master_moves;
		return ex->master.board;
	}
	*ply = 2 * ex->boards[task].master_moves - 1;
	return task;
}

int
chess_event_engine(const struct exhibition *ex, int task)
{
	int ply, board = chess_event_move(ex, task, &ply);

	return board >= 0 && engine_play_side(ex->sim, board, ply) ? board : -1;
}

bool
chess_event_ready(struct exhibition *ex, int task, simtime_t due)
{
	int ply, board = chess_event_move(ex, task, &ply);

	if (board < 0 || ply < ex->sim->records[board].nmoves)
		return true;
	if (engine_play_side(ex->sim, board, ply))
		return engine_play_ready(ex->sim, board, ply, due);
	return thinking_ready(ex->sim, board, ply, &ex->games[board], due);
}

bool
chess_play(struct exhibition *ex, int board, int ply, char san[MOVE_TEXT_MAX])
{
	struct sim *s = ex->sim;
	struct board_record *r;
	struct game *g;
	move_t m;
	bool stored = true;

	if (ex->games == NULL)
		return false;
	r = &s->records[board];
	g = &ex->games[board];
	if (ply >= r->nmoves && engine_play_side(s, board, ply))
		engine_play_wait(s, board, ply);
	if (ply >= r->nmoves && r->forfeit_ply == ply) {
		/* The engine to move failed: its side loses, in every exhibition. */
		san[0] = '\0';
		game_end(g, ply % 2 == 0 ? RESULT_BLACK_WINS : RESULT_WHITE_WINS,
			 (enum game_termination)r->forfeit_term);
		ahead_over(s, board);
		memcpy(ex->boards[board].last_san, san, sizeof(ex->boards[board].last_san));
		return true;
	}
	if (ply < r->nmoves) {
		m = r->moves[ply];
		if (ply >= r->played)
			thinking_replayed(s, board, ply, g);
	} else {
		m = thinking_move(s, board, ply, g);
		stored = record_store(s, board, ply, m) == 0;
		if (stored)
			ahead_queue(s, board);
	}
	if (ply >= r->played)
		r->played = ply + 1;
	if (stored) {
		move_to_san(&g->pos, m, san);
		game_play(g, m);
	} else {
		san[0] = '\0';
		game_end(g, RESULT_NONE, TERM_ABANDONED);
	}
	memcpy(ex->boards[board].last_san, san, sizeof(ex->boards[board].last_san));
	if (g->termination != TERM_NONE)
		ahead_over(s, board);
	return g->termination != TERM_NONE;
}

void
chess_adjudicate(struct game *g)
{
	int score = 0;

	for (int sq = 0; sq < 64; sq++) {
		int p = position_piece_at(&g->pos, sq);

		if (p == NO_PIECE)
			continue;
		score += (piece_color(p) == WHITE ? 1 : -1) * material_value[piece_type(p)];
	}
	if (score >= 3)
		game_end(g, RESULT_WHITE_WINS, TERM_ADJUDICATED);
	else if (score <= -3)
		game_end(g, RESULT_BLACK_WINS, TERM_ADJUDICATED);
	else
		game_end(g, RESULT_DRAW, TERM_ADJUDICATED);
}
