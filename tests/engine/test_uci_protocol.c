/*
 * UCI conformance of `simul uci` through pipes, one test per feature a GUI
 * relies on: Ponder with ponderhit and stop, bestmove ... ponder,
 * searchmoves (an illegal one skipped), MultiPV, currmove, hashfull, the
 * final info line (after stop and when the clock runs out; why, when there
 * is no legal move), a cheap ucinewgame after a Hash resize, mate scores
 * that survive the table from move to move, draw scores only for real
 * draws (and for them), Skill and UCI_Elo playing exactly as the profile
 * does in an exhibition (the nearest rated one, only with
 * UCI_LimitStrength), and Seed.
 */
#include "engine/player.h"
#include "tests/engine/uci_child.h"

TestSuite(uci_protocol, .init = start, .fini = finish, .timeout = 120);

enum { LINES_MAX = 256, LINE_LEN = 1024 };

/* Every line up to and including bestmove; returns how many. */
static int
until_bestmove(char (*lines)[LINE_LEN], int ms)
{
	int n = 0;
	int64_t deadline = now_ms() + ms;

	for (;;) {
		char line[LINE_LEN];
		int left = (int)(deadline - now_ms());

		cr_assert(next_line(line, sizeof(line), left > 0 ? left : 0), "no bestmove within %d ms", ms);
		copy_text(lines[n < LINES_MAX - 1 ? n : LINES_MAX - 1], LINE_LEN, line);
		if (n < LINES_MAX - 1)
			n++;
		if (strncmp(line, "bestmove ", 9) == 0)
			return n;
	}
}

/* The word after key in line, into out; false when key is not there. */
static bool
word_after(const char *line, const char *key, char *out, size_t cap)
{
	char pat[64];
	const char *p;

	char word[64];

	snprintf(pat, sizeof(pat), " %s ", key);
	p = strstr(line, pat);
	if (p == NULL || sscanf(p + strlen(pat), "%63s", word) != 1 || strlen(word) >= cap)
		return false;
	memcpy(out, word, strlen(word) + 1);
	return true;
}

/* The bestmove line's move is legal in p. */
static void
expect_move_legal(const struct position *p, const char *line)
{
	char text[16], err[128];
	move_t m;

	cr_assert(eq(int, sscanf(line, "bestmove %15s", text), 1), "%s", line);
	cr_assert(eq(int, move_from_uci(p, text, &m, err, sizeof(err)), 0), "%s: %s", line, err);
}

static struct position
startpos_after(const char *moves)
{
	struct position p;
	char list[512], err[128], *save;
	move_t m;

	position_startpos(&p);
	snprintf(list, sizeof(list), "%s", moves);
	for (char *t = strtok_r(list, " ", &save); t != NULL; t = strtok_r(NULL, " ", &save)) {
		cr_assert(eq(int, move_from_uci(&p, t, &m, err, sizeof(err)), 0), "%s", err);
		position_play(&p, m);
	}
	return p;
}

Test(uci_protocol, options_are_announced)
{
	static const char *const want[] = { "option name Ponder type check", "option name MultiPV type spin",
					    "option name UCI_LimitStrength type check", "option name UCI_Elo type spin",
					    "option name Seed type spin", "option name Skill type combo default full" };
	char line[LINE_LEN];
	bool seen[ARRAY_LEN(want)] = { false };

	send("uci");
	for (;;) {
		cr_assert(next_line(line, sizeof(line), 20000));
		for (size_t i = 0; i < ARRAY_LEN(want); i++)
			seen[i] = seen[i] || strncmp(line, want[i], strlen(want[i])) == 0;
		if (strcmp(line, "uciok") == 0)
			break;
	}
	for (size_t i = 0; i < ARRAY_LEN(want); i++)
		cr_assert(seen[i], "missing: %s", want[i]);
}

/* go ponder holds its answer until ponderhit, which then answers within the clock's share. */
Test(uci_protocol, ponder_then_ponderhit)
{
	char lines[LINES_MAX][LINE_LEN];
	char line[LINE_LEN];
	struct position p = startpos_after("e2e4 e7e5");
	int n;
	int64_t t0;

	send("setoption name Ponder value true");
	send("position startpos moves e2e4 e7e5");
	send("go ponder wtime 2000 btime 2000");
	t0 = now_ms();
	while (now_ms() - t0 < 300)
		if (next_line(line, sizeof(line), 50))
			cr_assert(eq(int, strncmp(line, "info ", 5), 0), "answered while pondering: %s", line);
	send("ponderhit");
	n = until_bestmove(lines, 30000);
	expect_move_legal(&p, lines[n - 1]);
}

