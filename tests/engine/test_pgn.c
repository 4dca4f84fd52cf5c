/*
 * PGN tests: exact output for short games, the layout rules on long ones
 * (tag order, lines under 80 columns, result token equal to the Result
 * tag), a reading back of everything written that must reproduce the moves
 * and the final FEN, the reader on foreign-looking movetext, and the
 * written files checked by pgn-extract when it is installed.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "engine/notation.h"
#include "engine/pgn.h"
#include "tests/engine/position_helpers.h"
#include "game_helpers.h"

TestSuite(pgn, .init = setup);

static const char opera_game[] =
    "e4 e5 Nf3 d6 d4 Bg4 dxe5 Bxf3 Qxf3 dxe5 Bc4 Nf6 Qb3 Qe7 Nc3 c6 Bg5 b5 Nxb5 cxb5 "
    "Bxb5+ Nbd7 O-O-O Rd8 Rxd7 Rxd7 Rd1 Qe6 Bxd7+ Nxd7 Qb8+ Nxb8 Rd8#";

/* The PGN of g as a malloc'ed string. */
static char *
write_pgn(const struct game *g, const struct pgn_tag *tags, size_t ntags,
          const char *const *comments)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	cr_assert(not(eq(ptr, f, NULL)));
	cr_assert(eq(int, pgn_write(f, g, tags, ntags, comments), 0));
	cr_assert(eq(int, fclose(f), 0));
	return text;
}

/* Reads text back and checks it is the same game as g. */
static void
assert_reads_back(const char *text, const struct game *g)
{
	struct game back;
	char err[256], fen_a[FEN_MAX], fen_b[FEN_MAX];

	cr_assert(eq(int, pgn_read_game(text, &back, err, sizeof(err)), 0), "%s\n%s", err, text);
	cr_assert(eq(int, back.n, g->n));
	for (int i = 0; i < g->n; i++)
		cr_assert(eq(u16, back.moves[i], g->moves[i]), "ply %d", i);
	position_to_fen(&g->start, fen_a, sizeof(fen_a));
	position_to_fen(&back.start, fen_b, sizeof(fen_b));
	cr_assert(eq(str, fen_b, fen_a));
	position_to_fen(&g->pos, fen_a, sizeof(fen_a));
	position_to_fen(&back.pos, fen_b, sizeof(fen_b));
	cr_assert(eq(str, fen_b, fen_a));
	cr_assert(eq(int, back.result, g->result));
	cr_assert(eq(int, back.termination, g->termination));
	game_free(&back);
}

/*
 * Layout: the Seven Tag Roster first and in order, Termination present,
 * movetext lines under 80 columns without trailing blanks, and the last
 * movetext token equal to the Result tag.
 */
static void
assert_layout(const char *text)
{
	static const char *const roster[] = {"Event", "Site",  "Date",  "Round",
	                                     "White", "Black", "Result"};
	char result[16] = "", last[32] = "";
	const char *line = text;
	size_t ntag = 0;
	bool termination = false, in_movetext = false;

	while (*line != '\0') {
		size_t len = strcspn(line, "\n");

		if (!in_movetext && line[0] == '[') {
			if (ntag < ARRAY_LEN(roster)) {
				size_t n = strlen(roster[ntag]);

				cr_assert(strncmp(line + 1, roster[ntag], n) == 0 &&
				              line[1 + n] == ' ',
				          "tag %zu is %.*s", ntag, (int)len, line);
			}
			if (strncmp(line, "[Result \"", 9) == 0)
				sscanf(line + 9, "%15[^\"]", result);
			termination |= strncmp(line, "[Termination \"", 14) == 0;
			ntag++;
		} else if (len > 0) {
			const char *sp;

			in_movetext = true;
			/* An escape line, or a tag pair to simple readers. */
			cr_assert(line[0] != '%' && line[0] != '[', "line starts with %c", line[0]);
			cr_assert(lt(sz, len, 80), "line of %zu columns: %.*s", len, (int)len,
			          line);
			cr_assert(not(eq(chr, line[len - 1], ' ')));
			for (sp = line + len; sp > line && sp[-1] != ' '; sp--)
				;
			snprintf(last, sizeof(last), "%.*s", (int)(line + len - sp), sp);
		}
		line += len + (line[len] == '\n');
	}
	cr_assert(ge(sz, ntag, ARRAY_LEN(roster)));
	cr_assert(termination);
	cr_assert(not(eq(str, result, "")));
	cr_assert(eq(str, last, result));
}

