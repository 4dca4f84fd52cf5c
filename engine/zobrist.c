/*
 * Fills the Zobrist keys from splitmix64 with a fixed seed. The order in
 * which keys are drawn is part of the format: changing it changes every key.
 */
#include "engine/zobrist.h"

struct zobrist_keys zobrist;

static uint64_t
splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

void
zobrist_init(void)
{
	uint64_t state = 0x5175A1C0FFEE2024ULL;

	for (int pc = 0; pc < 16; pc++)
		for (int sq = 0; sq < 64; sq++)
			zobrist.piece[pc][sq] = piece_type(pc) < PIECE_TYPE_NB && pc != NO_PIECE
						? splitmix64(&state) : 0;
	/* No rights, no key: the start of a key's castling part is 0 for "-". */
	zobrist.castling[0] = 0;
	for (int c = 1; c < 16; c++)
		zobrist.castling[c] = splitmix64(&state);
	for (int f = 0; f < 8; f++)
		zobrist.ep_file[f] = splitmix64(&state);
	zobrist.black = splitmix64(&state);
}
