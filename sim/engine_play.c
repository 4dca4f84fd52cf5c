/*
 * External engines as players: the sim's side of the pool. A ply that is
 * an engine's is asked for when its player sits down to think (all
 * engines think at once, in their own processes), and the answer goes
 * into the board's shared record like a searched move, so every
 * exhibition replays it. The event that plays the move waits for it the
 * way it waits for a sliced search (thinking.c): on the live clock the
 * clock holds, on the virtual clock the loop runs until it is in. The
 * simulated times never depend on how long the engine took, so totals
 * stay exact given the engine's moves (which an engine may vary from run
 * to run: threads, hash, time).
 *
 * A failed answer is a forfeit stored in the record at that ply: the side
 * to move loses, with the termination and the engine's words for the
 * summary (chess_play ends the game there in every exhibition).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ev.h>

#include "engine/notation.h"
#include "sim/engine_pool.h"
#include "sim/sim_internal.h"

const struct player_profile sim_engine_profile = {
	.name = "uci", .summary = "an external UCI engine (uci:CMD)",
};

static int
slot_of(const struct sim *s, int board, int ply)
{
	if (s->engines == NULL || s->records == NULL)
		return -1;
	return ply % 2 == 0 ? s->master_engine : s->records[board].engine;
}

bool
engine_play_side(const struct sim *s, int board, int ply)
{
	return slot_of(s, board, ply) >= 0;
}

/* The position before ply, from the record: "position startpos moves e2e4 ...". */
static char *
engine_position(const struct sim *s, int board, int ply, struct position *pos)
{
	const struct board_record *r = &s->records[board];
	size_t len = 32 + (size_t)ply * MOVE_TEXT_MAX;
	char *buf = malloc(len), *at;

	if (buf == NULL)
		return NULL;
	position_startpos(pos);
	at = buf + snprintf(buf, len, "position startpos%s", ply > 0 ? " moves" : "");
	for (int i = 0; i < ply; i++) {
		char uci[MOVE_TEXT_MAX];

		move_to_uci(r->moves[i], uci);
		at += snprintf(at, len - (size_t)(at - buf), " %s", uci);
		position_play(pos, r->moves[i]);
	}
	return buf;
}

static void
forfeit(struct sim *s, int board, int ply, enum game_termination t, const char *why)
{
	struct board_record *r = &s->records[board];

	r->asked = false;
	r->forfeit_ply = ply;
	r->forfeit_term = (uint8_t)t;
	free(r->forfeit_why);
	r->forfeit_why = strdup(why);
}

static void
engine_answer(void *arg, int board, int ply, enum engine_answer a, const char *text)
{
	struct sim *s = arg;
	struct board_record *r = &s->records[board];
	char why[256];

	if (ply != r->nmoves || r->forfeit_ply >= 0)
		return;	/* not this sim's question any more */
	r->asked = false;
	if (a == ENGINE_MOVE) {
		struct position pos;
		char *p = engine_position(s, board, ply, &pos);
		char reason[128];
		move_t m;

		free(p);
		if (text[0] == '\0') {
			forfeit(s, board, ply, TERM_RULES_INFRACTION, "bestmove without a move");
		} else if (move_from_uci(&pos, text, &m, reason, sizeof(reason)) < 0) {
			snprintf(why, sizeof(why), "illegal move %s: %s", text, reason);
			forfeit(s, board, ply, TERM_RULES_INFRACTION, why);
		} else if (record_store(s, board, ply, m) < 0) {
			forfeit(s, board, ply, TERM_FORFEIT, "out of memory for the move");
		}
	} else if (a == ENGINE_TIMEOUT) {
		forfeit(s, board, ply, TERM_TIME_FORFEIT, text);
	} else {
		forfeit(s, board, ply, TERM_FORFEIT, text);
	}
	/* The live clock may be holding for this answer. */
	if (s->wake != NULL)
		s->wake(s, board);
}

void
engine_play_begin(struct sim *s, int board, int ply, simtime_t due)
{
	struct board_record *r = &s->records[board];
	int slot = slot_of(s, board, ply);
	const struct engine_limit *l;
	char go[64];
	struct position pos;
	char *position;
	double timeout;

	if (slot < 0 || ply != r->nmoves || r->asked || r->forfeit_ply >= 0)
		return;
	l = engine_pool_limit(s->engines);
	engine_limit_go(l, go, sizeof(go));
	timeout = (double)l->margin / 1e6;
	if (s->real && due > s->now) {
		/* Real clock: it thinks for real, its think time scaled (at least 1 ms). */
		struct engine_limit think = { ENGINE_LIMIT_MOVETIME, 0, 0 };

		think.value = (simtime_t)((double)(due - s->now) / s->speed);
		if (think.value < 1000)
			think.value = 1000;
		engine_limit_go(&think, go, sizeof(go));
		timeout += (double)think.value / 1e6;
	} else if (l->kind == ENGINE_LIMIT_MOVETIME) {
		timeout += (double)l->value / 1e6;
	}
	position = engine_position(s, board, ply, &pos);
	r->asked = true;
	if (position == NULL ||
	    engine_pool_request(s->engines, slot, board, ply, position, go, timeout) < 0)
		forfeit(s, board, ply, TERM_FORFEIT, "out of memory for the request");
	free(position);
}

bool
engine_play_ready(struct sim *s, int board, int ply, simtime_t due)
{
	const struct board_record *r = &s->records[board];

	engine_play_begin(s, board, ply, due);
	return r->nmoves > ply || r->forfeit_ply == ply;
}

void
engine_play_wait(struct sim *s, int board, int ply)
{
	while (!engine_play_ready(s, board, ply, -1))
		ev_run(engine_pool_loop(s->engines), EVRUN_ONCE);
}

void
engine_play_free(struct sim *s)
{
	if (s->engines != NULL)
		engine_pool_detach(s->engines, s);
	for (int b = 0; s->records != NULL && b < s->config.boards; b++)
		free(s->records[b].forfeit_why);
}

int
sim_use_engines(struct sim *s, struct engine_pool *p)
{
	if (s->records == NULL)
		return -1;
	s->engines = p;
	s->master_engine = engine_pool_master_slot(p);
	for (int b = 0; b < s->config.boards; b++)
		s->records[b].engine = engine_pool_opponent_slot(p, b);
	engine_pool_attach(p, engine_answer, s);
	return 0;
}

bool
sim_board_engine(const struct sim *s, int board, bool master)
{
	return slot_of(s, board, master ? 0 : 1) >= 0;
}

const char *
sim_player_name(const struct sim *s, int board, bool master)
{
	int slot = s->engines != NULL ? slot_of(s, board, master ? 0 : 1) : -1;

	if (slot >= 0)
		return engine_pool_name(s->engines, slot);
	return master ? s->config.master_profile : sim_board_opponent(s, board);
}

const char *
sim_board_forfeit(const struct sim *s, int board, int *ply)
{
	if (s->records == NULL || s->records[board].forfeit_ply < 0)
		return NULL;
	if (ply != NULL)
		*ply = s->records[board].forfeit_ply;
	return s->records[board].forfeit_why;
}