static const char *
find_pgn_extract(void)
{
	static const char *const paths[] = {"/usr/games/pgn-extract", "/usr/bin/pgn-extract",
	                                    "/usr/local/bin/pgn-extract"};

	for (size_t i = 0; i < ARRAY_LEN(paths); i++)
		if (access(paths[i], X_OK) == 0)
			return paths[i];
	return system("command -v pgn-extract >/dev/null 2>&1") == 0 ? "pgn-extract" : NULL;
}

/* pgn-extract -r reports problems in its log and always exits 0. */
static void
assert_pgn_extract_accepts(const char *text)
{
	const char *tool = find_pgn_extract();
	char dir[] = "/tmp/simul_pgn_XXXXXX", path[64], log[64], cmd[256], report[512] = "";
	FILE *f;
	size_t n;

	if (tool == NULL)
		cr_skip("pgn-extract is not installed");
	cr_assert(not(eq(ptr, mkdtemp(dir), NULL)));
	snprintf(path, sizeof(path), "%s/game.pgn", dir);
	snprintf(log, sizeof(log), "%s/log", dir);
	f = fopen(path, "w");
	cr_assert(not(eq(ptr, f, NULL)));
	fputs(text, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "%s -r -s -l%s %s >/dev/null 2>&1", tool, log, path);
	cr_assert(eq(int, system(cmd), 0));
	f = fopen(log, "r");
	cr_assert(not(eq(ptr, f, NULL)), "pgn-extract wrote no log");
	n = fread(report, 1, sizeof(report) - 1, f);
	report[n] = '\0';
	fclose(f);
	unlink(log);
	unlink(path);
	rmdir(dir);
	cr_assert(eq(sz, n, 0), "pgn-extract: %s\n%s", report, text);
}

Test(pgn, fools_mate_exact)
{
	struct game g;
	char *text;

	start_game(&g, FEN_STARTPOS);
	play_san(&g, "f3 e5 g4 Qh4#");
	text = write_pgn(&g, NULL, 0, NULL);
	cr_assert(eq(str, text,
	             "[Event \"?\"]\n"
	             "[Site \"?\"]\n"
	             "[Date \"????.??.??\"]\n"
	             "[Round \"?\"]\n"
	             "[White \"?\"]\n"
	             "[Black \"?\"]\n"
	             "[Result \"0-1\"]\n"
	             "[Termination \"checkmate\"]\n"
	             "\n"
	             "1. f3 e5 2. g4 Qh4# 0-1\n"
	             "\n"));
	assert_reads_back(text, &g);
	assert_pgn_extract_accepts(text);
	free(text);
	game_free(&g);
}

Test(pgn, tags_in_order_and_escaped)
{
	static const struct pgn_tag tags[] = {
	    {"White", "Morphy, Paul"},
	    {"Annotator", "say \"hi\" \\ bye"},
	    {"Event", "Paris Opera"},
	    {"Result", "1/2-1/2"}, /* ignored: the game says 1-0 */
	    {"Black", "Duke Karl / Count Isouard"},
	    {"Date", "1858.??.??"},
	    {"Termination", "normal"}, /* ignored too */
	    {"PlyCount", "33"},
	};
	struct game g;
	char *text;

	start_game(&g, FEN_STARTPOS);
	play_san(&g, opera_game);
	cr_assert(eq(int, g.termination, TERM_CHECKMATE));
	text = write_pgn(&g, tags, ARRAY_LEN(tags), NULL);
	cr_assert(
	    eq(int,
	       strncmp(
	           text,
	           "[Event \"Paris Opera\"]\n"
	           "[Site \"?\"]\n"
	           "[Date \"1858.??.??\"]\n"
	           "[Round \"?\"]\n"
	           "[White \"Morphy, Paul\"]\n"
	           "[Black \"Duke Karl / Count Isouard\"]\n"
	           "[Result \"1-0\"]\n"
	           "[Annotator \"say \\\"hi\\\" \\\\ bye\"]\n"
	           "[PlyCount \"33\"]\n"
	           "[Termination \"checkmate\"]\n"
	           "\n"
	           "1. e4 e5 2. Nf3 d6 3. d4 Bg4 4. dxe5 Bxf3 5. Qxf3 dxe5 6. Bc4 Nf6 7. Qb3 Qe7\n"
	           "8. Nc3 c6 9. Bg5 b5 10. Nxb5 cxb5 11. Bxb5+ Nbd7 12. O-O-O Rd8 13. Rxd7 Rxd7\n"
	           "14. Rd1 Qe6 15. Bxd7+ Nxd7 16. Qb8+ Nxb8 17. Rd8# 1-0\n\n",
	           strlen(text) + 1),
	       0),
	    "%s", text);
	assert_layout(text);
	assert_reads_back(text, &g);
	assert_pgn_extract_accepts(text);
	free(text);
	game_free(&g);
}

