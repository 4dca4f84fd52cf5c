/*
 * SAN and UCI move readers (engine/notation.c) in a few positions chosen
 * for their special moves (castling, en passant, promotion, checks). A
 * move either parses to a legal move whose own SAN and UCI text read back
 * to it, or is rejected with a reason.
 */
#include "tests/fuzz/fuzz.h"

#include "engine/movegen.h"
#include "engine/notation.h"
#include "engine/position.h"

static const char *const fuzz_positions[] = {
	"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
	"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
	"rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8",
	"8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1",
	"4k3/8/8/3pP3/8/8/8/4K3 w - d6 0 2",
};

static void
fuzz_one(const struct position *p, const char *text)
{
	char err[256] = "", back[MOVE_TEXT_MAX];
	move_t m, n;

	if (move_from_san(p, text, &m, err, sizeof(err)) == 0) {
		move_to_san(p, m, back);
		fuzz_check(move_from_san(p, back, &n, err, sizeof(err)) == 0 && n == m,
			   "SAN reads back to the same move");
	} else {
		fuzz_check(err[0] != '\0', "a rejected SAN move says why");
	}
	err[0] = '\0';
	if (move_from_uci(p, text, &m, err, sizeof(err)) == 0) {
		move_to_uci(m, back);
		fuzz_check(move_from_uci(p, back, &n, err, sizeof(err)) == 0 && n == m,
			   "UCI text reads back to the same move");
	} else {
		fuzz_check(err[0] != '\0', "a rejected UCI move says why");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), err[256];
	struct position p;

	for (size_t i = 0; i < sizeof(fuzz_positions) / sizeof(fuzz_positions[0]); i++) {
		fuzz_check(position_from_fen(&p, fuzz_positions[i], err, sizeof(err)) == 0,
			   "harness FEN");
		fuzz_one(&p, text);
	}
	free(text);
	return 0;
}
