/*
 * `simul uci` driven through pipes, the way a GUI drives it: the binary
 * (SIMUL_BINARY) runs as a child; the test writes protocol lines to its
 * stdin and reads its stdout line by line with deadlines. Checks the
 * handshake, legal bestmoves after go, mate scores in info lines, stop and
 * isready answered during go infinite, and that garbage changes nothing.
 */
#include "tests/engine/uci_child.h"

TestSuite(uci, .init = start, .fini = finish, .timeout = 60);

Test(uci, handshake)
{
	char line[256];
	bool hash = false, skill = false, name = false;

	send("uci");
	for (;;) {
		cr_assert(next_line(line, sizeof(line), 5000));
		name = name || strncmp(line, "id name simul", 13) == 0;
		hash = hash || strncmp(line, "option name Hash type spin", 26) == 0;
		skill = skill || (strncmp(line, "option name Skill type combo", 28) == 0 && strstr(line, "var club") != NULL);
		if (strcmp(line, "uciok") == 0)
			break;
	}
	cr_assert(name && hash && skill);
	send("isready");
	expect("readyok", NULL, 0, 5000);
}

Test(uci, go_depth_gives_info_and_legal_bestmove)
{
	char line[1024];

	send("uci");
	expect("uciok", NULL, 0, 5000);
	send("ucinewgame");
	send("position startpos moves e2e4 c7c5 g1f3");
	send("go depth 5");
	expect("info depth 5 ", line, sizeof(line), 20000);
	cr_assert(strstr(line, " score cp ") != NULL, "%s", line);
	cr_assert(strstr(line, " nodes ") != NULL && strstr(line, " nps ") != NULL && strstr(line, " pv ") != NULL, "%s", line);
	expect_legal_bestmove(FEN_STARTPOS, "e2e4 c7c5 g1f3", 20000, NULL, 0);
}

Test(uci, mate_score_and_move)
{
	char line[1024], best[16];

	send("position fen 6k1/5ppp/8/8/8/8/5PPP/R5K1 w - - 0 1");
	send("go depth 3");
	expect("info depth 1 ", line, sizeof(line), 10000);
	cr_assert(strstr(line, "score mate 1 ") != NULL, "%s", line);
	expect_legal_bestmove("6k1/5ppp/8/8/8/8/5PPP/R5K1 w - - 0 1", "", 10000, best, sizeof(best));
	cr_assert(eq(str, best, "a1a8"));
}

Test(uci, stop_during_infinite)
{
	char line[1024];
	int64_t t0;

	send("position startpos moves d2d4 d7d5");
	send("go infinite");
	/* Nothing but info lines for a while: bestmove must wait for stop. */
	t0 = now_ms();
	while (now_ms() - t0 < 300) {
		if (next_line(line, sizeof(line), 50))
			cr_assert(eq(int, strncmp(line, "info ", 5), 0), "%s", line);
	}
	ready_then_stop("d2d4 d7d5");
}

/*
 * A time limit ends the search by itself (no stop is sent). How close it
 * keeps to the time is measured by benchmarks, not here: the deadlines only
 * catch a search that never ends.
 */
Test(uci, go_movetime_and_clock)
{
	send("position startpos");
	send("go movetime 200");
	expect_legal_bestmove(FEN_STARTPOS, "", 30000, NULL, 0);
	send("position startpos moves e2e4");
	send("go wtime 3000 btime 3000 winc 0 binc 0");
	expect_legal_bestmove(FEN_STARTPOS, "e2e4", 30000, NULL, 0);
	send("go nodes 5000");
	expect_legal_bestmove(FEN_STARTPOS, "e2e4", 30000, NULL, 0);
}

/* Numbers past int64 are clamped, never overflowed (UBSan would abort the child). */
Test(uci, huge_times_are_clamped)
{
	send("position startpos");
	send("go wtime 100 winc 9223372036854775807");
	expect_legal_bestmove(FEN_STARTPOS, "", 30000, NULL, 0);
	send("go movetime 9223372036854775807");
	ready_then_stop("");
	send("go wtime 100000000000000000 btime 99999999999999999999999 movestogo 9223372036854775808");
	ready_then_stop("");
}

/*
 * A game of `plies` knight moves (out and back, both sides, so it stays
 * legal however long), sent as one position line; the answer must be legal
 * in the position after all of them. 8001 plies leave Black to move, and
 * the old cut at 4096 tokens left White to move.
 */