Test(pgn, comments_and_black_move_numbers)
{
	const char *comments[] = {"book", NULL, NULL, "a {brace} [%clk 0:01:00] inside",
	                          "[%emt 0:00:55]"};
	struct game g;
	char *text, *movetext;

	start_game(&g, FEN_STARTPOS);
	play_san(&g, "e4 e5 Nf3 Nc6 Bb5");
	text = write_pgn(&g, NULL, 0, comments);
	movetext = strstr(text, "\n\n");
	cr_assert(not(eq(ptr, movetext, NULL)));
	cr_assert(eq(
	    str, movetext,
	    "\n\n1. e4 {book} 1... e5 2. Nf3 Nc6 {a (brace) [%clk 0:01:00] inside} 3. Bb5 {[%emt\n"
	    "0:00:55]} *\n\n"));
	assert_layout(text);
	assert_reads_back(text, &g);
	assert_pgn_extract_accepts(text);
	free(text);
	game_free(&g);
}

Test(pgn, fen_start_black_to_move)
{
	static const char fen[] =
	    "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R b KQkq - 3 17";
	struct game g;
	char *text, *movetext;

	start_game(&g, fen);
	play_san(&g, "O-O-O Nc6 Qd6");
	game_end(&g, RESULT_DRAW, TERM_ADJUDICATED);
	text = write_pgn(&g, NULL, 0, NULL);
	cr_assert(not(eq(ptr,
	                 strstr(text, "[Termination \"adjudication\"]\n"
	                              "[SetUp \"1\"]\n"
	                              "[FEN \"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/"
	                              "R3K2R b KQkq - 3 17\"]\n\n"),
	                 NULL)),
	          "%s", text);
	movetext = strstr(text, "\n\n");
	cr_assert(eq(str, movetext, "\n\n17... O-O-O 18. Nc6 Qd6 1/2-1/2\n\n"));
	assert_layout(text);
	assert_reads_back(text, &g);
	assert_pgn_extract_accepts(text);
	free(text);
	game_free(&g);
}

Test(pgn, abandoned_game)
{
	static const struct pgn_tag tags[] = {{"Round", "3"}};
	struct game g;
	char *text;

	start_game(&g, FEN_STARTPOS);
	play_san(&g, "d4 d5 c4");
	game_end(&g, RESULT_NONE, TERM_ABANDONED);
	text = write_pgn(&g, tags, ARRAY_LEN(tags), NULL);
	cr_assert(not(eq(ptr, strstr(text, "[Result \"*\"]\n"), NULL)));
	cr_assert(not(eq(ptr, strstr(text, "[Termination \"abandoned\"]\n"), NULL)));
	cr_assert(not(eq(ptr, strstr(text, "\n\n1. d4 d5 2. c4 *\n"), NULL)));
	assert_layout(text);
	assert_reads_back(text, &g);
	assert_pgn_extract_accepts(text);
	free(text);
	game_free(&g);
}

/* Long seeded games with comments of every length: wrapping and reading back. */
Test(pgn, long_games_wrap_and_read_back)
{
	static const char *const notes[] = {
	    "",
	    "x",
	    "a somewhat longer remark about the position that goes on and on past the "
	    "end of any line",
	    "supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-and-more",
	    "ends with a space ",
	    "[%emt 0:00:55]",
	    "a [%clk 0:01:00] b [%eval 0.3] c %d [e] [%emt 1:00:00] [%emt 2:00:00] [%emt 3:00:00]",
	};
	uint64_t seed = 0x243f6a8885a308d3u;

	for (int game = 0; game < 6; game++) {
		struct game g;
		const char **comments;
		char *text;

		start_game(
		    &g, game % 2
		            ? "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R b KQkq - 0 1"
		            : FEN_STARTPOS);
		while (g.termination == TERM_NONE && g.n < 400) {
			move_t moves[MAX_MOVES];
			int n = movegen_legal(&g.pos, moves);

			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			cr_assert(eq(int, game_play(&g, moves[seed % (uint64_t)n]), 0));
		}
		if (g.termination == TERM_NONE)
			game_end(&g, RESULT_WHITE_WINS, TERM_ADJUDICATED);
		comments = calloc((size_t)g.n, sizeof(*comments));
		for (int i = 0; i < g.n; i += 1 + game)
			comments[i] = notes[(size_t)i % ARRAY_LEN(notes)];
		text = write_pgn(&g, NULL, 0, game < 3 ? comments : NULL);
		assert_layout(text);
		assert_reads_back(text, &g);
		if (game < 2)
			assert_pgn_extract_accepts(text);
		free(text);
		free(comments);
		game_free(&g);
	}
}

