/*
 * The UCI command loop (engine/uci.c): the input is a session, one command
 * a line (the last one without its newline, as a pipe closed early gives
 * it). A search started by a line is given a bounded number of nodes,
 * then "stop"; after stop it must end within a few slices.
 *
 * One engine serves every input: a new one clears 16 MB of hash, which
 * would make this harness a hundred times slower than the others. Each
 * session starts from the same state all the same: the hash shrunk to
 * 1 MB and cleared, the default skill, the start position.
 */
#include "tests/fuzz/fuzz.h"

#include <stdbool.h>

#include "engine/player.h"
#include "engine/uci.h"

enum { FUZZ_SLICE = 256, FUZZ_SLICES = 4, FUZZ_STOP_SLICES = 64 };

static FILE *fuzz_out;
static struct uci *fuzz_uci;

static void
fuzz_settle(struct uci *u)
{
	for (int i = 0; i < FUZZ_SLICES && uci_busy(u); i++)
		uci_think(u, FUZZ_SLICE);
	if (uci_busy(u))
		uci_line(u, "stop");
	for (int i = 0; i < FUZZ_STOP_SLICES && uci_busy(u); i++)
		uci_think(u, FUZZ_SLICE);
	fuzz_check(!uci_busy(u), "a search ends after stop");
}

/* A line asking for more than 8 MB: any number past 8 in it. */
static bool
fuzz_big_hash(const char *line)
{
	for (const char *p = line; *p != '\0'; p++)
		if (*p >= '0' && *p <= '9' && (p == line || p[-1] < '0' || p[-1] > '9') &&
		    strtol(p, NULL, 10) > 8)
			return true;
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), *line = text, *nl;
	struct uci *u;

	char reset[128];
	size_t n;

	if (fuzz_out == NULL && (fuzz_out = fopen("/dev/null", "w")) == NULL)
		abort();
	if (fuzz_uci == NULL && (fuzz_uci = uci_new(fuzz_out, 1)) == NULL)
		abort();
	u = fuzz_uci;
	snprintf(reset, sizeof(reset), "setoption name Skill value %s", player_profiles(&n)[0].name);
	uci_line(u, "setoption name Hash value 1");
	uci_line(u, reset);
	uci_line(u, "setoption name UCI_LimitStrength value false");
	uci_line(u, "setoption name MultiPV value 1");
	uci_line(u, "ucinewgame");
	while (line != NULL) {
		nl = strchr(line, '\n');
		if (nl != NULL)
			*nl = '\0';
		/*
		 * A hash of up to 1 GB is the engine's right, but clearing one on
		 * every input would leave no time for anything else: bigger
		 * sizes are left to the unit tests.
		 */
		if (strcasestr(line, "hash") != NULL && fuzz_big_hash(line))
			goto next;
		/* After quit the engine takes no more lines; this session ends there. */
		if (uci_line(u, line) == 1)
			break;
		fuzz_settle(u);
next:
		line = nl != NULL ? nl + 1 : NULL;
	}
	fuzz_settle(u);
	free(text);
	return 0;
}