Test(uci_protocol, ponder_then_stop)
{
	char line[LINE_LEN];
	int64_t t0;

	send("position startpos moves d2d4");
	send("go ponder movetime 100");
	t0 = now_ms();
	while (now_ms() - t0 < 300)
		if (next_line(line, sizeof(line), 50))
			cr_assert(eq(int, strncmp(line, "info ", 5), 0), "answered while pondering: %s", line);
	ready_then_stop("d2d4");
}

/* bestmove names the reply it expects, legal after the move. */
Test(uci_protocol, bestmove_has_a_legal_ponder_move)
{
	char lines[LINES_MAX][LINE_LEN], best[16], ponder[16], err[128];
	struct position p = startpos_after("g1f3 d7d5");
	move_t m;
	int n;

	send("position startpos moves g1f3 d7d5");
	send("go depth 6");
	n = until_bestmove(lines, 30000);
	cr_assert(eq(int, sscanf(lines[n - 1], "bestmove %15s ponder %15s", best, ponder), 2), "%s", lines[n - 1]);
	cr_assert(eq(int, move_from_uci(&p, best, &m, err, sizeof(err)), 0), "%s", err);
	position_play(&p, m);
	cr_assert(eq(int, move_from_uci(&p, ponder, &m, err, sizeof(err)), 0), "ponder %s: %s", ponder, err);
}

Test(uci_protocol, searchmoves_restricts_the_root)
{
	char lines[LINES_MAX][LINE_LEN], best[16];
	int n;

	send("position startpos");
	send("go depth 5 searchmoves a2a3 h2h3");
	n = until_bestmove(lines, 30000);
	cr_assert(eq(int, sscanf(lines[n - 1], "bestmove %15s", best), 1));
	cr_assert(strcmp(best, "a2a3") == 0 || strcmp(best, "h2h3") == 0, "%s", lines[n - 1]);
}

/* An illegal move in the list is skipped, not the end of it. */
Test(uci_protocol, searchmoves_skips_an_illegal_move)
{
	char lines[LINES_MAX][LINE_LEN];
	int n;

	send("position startpos");
	send("go depth 3 searchmoves e2e5 g1f3");
	n = until_bestmove(lines, 30000);
	cr_assert(eq(int, strncmp(lines[n - 1], "bestmove g1f3", 13), 0),
		  "%s", lines[n - 1]);
}

/* Without a legal move: bestmove 0000, after a line saying why (mated, or a real draw). */
Test(uci_protocol, no_legal_move_says_why)
{
	static const char *const cases[][2] = {
		{ "7k/5Q2/6K1/8/8/8/8/8 b - - 0 1", "info depth 0 score cp 0" },	/* stalemate */
		{ "7k/6Q1/6K1/8/8/8/8/8 b - - 0 1", "info depth 0 score mate 0" },	/* mated */
	};
	char lines[LINES_MAX][LINE_LEN], cmd[128];
	int n;

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		snprintf(cmd, sizeof(cmd), "position fen %s", cases[i][0]);
		send(cmd);
		send("go depth 5");
		n = until_bestmove(lines, 30000);
		cr_assert(ge(int, n, 2), "%s", cases[i][0]);
		cr_assert(eq(str, lines[n - 2], (char *)cases[i][1]), "%s", cases[i][0]);
		cr_assert(eq(str, lines[n - 1], "bestmove 0000"));
	}
}

/* Three lines per depth, distinct first moves, best first. */
Test(uci_protocol, multipv_three_lines)
{
	char lines[LINES_MAX][LINE_LEN], first[3][16], score[3][16];
	int n, found = 0;

	send("setoption name MultiPV value 3");
	send("position startpos moves e2e4");
	send("go depth 5");
	n = until_bestmove(lines, 30000);
	for (int i = 0; i < n; i++) {
		char k[16];

		if (strncmp(lines[i], "info depth 5 multipv ", 21) != 0 || !word_after(lines[i], "multipv", k, sizeof(k)))
			continue;
		cr_assert(word_after(lines[i], "pv", first[found], sizeof(first[0])), "%s", lines[i]);
		cr_assert(word_after(lines[i], "cp", score[found], sizeof(score[0])), "%s", lines[i]);
		cr_assert(eq(int, atoi(k), found + 1), "%s", lines[i]);
		found++;
		if (found == 3)
			break;
	}
	cr_assert(eq(int, found, 3));
	cr_assert(strcmp(first[0], first[1]) != 0 && strcmp(first[1], first[2]) != 0 && strcmp(first[0], first[2]) != 0);
	cr_assert(ge(int, atoi(score[0]), atoi(score[1])));
	cr_assert(ge(int, atoi(score[1]), atoi(score[2])));
}

