/*
 * One PGN writer for the sim's games. The tags name what a reader of the
 * file needs to tell the games apart (which exhibition policy, which
 * board, which opponent profile); the [%emt] comments carry the simulated
 * think time of every ply, so a GUI replays the exhibition's rhythm.
 */
#include "engine/macros.h"
#include "ui/games_pgn.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/pgn.h"
#include "engine/player.h"
#include "ui/atomic_file.h"

enum { GAMES_PGN_EMT = 32 };	/* "[%emt 12:34:56]" with room to spare */

/* The [%emt] comment of each ply; NULL on out of memory. Free both arrays. */
static const char **
games_pgn_comments(const struct game *g, const simtime_t *times, char (**emt)[GAMES_PGN_EMT])
{
	const char **comments = malloc((size_t)(g->n + 1) * sizeof(*comments));

	*emt = malloc((size_t)(g->n + 1) * sizeof(**emt));
	if (comments == NULL || *emt == NULL) {
		free(comments);
		free(*emt);
		*emt = NULL;
		return NULL;
	}
	for (int i = 0; i < g->n; i++) {
		char t[24];

		comments[i] = NULL;
		if (times == NULL)
			continue;
		duration_hms(times[i], t, sizeof(t));
		snprintf((*emt)[i], sizeof((*emt)[i]), "[%%emt %s]", t);
		comments[i] = (*emt)[i];
	}
	return comments;
}

/* A profile's measured rating (docs/calibration.md), or "-" when it has none: PGN's "unknown". */
static void
games_pgn_elo(const char *profile, char *buf, size_t len)
{
	const struct player_profile *pr = player_profile_find(profile);

	if (pr != NULL && pr->elo > 0)
		snprintf(buf, len, "%d", pr->elo);
	else
		snprintf(buf, len, "-");
}

int
games_pgn_append(FILE *f, const struct sim *s, int round, bool live)
{
	const struct sim_config *c = sim_config(s);
	char white[SIM_PROFILE_MAX + 16], black[SIM_PROFILE_MAX + 32], board[16], rnd[16], event[80];
	char white_elo[16], black_elo[16];
	snprintf(rnd, sizeof(rnd), "%d", round);
	for (int e = 0; e < sim_exhibitions(s); e++) {
		const char *policy = sim_policy_name(sim_exhibition_policy(s, e));

		snprintf(event, sizeof(event), "simul exhibition, %s master%s", policy,
			 live ? " (live)" : "");
		for (int b = 0; b < c->boards; b++) {
			const struct game *g = sim_game(s, e, b);
			const struct pgn_tag tags[] = {
				{ "Event", event },   { "Site", "simul" },  { "White", white },
				{ "Black", black },   { "Board", board },   { "Policy", policy },
				{ "WhiteElo", white_elo }, { "BlackElo", black_elo },
				{ "Annotator", "simul " SIMUL_VERSION },    { "Round", rnd },
			};
			char (*emt)[GAMES_PGN_EMT];
			const char **comments;
			int rc;

			if (g == NULL)
				continue;
			comments = games_pgn_comments(g, sim_game_think_times(s, e, b), &emt);
			if (comments == NULL)
				return -1;
			/* An engine is named as it names itself ("id name"). */
			if (sim_board_engine(s, b, true))
				snprintf(white, sizeof(white), "%s", sim_player_name(s, b, true));
			else
				snprintf(white, sizeof(white), "Master (%s)", c->master_profile);
			if (sim_board_engine(s, b, false))
				snprintf(black, sizeof(black), "%s", sim_player_name(s, b, false));
			else
				snprintf(black, sizeof(black), "Opponent %d (%s)", b + 1,
					 sim_board_opponent(s, b));
			/* An engine's strength is its own affair: "-" (unknown), as for an unrated profile. */
			games_pgn_elo(sim_board_engine(s, b, true) ? "" : c->master_profile, white_elo,
				      sizeof(white_elo));
			games_pgn_elo(sim_board_engine(s, b, false) ? "" : sim_board_opponent(s, b), black_elo,
				      sizeof(black_elo));
			snprintf(board, sizeof(board), "%d", b + 1);
			/* Round is the last tag, so leaving it out is one fewer. */
			rc = pgn_write(f, g, tags, ARRAY_LEN(tags) - (round >= 1 ? 0 : 1), comments);
			free(emt);
			free(comments);
			if (rc < 0)
				return -1;
		}
	}
	return 0;
}

int
games_pgn_write(const char *path, const struct sim *s, int round, bool live, char *err,
		size_t errlen)
{
	struct atomic_file af = { 0 };

	if (atomic_file_open(&af, path, err, errlen) < 0)
		return -1;
	if (games_pgn_append(af.f, s, round, live) < 0) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		atomic_file_abort(&af);
		return -1;
	}
	return atomic_file_commit(&af, err, errlen);
}
