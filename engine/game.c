/*
 * The game record: the start position, the current one, and two growing
 * arrays, the plies played and the Zobrist key before each of them (plus
 * the current key), which is all threefold repetition needs. The result
 * rules run after every ply, in the order FIDE gives them precedence:
 * checkmate, stalemate, dead position, then the fifty-move rule and
 * threefold repetition.
 *
 * simul's games are played by programs and nobody is there to claim a
 * draw, so the two claimable draws end the game by themselves: the halfmove
 * clock reaching 100 (fifty moves by each side without a capture or pawn
 * move) and the third occurrence of a position. A mate delivered on the
 * hundredth ply is still a mate (FIDE 9.3).
 *
 * Repetitions compare keys only. The key takes in the en passant square
 * only when a pawn stands ready to capture there (position.c), which is
 * FIDE's "same possible moves" except for a pinned capturer; then the two
 * positions count as different, erring towards playing on, never towards
 * a false draw.
 */
#include "engine/game.h"

#include <stdlib.h>
#include <string.h>

#include "engine/movegen.h"
#include "engine/xalloc.h"

enum { GAME_INITIAL_CAP = 128 };

/* Applies the result rules to the current position. */
static void
game_judge(struct game *g)
{
	move_t moves[MAX_MOVES];
	const struct position *p = &g->pos;

	if (movegen_legal(p, moves) == 0) {
		if (position_in_check(p)) {
			g->result = p->side == WHITE ? RESULT_BLACK_WINS : RESULT_WHITE_WINS;
			g->termination = TERM_CHECKMATE;
		} else {
			g->result = RESULT_DRAW;
			g->termination = TERM_STALEMATE;
		}
	} else if (position_insufficient_material(p)) {
		g->result = RESULT_DRAW;
		g->termination = TERM_INSUFFICIENT;
	} else if (p->halfmove >= 100) {
		g->result = RESULT_DRAW;
		g->termination = TERM_FIFTY_MOVES;
	} else if (game_repetitions(g) >= 3) {
		g->result = RESULT_DRAW;
		g->termination = TERM_THREEFOLD;
	}
}

void
game_init(struct game *g, const struct position *start)
{
	memset(g, 0, sizeof(*g));
	g->start = *start;
	g->pos = *start;
	g->cap = GAME_INITIAL_CAP;
	g->moves = xmalloc((size_t)g->cap * sizeof(*g->moves));
	g->keys = xmalloc(((size_t)g->cap + 1) * sizeof(*g->keys));
	g->keys[0] = start->key;
	g->result = RESULT_NONE;
	g->termination = TERM_NONE;
	/* A game set up from a FEN may already be over (mate, a clock at 100). */
	game_judge(g);
}

void
game_free(struct game *g)
{
	free(g->moves);
	free(g->keys);
	g->moves = NULL;
	g->keys = NULL;
	g->n = g->cap = 0;
}

int
game_play(struct game *g, move_t m)
{
	if (g->termination != TERM_NONE || !movegen_is_legal(&g->pos, m))
		return -1;
	if (g->n == g->cap) {
		g->cap *= 2;
		g->moves = xrealloc(g->moves, (size_t)g->cap * sizeof(*g->moves));
		g->keys = xrealloc(g->keys, ((size_t)g->cap + 1) * sizeof(*g->keys));
	}
	position_play(&g->pos, m);
	g->moves[g->n++] = m;
	g->keys[g->n] = g->pos.key;
	game_judge(g);
	return 0;
}

void
game_end(struct game *g, enum game_result r, enum game_termination t)
{
	/* A result the rules gave stands; adjudication only ends open games. */
	if (g->termination != TERM_NONE)
		return;
	g->result = t == TERM_ABANDONED ? RESULT_NONE : r;
	g->termination = t;
}

int
game_repetitions(const struct game *g)
{
	uint64_t key = g->keys[g->n];
	int count = 0;
	/* No position before the last capture or pawn move can come back, and
	 * only every other ply has the same side to move. */
	int oldest = g->n - g->pos.halfmove;

	if (oldest < 0)
		oldest = 0;
	for (int i = g->n; i >= oldest; i -= 2)
		count += g->keys[i] == key;
	return count;
}

const char *
game_result_text(enum game_result r)
{
	switch (r) {
	case RESULT_WHITE_WINS:
		return "1-0";
	case RESULT_BLACK_WINS:
		return "0-1";
	case RESULT_DRAW:
		return "1/2-1/2";
	case RESULT_NONE:
		break;
	}
	return "*";
}

const char *
game_termination_text(enum game_termination t)
{
	switch (t) {
	case TERM_CHECKMATE:
		return "checkmate";
	case TERM_STALEMATE:
		return "stalemate";
	case TERM_FIFTY_MOVES:
		return "fifty-move rule";
	case TERM_THREEFOLD:
		return "threefold repetition";
	case TERM_INSUFFICIENT:
		return "insufficient material";
	case TERM_ADJUDICATED:
		return "adjudication";
	case TERM_ABANDONED:
	case TERM_FORFEIT:
		return "abandoned";
	case TERM_TIME_FORFEIT:
		return "time forfeit";
	case TERM_RULES_INFRACTION:
		return "rules infraction";
	case TERM_NONE:
		break;
	}
	return "unterminated";
}
