/*
 * go and what follows it: the limits a go line brings, the search (full
 * strength) or think (a profile) it starts, the info lines while it runs,
 * ponderhit and stop, and the final info line and bestmove.
 *
 * A held search (go infinite, go ponder) keeps its bestmove until stop or
 * ponderhit, as the protocol demands. Pondering searches without a time
 * limit; at ponderhit the clock's share of this move starts counting. The
 * last info line before bestmove always reports the depth, score and line
 * the move comes from, even when the clock or stop cut an iteration short.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/movegen.h"
#include "engine/notation.h"
#include "engine/uci_internal.h"

enum {
	UCI_MOVESTOGO_DEFAULT = 30,	/* when the GUI does not say */
	UCI_SAFETY_MS = 30,		/* kept back from the clock for I/O */
	UCI_MIN_MOVETIME_MS = 5,
};

/* What a go line asks for. */
struct uci_limits {
	int		depth;
	uint64_t	nodes;
	int64_t		movetime_us;	/* 0 = none */
	bool		infinite;
	bool		ponder;
};

/* Time for this move from the clock: an even share of what is left, plus most of the increment. */
static long long
uci_budget_ms(long long left, long long inc, long long togo)
{
	long long ms;

	if (togo <= 0)
		togo = UCI_MOVESTOGO_DEFAULT;
	ms = left / togo + inc * 3 / 4;
	if (ms > left / 2)
		ms = left / 2;
	ms -= UCI_SAFETY_MS;
	return ms < UCI_MIN_MOVETIME_MS ? UCI_MIN_MOVETIME_MS : ms;
}

/* A token shaped like a move in UCI notation (e2e4, e7e8q), legal or not. */
static bool
uci_move_shaped(const char *t)
{
	size_t n = strlen(t);

	return (n == 4 || (n == 5 && strchr("qrbn", t[4]) != NULL)) && t[0] >= 'a' && t[0] <= 'h' && t[1] >= '1' &&
	       t[1] <= '8' && t[2] >= 'a' && t[2] <= 'h' && t[3] >= '1' && t[3] <= '8';
}

/* Reads the go tokens; searchmoves fills u->root_moves with the legal ones named (an illegal one is skipped). */
static void
uci_go_parse(struct uci *u, char **tok, int n, struct uci_limits *lim)
{
	long long wtime = -1, btime = -1, winc = 0, binc = 0, togo = 0, movetime = -1;
	char err[128];

	memset(lim, 0, sizeof(*lim));
	u->n_root_moves = 0;
	for (int i = 1; i < n; i++) {
		const char *k = tok[i];
		long long v = uci_number(i + 1 < n ? tok[i + 1] : NULL);
		move_t m;

		if (strcmp(k, "infinite") == 0) {
			lim->infinite = true;
			continue;
		}
		if (strcmp(k, "ponder") == 0) {
			lim->ponder = true;
			continue;
		}
		if (strcmp(k, "searchmoves") == 0) {
			for (; i + 1 < n && uci_move_shaped(tok[i + 1]); i++)
				if (move_from_uci(&u->pos, tok[i + 1], &m, err, sizeof(err)) == 0 &&
				    u->n_root_moves < MAX_MOVES)
					u->root_moves[u->n_root_moves++] = m;
			continue;
		}
		if (v < 0)
			continue;
		if (strcmp(k, "depth") == 0)
			lim->depth = v > SEARCH_MAX_DEPTH ? SEARCH_MAX_DEPTH : (int)v;
		else if (strcmp(k, "nodes") == 0)
			lim->nodes = (uint64_t)v;
		else if (strcmp(k, "movetime") == 0)
			movetime = v;
		else if (strcmp(k, "wtime") == 0)
			wtime = v;
		else if (strcmp(k, "btime") == 0)
			btime = v;
		else if (strcmp(k, "winc") == 0)
			winc = v;
		else if (strcmp(k, "binc") == 0)
			binc = v;
		else if (strcmp(k, "movestogo") == 0)
			togo = v;
		else
			continue;
		i++;
	}
	if (movetime >= 0)
		lim->movetime_us = (movetime > UCI_MIN_MOVETIME_MS ? movetime : UCI_MIN_MOVETIME_MS) * 1000;
	else if (u->pos.side == WHITE && wtime >= 0)
		lim->movetime_us = uci_budget_ms(wtime, winc, togo) * 1000;
	else if (u->pos.side == BLACK && btime >= 0)
		lim->movetime_us = uci_budget_ms(btime, binc, togo) * 1000;
}

static void
uci_print_score(struct uci *u, int score)
{
	int mate = search_mate_moves(score);

	fprintf(u->out, " score %s %d", mate != 0 ? "mate" : "cp", mate != 0 ? mate : score);
}

static void
uci_info(void *ctx, const struct search_info *in)
{
	struct uci *u = ctx;
	uint64_t nps = in->elapsed_us > 0 ? in->nodes * 1000000 / (uint64_t)in->elapsed_us : 0;
	char text[MOVE_TEXT_MAX];

	fprintf(u->out, "info depth %d", in->depth);
	if (u->multipv > 1)
		fprintf(u->out, " multipv %d", in->multipv);
	uci_print_score(u, in->score);
	fprintf(u->out, " nodes %llu nps %llu hashfull %d time %lld pv", (unsigned long long)in->nodes,
	    (unsigned long long)nps, u->think != NULL ? think_hashfull(u->think) : tt_hashfull(&u->tt), (long long)(in->elapsed_us / 1000));
	for (int i = 0; i < in->pv_len; i++) {
		move_to_uci(in->pv[i], text);
		fprintf(u->out, " %s", text);
	}
	fputc('\n', u->out);
	fflush(u->out);
}

