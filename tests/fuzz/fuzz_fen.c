/*
 * FEN reader (engine/fen.c). Any text either parses or says why in err
 * (never an empty message); what parses writes back a FEN that parses to
 * the same FEN again.
 */
#include "tests/fuzz/fuzz.h"

#include "engine/position.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), err[256] = "", back[128], again[128];
	struct position p, q;

	if (position_from_fen(&p, text, err, sizeof(err)) == 0) {
		position_to_fen(&p, back, sizeof(back));
		fuzz_check(position_from_fen(&q, back, err, sizeof(err)) == 0, "own FEN reads back");
		position_to_fen(&q, again, sizeof(again));
		fuzz_check(strcmp(back, again) == 0, "FEN round trip is stable");
	} else {
		fuzz_check(err[0] != '\0', "a rejected FEN says why");
	}
	free(text);
	return 0;
}
