/*
 * PGN reader (engine/pgn.c): any text replays into a game or is rejected
 * with a reason; a game read is written back as PGN and read again to the
 * same moves.
 */
#include "tests/fuzz/fuzz.h"

#include "engine/game.h"
#include "engine/pgn.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), err[256] = "";
	struct game g, h;
	char *out = NULL;
	size_t outlen = 0;
	FILE *f;

	if (pgn_read_game(text, &g, err, sizeof(err)) == 0) {
		f = open_memstream(&out, &outlen);
		fuzz_check(f != NULL, "memory stream");
		fuzz_check(pgn_write(f, &g, NULL, 0, NULL) == 0, "a game read is written");
		fclose(f);
		fuzz_check(pgn_read_game(out, &h, err, sizeof(err)) == 0, "own PGN reads back");
		fuzz_check(h.n == g.n && memcmp(h.moves, g.moves, (size_t)g.n * sizeof(*g.moves)) == 0,
			   "own PGN reads back to the same moves");
		game_free(&h);
		free(out);
	} else {
		fuzz_check(err[0] != '\0', "a rejected PGN says why");
	}
	game_free(&g);
	free(text);
	return 0;
}
