/*
 * Transposition table storage: one entry per slot, replaced when the new
 * result is for another position, from an older generation, or was searched
 * at least nearly as deep;
 * a deep entry for the same key survives a shallow re-search, which keeps
 * the best move of the previous iteration available for ordering.
 *
 * Two kinds of memory: tt_init's calloc for the short-lived tables of a
 * player's think, and tt_resize's mmap for a UCI session's long-lived one.
 * A fresh mapping costs nothing until used (the kernel hands out zeroed
 * pages as they are first touched), and the old mapping goes back to the
 * kernel on a helper thread: unmapping a well-used 1 GB table takes ~30 ms
 * here, time the next go must not wait for.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "engine/tt.h"

/* An old mapping on its way back to the kernel. */
struct tt_unmap {
	pthread_t	 thread;
	void		*addr;
	size_t		 len;
};

/* The largest power of two of entries within bytes, at least one. */
static size_t
tt_count(size_t bytes)
{
	size_t n = 1;

	while (n * 2 * sizeof(struct tt_entry) <= bytes)
		n *= 2;
	return n;
}

int
tt_init(struct tt *tt, size_t bytes)
{
	size_t n = tt_count(bytes);

	memset(tt, 0, sizeof(*tt));
	tt->entries = calloc(n, sizeof(struct tt_entry));
	if (tt->entries == NULL)
		return -1;
	tt->mask = n - 1;
	return 0;
}

static void *
tt_unmap_run(void *arg)
{
	struct tt_unmap *um = arg;

	munmap(um->addr, um->len);
	return NULL;
}

/* The previous resize's unmapping is over (long since, unless two came back to back). */
static void
tt_unmap_wait(struct tt *tt)
{
	if (tt->unmap == NULL)
		return;
	pthread_join(tt->unmap->thread, NULL);
	free(tt->unmap);
	tt->unmap = NULL;
}

/* Gives the entries back: a mapping on a helper thread when asked (if one starts), else here. */
static void
tt_release(struct tt *tt, bool background)
{
	size_t len = (tt->mask + 1) * sizeof(struct tt_entry);
	struct tt_unmap *um;

	if (tt->entries == NULL)
		return;
	if (!tt->mapped) {
		free(tt->entries);
		return;
	}
	um = background ? malloc(sizeof(*um)) : NULL;
	if (um != NULL) {
		*um = (struct tt_unmap){ .addr = tt->entries, .len = len };
		if (pthread_create(&um->thread, NULL, tt_unmap_run, um) == 0) {
			tt->unmap = um;
			return;
		}
		free(um);
	}
	munmap(tt->entries, len);
}

int
tt_resize(struct tt *tt, size_t bytes)
{
	size_t n = tt_count(bytes);
	void *p = mmap(NULL, n * sizeof(struct tt_entry), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return -1;
	tt_unmap_wait(tt);
	tt_release(tt, true);
	tt->entries = p;
	tt->mask = n - 1;
	tt->mapped = true;
	tt->gen = 0;
	tt->salt = 0;
	return 0;
}

void
tt_free(struct tt *tt)
{
	tt_unmap_wait(tt);
	tt_release(tt, false);
	tt->entries = NULL;
	tt->mask = 0;
}

void
tt_clear(struct tt *tt)
{
	/* Any odd step gives 2^64 distinct salts; a fixed one keeps searches repeatable. */
	tt->salt += 0x9e3779b97f4a7c15ULL;
	tt->gen++;
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

	if (e->bound == TT_NONE || e->key != (key ^ tt->salt))
		return false;
	*out = *e;
	out->key = key;
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
	bool same = e->bound != TT_NONE && e->key == (key ^ tt->salt);

	if (same && depth + 2 < e->depth)
		return;
	if (score >= SEARCH_MATE_BOUND)
		score += ply;
	else if (score <= -SEARCH_MATE_BOUND)
		score -= ply;
	/* Keep the old best move when this result found none (a fail-low). */
	if (move == MOVE_NONE && same)
		move = e->move;
	e->key = key ^ tt->salt;
	e->move = move;
	e->score = (int16_t)score;
	e->depth = (uint8_t)(depth < 0 ? 0 : depth > 255 ? 255 : depth);
	e->bound = (uint8_t)bound;
	e->gen = tt->gen;
}
