/*
 * Transposition table storage: one entry per slot, replaced when the new
 * result is for another position, from an older generation, or was searched
 * at least nearly as deep;
 * a deep entry for the same key survives a shallow re-search, which keeps
 * the best move of the previous iteration available for ordering.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/tt.h"

int
tt_init(struct tt *tt, size_t bytes)
{
	size_t n = 1;

	while (n * 2 * sizeof(struct tt_entry) <= bytes)
		n *= 2;
	tt->entries = calloc(n, sizeof(struct tt_entry));
	if (tt->entries == NULL) {
		tt->mask = 0;
		return -1;
	}
	tt->mask = n - 1;
	tt->gen = 0;
	return 0;
}

void
tt_free(struct tt *tt)
{
	free(tt->entries);
	tt->entries = NULL;
	tt->mask = 0;
}

void
tt_clear(struct tt *tt)
{
	if (++tt->gen == 0)
		memset(tt->entries, 0, (tt->mask + 1) * sizeof(struct tt_entry));
}

int
tt_hashfull(const struct tt *tt)
{
	size_t n = tt->mask + 1 < 1000 ? tt->mask + 1 : 1000;
	size_t used = 0;

	for (size_t i = 0; i < n; i++)
		used += tt->entries[i].bound != TT_NONE && tt->entries[i].gen == tt->gen;
	return (int)(used * 1000 / n);
}

bool
tt_probe(const struct tt *tt, uint64_t key, int ply, struct tt_entry *out)
{
	const struct tt_entry *e = &tt->entries[key & tt->mask];

	if (e->bound == TT_NONE || e->key != key || e->gen != tt->gen)
		return false;
	*out = *e;
	if (out->score >= SEARCH_MATE_BOUND)
		out->score = (int16_t)(out->score - ply);
	else if (out->score <= -SEARCH_MATE_BOUND)
		out->score = (int16_t)(out->score + ply);
	return true;
}

void
tt_store(struct tt *tt, uint64_t key, move_t move, int score, int depth, enum tt_bound bound, int ply)
{
	struct tt_entry *e = &tt->entries[key & tt->mask];
	bool same = e->key == key && e->bound != TT_NONE && e->gen == tt->gen;

	if (same && depth + 2 < e->depth)
		return;
	if (score >= SEARCH_MATE_BOUND)
		score += ply;
	else if (score <= -SEARCH_MATE_BOUND)
		score -= ply;
	/* Keep the old best move when this result found none (a fail-low). */
	if (move == MOVE_NONE && same)
		move = e->move;
	e->key = key;
	e->move = move;
	e->score = (int16_t)score;
	e->depth = (uint8_t)(depth < 0 ? 0 : depth > 255 ? 255 : depth);
	e->bound = (uint8_t)bound;
	e->gen = tt->gen;
}
