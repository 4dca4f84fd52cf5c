/*
 * The transposition table's storage: what a probe returns after a store,
 * mate scores converted by ply, a clear that hides every entry without
 * touching them (also after the 8-bit generation wraps), and a resize that
 * leaves an empty table of the new size, the search's pointer unchanged.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"

#include "engine/tt.h"

static const uint64_t keys[] = { 0x0123456789abcdefULL, 0xfedcba9876543210ULL, 0x5555aaaa5555aaaaULL };

static void
store_all(struct tt *tt)
{
	for (int i = 0; i < 3; i++)
		tt_store(tt, keys[i], (move_t)(100 + i), 10 * i, 5 + i, TT_EXACT, 0);
}

static int
found(const struct tt *tt)
{
	struct tt_entry e;
	int n = 0;

	for (int i = 0; i < 3; i++)
		if (tt_probe(tt, keys[i], 0, &e)) {
			cr_assert(eq(u64, e.key, keys[i]));
			cr_assert(eq(int, e.move, 100 + i));
			cr_assert(eq(int, e.score, 10 * i));
			cr_assert(eq(int, e.depth, 5 + i));
			n++;
		}
	return n;
}

Test(tt, store_then_probe)
{
	struct tt tt;
	struct tt_entry e;

	cr_assert(eq(int, tt_init(&tt, 1 << 16), 0));
	cr_assert(eq(sz, tt.mask + 1, (size_t)(1 << 16) / sizeof(struct tt_entry)));
	store_all(&tt);
	cr_assert(eq(int, found(&tt), 3));
	cr_assert(not(tt_probe(&tt, keys[0] ^ 1, 0, &e)));
	tt_free(&tt);
}

/* Mate in 5 plies from a node at ply 3 is mate in 8 from the root, and in 6 when met at ply 1. */
Test(tt, mate_scores_are_stored_relative_to_the_node)
{
	struct tt tt;
	struct tt_entry e;

	cr_assert(eq(int, tt_init(&tt, 1 << 16), 0));
	tt_store(&tt, keys[0], 1, SEARCH_MATE - 8, 4, TT_EXACT, 3);
	cr_assert(tt_probe(&tt, keys[0], 1, &e));
	cr_assert(eq(int, e.score, SEARCH_MATE - 6));
	tt_store(&tt, keys[1], 1, -(SEARCH_MATE - 8), 4, TT_EXACT, 3);
	cr_assert(tt_probe(&tt, keys[1], 1, &e));
	cr_assert(eq(int, e.score, -(SEARCH_MATE - 6)));
	tt_free(&tt);
}

/* Every clear hides what came before, the 256th (the generation wraps) as much as the first. */
Test(tt, clear_hides_every_older_entry)
{
	struct tt tt;

	cr_assert(eq(int, tt_init(&tt, 1 << 16), 0));
	store_all(&tt);
	for (int i = 1; i <= 600; i++) {
		tt_clear(&tt);
		cr_assert(eq(int, found(&tt), 0), "after %d clears", i);
		cr_assert(eq(int, tt_hashfull(&tt), 0), "after %d clears", i);
		if (i == 255 || i == 256 || i == 511) {
			store_all(&tt);
			cr_assert(eq(int, found(&tt), 3));
		}
	}
	tt_free(&tt);
}

/* A resize gives an empty table of the new size in place, from either kind of table. */
Test(tt, resize_gives_an_empty_table_of_the_new_size)
{
	static const size_t sizes[] = { 1 << 20, 16 << 20, 1 << 20, 64 << 20, 1 << 16 };
	struct tt tt;

	cr_assert(eq(int, tt_init(&tt, 1 << 20), 0));
	store_all(&tt);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		cr_assert(eq(int, tt_resize(&tt, sizes[i]), 0));
		cr_assert(eq(sz, tt.mask + 1, sizes[i] / sizeof(struct tt_entry)));
		cr_assert(eq(int, found(&tt), 0));
		cr_assert(eq(int, tt_hashfull(&tt), 0));
		store_all(&tt);
		cr_assert(eq(int, found(&tt), 3));
	}
	tt_free(&tt);
	cr_assert(eq(ptr, tt.entries, NULL));
}
