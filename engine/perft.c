/*
 * perft: the number of leaf nodes of the legal move tree to a fixed depth,
 * the standard check of a move generator against published counts. The last
 * ply is counted in bulk (the number of legal moves, no move is played), and
 * positions are copied on the stack (copy-make), so nothing is undone.
 */
#include "engine/movegen.h"

static uint64_t
perft_rec(const struct position *p, int depth)
{
	move_t moves[MAX_MOVES];
	int n;
	uint64_t nodes = 0;

	if (depth == 1)
		return (uint64_t)movegen_count(p);
	n = movegen_legal(p, moves);
	for (int i = 0; i < n; i++) {
		struct position next = *p;

		position_play(&next, moves[i]);
		nodes += perft_rec(&next, depth - 1);
	}
	return nodes;
}

uint64_t
perft(const struct position *p, int depth)
{
	return depth <= 0 ? 1 : perft_rec(p, depth);
}

int
perft_divide(const struct position *p, int depth, struct perft_entry *out)
{
	move_t moves[MAX_MOVES];
	int n = movegen_legal(p, moves);

	for (int i = 0; i < n; i++) {
		struct position next = *p;

		position_play(&next, moves[i]);
		out[i].move = moves[i];
		out[i].nodes = perft(&next, depth - 1);
	}
	return n;
}
