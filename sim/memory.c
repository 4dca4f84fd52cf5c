/*
 * What a run will allocate, reckoned before it starts from the sizes of
 * what sim_new and the growing arrays hold, so a run that cannot fit is
 * refused in a line instead of dying in swap an hour later. The estimate
 * follows the allocations one by one (the tests in tests/e2e_cli.sh run
 * with a memory limit between the estimate and twice it):
 *
 *   per exhibition and board: its board_task, ready-queue slot, event-queue
 *     entry, and one wait sample per master move (4 bytes while the samples
 *     fit 32 bits in their gcd unit, as round think times do; 8 once
 *     widened, 12 at the widening itself);
 *   chess on, per exhibition and board: a struct game, its moves and keys
 *     (capacity 128, doubling);
 *   chess on, per board: the move record shared by the exhibitions (moves
 *     and think times, capacity 16, doubling), the opponent's profile and,
 *     on the live clock, its entry in the queue of searches ahead (ahead.c).
 * Searches in flight and the master's span history are bounded and small;
 * they go into the fixed part with the program itself.
 */
#include "sim/sim_internal.h"

enum {
	MEMORY_FIXED = 16 << 20,	/* program, libraries, spans, searches in flight */
	MEMORY_MALLOC = 16,		/* malloc's own header, per block */
};

/* The capacity a doubling array from first reaches to hold need items. */
static uint64_t
doubled(uint64_t first, uint64_t need)
{
	uint64_t cap = first;

	while (cap < need)
		cap *= 2;
	return cap;
}

uint64_t
sim_memory_estimate(const struct sim_config *c, int nexhibitions)
{
	uint64_t boards = (uint64_t)c->boards, moves = (uint64_t)c->moves;
	uint64_t plies = 2 * moves, per_ex, per_board = 0;
	bool fixed = dist_is_fixed(&c->master_think) && dist_is_fixed(&c->opponent_think) &&
		     dist_is_fixed(&c->walk);

	per_ex = sizeof(struct board_task) + sizeof(int) +
		 sizeof(((struct event_queue *)0)->heap[0]) + moves * (fixed ? 4 : 12);
	if (c->chess) {
		uint64_t cap = doubled(128, plies + 1);

		per_ex += sizeof(struct game) + cap * (sizeof(move_t) + sizeof(uint64_t)) +
			  2 * MEMORY_MALLOC;
		/* The record, the opponent's profile, its place in the ahead queue (live). */
		per_board = sizeof(struct board_record) + sizeof(void *) + sizeof(struct ahead_entry) +
			    doubled(16, plies) * (sizeof(move_t) + sizeof(simtime_t)) +
			    2 * MEMORY_MALLOC;
	}
	return MEMORY_FIXED + boards * (per_ex * (uint64_t)nexhibitions + per_board);
}
