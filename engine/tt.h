/*
 * Transposition table: a power-of-two array of entries indexed by the low
 * bits of the Zobrist key, each holding the full key, the best move found,
 * a score with its bound, and the depth it was searched to. The table is a
 * plain value owned by whoever searches (a UCI session, one player's
 * think), never a global, so two searches never see each other's entries.
 *
 * Mate scores are stored relative to the node ("mate in 3 from here"), not
 * to the root, so an entry reached along a path of another length still
 * means the right thing: tt_store and tt_probe convert with the ply.
 */
#ifndef SIMUL_ENGINE_TT_H
#define SIMUL_ENGINE_TT_H

#include "engine/types.h"

enum tt_bound { TT_NONE, TT_UPPER, TT_LOWER, TT_EXACT };

/* Scores at or beyond SEARCH_MATE_BOUND mean mate; SEARCH_MATE - n is mate in n plies. */
enum { SEARCH_INF = 32000, SEARCH_MATE = 31000, SEARCH_MATE_BOUND = SEARCH_MATE - 2 * MAX_PLY };

struct tt_entry {
	uint64_t	key;
	int16_t		score;		/* relative to the node for mates */
	move_t		move;		/* best or refuting move, MOVE_NONE if none */
	uint8_t		depth;
	uint8_t		bound;		/* enum tt_bound; TT_NONE = empty slot */
	uint8_t		gen;		/* the table's generation when stored: older ones are empty */
};

/*
 * Clearing starts a new generation instead of touching the entries, so a
 * new game (ucinewgame) costs nothing however large the table: stored keys
 * are xor'ed with the generation's salt, so an older entry no longer
 * matches its position (and the 8-bit generation, kept for hashfull and
 * replacement, may wrap).
 */
struct tt {
	struct tt_entry	*entries;
	size_t		 mask;		/* entry count - 1 */
	uint64_t	 salt;		/* xor'ed into the stored keys, new at each clear */
	uint8_t		 gen;
	bool		 mapped;	/* entries from tt_resize's mmap, not calloc */
};

/* Sizes the table to the largest power of two of entries within bytes (at least one). 0 / -1 on allocation failure. */
int tt_init(struct tt *tt, size_t bytes);
/*
 * A long-lived table (a UCI session's Hash) of that size, empty, in a few
 * microseconds at any size: fresh pages, zeroed by the kernel on first
 * touch; the old table (if any, from tt_init or tt_resize) is unmapped on
 * a detached helper thread. tt zeroed first when it holds none. -1 (the
 * old table kept) when memory runs out.
 */
int tt_resize(struct tt *tt, size_t bytes);
void tt_free(struct tt *tt);
void tt_clear(struct tt *tt);
/* Permille of the table in use by this generation, from a sample of its first 1000 slots (UCI hashfull). */
int tt_hashfull(const struct tt *tt);

/* true and *out filled when key is present; out->score is already root-relative for ply. */
bool tt_probe(const struct tt *tt, uint64_t key, int ply, struct tt_entry *out);
void tt_store(struct tt *tt, uint64_t key, move_t move, int score, int depth, enum tt_bound bound, int ply);

#endif
