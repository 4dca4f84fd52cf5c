/*
 * `simul uci` as a child on pipes, the way a GUI drives it: the binary
 * (SIMUL_BINARY) runs as a child; the suites write protocol lines to its
 * stdin and read its stdout line by line with deadlines. The deadlines
 * catch a hung engine; they are not speed checks (a loaded machine may be
 * slow), so they are generous.
 */
#ifndef SIMUL_TESTS_ENGINE_UCI_CHILD_H
#define SIMUL_TESTS_ENGINE_UCI_CHILD_H

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "engine/notation.h"

struct child {
	pid_t	pid;
	int	in;		/* we write its stdin */
	int	out;		/* we read its stdout */
	char	buf[1 << 16];
	size_t	len;
};

static struct child ch;

static inline int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static inline void
start(void)
{
	int to[2], from[2];

	engine_init();
	signal(SIGPIPE, SIG_IGN);
	cr_assert(eq(int, pipe(to), 0));
	cr_assert(eq(int, pipe(from), 0));
	ch.pid = fork();
	cr_assert(ge(int, ch.pid, 0));
	if (ch.pid == 0) {
		dup2(to[0], STDIN_FILENO);
		dup2(from[1], STDOUT_FILENO);
		close(to[0]);
		close(to[1]);
		close(from[0]);
		close(from[1]);
		execl(SIMUL_BINARY, "simul", "uci", (char *)NULL);
		_exit(127);
	}
	close(to[0]);
	close(from[1]);
	ch.in = to[1];
	ch.out = from[0];
	ch.len = 0;
}

static inline void
finish(void)
{
	int status;

	if (ch.pid <= 0)
		return;
	if (ch.in >= 0)
		close(ch.in);
	kill(ch.pid, SIGKILL);
	waitpid(ch.pid, &status, 0);
	close(ch.out);
	ch.pid = 0;
}

static inline void
send(const char *line)
{
	size_t n = strlen(line);

	cr_assert(eq(sz, (size_t)write(ch.in, line, n), n));
	cr_assert(eq(sz, (size_t)write(ch.in, "\n", 1), 1));
}

/* Writes text as it is: no newline added. */
static inline void
send_raw(const char *text)
{
	size_t n = strlen(text);

	cr_assert(eq(sz, (size_t)write(ch.in, text, n), n));
}

/* Next line into out, waiting at most ms; false on timeout or end of output. */
static inline bool
next_line(char *out, size_t cap, int ms)
{
	int64_t deadline = now_ms() + ms;

	for (;;) {
		char *nl = memchr(ch.buf, '\n', ch.len);
		struct pollfd pfd = { .fd = ch.out, .events = POLLIN };
		int64_t left = deadline - now_ms();
		ssize_t n;

		if (nl != NULL) {
			size_t len = (size_t)(nl - ch.buf);

			snprintf(out, cap, "%.*s", (int)len, ch.buf);
			memmove(ch.buf, nl + 1, ch.len - len - 1);
			ch.len -= len + 1;
			return true;
		}
		if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
			return false;
		n = read(ch.out, ch.buf + ch.len, sizeof(ch.buf) - ch.len);
		if (n <= 0)
			return false;
		ch.len += (size_t)n;
	}
}

/* Copies src into out, cut to fit. */
static inline void
copy_text(char *out, size_t cap, const char *src)
{
	size_t n = strlen(src);

	if (n >= cap)
		n = cap - 1;
	memcpy(out, src, n);
	out[n] = '\0';
}

/* Reads lines until one starts with prefix (copied to out); fails the test on timeout. */
static inline void
expect(const char *prefix, char *out, size_t cap, int ms)
{
	char line[4096];
	int64_t deadline = now_ms() + ms;

	for (;;) {
		int left = (int)(deadline - now_ms());

		cr_assert(next_line(line, sizeof(line), left > 0 ? left : 0), "no \"%s\" within %d ms", prefix, ms);
		if (strncmp(line, prefix, strlen(prefix)) == 0) {
			if (out != NULL)
				copy_text(out, cap, line);
			return;
		}
	}
}

/* The bestmove line's move must be legal in p; the move's text goes to best. */
static inline void
expect_bestmove_in(const struct position *p, int ms, char *best, size_t cap)
{
	char line[256], err[128], text[64];
	move_t m;

	expect("bestmove ", line, sizeof(line), ms);
	cr_assert(eq(int, sscanf(line, "bestmove %63s", text), 1));
	cr_assert(eq(int, move_from_uci(p, text, &m, err, sizeof(err)), 0), "%s: %s", line, err);
	if (best != NULL)
		copy_text(best, cap, text);
}

/* The bestmove line's move must be legal in the position given by moves from fen. */
static inline void
expect_legal_bestmove(const char *fen, const char *moves, int ms, char *best, size_t cap)
{
	char err[128], list[512];
	struct position p;
	move_t m;
	char *save;

	cr_assert(eq(int, position_from_fen(&p, fen, err, sizeof(err)), 0));
	snprintf(list, sizeof(list), "%s", moves);
	for (char *t = strtok_r(list, " ", &save); t != NULL; t = strtok_r(NULL, " ", &save)) {
		cr_assert(eq(int, move_from_uci(&p, t, &m, err, sizeof(err)), 0), "%s", err);
		position_play(&p, m);
	}
	expect_bestmove_in(&p, ms, best, cap);
}

/*
 * A running search still answers isready, and stop ends it with a legal
 * move. Deadlines are for a hung engine, not a speed check.
 */
static inline void
ready_then_stop(const char *moves)
{
	send("isready");
	expect("readyok", NULL, 0, 20000);
	send("stop");
	expect_legal_bestmove(FEN_STARTPOS, moves, 20000, NULL, 0);
}

#endif
