/*
 * `simul uci`: the engine speaks UCI on stdin/stdout. Input arrives as raw
 * bytes in a line buffer; whole lines go to the protocol state machine in
 * engine/uci.c. While a search runs, the loop alternates a slice of search
 * with a non-blocking poll(2) of stdin, so "stop", "isready" and "quit" are
 * answered within one slice (a few milliseconds) even during "go infinite";
 * when nothing runs it blocks in poll and uses no CPU.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/uci.h"
#include "ui/cli.h"
#include "ui/commands.h"

enum {
	UCI_LINE_FIRST = 1 << 12,	/* the buffer doubles from here ... */
	UCI_LINE_MAX = 1 << 22,		/* ... to here: a longer line is refused whole, with an info string */
	UCI_SLICE_NODES = 2048,		/* search between two polls of stdin */
};

struct uci_reader {
	char	*buf;		/* cap + 1 bytes: room for the NUL of a last line without newline */
	size_t	 cap;
	size_t	 len;
	bool	 overflow;	/* dropping a line that did not fit */
	bool	 eof;
};

/* Reads what is there (blocking only when told to); -1 on a read or memory error. */
static int
uci_reader_fill(struct uci_reader *r, int timeout_ms)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	ssize_t n;
	int ready = poll(&pfd, 1, timeout_ms);

	if (ready < 0)
		return errno == EINTR ? 0 : -1;
	if (ready == 0)
		return 0;
	if (r->len == r->cap && r->cap < UCI_LINE_MAX) {
		char *bigger = realloc(r->buf, r->cap * 2 + 1);

		if (bigger == NULL)
			return -1;
		r->buf = bigger;
		r->cap *= 2;
	} else if (r->len == r->cap) {
		/* No newline in a full buffer: refuse that line whole, never a cut of it. */
		printf("info string input line longer than %d bytes ignored\n", UCI_LINE_MAX);
		fflush(stdout);
		r->len = 0;
		r->overflow = true;
	}
	n = read(STDIN_FILENO, r->buf + r->len, r->cap - r->len);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : -1;
	if (n == 0)
		r->eof = true;
	r->len += (size_t)n;
	return 0;
}

/* Hands a line to the protocol unless it is the tail of a refused one; 1 on quit. */
static int
uci_reader_take(struct uci_reader *r, struct uci *u, char *line)
{
	int quit = 0;

	if (!r->overflow)
		quit = uci_line(u, line);
	r->overflow = false;
	return quit;
}

/*
 * Hands every complete line to the protocol; 1 when one of them was quit.
 * At end of input the last line counts even without its newline.
 */
static int
uci_reader_dispatch(struct uci_reader *r, struct uci *u)
{
	char *nl;

	while ((nl = memchr(r->buf, '\n', r->len)) != NULL) {
		size_t used = (size_t)(nl - r->buf) + 1;
		int quit;

		*nl = '\0';
		quit = uci_reader_take(r, u, r->buf);
		memmove(r->buf, r->buf + used, r->len - used);
		r->len -= used;
		if (quit)
			return 1;
	}
	if (r->eof && r->len > 0) {
		r->buf[r->len] = '\0';
		r->len = 0;
		return uci_reader_take(r, u, r->buf);
	}
	return 0;
}

static void
uci_notes(FILE *f)
{
	char words[128];

	cli_words(cli_profile_word, words, sizeof(words));
	fprintf(f, "UCI options: Hash (MB), Ponder, MultiPV, Skill (full or a profile: %s),\n"
		   "UCI_LimitStrength with UCI_Elo (the nearest rated profile), Seed (0: from the clock).\n",
		words);
}

const struct cli_spec cmd_uci_spec = {
	.name = "uci",
	.synopsis = "",
	.summary = "speak the UCI protocol on stdin/stdout, for chess GUIs",
	.about = "Speaks the UCI protocol on stdin and stdout, so any chess GUI (or a UCI\n"
		 "client such as polyglot) can use simul's engine.",
	.notes = uci_notes,
};

/* Seeds the players' randomness: every process its own games unless the Seed option says otherwise. */
static uint64_t
uci_clock_seed(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (((uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec) ^ ((uint64_t)getpid() << 32)) | 1;
}

int
cmd_uci(int argc, char **argv)
{
	struct uci_reader *r;
	struct uci *u;
	int rc = 0;

	void *ctx[] = { NULL };

	if ((rc = cli_main(&cmd_uci_spec, ctx, argc, argv)) >= 0)
		return rc;
	rc = 0;
	r = calloc(1, sizeof(*r));
	u = uci_new(stdout, uci_clock_seed());
	if (r != NULL && (r->buf = malloc(UCI_LINE_FIRST + 1)) != NULL)
		r->cap = UCI_LINE_FIRST;
	if (r == NULL || r->buf == NULL || u == NULL) {
		fprintf(stderr, "simul uci: out of memory\n");
		if (r != NULL)
			free(r->buf);
		free(r);
		uci_free(u);
		return 1;
	}
	for (;;) {
		if (uci_reader_dispatch(r, u))
			break;
		if (r->eof) {
			/* The GUI went away: answer a running search, then leave as if told quit. */
			uci_line(u, "stop");
			break;
		}
		if (uci_busy(u)) {
			uci_think(u, UCI_SLICE_NODES);
			if (uci_reader_fill(r, 0) != 0)
				r->eof = true;
		} else if (uci_reader_fill(r, -1) != 0) {
			fprintf(stderr, "simul uci: reading stdin: %s\n", strerror(errno));
			rc = 1;
			break;
		}
	}
	uci_free(u);
	free(r->buf);
	free(r);
	/* A GUI that closed our stdout early is no error of ours; a full disk is. */
	if (rc == 0 && cli_flush_stdout() != 0)
		rc = 1;
	return rc;
}
