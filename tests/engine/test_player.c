/*
 * Players: the profile table, legal moves from every profile through whole
 * games, the seed contract (same profile, game and seed give the same move;
 * weak profiles vary with the seed), budgets respected, and a sliced think
 * choosing exactly what a think in one go chooses.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <string.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "engine/player.h"
#include "tests/engine/position_helpers.h"

/* Above this budget a profile is slow on purpose (grandmaster): fewer rounds of it. */
enum { PLAYER_TEST_SLOW_NODES = 10000 };

static void
start_game(struct game *g, const char *fen)
{
	struct position p;
	char err[128];

	cr_assert(eq(int, position_from_fen(&p, fen, err, sizeof(err)), 0), "%s", err);
	game_init(g, &p);
}

Test(player, profiles_strongest_first, .init = setup)
{
	/* grandmaster after master: the first entry is UCI's default Skill. */
	static const char *const names[] = { "master", "grandmaster", "club", "beginner", "random" };
	size_t n;
	const struct player_profile *pr = player_profiles(&n);

	cr_assert(eq(sz, n, ARRAY_LEN(names)));
	for (size_t i = 0; i < n; i++) {
		cr_assert(eq(str, (char *)pr[i].name, (char *)names[i]));
		cr_assert(eq(ptr, (void *)player_profile_find(names[i]), (void *)&pr[i]));
		cr_assert(gt(sz, strlen(pr[i].summary), 10));
	}
	cr_assert(eq(ptr, (void *)player_profile_find("world-champion"), NULL));
	/* Stronger profiles look further and guess less. */
	for (size_t i = 0; i + 1 < n; i++) {
		cr_assert(ge(int, pr[i].depth, pr[i + 1].depth));
		cr_assert(le(int, pr[i].noise_cp + pr[i].blunder_permille, pr[i + 1].noise_cp + pr[i + 1].blunder_permille));
	}
}

Test(player, every_profile_plays_legal_games, .init = setup)
{
	size_t n;
	const struct player_profile *pr = player_profiles(&n);

	for (size_t i = 0; i < n; i++) {
		struct game g;

		/* A slow profile's whole game would take seconds; its moves are legal all the same. */
		int plies = pr[i].nodes > PLAYER_TEST_SLOW_NODES ? 4 : 60;

		start_game(&g, FEN_STARTPOS);
		for (int ply = 0; ply < plies && g.termination == TERM_NONE; ply++) {
			move_t m = player_choose(&pr[i], &g, 7);

			cr_assert(movegen_is_legal(&g.pos, m), "%s ply %d", pr[i].name, ply);
			cr_assert(eq(int, game_play(&g, m), 0));
		}
		game_free(&g);
	}
}

Test(player, same_seed_same_move, .init = setup)
{
	size_t n;
	const struct player_profile *pr = player_profiles(&n);
	struct game g;

	start_game(&g, "r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10");
	for (size_t i = 0; i < n; i++) {
		/*
		 * A slow profile has no noise or blunders: one seed says all
		 * (grandmaster's ten 1M-node searches took 35 s under ASan).
		 */
		uint64_t seeds = pr[i].nodes > PLAYER_TEST_SLOW_NODES ? 1 : 5;

		for (uint64_t seed = 1; seed <= seeds; seed++)
			cr_assert(eq(u16, player_choose(&pr[i], &g, seed), player_choose(&pr[i], &g, seed)), "%s", pr[i].name);
	}
	game_free(&g);
}

static int
distinct_moves(const char *profile, int seeds)
{
	struct game g;
	move_t seen[64];
	int n = 0;

	start_game(&g, FEN_STARTPOS);
	for (int s = 0; s < seeds; s++) {
		move_t m = player_choose(player_profile_find(profile), &g, (uint64_t)s * 1000003);
		bool known = false;

		for (int i = 0; i < n; i++)
			known = known || seen[i] == m;
		if (!known)
			seen[n++] = m;
	}
	game_free(&g);
	return n;
}

Test(player, weak_profiles_vary_with_the_seed, .init = setup)
{
	cr_assert(ge(int, distinct_moves("random", 32), 8));
	cr_assert(ge(int, distinct_moves("beginner", 32), 4));
	cr_assert(ge(int, distinct_moves("club", 32), 2));
	/* The master has neither noise nor blunders: the seed does not matter. */
	cr_assert(eq(int, distinct_moves("master", 8), 1));
}

Test(player, sliced_think_chooses_the_same_move, .init = setup)
{
	static const uint64_t slices[] = { 1, 7, 100, 1000 };
	size_t n;
	const struct player_profile *pr = player_profiles(&n);
	struct game g;

	start_game(&g, "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1");
	for (size_t i = 0; i < n; i++) {
		bool slow = pr[i].nodes > PLAYER_TEST_SLOW_NODES;

		/* A slow profile has no noise (the seed is moot) and 1-node slices would take long. */
		for (uint64_t seed = 0; seed < (slow ? 1 : 3); seed++) {
			move_t whole = player_choose(&pr[i], &g, seed);

			for (size_t j = slow ? 2 : 0; j < ARRAY_LEN(slices); j++) {
				struct think *t = think_new(&pr[i], &g, seed);
				uint64_t before = 0;

				while (!think_step(t, slices[j])) {
					/* A slice never does more than it was given. */
					cr_assert(le(u64, think_nodes(t) - before, slices[j]));
					before = think_nodes(t);
				}
				cr_assert(eq(u16, think_move(t), whole), "%s slice %llu", pr[i].name, (unsigned long long)slices[j]);
				if (pr[i].nodes > 0)
					cr_assert(le(u64, think_nodes(t), pr[i].nodes));
				cr_assert(think_step(t, 1));
				think_free(t);
			}
		}
	}
	game_free(&g);
}

Test(player, finished_game_has_no_move, .init = setup)
{
	struct game g;
	struct think *t;

	/* Black is checkmated. */
	start_game(&g, "R5k1/5ppp/8/8/8/8/5PPP/6K1 b - - 0 1");
	t = think_new(player_profile_find("master"), &g, 1);
	cr_assert(think_step(t, 1));
	cr_assert(eq(u16, think_move(t), MOVE_NONE));
	cr_assert(eq(u64, think_nodes(t), 0));
	think_free(t);
	game_free(&g);
}

Test(player, master_takes_a_hanging_queen, .init = setup)
{
	struct game g;

	start_game(&g, "rnb1kbnr/pppp1ppp/8/4p3/4P2q/5N2/PPPP1PPP/RNBQKB1R w KQkq - 2 3");
	for (uint64_t seed = 0; seed < 4; seed++) {
		move_t m = player_choose(player_profile_find("master"), &g, seed);

		cr_assert(eq(int, move_from(m), sq_make(5, 2)));
		cr_assert(eq(int, move_to(m), sq_make(7, 3)));
	}
	game_free(&g);
}
