/*
 * The fixture the view suites share (tests/ui/test_layout.c and the
 * test_*_view.c beside it): the article's exhibition some way into a run,
 * sync at board 1 waiting for its opponent, ready thinking at board 7,
 * drawn into a cell buffer without a terminal, and the asserts that read
 * the buffer back. Each test file is its own executable, so everything
 * here is static; the helpers are static inline because no file uses them
 * all. Set SIMUL_DUMP=1 to print each frame the tests draw.
 */
#ifndef SIMUL_TESTS_UI_VIEW_FIXTURE_H
#define SIMUL_TESTS_UI_VIEW_FIXTURE_H

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/game.h"
#include "ui/layout.h"

enum { FIX_BOARDS_MAX = 120 };

struct fixture {
	struct view_state	vs;
	struct view_exhibition	ex[2];
	struct view_board	boards[2][FIX_BOARDS_MAX];
	struct sim_span		spans[2][64];
	struct sim_span		blocks[4];
	struct position		start, after_e4, after_nf3;
	struct game		game;		/* sync's board 1: e4 e5 Nf3 */
	struct layout		lo;
	struct cellbuf		cb;
};

static struct fixture fx;
static char rowbuf[8192];

static inline const char *
row_of(int y)
{
	cellbuf_row(&fx.cb, y, rowbuf, sizeof(rowbuf));
	return rowbuf;
}

/* The text at (x, y), as many columns as expect has. */
static inline void
assert_at(int x, int y, const char *expect)
{
	char got[512];
	int n = ui_text_width(expect), len = 0;

	for (int i = 0; i < n; i++) {
		const struct cell *c = cellbuf_at(&fx.cb, x + i, y);

		len += ui_utf8_encode(c != NULL ? c->ch : '?', got + len);
	}
	cr_assert(eq(str, got, (char *)expect), "at (%d,%d): row is \"%s\"", x, y, row_of(y));
}

static inline void
assert_on_screen(const char *text)
{
	int x, y;

	cr_assert(eq(int, cellbuf_find(&fx.cb, text, &x, &y), 0), "\"%s\" not on screen", text);
}

static inline void
dump(void)
{
	if (getenv("SIMUL_DUMP") == NULL)
		return;
	for (int y = 0; y < fx.cb.h; y++)
		printf("%3d|%s|\n", y, row_of(y));
}

static inline void
render(int w, int h)
{
	cellbuf_resize(&fx.cb, w, h);
	layout_compute(&fx.vs, w, h, &fx.lo);
	layout_render(&fx.vs, &fx.lo, &fx.cb);
	dump();
}

static inline void
play(struct position *p, const char *uci)
{
	move_t m;
	char err[128];

	cr_assert(eq(int, move_from_uci(p, uci, &m, err, sizeof(err)), 0), "%s", err);
	position_play(p, m);
}

static inline void
play_game(struct game *g, const char *uci)
{
	move_t m;
	char err[128];

	cr_assert(eq(int, move_from_uci(&g->pos, uci, &m, err, sizeof(err)), 0), "%s", err);
	cr_assert(eq(int, game_play(g, m), 0));
}

/*
 * Fixed think times 5 s / 55 s at simulated 0:02:30 (150 s): sync has had
 * board 1 for 2.5 cycles; ready has visited every board once and is at
 * board 7 (index 6) again.
 */