/* A long search says which root move it is on; its info lines carry hashfull. */
Test(uci_protocol, currmove_and_hashfull)
{
	char line[LINE_LEN], word[64];
	bool currmove = false, hashfull = false;
	int64_t deadline;

	send("position startpos moves e2e4 e7e5 g1f3");
	send("go infinite");
	deadline = now_ms() + 30000;
	while (!(currmove && hashfull) && now_ms() < deadline) {
		if (!next_line(line, sizeof(line), 1000))
			continue;
		if (strstr(line, " currmove ") != NULL) {
			cr_assert(word_after(line, "currmovenumber", word, sizeof(word)), "%s", line);
			cr_assert(ge(int, atoi(word), 1));
			currmove = true;
		}
		if (word_after(line, "hashfull", word, sizeof(word))) {
			cr_assert(ge(int, atoi(word), 0));
			cr_assert(le(int, atoi(word), 1000));
			/* A second of search fills some of the 16 MB table. */
			hashfull = hashfull || atoi(word) > 0;
		}
	}
	cr_assert(currmove, "no currmove line in 30 s");
	cr_assert(hashfull, "no hashfull above 0");
	ready_then_stop("e2e4 e7e5 g1f3");
}

/* The line before bestmove reports the search the move comes from, even when stop cut it short. */
Test(uci_protocol, final_info_line_is_the_move_played)
{
	char lines[LINES_MAX][LINE_LEN], best[16], pv[16];
	int n;

	send("position startpos moves d2d4 g8f6");
	send("go infinite");
	usleep(200000);
	send("stop");
	n = until_bestmove(lines, 30000);
	cr_assert(ge(int, n, 2));
	cr_assert(eq(int, strncmp(lines[n - 2], "info depth ", 11), 0), "%s", lines[n - 2]);
	cr_assert(strstr(lines[n - 2], " score ") != NULL, "%s", lines[n - 2]);
	cr_assert(word_after(lines[n - 2], "pv", pv, sizeof(pv)), "%s", lines[n - 2]);
	cr_assert(eq(int, sscanf(lines[n - 1], "bestmove %15s", best), 1));
	cr_assert(eq(str, pv, best));
}

/* When the clock ends the search, the last line still reports it to the end, for the move played. */
Test(uci_protocol, final_info_line_when_time_runs_out)
{
	char lines[LINES_MAX][LINE_LEN], best[16], pv[16], word[16];
	int n, deepest = 0;

	send("position startpos moves e2e4 c7c5 g1f3");
	send("go movetime 500");
	n = until_bestmove(lines, 30000);
	cr_assert(ge(int, n, 2));
	for (int i = 0; i < n - 2; i++)
		if (word_after(lines[i], "depth", word, sizeof(word)) && atoi(word) > deepest)
			deepest = atoi(word);
	cr_assert(word_after(lines[n - 2], "depth", word, sizeof(word)), "%s", lines[n - 2]);
	cr_assert(ge(int, atoi(word), deepest), "%s after depth %d", lines[n - 2], deepest);
	/* Not a line from earlier in the move: it was written when the 500 ms ran out. */
	cr_assert(word_after(lines[n - 2], "time", word, sizeof(word)), "%s", lines[n - 2]);
	cr_assert(ge(int, atoi(word), 500), "%s", lines[n - 2]);
	cr_assert(strstr(lines[n - 2], " score cp ") != NULL, "%s", lines[n - 2]);
	cr_assert(word_after(lines[n - 2], "pv", pv, sizeof(pv)), "%s", lines[n - 2]);
	cr_assert(eq(int, sscanf(lines[n - 1], "bestmove %15s", best), 1));
	cr_assert(eq(str, pv, best));
}