static void
long_game(int plies)
{
	static const char *const cycle[4] = { "g1f3", "g8f6", "f3g1", "f6g8" };
	size_t cap = (size_t)plies * 5 + 64, len;
	char *line = malloc(cap), err[128];
	struct position p;
	move_t m;

	cr_assert(line != NULL);
	position_startpos(&p);
	len = (size_t)snprintf(line, cap, "position startpos moves");
	for (int i = 0; i < plies; i++) {
		len += (size_t)snprintf(line + len, cap - len, " %s", cycle[i % 4]);
		cr_assert(eq(int, move_from_uci(&p, cycle[i % 4], &m, err, sizeof(err)), 0));
		position_play(&p, m);
	}
	send(line);
	free(line);
	send("go depth 2");
	expect_bestmove_in(&p, 30000, NULL, 0);
}

Test(uci, position_takes_any_number_of_moves)
{
	long_game(8001);
	long_game(20002);	/* 100 kB: past the old 64 kB line buffer too */
}

/* `printf 'isready' | simul uci`: the last line counts without its newline. */
Test(uci, last_line_without_newline)
{
	send_raw("isready");
	close(ch.in);
	ch.in = -1;
	expect("readyok", NULL, 0, 20000);
}

Test(uci, garbage_is_ignored)
{
	char longline[20000];

	memset(longline, 'x', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	send("position startpos moves e2e4");
	send("hello world");
	send("");
	send("   ");
	send("position");
	send("position fen not a fen at all");
	send("position fen 8/8/8/8/8/8/8/8 w - - 0 1");
	send("position startpos moves e7e5 e2e4");	/* illegal: White moves first */
	send("position sideways");
	send("setoption");
	send("setoption name Hash value -5");
	send("setoption name Hash value lots");
	send("setoption name Skill value wizard");
	send("setoption name Nonexistent value 3");
	send("go depth -3 nodes banana movetime");
	send("stop");
	send(longline);
	send("isready");
	expect("readyok", NULL, 0, 5000);
	/* The position is still the one before the garbage. */
	send("go depth 2");
	expect_legal_bestmove(FEN_STARTPOS, "e2e4", 5000, NULL, 0);
}

Test(uci, skills_play_legal_moves)
{
	static const char *const skills[] = { "random", "beginner", "club", "master" };

	for (size_t i = 0; i < ARRAY_LEN(skills); i++) {
		char cmd[64];

		snprintf(cmd, sizeof(cmd), "setoption name Skill value %s", skills[i]);
		send(cmd);
		send("setoption name Hash value 2");
		send("position startpos moves g1f3 g8f6 c2c4");
		send("go depth 3");
		expect_legal_bestmove(FEN_STARTPOS, "g1f3 g8f6 c2c4", 10000, NULL, 0);
	}
}

/* Waits for the child to exit by itself; its exit code. */
static int
exit_code(void)
{
	int status;
	int64_t t0 = now_ms();
	bool exited;

	while (waitpid(ch.pid, &status, WNOHANG) == 0) {
		cr_assert(lt(i64, now_ms() - t0, 30000), "still running after quit");
		usleep(10000);
	}
	exited = WIFEXITED(status);
	ch.pid = 0;
	close(ch.in);
	close(ch.out);
	cr_assert(exited);
	return WEXITSTATUS(status);
}

/* quit during a search: the bestmove of the search so far, then exit 0. */
Test(uci, quit_ends_the_process)
{
	send("position startpos moves e2e4");
	send("go infinite");
	send("isready");
	expect("readyok", NULL, 0, 20000);
	send("quit");
	expect_legal_bestmove(FEN_STARTPOS, "e2e4", 20000, NULL, 0);
	cr_assert(eq(int, exit_code(), 0));
}

/* quit while pondering answers too, with the reply it expects once the line is long enough. */
Test(uci, quit_while_pondering_names_the_ponder_move)
{
	char line[256], best[16], ponder[16], err[128];
	struct position p;
	move_t m;

	send("setoption name Ponder value true");
	send("position startpos moves d2d4 d7d5");
	send("go ponder wtime 60000 btime 60000");
	/* Deep enough for a PV of two moves. */
	for (;;) {
		cr_assert(next_line(line, sizeof(line), 20000), "no info depth 4");
		if (strncmp(line, "info depth 4 ", 13) == 0)
			break;
	}
	send("quit");
	expect("bestmove ", line, sizeof(line), 20000);
	cr_assert(eq(int, sscanf(line, "bestmove %15s ponder %15s", best, ponder), 2), "%s", line);
	position_startpos(&p);
	cr_assert(eq(int, move_from_uci(&p, "d2d4", &m, err, sizeof(err)), 0));
	position_play(&p, m);
	cr_assert(eq(int, move_from_uci(&p, "d7d5", &m, err, sizeof(err)), 0));
	position_play(&p, m);
	cr_assert(eq(int, move_from_uci(&p, best, &m, err, sizeof(err)), 0), "%s", line);
	position_play(&p, m);
	cr_assert(eq(int, move_from_uci(&p, ponder, &m, err, sizeof(err)), 0), "%s", line);
	cr_assert(eq(int, exit_code(), 0));
}