Test(pgn, reader_skips_what_is_not_a_move)
{
	static const char text[] = "\xEF\xBB\xBF[Event \"Casual \\\"game\\\"\"]\n"
	                           "[White \"A\"]\n"
	                           "% an escape line\n"
	                           "\n"
	                           "1.e4 {Best by test} e5 $1 2. Nf3!? ; the usual\n"
	                           "Nc6 (2... d6 {Philidor (old)} 3. d4 (3. Bc4)) 3. Bb5 a6 4.Ba4\n"
	                           "4... Nf6 5. 0-0 $14 Be7 1/2-1/2\n"
	                           "\n"
	                           "[Event \"next game\"]\n\n1. d4 *\n";
	struct game g, want;
	char err[160];

	cr_assert(eq(int, pgn_read_game(text, &g, err, sizeof(err)), 0), "%s", err);
	start_game(&want, FEN_STARTPOS);
	play_san(&want, "e4 e5 Nf3 Nc6 Bb5 a6 Ba4 Nf6 O-O Be7");
	cr_assert(eq(int, g.n, want.n));
	cr_assert(eq(int, memcmp(g.moves, want.moves, (size_t)g.n * sizeof(*g.moves)), 0));
	cr_assert(eq(u64, g.pos.key, want.pos.key));
	/* A result the rules did not produce is recorded as adjudicated. */
	cr_assert(eq(int, g.result, RESULT_DRAW));
	cr_assert(eq(int, g.termination, TERM_ADJUDICATED));
	game_free(&g);
	game_free(&want);
}

Test(pgn, reader_without_result_token)
{
	struct game g;
	char err[160];

	cr_assert(eq(int, pgn_read_game("1. e4 c5 2. Nf3 ... d6 3.d4", &g, err, sizeof(err)), 0),
	          "%s", err);
	cr_assert(eq(int, g.n, 5));
	cr_assert(eq(int, g.termination, TERM_NONE));
	game_free(&g);
}

struct bad_pgn {
	const char *text;
	const char *message;
};

Test(pgn, reader_errors_name_the_token)
{
	static const struct bad_pgn cases[] = {
	    {"1. e4 e5 2. Nf6 Nc6 *",
	     "PGN move 2. Nf6: SAN move \"Nf6\" is illegal: no knight can go to f6"},
	    {"1. e4 e5 2. Nf3 Nf3 *",
	     "PGN move 2... Nf3: SAN move \"Nf3\" is illegal: no knight can go to f3"},
	    {"1. e4 {unclosed comment", "PGN comment \"{unclosed comment\" has no closing }"},
	    {"1. e4 (1. d4 d5", "PGN variation is not closed by )"},
	    {"[FEN \"8/8/8/8/8/8/8/8 w - - 0 1\"]\n\n1. e4 *", "PGN tag FEN: "},
	    {"[Event \"unclosed]\n1. e4 *", "PGN tag Event: value has no closing quote"},
	    {"1. f3 e5 2. g4 Qh4# 3. Nf3 0-1",
	     "PGN move 3. Nf3: the game is already over (checkmate)"},
	    {"1. e4 ) e5", "PGN token \")\" is not movetext"},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct game g;
		char err[256] = "";

		cr_assert(eq(int, pgn_read_game(cases[i].text, &g, err, sizeof(err)), -1), "%s",
		          cases[i].text);
		cr_assert(eq(int, strncmp(err, cases[i].message, strlen(cases[i].message)), 0),
		          "got: %s", err);
		cr_assert(eq(ptr, g.moves, NULL));
		game_free(&g);
	}
}

Test(pgn, write_error_reported)
{
	struct game g;
	FILE *f = fopen("/dev/full", "w");

	if (f == NULL)
		cr_skip("no /dev/full");
	setvbuf(f, NULL, _IONBF, 0);
	start_game(&g, FEN_STARTPOS);
	play_san(&g, "e4");
	cr_assert(eq(int, pgn_write(f, &g, NULL, 0, NULL), -1));
	fclose(f);
	game_free(&g);
}

Test(pgn, game_without_moves)
{
	struct game g;
	char *text;

	start_game(&g, FEN_STARTPOS);
	text = write_pgn(&g, NULL, 0, NULL);
	cr_assert(eq(str, strstr(text, "\n\n"), "\n\n*\n\n"));
	cr_assert(not(eq(ptr, strstr(text, "[Termination \"unterminated\"]\n"), NULL)));
	assert_layout(text);
	assert_reads_back(text, &g);
	assert_pgn_extract_accepts(text);
	free(text);
	game_free(&g);
}