/* The root move in progress, once a search has run long enough for a GUI to want it. */
static void
uci_currmove(void *ctx, move_t m, int number, int depth)
{
	struct uci *u = ctx;
	char text[MOVE_TEXT_MAX];
	int64_t elapsed = u->think != NULL ? 0 : search_elapsed_us(u->search);

	if (u->think != NULL || elapsed < (int64_t)UCI_CURRMOVE_AFTER_MS * 1000)
		return;
	move_to_uci(m, text);
	fprintf(u->out, "info depth %d currmove %s currmovenumber %d\n", depth, text, number);
	fflush(u->out);
}

void
uci_go(struct uci *u, char **tok, int n)
{
	const struct player_profile *pr = uci_player(u);
	struct uci_limits lim;

	if (u->searching)
		return;
	uci_go_parse(u, tok, n, &lim);
	u->hold = lim.infinite || lim.ponder;
	u->pondering = lim.ponder;
	/* Pondering has no time limit: the clock starts at ponderhit. */
	u->ponder_time_us = lim.ponder ? lim.movetime_us : 0;
	if (lim.ponder)
		lim.movetime_us = 0;
	u->searching = true;
	if (pr != NULL) {
		/* The profile plays as in an exhibition; the clock can only cut it short. */
		struct game g = { .start = u->pos, .pos = u->pos, .keys = u->keys, .n = u->n_keys };
		struct think_extra extra = { .movetime_us = lim.movetime_us, .info = uci_info,
					     .currmove = uci_currmove, .info_ctx = u };

		u->think = think_new_extra(pr, &g, u->seed != 0 ? u->seed : u->clock_seed, &extra);
		return;
	}
	{
		struct search_params sp = {
			.depth = lim.depth, .nodes = lim.nodes, .movetime_us = lim.movetime_us,
			.multipv = u->multipv, .root_moves = u->root_moves, .n_root_moves = u->n_root_moves,
			.info = uci_info, .currmove = uci_currmove, .info_ctx = u,
		};

		search_start(u->search, &u->pos, u->keys, u->n_keys, &sp);
	}
}

/* The reply the line expects after move m: the PV's second move, else the table's best there. */
static move_t
uci_ponder_move(struct uci *u, move_t m, const struct search_info *in)
{
	struct position after = u->pos;
	struct tt_entry e;

	if (m == MOVE_NONE)
		return MOVE_NONE;
	if (in->pv_len >= 2 && in->pv[0] == m)
		return in->pv[1];
	position_play(&after, m);
	if (u->think == NULL && tt_probe(&u->tt, after.key, 0, &e) && e.move != MOVE_NONE &&
	    movegen_is_legal(&after, e.move))
		return e.move;
	return MOVE_NONE;
}

void
uci_conclude(struct uci *u)
{
	struct search_info in = { 0 };
	char line[64], best[MOVE_TEXT_MAX], ponder[MOVE_TEXT_MAX];
	move_t m, p;
	bool searched;

	if (!u->searching || u->hold)
		return;
	if (u->think != NULL ? !think_finished(u->think) : !search_done(u->search))
		return;
	if (u->think != NULL) {
		m = think_move(u->think);
		searched = think_result(u->think, &in);
	} else {
		m = search_best_move(u->search);
		search_result(u->search, &in);
		searched = true;
	}
	/* The line the move comes from, even when the clock or stop cut an iteration short. */
	if (searched && m != MOVE_NONE) {
		in.multipv = 1;
		uci_info(u, &in);
	} else if (m == MOVE_NONE && movegen_count(&u->pos) == 0) {
		/* No move at all: say why, as GUIs expect (checkmated, or a real draw). */
		fprintf(u->out, "info depth 0 score %s\n", position_in_check(&u->pos) ? "mate 0" : "cp 0");
	}
	p = uci_ponder_move(u, m, &in);
	if (m == MOVE_NONE)
		snprintf(best, sizeof(best), "0000");
	else
		move_to_uci(m, best);
	if (p != MOVE_NONE) {
		move_to_uci(p, ponder);
		snprintf(line, sizeof(line), "bestmove %s ponder %s", best, ponder);
	} else {
		snprintf(line, sizeof(line), "bestmove %s", best);
	}
	think_free(u->think);
	u->think = NULL;
	u->searching = false;
	u->pondering = false;
	uci_say(u, line);
}

void
uci_stop(struct uci *u)
{
	if (!u->searching)
		return;
	u->hold = false;
	if (u->think != NULL) {
		think_stop(u->think);
		think_step(u->think, 0);
	} else if (!search_done(u->search)) {
		search_stop(u->search);
		search_step(u->search, 0);
	}
	uci_conclude(u);
}

void
uci_ponderhit(struct uci *u)
{
	if (!u->searching || !u->pondering)
		return;
	u->pondering = false;
	u->hold = false;
	if (u->ponder_time_us > 0) {
		if (u->think != NULL)
			think_set_time_left(u->think, u->ponder_time_us);
		else
			search_set_time_left(u->search, u->ponder_time_us);
	}
	uci_conclude(u);
}