static inline void
fixture_setup(int nboards)
{
	const simtime_t S = SIM_US_PER_S;

	memset(&fx, 0, sizeof(fx));
	engine_init();
	position_startpos(&fx.start);
	fx.after_e4 = fx.start;
	play(&fx.after_e4, "e2e4");
	fx.after_nf3 = fx.after_e4;
	play(&fx.after_nf3, "e7e5");
	play(&fx.after_nf3, "g1f3");
	cellbuf_init(&fx.cb, 1, 1);
	for (int e = 0; e < 2; e++) {
		struct view_exhibition *ex = &fx.ex[e];

		ex->is_sync = e == 0;
		snprintf(ex->policy, sizeof(ex->policy), "%s", e == 0 ? "sync" : "ready");
		ex->now = 150 * S;
		ex->nboards = nboards;
		ex->boards = fx.boards[e];
		ex->spans = fx.spans[e];
		for (int i = 0; i < nboards; i++) {
			struct view_board *b = &fx.boards[e][i];

			b->number = i + 1;
			b->pos = &fx.start;
			b->side = WHITE;
			b->state = VIEW_BOARD_WAITING;
			b->since = 0;
		}
	}
	/* Sync: 5 s busy, 55 s waiting, twice, then 5 s busy and waiting since 125 s. */
	for (int k = 0; k < 5; k++) {
		fx.spans[0][k] = (struct sim_span){ k / 2 * 60 * S + (k % 2 ? 5 : 0) * S,
						    k / 2 * 60 * S + (k % 2 ? 60 : 5) * S,
						    k % 2 ? SIM_MASTER_WAITING : SIM_MASTER_THINKING };
	}
	fx.spans[0][5] = (struct sim_span){ 125 * S, 125 * S, SIM_MASTER_WAITING };
	fx.ex[0].nspans = 6;
	fx.ex[0].projected = 43200 * S;
	fx.ex[0].model = 43200 * S;
	fx.ex[0].article = 43200 * S;
	fx.ex[0].moves_played = 3;
	fx.ex[0].moves_total = 720;
	fx.ex[0].utilisation = 15.0 / 150.0;
	fx.ex[0].master = VIEW_MASTER_WAITING;
	fx.ex[0].master_board = 1;
	fx.ex[0].master_since = 125 * S;
	fx.boards[0][0] = (struct view_board){ .number = 1, .state = VIEW_BOARD_OPPONENT_THINKS,
		.pos = &fx.after_nf3, .last_san = "Nf3", .move_number = 2, .side = BLACK,
		.since = 125 * S, .until = 180 * S, .game = &fx.game };
	game_init(&fx.game, &fx.start);
	play_game(&fx.game, "e2e4");
	play_game(&fx.game, "e7e5");
	play_game(&fx.game, "g1f3");
	/* Ready: thinking all the time. */
	fx.spans[1][0] = (struct sim_span){ 0, 150 * S, SIM_MASTER_THINKING };
	fx.ex[1].nspans = 1;
	fx.ex[1].projected = 3655 * S;
	fx.ex[1].model = 3655 * S;
	fx.ex[1].article = 3655 * S;
	fx.ex[1].moves_played = 30;
	fx.ex[1].moves_total = 720;
	fx.ex[1].utilisation = 1.0;
	fx.ex[1].master = VIEW_MASTER_THINKING;
	fx.ex[1].master_board = 7;
	fx.ex[1].master_since = 148 * S;
	fx.ex[1].master_until = 153 * S;
	for (int i = 0; i < nboards && i < 24; i++) {
		struct view_board *b = &fx.boards[1][i];

		b->pos = &fx.after_e4;
		snprintf(b->last_san, sizeof(b->last_san), "e4");
		b->move_number = 1;
		b->side = BLACK;
		b->state = VIEW_BOARD_OPPONENT_THINKS;
		b->since = (i + 1) * 5 * S;
		b->until = b->since + 55 * S;
	}
	if (nboards > 6) {
		fx.boards[1][6].state = VIEW_BOARD_MASTER_THINKS;
		fx.boards[1][6].side = WHITE;
		fx.boards[1][6].pos = &fx.after_nf3;
		fx.boards[1][6].since = 148 * S;
		fx.boards[1][6].until = 153 * S;
	}
	if (nboards > 2)
		fx.boards[1][2] = (struct view_board){ .number = 3, .state = VIEW_BOARD_FINISHED,
			.pos = &fx.after_nf3, .last_san = "Qxf7#", .move_number = 4,
			.side = BLACK, .result = "1-0" };
	fx.vs = (struct view_state){ .now = 150 * S, .speed = 60, .ex = fx.ex, .nex = 2 };
	snprintf(fx.vs.title, sizeof(fx.vs.title), "%d boards, 30 moves, master 5s, opponents 55s",
		 nboards);
	snprintf(fx.vs.title_short, sizeof(fx.vs.title_short), "%d\u00d730, 5s/55s", nboards);
}

static inline void
fixture_teardown(void)
{
	game_free(&fx.game);
	cellbuf_free(&fx.cb);
}

static inline void
setup24(void)
{
	fixture_setup(24);
}

/*
 * Ready's master blocked at board 2 (index 1) since 145 s: its opponent
 * thinks inside a blocking call until 180 s.
 */
static inline void
fixture_blocked(void)
{
	const simtime_t S = SIM_US_PER_S;
	struct view_board *b = &fx.boards[1][1];

	fx.ex[1].master = VIEW_MASTER_WAITING;
	fx.ex[1].master_board = 2;
	fx.ex[1].master_blocked = true;
	fx.ex[1].master_since = 145 * S;
	fx.ex[1].master_until = 180 * S;
	fx.ex[1].blocked_total = 80 * S;
	b->blocking = true;
	b->state = VIEW_BOARD_OPPONENT_THINKS;
	b->since = 125 * S;
	b->until = 180 * S;
	fx.boards[0][1].blocking = true;
	/* Thinking 0-10 s, waiting since, blocked from 10 s past the clock. */
	fx.spans[1][0] = (struct sim_span){ 0, 10 * S, SIM_MASTER_THINKING };
	fx.spans[1][1] = (struct sim_span){ 10 * S, 150 * S, SIM_MASTER_WAITING };
	fx.ex[1].nspans = 2;
	fx.blocks[0] = (struct sim_span){ 10 * S, 180 * S, SIM_MASTER_WAITING };
	fx.ex[1].blocks = fx.blocks;
	fx.ex[1].nblocks = 1;
}

#endif /* SIMUL_TESTS_UI_VIEW_FIXTURE_H */