/* A 1 GB table and a new game: the next go still answers (the clear is a generation, not a memset). */
Test(uci_protocol, hash_resize_and_new_game)
{
	send("setoption name Hash value 1024");
	send("ucinewgame");
	send("position startpos moves c2c4");
	send("go depth 4");
	expect_legal_bestmove(FEN_STARTPOS, "c2c4", 30000, NULL, 0);
	send("ucinewgame");
	send("setoption name Hash value 1");
	send("position startpos moves c2c4");
	send("go depth 4");
	expect_legal_bestmove(FEN_STARTPOS, "c2c4", 30000, NULL, 0);
}

/* The final score and move of a search of fen + moves. */
static int
final_score(const char *fen, const char *moves, const char *go, bool *mate, char *best)
{
	char lines[LINES_MAX][LINE_LEN], cmd[1024], word[16];
	int n;

	snprintf(cmd, sizeof(cmd), "position fen %s%s%s", fen, *moves ? " moves " : "", moves);
	send(cmd);
	send(go);
	n = until_bestmove(lines, 60000);
	cr_assert(ge(int, n, 2));
	*mate = word_after(lines[n - 2], "mate", word, sizeof(word));
	if (!*mate)
		cr_assert(word_after(lines[n - 2], "cp", word, sizeof(word)), "%s", lines[n - 2]);
	if (best != NULL)
		cr_assert(eq(int, sscanf(lines[n - 1], "bestmove %15s", best), 1));
	return atoi(word);
}

/*
 * A mate played out in one session, both sides searched, the table kept
 * from move to move: once found, each side's final score counts down
 * (mate N, mate -(N-1), mate N-1, ..., mate 1) and never falls back to
 * centipawns or jumps.
 */
Test(uci_protocol, mate_scores_survive_the_table)
{
	static const char fen[] = "8/8/8/3k4/8/8/8/2QK3R w - - 0 1";
	char moves[1024] = "", best[16];
	bool mate;
	int v, want = 0;

	for (int ply = 0; ply < 40; ply++) {
		v = final_score(fen, moves, "go depth 10", &mate, best);
		if (want != 0) {
			cr_assert(mate, "ply %d: %d cp after a mate score", ply, v);
			cr_assert(eq(int, v, want), "ply %d", ply);
		}
		if (mate)
			want = v > 0 ? -(v - 1) : -v;
		if (mate && v == 1)
			return;
		snprintf(moves + strlen(moves), sizeof(moves) - strlen(moves), "%s%s", *moves ? " " : "", best);
	}
	cr_assert(want != 0, "no mate found in 40 plies");
}

/* A lost position repeated once in the game is still lost: 0 only at a real draw. */
Test(uci_protocol, one_repetition_is_not_a_draw)
{
	static const char fen[] = "6k1/8/8/8/8/8/q7/6K1 w - - 10 40";
	bool mate;
	int v;

	/* Back where it started, White to move: Kh1 would repeat a position seen once. */
	v = final_score(fen, "g1h1 a2b2 h1g1 b2a2", "go depth 6", &mate, NULL);
	cr_assert(mate || v < -500, "score %d after one repetition", v);
}

/* 0 for real draws: the fiftieth move of a lost ending, a dead position; the same ending earlier is lost. */
Test(uci_protocol, real_draws_score_zero)
{
	bool mate;
	int v;

	v = final_score("k7/8/8/8/8/8/q7/6K1 w - - 99 80", "", "go depth 8", &mate, NULL);
	cr_assert(not(mate));
	cr_assert(eq(int, v, 0), "fifty-move draw scored %d", v);
	v = final_score("k7/8/8/8/8/8/q7/6K1 w - - 90 80", "", "go depth 8", &mate, NULL);
	cr_assert(mate || v < -500, "lost ending scored %d with 10 moves to go", v);
	v = final_score("8/8/8/4k3/8/8/3B4/4K3 w - - 0 1", "", "go depth 8", &mate, NULL);
	cr_assert(not(mate));
	cr_assert(eq(int, v, 0), "king and bishop against king scored %d", v);
}

