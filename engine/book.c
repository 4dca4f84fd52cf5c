/*
 * The book's lines and playing one into a game. Every line is checked by
 * the book's test; a bad line would be a bug here, so book_play still
 * reports it rather than trusting the table.
 */
#include <stdio.h>
#include <string.h>

#include "engine/book.h"
#include "engine/macros.h"
#include "engine/notation.h"

static const char *const book_table[] = {
	"e2e4 e7e5 g1f3 b8c6", "e2e4 c7c5 g1f3 d7d6", "e2e4 e7e6 d2d4 d7d5",
	"e2e4 c7c6 d2d4 d7d5", "d2d4 d7d5 c2c4 e7e6", "d2d4 g8f6 c2c4 e7e6",
	"d2d4 g8f6 c2c4 g7g6", "c2c4 e7e5 b1c3 g8f6", "g1f3 d7d5 g2g3 g8f6",
	"e2e4 d7d5 e4d5 d8d5", "d2d4 d7d5 c2c4 c7c6", "e2e4 e7e5 f1c4 g8f6",
	"e2e4 g7g6 d2d4 f8g7", "d2d4 f7f5 g2g3 g8f6", "e2e4 e7e5 g1f3 g8f6",
	"c2c4 c7c5 b1c3 b8c6",
};

size_t
book_lines(void)
{
	return ARRAY_LEN(book_table);
}

const char *
book_line(size_t i)
{
	return book_table[i % ARRAY_LEN(book_table)];
}

int
book_play(struct game *g, size_t i, char *err, size_t errlen)
{
	char buf[64], why[128];
	char *save;

	snprintf(buf, sizeof(buf), "%s", book_line(i));
	for (char *tok = strtok_r(buf, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save)) {
		move_t m;

		if (move_from_uci(&g->pos, tok, &m, why, sizeof(why)) != 0 || game_play(g, m) != 0) {
			snprintf(err, errlen, "book line %zu, move %s: %s", i % ARRAY_LEN(book_table) + 1, tok,
			    why);
			return -1;
		}
	}
	return 0;
}
