/*
 * Fills the Zobrist keys from splitmix64 (search_random, the engine's one
 * generator) with a fixed seed. The order in which keys are drawn is part of
 * the format: changing it changes every key.
 */
#include "engine/search.h"
#include "engine/zobrist.h"

struct zobrist_keys zobrist;

void
zobrist_init(void)
{
	uint64_t state = 0x5175A1C0FFEE2024ULL;

	for (int pc = 0; pc < 16; pc++)
		for (int sq = 0; sq < 64; sq++)
			zobrist.piece[pc][sq] = piece_type(pc) < PIECE_TYPE_NB && pc != NO_PIECE
						? search_random(&state) : 0;
	/* No rights, no key: the start of a key's castling part is 0 for "-". */
	zobrist.castling[0] = 0;
	for (int c = 1; c < 16; c++)
		zobrist.castling[c] = search_random(&state);
	for (int f = 0; f < 8; f++)
		zobrist.ep_file[f] = search_random(&state);
	zobrist.black = search_random(&state);
}