/* The move a profile plays in an exhibition with that seed, for the position after moves. */
static void
profile_move(const char *profile, const char *moves, uint64_t seed, char *out)
{
	struct position start;
	struct game g;
	char list[512], err[128], *save;
	move_t m;

	position_startpos(&start);
	game_init(&g, &start);
	snprintf(list, sizeof(list), "%s", moves);
	for (char *t = strtok_r(list, " ", &save); t != NULL; t = strtok_r(NULL, " ", &save)) {
		cr_assert(eq(int, move_from_uci(&g.pos, t, &m, err, sizeof(err)), 0), "%s", err);
		cr_assert(eq(int, game_play(&g, m), 0));
	}
	move_to_uci(player_choose(player_profile_find(profile), &g, seed), out);
	game_free(&g);
}

/* Skill P plays P's exhibition move whatever go says; a clock only bounds it from above. */
Test(uci_protocol, skill_plays_as_in_an_exhibition)
{
	static const char *const gos[] = { "go depth 1", "go nodes 10", "go wtime 600000 btime 600000",
					   "go movetime 20000" };
	static const char *const lines[] = { "e2e4 e7e5 g1f3", "d2d4 d7d5 c2c4 e7e6", "c2c4" };
	char want[16], got[16];

	send("setoption name Seed value 4242");
	for (size_t s = 0; s < 2; s++) {
		const char *skill = s == 0 ? "club" : "master";
		char cmd[64];

		snprintf(cmd, sizeof(cmd), "setoption name Skill value %s", skill);
		send(cmd);
		for (size_t i = 0; i < ARRAY_LEN(lines); i++) {
			profile_move(skill, lines[i], 4242, want);
			for (size_t k = 0; k < ARRAY_LEN(gos); k++) {
				snprintf(cmd, sizeof(cmd), "position startpos moves %s", lines[i]);
				send(cmd);
				send(gos[k]);
				expect_legal_bestmove(FEN_STARTPOS, lines[i], 30000, got, sizeof(got));
				cr_assert(eq(str, got, want), "%s after %s with %s", skill, lines[i], gos[k]);
			}
		}
	}
}

/* A Skill profile searches in a table of its own: hashfull reports that one, not the idle Hash. */
Test(uci_protocol, skill_reports_its_own_table_in_hashfull)
{
	char lines[LINES_MAX][LINE_LEN], word[16];
	int n;

	send("setoption name Skill value master");
	send("position startpos moves e2e4 c7c5");
	send("go movetime 20000");
	n = until_bestmove(lines, 30000);
	cr_assert(ge(int, n, 2));
	cr_assert(word_after(lines[n - 2], "hashfull", word, sizeof(word)), "%s", lines[n - 2]);
	/* Up to 22,500 nodes stored in master's 65,536-entry table. */
	cr_assert(gt(int, atoi(word), 0), "%s", lines[n - 2]);
	cr_assert(le(int, atoi(word), 1000), "%s", lines[n - 2]);
}

/* UCI_LimitStrength with a profile's rating plays that profile. */
Test(uci_protocol, uci_elo_maps_to_the_rated_profile)
{
	const struct player_profile *club = player_profile_find("club");
	char cmd[80], want[16], got[16];

	cr_assert(gt(int, club->elo, 0), "club is not rated");
	snprintf(cmd, sizeof(cmd), "setoption name UCI_Elo value %d", club->elo);
	send("setoption name UCI_LimitStrength value true");
	send(cmd);
	send("setoption name Seed value 99");
	send("position startpos moves e2e4 c7c5");
	send("go movetime 20000");
	expect_legal_bestmove(FEN_STARTPOS, "e2e4 c7c5", 30000, got, sizeof(got));
	profile_move("club", "e2e4 c7c5", 99, want);
	cr_assert(eq(str, got, want));
}

/* The moves of a profile (or of the session when pr is NULL) in four positions, joined. */
static void
four_moves(const struct player_profile *pr, uint64_t seed, char *out, size_t cap)
{
	static const char *const lines[] = { "d2d4 g8f6 c2c4", "e2e4 c7c5", "g1f3", "e2e4 e7e5 g1f3 b8c6" };

	out[0] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(lines); i++) {
		char cmd[128], move[16];

		if (pr != NULL) {
			profile_move(pr->name, lines[i], seed, move);
		} else {
			snprintf(cmd, sizeof(cmd), "position startpos moves %s", lines[i]);
			send(cmd);
			send("go depth 1");
			expect_legal_bestmove(FEN_STARTPOS, lines[i], 30000, move, sizeof(move));
		}
		snprintf(out + strlen(out), cap - strlen(out), " %s", move);
	}
}

