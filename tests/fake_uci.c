/*
 * A small UCI engine that misbehaves on request, for the engine tests:
 *
 *   fake_uci [MODE[=K]] [name=NAME] [delay=MS]
 *
 *   normal          plays the first legal move (sorted by UCI text)
 *   slow-start=MS   waits MS ms before answering "uci"
 *   crash=K         segfaults (SIGSEGV) when asked for its K-th move
 *   exit=K          exits with status 3 when asked for its K-th move
 *   hang=K          from its K-th move on, never answers (ignores stop, TERM)
 *   stall=K         its K-th move only comes after stop
 *   illegal=K       answers its K-th move with e1e8
 *   junk=K          answers its K-th move with "bestmove xyzzy"
 *   garbage         writes nonsense lines around every answer
 *   huge            writes a 100 kB line before every answer
 *   handshake-exit  exits with status 4 right after reading "uci"
 *   no-uciok        never says uciok
 *   delay=MS        waits MS ms before every bestmove
 *
 * It reads commands line by line from stdin and exits on EOF or "quit".
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/game.h"
#include "engine/movegen.h"
#include "engine/notation.h"

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static int
cmp_text(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The first legal move in UCI text order: deterministic and cheap. */
static void
first_move(const struct position *p, char out[MOVE_TEXT_MAX])
{
	move_t moves[MAX_MOVES];
	char text[MAX_MOVES][MOVE_TEXT_MAX];
	int n = movegen_legal(p, moves);

	for (int i = 0; i < n; i++)
		move_to_uci(moves[i], text[i]);
	qsort(text, (size_t)n, sizeof(text[0]), cmp_text);
	snprintf(out, MOVE_TEXT_MAX, "%s", n > 0 ? text[0] : "0000");
}

static void
set_position(struct position *p, char *line)
{
	char *moves = strstr(line, " moves ");
	char err[128];

	position_startpos(p);
	if (moves == NULL)
		return;
	for (char *m = strtok(moves + 7, " \n"); m != NULL; m = strtok(NULL, " \n")) {
		move_t mv;

		if (move_from_uci(p, m, &mv, err, sizeof(err)) < 0)
			return;
		position_play(p, mv);
	}
}

static long
arg_value(int argc, char **argv, const char *name, long dflt)
{
	size_t n = strlen(name);

	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], name, n) == 0 && (argv[i][n] == '=' || argv[i][n] == '\0'))
			return argv[i][n] == '=' ? atol(argv[i] + n + 1) : 1;
	return dflt;
}

static const char *
arg_text(int argc, char **argv, const char *name, const char *dflt)
{
	size_t n = strlen(name);

	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], name, n) == 0 && argv[i][n] == '=')
			return argv[i] + n + 1;
	return dflt;
}

int
main(int argc, char **argv)
{
	char line[65536];
	struct position pos;
	long crash = arg_value(argc, argv, "crash", 0), exit_at = arg_value(argc, argv, "exit", 0);
	long hang = arg_value(argc, argv, "hang", 0), illegal = arg_value(argc, argv, "illegal", 0);
	long junk = arg_value(argc, argv, "junk", 0), stall = arg_value(argc, argv, "stall", 0);
	long delay = arg_value(argc, argv, "delay", 0);
	bool garbage = arg_value(argc, argv, "garbage", 0), huge = arg_value(argc, argv, "huge", 0);
	long moves = 0;
	bool stalled = false;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (hang)
		signal(SIGTERM, SIG_IGN);
	while (fgets(line, sizeof(line), stdin) != NULL) {
		char move[MOVE_TEXT_MAX];

		if (strncmp(line, "uci", 3) == 0 && (line[3] == '\n' || line[3] == '\0')) {
			if (arg_value(argc, argv, "handshake-exit", 0))
				return 4;
			sleep_ms(arg_value(argc, argv, "slow-start", 0));
			printf("id name %s\nid author simul tests\n",
			       arg_text(argc, argv, "name", "FakeUCI"));
			printf("option name Skill Level type spin default 20 min 0 max 20\n");
			if (!arg_value(argc, argv, "no-uciok", 0))
				printf("uciok\n");
		} else if (strncmp(line, "isready", 7) == 0) {
			printf("readyok\n");
		} else if (strncmp(line, "position", 8) == 0) {
			/* Tables only now: a thousand of these start as fast as they can be forked. */
			engine_init();
			set_position(&pos, line);
		} else if (strncmp(line, "go", 2) == 0) {
			moves++;
			if (moves == crash) {
				/* Past a sanitizer's handler: it dies by the signal, as a crash does. */
				signal(SIGSEGV, SIG_DFL);
				raise(SIGSEGV);
			}
			if (moves == exit_at)
				return 3;
			if (hang && moves >= hang)
				continue;
			if (stall && moves == stall) {
				stalled = true;
				continue;
			}
			first_move(&pos, move);
			if (moves == illegal)
				snprintf(move, sizeof(move), "e1e8");
			if (moves == junk)
				snprintf(move, sizeof(move), "xyzzy");
			if (garbage)
				printf("hello there\n\x01\x02 binary\ninfo depth 1 score cp 0\n");
			if (huge) {
				for (int i = 0; i < 100000; i++)
					putchar('x');
				putchar('\n');
			}
			sleep_ms(delay);
			printf("bestmove %s\n", move);
		} else if (strncmp(line, "stop", 4) == 0 && stalled) {
			stalled = false;
			first_move(&pos, move);
			printf("bestmove %s\n", move);
		} else if (strncmp(line, "quit", 4) == 0) {
			break;
		}
	}
	return 0;
}
