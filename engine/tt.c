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
 * kernel on a detached helper thread: unmapping a well-used 1 GB table
 * takes ~30-90 ms here, time the next go must not wait for.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "engine/tt.h"

enum { TT_UNMAP_SLICE = 8 << 20 };	/* bytes given back at a time: ~0.3 ms */

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

/*
 * The helper thread: the mapping's length is in its own first word (it is
 * ours to destroy). Its pages go in slices, each under the address space's
 * lock only briefly, so a resize or a page fault of the search never waits
 * long for it; the empty mapping then goes at once.
 */
static void *
tt_unmap_run(void *addr)
{
	size_t len = *(size_t *)addr;

	/* Below the search that goes on (on Linux, this thread's nice only): it can wait, a go cannot. */
	setpriority(PRIO_PROCESS, 0, 19);
	for (size_t off = 0; off < len; off += TT_UNMAP_SLICE)
		madvise((char *)addr + off, len - off < TT_UNMAP_SLICE ? len - off : TT_UNMAP_SLICE, MADV_DONTNEED);
	munmap(addr, len);
	return NULL;
}

/* Gives the entries back: a mapping on a detached helper thread when asked (if one starts), else here. */
static void
tt_release(struct tt *tt, bool background)
{
	size_t len = (tt->mask + 1) * sizeof(struct tt_entry);
	pthread_attr_t attr;
	pthread_t thread;
	bool gone = false;

	if (tt->entries == NULL)
		return;
	if (!tt->mapped) {
		free(tt->entries);
		return;
	}
	if (background && pthread_attr_init(&attr) == 0) {
		*(size_t *)(void *)tt->entries = len;
		gone = pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0 &&
		       pthread_create(&thread, &attr, tt_unmap_run, tt->entries) == 0;
		pthread_attr_destroy(&attr);
	}
	if (!gone)
		munmap(tt->entries, len);
}

int
tt_resize(struct tt *tt, size_t bytes)
{
	size_t n = tt_count(bytes);
	void *p = mmap(NULL, n * sizeof(struct tt_entry), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return -1;
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
