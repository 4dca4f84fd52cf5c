/*
 * A game record: the start position, every move played, the position keys
 * along the way (for threefold repetition) and how the game ended. The
 * result rules live here: checkmate, stalemate, the fifty-move rule,
 * threefold repetition and insufficient material; a game can also be
 * adjudicated from outside (the simul's move limit) or left unfinished.
 */
#ifndef SIMUL_ENGINE_GAME_H
#define SIMUL_ENGINE_GAME_H

#include "engine/position.h"

enum game_result { RESULT_NONE, RESULT_WHITE_WINS, RESULT_BLACK_WINS, RESULT_DRAW };

enum game_termination {
	TERM_NONE,		/* still going */
	TERM_CHECKMATE,
	TERM_STALEMATE,
	TERM_FIFTY_MOVES,
	TERM_THREEFOLD,
	TERM_INSUFFICIENT,
	TERM_ADJUDICATED,	/* ended from outside, e.g. the move limit */
	TERM_ABANDONED,		/* stopped unfinished (PGN result "*") */
	/* Lost by a player who failed (an external engine): the result stands. */
	TERM_FORFEIT,		/* gone: exited or crashed ("abandoned", with a result) */
	TERM_TIME_FORFEIT,	/* no move in time */
	TERM_RULES_INFRACTION	/* an illegal or unreadable move */
};

struct game {
	struct position	start;
	struct position	pos;		/* current position */
	move_t		*moves;		/* plies played */
	uint64_t	*keys;		/* keys[i] = key before ply i; keys[n] = pos.key */
	int		n;		/* plies played */
	int		cap;
	enum game_result	result;
	enum game_termination	termination;
};

void game_init(struct game *g, const struct position *start);
void game_free(struct game *g);

/*
 * Plays a legal move and applies the result rules; afterwards g->result
 * and g->termination say whether the game is over. Returns -1 (and plays
 * nothing) when the game is already over or m is not legal.
 *
 * No one is there to claim a draw in simul's automated games, so the
 * claimable draws end the game by themselves: the halfmove clock reaching
 * 100 and the third occurrence of a position (same Zobrist key). A mate on
 * the hundredth ply stays a mate. game_init applies the rules too, so a
 * game set up from a finished position is over from the start.
 */
int game_play(struct game *g, move_t m);

/* Ends an unfinished game from outside (TERM_ADJUDICATED or TERM_ABANDONED). */
void game_end(struct game *g, enum game_result r, enum game_termination t);

/* Times the current position occurred, including now. */
int game_repetitions(const struct game *g);

const char *game_result_text(enum game_result r);		/* "1-0", "0-1", "1/2-1/2", "*" */
const char *game_termination_text(enum game_termination t);	/* "checkmate", ..., for PGN Termination */

#endif