/* An Elo between two ratings plays the nearer profile; below the scale, the weakest rated one. */
Test(uci_protocol, uci_elo_between_ratings_plays_the_nearest)
{
	const struct player_profile *club = player_profile_find("club"), *master = player_profile_find("master");
	const struct player_profile *want[3];
	int elos[3], lo = 0, hi = 0;
	char cmd[80], expected[3][128], got[128];

	cr_assert(player_elo_range(&lo, &hi));
	cr_assert(lt(int, club->elo, master->elo));
	elos[0] = club->elo + (master->elo - club->elo) / 3;	/* nearer club */
	want[0] = club;
	elos[1] = master->elo - (master->elo - club->elo) / 3;	/* nearer master */
	want[1] = master;
	elos[2] = 1;
	want[2] = player_profile_for_elo(lo);
	for (int i = 0; i < 3; i++)
		four_moves(want[i], 7, expected[i], sizeof(expected[i]));
	/* Otherwise the test could not tell them apart. */
	cr_assert(ne(str, expected[0], expected[1]));
	cr_assert(ne(str, expected[0], expected[2]));
	send("setoption name UCI_LimitStrength value true");
	send("setoption name Seed value 7");
	for (int i = 0; i < 3; i++) {
		snprintf(cmd, sizeof(cmd), "setoption name UCI_Elo value %d", elos[i]);
		send(cmd);
		four_moves(NULL, 0, got, sizeof(got));
		cr_assert(eq(str, got, expected[i]), "UCI_Elo %d: want %s's moves", elos[i], want[i]->name);
	}
}

/* UCI_Elo alone changes nothing: without UCI_LimitStrength the full search obeys go depth. */
Test(uci_protocol, uci_elo_needs_limit_strength)
{
	char lines[LINES_MAX][LINE_LEN], cmd[80], word[16];
	const struct player_profile *club = player_profile_find("club");
	int n;

	snprintf(cmd, sizeof(cmd), "setoption name UCI_Elo value %d", club->elo);
	send(cmd);
	for (int round = 0; round < 2; round++) {
		/* Second round: switched on, then off again. */
		if (round == 1) {
			send("setoption name UCI_LimitStrength value true");
			send("setoption name UCI_LimitStrength value false");
		}
		send("position startpos moves e2e4 e7e5");
		send("go depth 2");
		n = until_bestmove(lines, 30000);
		cr_assert(ge(int, n, 2));
		cr_assert(word_after(lines[n - 2], "depth", word, sizeof(word)), "%s", lines[n - 2]);
		cr_assert(eq(int, atoi(word), 2), "round %d: %s", round, lines[n - 2]);
	}
}

/* The beginner's moves in 12 positions of one process, joined into out. */
static void
beginner_moves(const char *seed_option, char *out, size_t cap)
{
	static const char *const lines[] = { "", "e2e4", "d2d4", "c2c4", "g1f3", "e2e4 e7e5", "d2d4 d7d5",
					     "e2e4 c7c5", "b1c3", "f2f4", "e2e3", "g2g3" };

	out[0] = '\0';
	send("setoption name Skill value beginner");
	if (seed_option != NULL)
		send(seed_option);
	for (size_t i = 0; i < ARRAY_LEN(lines); i++) {
		char cmd[128], best[16];

		snprintf(cmd, sizeof(cmd), "position startpos%s%s", *lines[i] ? " moves " : "", lines[i]);
		send(cmd);
		send("go depth 3");
		expect_legal_bestmove(FEN_STARTPOS, lines[i], 30000, best, sizeof(best));
		snprintf(out + strlen(out), cap - strlen(out), " %s", best);
	}
}

/* Without Seed each process plays its own games; with the same Seed, the same ones. */
Test(uci_protocol, seeded_from_the_clock_unless_seed_is_set)
{
	char a[256], b[256];

	beginner_moves(NULL, a, sizeof(a));
	finish();
	start();
	beginner_moves(NULL, b, sizeof(b));
	cr_assert(ne(str, a, b), "two processes played the same 12 moves:%s", a);
	beginner_moves("setoption name Seed value 31337", a, sizeof(a));
	finish();
	start();
	beginner_moves("setoption name Seed value 31337", b, sizeof(b));
	cr_assert(eq(str, a, b));
}
