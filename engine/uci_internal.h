/*
 * The UCI session shared by uci.c (the session, its options, the position,
 * the command dispatch) and uci_go.c (go, the search or think it starts,
 * ponderhit and stop, the info and bestmove lines).
 *
 * Who plays: at full strength (the default) the session's own search with
 * its transposition table, kept across moves, and every go limit. With a
 * Skill, or UCI_LimitStrength and a UCI_Elo, a player profile plays exactly
 * as in an exhibition (think_new: its own depth, nodes, noise, blunders and
 * a fresh table), and a clock from go can only cut it short.
 */
#ifndef SIMUL_ENGINE_UCI_INTERNAL_H
#define SIMUL_ENGINE_UCI_INTERNAL_H

#include "engine/player.h"
#include "engine/search.h"
#include "engine/uci.h"

enum {
	UCI_MULTIPV_MAX = 64,
	UCI_CURRMOVE_AFTER_MS = 1000,	/* currmove lines only in searches this long, as is usual */
};

struct uci {
	FILE				*out;
	struct tt			 tt;
	struct search			*search;	/* full strength */
	struct think			*think;		/* a profile's move in flight, or NULL */
	const struct player_profile	*skill;		/* Skill option; NULL = full strength */
	bool				 limit_strength;
	int				 elo;		/* UCI_Elo */
	int				 multipv;
	uint64_t			 seed;		/* Seed option, or from the clock when it is 0 */
	uint64_t			 clock_seed;
	struct position			 pos;
	uint64_t			*keys;		/* positions before pos, oldest first */
	int				 n_keys;
	bool				 searching;
	bool				 hold;		/* infinite or ponder: bestmove waits for stop or ponderhit */
	bool				 pondering;	/* go ponder until ponderhit */
	int64_t				 ponder_time_us;	/* the clock's share, started at ponderhit (0 = none) */
	move_t				 root_moves[MAX_MOVES];	/* searchmoves */
	int				 n_root_moves;
};

/* Any time, increment or count a GUI sends is clamped here (~35 years of ms), so sums and * 1000 cannot overflow. */
#define UCI_NUMBER_MAX (1LL << 40)
/* A whole non-negative decimal token, clamped to UCI_NUMBER_MAX; -1 otherwise. */
long long uci_number(const char *s);

/* The profile that plays now, or NULL at full strength. */
const struct player_profile *uci_player(const struct uci *u);
void uci_say(struct uci *u, const char *text);

/* uci_go.c */
void uci_go(struct uci *u, char **tok, int n);
void uci_stop(struct uci *u);
void uci_ponderhit(struct uci *u);
/* Writes the final info and bestmove once the move is known and nothing holds it. */
void uci_conclude(struct uci *u);

#endif
