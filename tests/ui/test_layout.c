/*
 * The live view's frame, drawn into a cell buffer without a terminal: the
 * layout at several sizes (diagrams at 200x60, tiles at 120x40 and 80x24,
 * the too-small message at 40x12), and the text of every panel at its
 * place: top bar (with the loop's lateness and GREEDY), headers, the
 * master's line (BLOCKED too), tiles, diagrams, the busy/wait strip (with
 * blocked stretches), the footer at each width (every key, labels
 * shortened), help overlay, summary, scrolling and mouse hits.
 *
 * The fixture is the article's exhibition some way into a run: sync at
 * board 1 waiting for its opponent, ready thinking at board 7. Set
 * SIMUL_DUMP=1 to print each frame the tests draw.
 */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <criterion/parameterized.h>
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

static const char *
row_of(int y)
{
	cellbuf_row(&fx.cb, y, rowbuf, sizeof(rowbuf));
	return rowbuf;
}

/* The text at (x, y), as many columns as expect has. */
static void
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

static void
assert_on_screen(const char *text)
{
	int x, y;

	cr_assert(eq(int, cellbuf_find(&fx.cb, text, &x, &y), 0), "\"%s\" not on screen", text);
}

static void
dump(void)
{
	if (getenv("SIMUL_DUMP") == NULL)
		return;
	for (int y = 0; y < fx.cb.h; y++)
		printf("%3d|%s|\n", y, row_of(y));
}

static void
render(int w, int h)
{
	cellbuf_resize(&fx.cb, w, h);
	layout_compute(&fx.vs, w, h, &fx.lo);
	layout_render(&fx.vs, &fx.lo, &fx.cb);
	dump();
}

static void
play(struct position *p, const char *uci)
{
	move_t m;
	char err[128];

	cr_assert(eq(int, move_from_uci(p, uci, &m, err, sizeof(err)), 0), "%s", err);
	position_play(p, m);
}

static void
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
static void
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
}

static void
fixture_teardown(void)
{
	game_free(&fx.game);
	cellbuf_free(&fx.cb);
}

static void
setup24(void)
{
	fixture_setup(24);
}

TestSuite(layout, .init = setup24, .fini = fixture_teardown);

Test(layout, big_screen_shows_every_board_as_a_diagram)
{
	render(200, 60);
	cr_assert(eq(int, fx.lo.too_small, false));
	cr_assert(eq(int, fx.lo.mode, LAYOUT_DIAGRAMS));
	cr_assert(eq(int, fx.lo.npanels, 2));
	/* Two panels of 99 columns with a rule between them. */
	cr_assert(eq(int, fx.lo.panel[1].rect.x, 100));
	cr_assert(eq(int, fx.lo.panel[0].cols, 9));
	cr_assert(eq(int, fx.lo.panel[0].rows, 3));
	assert_at(99, 10, "\u2502");
}

Test(layout, top_bar_title_speedup_speed_and_state)
{
	render(200, 60);
	assert_at(0, 0, " simul  24 boards, 30 moves, master 5s, opponents 55s");
	/* 12:00:00 / 1:00:55 = 11.82 */
	assert_on_screen(" async is 11.8\u00d7 ahead ");
	assert_at(200 - 23, 0, "  speed 60\u00d7  \u25b6 running ");
	fx.vs.paused = true;
	render(200, 60);
	assert_at(200 - 11, 0, " \u275a\u275a PAUSED ");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 195, 0)->style, UI_PAUSED));
	/* A paused screen without narration says how to go on. */
	assert_at(1, 56, " PAUSED: space resumes, s plays one event and says why ");
}

Test(layout, headers_show_clock_projection_model_moves_and_the_master)
{
	render(200, 60);
	assert_at(0, 2, " SYNC  one game at a time");
	assert_at(99 - 8, 2, "0:02:30 ");
	assert_at(1, 3, "projected 12:00:00   model 12:00:00");
	assert_at(1, 4, "moves 3/720   master busy 10%");
	assert_at(1, 5, "\u2654 master WAITS at board 1: opponent thinks, 30 s left");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 1, 5)->style, UI_WAIT));
	assert_at(100, 2, " ASYNC  ready queue");
	assert_at(101, 3, "projected 1:00:55   model 1:00:55");
	assert_at(101, 4, "moves 30/720   master busy 100%  11.8\u00d7 faster");
	assert_at(101, 5, "\u2654 master THINKS at board 7 (2 s)");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 101, 5)->style, UI_MASTER));
}

Test(layout, finished_exhibition_says_so_in_its_header)
{
	fx.ex[1].finished = true;
	fx.ex[1].now = 3655 * SIM_US_PER_S;
	fx.ex[1].master = VIEW_MASTER_DONE;
	render(200, 60);
	assert_at(199 - 17, 2, "finished 1:00:55 ");
	assert_at(101, 3, "total 1:00:55   model 1:00:55");
	assert_at(101, 5, "\u2654 master done: all games over");
}

Test(layout, diagram_shows_pieces_label_and_think_bar)
{
	const struct layout_panel *lp;

	render(200, 60);
	lp = &fx.lo.panel[0];
	/* Board 1 of sync: label with the master's king and the last move. */
	assert_at(lp->boards.x, lp->boards.y, "\u26541 Nf3");
	cr_assert(eq(int, cellbuf_at(&fx.cb, lp->boards.x, lp->boards.y)->style, UI_MASTER));
	/* Black at the top in filled glyphs, White at the bottom outlined. */
	assert_at(lp->boards.x, lp->boards.y + 1, "\u265c\u265e\u265d\u265b\u265a\u265d\u265e\u265c");
	assert_at(lp->boards.x, lp->boards.y + 4, "\u00b7 \u00b7 \u265f \u00b7 ");
	assert_at(lp->boards.x, lp->boards.y + 8, "\u2656\u2658\u2657\u2655\u2654\u2657\u00b7\u2656");
	/* 30 of 55 s left: 9 * 30/55 = 4.9 cells. */
	assert_at(lp->boards.x, lp->boards.y + 9, "\u2588\u2588\u2588\u2588\u2589\u00b7\u00b7\u00b7\u00b7");
	/* Board 2 of sync has waited for the master since the start. */
	assert_at(lp->boards.x + DIAGRAM_W, lp->boards.y + 9, "wait 2:30");
	/* Ready's board 7: the master's own think, 3 of 5 s left, in his style. */
	lp = &fx.lo.panel[1];
	assert_at(lp->boards.x + 6 * DIAGRAM_W, lp->boards.y + 9, "\u2588\u2588\u2588\u2588\u2588\u258d\u00b7\u00b7\u00b7");
	cr_assert(eq(int, cellbuf_at(&fx.cb, lp->boards.x + 6 * DIAGRAM_W, lp->boards.y + 9)->style,
		     UI_MASTER));
	lp = &fx.lo.panel[0];
	/* Second row of diagrams starts with board 10. */
	assert_at(lp->boards.x, lp->boards.y + DIAGRAM_H, " 10");
}

Test(layout, ascii_mode_uses_letters_and_plain_frames)
{
	const struct layout_panel *lp;

	fx.vs.ascii = true;
	render(200, 60);
	lp = &fx.lo.panel[0];
	assert_at(lp->boards.x, lp->boards.y, "@1 Nf3");
	assert_at(lp->boards.x, lp->boards.y + 1, "rnbqkbnr");
	assert_at(lp->boards.x, lp->boards.y + 8, "RNBQKB.R");
	assert_at(lp->boards.x, lp->boards.y + 9, "#####....");
	assert_at(0, 0, " simul");
	assert_on_screen(" async is 11.8x ahead ");
	assert_at(99, 10, "|");
}

Test(layout, colour_mode_draws_solid_pieces_on_coloured_squares)
{
	const struct layout_panel *lp;

	fx.vs.color = true;
	render(200, 60);
	lp = &fx.lo.panel[0];
	/* White's pieces solid too; the square and piece colours tell them apart. */
	assert_at(lp->boards.x, lp->boards.y + 8, "\u265c\u265e\u265d\u265b\u265a\u265d \u265c");
	cr_assert(eq(int, cellbuf_at(&fx.cb, lp->boards.x, lp->boards.y + 8)->style, UI_SQ_DARK_W));
	cr_assert(eq(int, cellbuf_at(&fx.cb, lp->boards.x + 1, lp->boards.y + 1)->style,
		     UI_SQ_DARK_B));
	/* Empty squares are blanks: the background shows the colour. */
	assert_at(lp->boards.x, lp->boards.y + 4, "    \u265f   ");
}

Test(layout, busy_wait_strip_full_for_async_low_for_sync)
{
	const struct layout_panel *sync, *async;
	const struct cell *c;

	render(200, 60);
	sync = &fx.lo.panel[0];
	async = &fx.lo.panel[1];
	cr_assert(eq(int, sync->strip.h, 2));
	assert_at(sync->strip.x + 1, sync->strip.y, "busy");
	/* Async: every column fully busy. */
	for (int x = async->strip.x + 7; x < async->strip.x + async->strip.w - 1; x++) {
		c = cellbuf_at(&fx.cb, x, async->strip.y);
		cr_assert(eq(u32, c->ch, 0x2588u), "column %d", x);
		cr_assert(eq(int, c->style, UI_BUSY));
	}
	/* Sync: the first column covers 0..1.65 s, all thinking; a later one all waiting. */
	c = cellbuf_at(&fx.cb, sync->strip.x + 7, sync->strip.y);
	cr_assert(eq(u32, c->ch, 0x2588u));
	c = cellbuf_at(&fx.cb, sync->strip.x + 7 + 20, sync->strip.y);
	cr_assert(eq(u32, c->ch, 0x2591u));
	cr_assert(eq(int, c->style, UI_WAIT));
	/* The axis below: 0 to the clock, and a legend. */
	assert_at(sync->strip.x + 7, sync->strip.y + 1, "0:00:00");
	assert_at(sync->strip.x + sync->strip.w - 1 - 7, sync->strip.y + 1, "0:02:30");
	assert_on_screen("\u2588 busy  \u2591 waiting");
}

Test(layout, strip_is_blank_after_an_exhibition_ends)
{
	const struct layout_panel *async;

	fx.ex[1].finished = true;
	fx.ex[1].now = 75 * SIM_US_PER_S;
	fx.spans[1][0].end = 75 * SIM_US_PER_S;
	render(200, 60);
	async = &fx.lo.panel[1];
	/* 91 columns for 150 s: the first half busy, the second blank. */
	assert_at(async->strip.x + 7, async->strip.y, "\u2588\u2588\u2588");
	assert_at(async->strip.x + 7 + 60, async->strip.y, "   ");
}

Test(layout, strip_axis_follows_an_exhibition_ahead_of_the_clock)
{
	const struct layout_panel *sync;

	/* Sync fast-forwarded to 300 s while the shared clock reads 150 s. */
	fx.ex[0].now = 300 * SIM_US_PER_S;
	render(200, 60);
	sync = &fx.lo.panel[0];
	assert_at(sync->strip.x + sync->strip.w - 1 - 7, sync->strip.y + 1, "0:05:00");
	/* Ready's 150 s fill the first half of its strip only. */
	assert_at(fx.lo.panel[1].strip.x + 7 + 60, fx.lo.panel[1].strip.y, "   ");
}

/* The live clock's figures: lateness in the top bar, loud past 50 ms, and the GREEDY marker. */
Test(layout, top_bar_shows_the_loop_lateness_and_greedy)
{
	fx.vs.has_lateness = true;
	fx.vs.late_p99_ms = 1.3;
	fx.vs.late_max_ms = 3.7;
	render(200, 60);
	/* Right to left: state (11), speed (12), lateness (34), a gap. */
	assert_at(200 - 23 - 34, 0, " loop late p99 1.3 ms, max 3.7 ms   speed 60\u00d7 ");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 200 - 23 - 20, 0)->style, UI_TITLE));
	/* A tall screen says what the figures mean, and that the totals do not care. */
	assert_at(0, 1, " the real loop: each search runs in slices between iterations");
	assert_on_screen("The simulated totals are exact either way.");
	fx.vs.greedy = true;
	fx.vs.late_p99_ms = 95;
	fx.vs.late_max_ms = 130.4;
	render(200, 60);
	assert_at(200 - 23 - 33 - 9, 0, " GREEDY   loop late p99 95 ms, max 130 ms ");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 200 - 23 - 33 - 8, 0)->style, UI_PAUSED));
	/* Past 50 ms the figures are loud too. */
	cr_assert(eq(int, cellbuf_at(&fx.cb, 200 - 23 - 20, 0)->style, UI_PAUSED));
	assert_at(0, 1, " GREEDY: each search runs in one go inside a timer callback;");
	assert_on_screen("The simulated totals do not change: they are exact; the stall is the "
			 "real loop's.");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 1, 1)->style, UI_WAIT));
	/* 80 columns: only the maximum, the figure a stall shows in; no line under the bar. */
	render(80, 24);
	assert_at(80 - 23 - 17 - 9, 0, " GREEDY   late max 130 ms   speed 60\u00d7 ");
	assert_at(0, 1, " SYNC ");
}

/*
 * Ready's master blocked at board 2 (index 1) since 145 s: its opponent
 * thinks inside a blocking call until 180 s.
 */
static void
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

Test(layout, blocked_master_says_so_loudly_at_every_width)
{
	fixture_blocked();
	render(200, 60);
	assert_at(101, 5, "\u2654 master BLOCKED at board 2: opponent thinks inside a blocking "
		  "call, 30 s left");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 101, 5)->style, UI_PAUSED));
	/* The time blocked is part of the simulated total, beside the model. */
	assert_at(101, 3, "projected 1:00:55   model 1:00:55   blocked 0:01:20");
	render(120, 40);
	assert_at(61, 5, "\u2654 BLOCKED at board 2: blocking call, 30 s left");
	render(80, 24);
	assert_at(41, 4, "\u2654 BLOCKED at board 2");
	/* The wait line of an exhibition not blocked stays as it was. */
	assert_at(1, 4, "\u2654 WAITS at board 1: reply in 30 s");
}

Test(layout, strip_draws_blocked_stretches_with_their_own_glyph)
{
	const struct layout_panel *async;
	const struct cell *c;
	int x, y;

	fixture_blocked();
	render(200, 60);
	async = &fx.lo.panel[1];
	/* 91 columns for 150 s: 0-10 s busy (six columns), then blocked to the clock. */
	assert_at(async->strip.x + 7, async->strip.y, "\u2588\u2588\u2588\u2588\u2588\u2588\u2573\u2573");
	c = cellbuf_at(&fx.cb, async->strip.x + 7 + 50, async->strip.y);
	cr_assert(eq(u32, c->ch, 0x2573u));
	cr_assert(eq(int, c->style, UI_PAUSED));
	/* The last column reaches the clock, not the block's end. */
	c = cellbuf_at(&fx.cb, async->strip.x + async->strip.w - 2, async->strip.y);
	cr_assert(eq(u32, c->ch, 0x2573u));
	/* The legend names the cross, drawn in the strip's style. */
	cr_assert(eq(int, cellbuf_find(&fx.cb, "\u2588 busy  \u2591 waiting  \u2573 blocked", &x, &y), 0));
	cr_assert(eq(int, x > async->strip.x, true));
	cr_assert(eq(int, cellbuf_at(&fx.cb, x + 19, y)->style, UI_PAUSED));
	/* Sync has no blocked stretch: no cross in its legend (the first one on the row). */
	cr_assert(eq(int, cellbuf_find(&fx.cb, "\u2588 busy  \u2591 waiting", &x, &y), 0));
	cr_assert(lt(int, x, fx.lo.panel[0].strip.x + fx.lo.panel[0].strip.w));
	assert_at(x + 17, y, "   ");
	fx.vs.ascii = true;
	render(200, 60);
	assert_at(async->strip.x + 7, async->strip.y, "######XX");
	assert_on_screen("# busy  . waiting  X blocked");
}

Test(layout, blocking_boards_carry_a_cross_and_a_loud_bar)
{
	const struct layout_panel *lp;

	fixture_blocked();
	render(200, 60);
	/* Sync's board 2: the cross where the king would be, the board waiting as before. */
	lp = &fx.lo.panel[0];
	assert_at(lp->boards.x + DIAGRAM_W, lp->boards.y, "\u2573");
	cr_assert(eq(int, cellbuf_at(&fx.cb, lp->boards.x + DIAGRAM_W, lp->boards.y)->style,
		     UI_PAUSED));
	assert_at(lp->boards.x + DIAGRAM_W, lp->boards.y + 9, "wait 2:30");
	/* Ready's board 2: the master is here (king), its think bar loud after a cross. */
	lp = &fx.lo.panel[1];
	assert_at(lp->boards.x + DIAGRAM_W, lp->boards.y, "\u26542");
	assert_at(lp->boards.x + DIAGRAM_W, lp->boards.y + 9, "\u2573\u2588\u2588\u2588\u2588\u258d");
	cr_assert(eq(int, cellbuf_at(&fx.cb, lp->boards.x + DIAGRAM_W + 2, lp->boards.y + 9)->style,
		     UI_PAUSED));
	/* One-line tiles at 80x24: the cross before the bar. */
	render(80, 24);
	lp = &fx.lo.panel[1];
	assert_at(lp->boards.x + lp->cell_w + 1 + 15, lp->boards.y, "\u2573\u2588\u258b\u00b7");
	/* Three-line tiles at 120x40: the cross on line 1, a loud bar and the time on line 2. */
	render(120, 40);
	lp = &fx.lo.panel[1];
	assert_at(lp->boards.x + 20, lp->boards.y, "\u2654 2");
	assert_at(lp->boards.x + 20, lp->boards.y + 1, " \u2573\u2588\u2588\u2588\u2588\u258d\u00b7\u00b7\u00b7 30s left");
	cr_assert(eq(int, cellbuf_at(&fx.cb, lp->boards.x + 23, lp->boards.y + 1)->style, UI_PAUSED));
	cr_assert(eq(int, cellbuf_at(&fx.cb, lp->boards.x + 33, lp->boards.y + 1)->style, UI_PAUSED));
}

/*
 * 120x40 has 27 lines for 8 rows of tiles: three lines each, no gap. Line 1
 * the board, line 2 the clock across the tile, line 3 the recent moves.
 */
Test(layout, medium_screen_uses_three_line_tiles)
{
	const struct layout_panel *lp;
	int x, y;

	/* The focus out of the way, on ready's last board. */
	fx.vs.focus_ex = 1;
	fx.vs.focus_board = 23;
	render(120, 40);
	cr_assert(eq(int, fx.lo.mode, LAYOUT_TILES));
	lp = &fx.lo.panel[0];
	x = lp->boards.x;
	y = lp->boards.y;
	cr_assert(eq(int, lp->cols, 3));
	cr_assert(eq(int, lp->cell_w, 19));
	cr_assert(eq(int, lp->draw_h, 3));
	cr_assert(eq(int, lp->cell_h, 3));
	cr_assert(eq(int, lp->rows, 8));
	cr_assert(eq(int, lp->total_rows, 8));
	/* Board 1: master here, move 2 with Black to move, Nf3; 30 s of 55 left; the game. */
	assert_at(x, y, "\u2654 1  2\u25cf Nf3           2  1\u25cb               3  1\u25cb");
	assert_at(x, y + 1, " \u2588\u2588\u2588\u2588\u2589\u00b7\u00b7\u00b7\u00b7 30s left  waits 2:30");
	cr_assert(eq(int, cellbuf_at(&fx.cb, x + 1, y + 1)->style, UI_BAR));
	assert_at(x, y + 2, " 1.e4 e5 2.Nf3      ");
	/* Board 2 has waited for the master since the start. */
	cr_assert(eq(int, cellbuf_at(&fx.cb, x + 21, y + 1)->style, UI_WAIT));
	/* The last row is board 22-24; nothing below it. */
	assert_at(x, y + 21, " 22  1\u25cb");
	assert_at(x, y + 24, "                   ");
	lp = &fx.lo.panel[1];
	x = lp->boards.x;
	/* Ready: board 3 is over, with its result on line 1; board 7 is where the master thinks. */
	assert_at(x + 40, y, "  3  4\u25cf Qxf7#  1-0");
	assert_at(x + 40, y + 1, " game over");
	assert_at(x, y + 6, "\u2654 7  2\u25cb e4");
	assert_at(x, y + 7, " \u2588\u2588\u2588\u2588\u2588\u2588\u00b7\u00b7\u00b7\u00b7 3s left");
	cr_assert(eq(int, cellbuf_at(&fx.cb, x + 1, y + 7)->style, UI_MASTER));
	cr_assert(eq(int, cellbuf_at(&fx.cb, x + 13, y + 7)->style, UI_MASTER));
}

Test(layout, taller_screen_spaces_the_rows_of_tiles)
{
	const struct layout_panel *lp;

	render(160, 50);
	lp = &fx.lo.panel[0];
	cr_assert(eq(int, fx.lo.mode, LAYOUT_TILES));
	cr_assert(eq(int, lp->cols, 4));
	cr_assert(eq(int, lp->draw_h, 3));
	cr_assert(eq(int, lp->cell_h, 4));
	assert_at(lp->boards.x, lp->boards.y + 2, " 1.e4 e5 2.Nf3");
	assert_at(lp->boards.x, lp->boards.y + 3, "                   ");
	assert_at(lp->boards.x, lp->boards.y + 4, "  5  1\u25cb");
}

Test(layout, small_screen_still_shows_all_24_boards)
{
	const struct layout_panel *lp;

	render(80, 24);
	cr_assert(eq(int, fx.lo.too_small, false));
	cr_assert(eq(int, fx.lo.mode, LAYOUT_TILES));
	lp = &fx.lo.panel[0];
	cr_assert(eq(int, lp->rect.w, 39));
	cr_assert(eq(int, lp->cols, 2));
	cr_assert(eq(int, lp->total_rows, 12));
	/* 16 lines: no room for two-line tiles. */
	cr_assert(eq(int, lp->draw_h, 1));
	cr_assert(eq(int, lp->cell_h, 1));
	cr_assert(le(int, lp->total_rows, lp->rows));
	assert_at(0, 1, " SYNC  one game at a time      0:02:30 ");
	assert_at(1, 3, "moves 3/720  busy 10%");
	/* The master's line takes its short form rather than being cut. */
	assert_at(1, 4, "\u2654 WAITS at board 1: reply in 30 s");
	assert_at(41, 3, "moves 30/720  busy 100%  11.8\u00d7 faster");
	/* Board 24 of sync, last row, second column. */
	assert_at(lp->boards.x + 20, lp->boards.y + 11, " 24  1\u25cb");
	/* The footer keeps every key; its labels are shorter (see the footer tests). */
	assert_at(0, 23, " space pause s step +/- \u2190\u2192 Enter zoom");
	assert_on_screen("? help q quit");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 1, 23)->style, UI_KEY));
}

/*
 * The footer shortens its labels rather than drop a key: full words from
 * 112 columns, then short words, one-space gaps, bare arrows and +/-, and
 * below 79 columns every key bare but space, ? and q.
 */
Test(layout, footer_keeps_every_key_at_80_columns)
{
	int x, y;

	render(80, 24);
	assert_at(0, 23, " space pause s step +/- \u2190\u2192 Enter zoom f ffwd r new p pol g greedy "
			 "? help q quit ");
	cr_assert(eq(int, cellbuf_find(&fx.cb, "g greedy", &x, &y), 0));
	cr_assert(eq(int, y, 23));
	cr_assert(eq(int, cellbuf_at(&fx.cb, x, y)->style, UI_KEY));
	cr_assert(eq(int, cellbuf_at(&fx.cb, x + 2, y)->style, UI_DIM));
	fx.vs.ascii = true;
	render(80, 24);
	assert_at(0, 23, " space pause s step +/- <> Enter zoom f ffwd r new p pol g greedy ? help q "
			 "quit ");
}

Test(layout, footer_labels_shorten_with_the_width)
{
	render(200, 60);
	assert_at(0, 59, " space pause  s step  +/- speed  \u2190\u2192 focus  Enter zoom  f fast-fwd  "
			 "r restart  p policy  g greedy  ? help  q quit ");
	render(112, 40);
	assert_at(0, 39, " space pause  s step  +/- speed  \u2190\u2192 focus  Enter zoom  f fast-fwd  "
			 "r restart  p policy  g greedy  ? help  q quit");
	render(111, 40);
	assert_at(0, 39, " space pause  s step  +/- speed  \u2190\u2192 focus  Enter zoom  f ffwd  r new  "
			 "p pol  g greedy  ? help  q quit ");
	render(100, 40);
	assert_at(0, 39, " space pause s step +/- speed \u2190\u2192 focus Enter zoom f ffwd r new p pol "
			 "g greedy ? help q quit ");
	render(60, 16);
	assert_at(0, 15, " space pause s +/- \u2190\u2192 Enter f r p g ? help q quit ");
}

Test(layout, too_small_screen_says_what_it_needs)
{
	char line[256];

	render(40, 12);
	cr_assert(eq(int, fx.lo.too_small, true));
	cr_assert(eq(int, fx.lo.min_w, 60));
	cr_assert(eq(int, fx.lo.min_h, 16));
	assert_at(5, 5, "make the window at least 60\u00d716");
	assert_at(13, 6, "(it is 40\u00d712)");
	/* Nothing else is drawn. */
	cellbuf_row(&fx.cb, 0, line, sizeof(line));
	cr_assert(eq(str, line, "                                        "));
	render(59, 30);
	cr_assert(eq(int, fx.lo.too_small, true));
	render(60, 15);
	cr_assert(eq(int, fx.lo.too_small, true));
	render(60, 16);
	cr_assert(eq(int, fx.lo.too_small, false));
}

struct size_case {
	int	w, h;
	bool	small;
	int	mode;
};

ParameterizedTestParameters(layout, every_size_keeps_panels_inside_the_screen)
{
	static struct size_case cases[] = {
		{ 80, 24, false, LAYOUT_TILES }, { 120, 40, false, LAYOUT_TILES },
		{ 200, 60, false, LAYOUT_DIAGRAMS }, { 40, 12, true, LAYOUT_TILES },
		{ 60, 16, false, LAYOUT_TILES }, { 300, 90, false, LAYOUT_DIAGRAMS },
		{ 100, 70, false, LAYOUT_TILES }, { 110, 80, false, LAYOUT_DIAGRAMS },
	};

	return cr_make_param_array(struct size_case, cases, ARRAY_LEN(cases));
}

ParameterizedTest(struct size_case *c, layout, every_size_keeps_panels_inside_the_screen)
{
	render(c->w, c->h);
	cr_assert(eq(int, fx.lo.too_small, c->small));
	if (c->small)
		return;
	cr_assert(eq(int, fx.lo.mode, c->mode));
	for (int p = 0; p < fx.lo.npanels; p++) {
		const struct layout_panel *lp = &fx.lo.panel[p];

		cr_assert(le(int, lp->rect.x + lp->rect.w, c->w));
		cr_assert(le(int, lp->boards.y + lp->rows * lp->cell_h, fx.lo.status.y + 1));
		cr_assert(ge(int, lp->boards.h, 1));
	}
	cr_assert(eq(int, fx.lo.footer.y, c->h - 1));
	/* The master's line is on screen at every size. */
	assert_on_screen("WAITS at board 1");
}

Test(layout, help_overlay_has_the_lesson_and_every_key)
{
	fx.vs.help = true;
	render(120, 40);
	assert_on_screen(" simul: help ");
	assert_on_screen("The master does not play faster: he stops waiting.");
	assert_on_screen("space      pause / resume");
	assert_on_screen("s          one event at a time");
	assert_on_screen("+  -       speed \u00d72 / \u00f72");
	assert_on_screen("Enter      focused board, large");
	assert_on_screen("f          fast-forward to the end");
	assert_on_screen("r          restart with a new seed");
	assert_on_screen("p          async policy: rr / ready");
	assert_on_screen("g          greedy search: loop stalls");
	assert_on_screen("loop's lateness grows (--master grandmaster makes it plain to see); the");
	assert_on_screen("simulated totals do not change. --blocking-opponent K: board K blocks.");
	assert_on_screen("click      focus a board");
	assert_on_screen("q          quit (Ctrl-C too)");
	assert_on_screen(" any key closes this help ");
	/* Centred: the frame's corner at ((120-78)/2, (40-20)/2). */
	assert_at(21, 10, "\u250c\u2500 simul: help");
}

Test(layout, help_overlay_fits_a_small_screen)
{
	fx.vs.help = true;
	fx.vs.ascii = true;
	render(80, 24);
	assert_at(1, 2, "+- simul: help");
	assert_on_screen("arrows Tab move the focus");
	assert_on_screen("q          quit (Ctrl-C too)");
	assert_on_screen("speed x2 / :2");
}

Test(layout, narration_newest_first_with_paused_marker)
{
	snprintf(fx.vs.status[0], VIEW_TEXT, "board 7: master played Nf3 after 5 s; opponent thinks 55 s");
	snprintf(fx.vs.status[1], VIEW_TEXT, "board 6: opponent replied e5");
	render(120, 40);
	assert_at(1, 36, "board 7: master played Nf3 after 5 s; opponent thinks 55 s");
	assert_at(1, 37, "board 6: opponent replied e5");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 1, 36)->style, UI_BOLD));
	fx.vs.paused = true;
	render(80, 24);
	assert_at(1, 22, " PAUSED  board 7: master played Nf3");
}

Test(layout, a_key_notice_sits_above_the_narration)
{
	snprintf(fx.vs.status[0], VIEW_TEXT, "board 7: master played Nf3 after 5 s");
	snprintf(fx.vs.notice, VIEW_TEXT, "greedy: the search runs in one go inside a timer callback");
	render(120, 40);
	assert_at(1, 36, "greedy: the search runs in one go inside a timer callback");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 1, 36)->style, UI_GOOD));
	assert_at(1, 37, "board 7: master played Nf3 after 5 s");
	/* One status line on a short screen: the notice has it. */
	fx.vs.paused = true;
	render(80, 24);
	assert_at(1, 22, " PAUSED  greedy: the search runs");
}

Test(layout, summary_when_async_finishes)
{
	fx.ex[1].finished = true;
	fx.ex[1].now = 3655 * SIM_US_PER_S;
	fx.vs.now = 3655 * SIM_US_PER_S;
	fx.vs.summary = true;
	render(200, 60);
	cr_assert(eq(int, fx.lo.summary.h, 4));
	assert_at(0, fx.lo.summary.y, "\u250c\u2500 summary ");
	assert_at(2, fx.lo.summary.y + 1, "ready finished in 1:00:55, exactly what the model says.");
	assert_at(2, fx.lo.summary.y + 2, "sync is heading for 12:00:00: 11.8\u00d7 slower. Same moves, "
		  "same thinking; the master just stopped waiting.  f fast-forwards sync to its end.");
	fx.ex[1].model = 3600 * SIM_US_PER_S;
	fx.ex[1].note = "games ended early";
	render(120, 40);
	assert_at(2, fx.lo.summary.y + 1, "ready finished in 1:00:55; the model says 1:00:00. games ended early");
}

Test(layout, zoom_shows_the_focused_board_large_with_moves)
{
	struct game g;

	game_init(&g, &fx.start);
	for (int i = 0; i < 3; i++) {
		static const char *const uci[] = { "e2e4", "e7e5", "g1f3" };
		move_t m;
		char err[64];

		cr_assert(eq(int, move_from_uci(&g.pos, uci[i], &m, err, sizeof(err)), 0));
		game_play(&g, m);
	}
	fx.boards[0][0].game = &g;
	fx.boards[0][0].opponent = "club";
	fx.vs.zoom = true;
	fx.vs.focus_ex = 0;
	fx.vs.focus_board = 0;
	render(120, 40);
	assert_on_screen(" board 1  sync ");
	assert_on_screen("  1. e4    e5");
	assert_on_screen("  2. Nf3");
	assert_on_screen("opponent: club");
	assert_on_screen("\u2654 the master is here");
	/* Rank 8 with three columns per square, coordinates beside and below. */
	assert_on_screen("8  \u265c  \u265e  \u265d  \u265b  \u265a  \u265d  \u265e  \u265c ");
	assert_on_screen(" a  b  c  d  e  f  g  h");
	game_free(&g);
}

Test(layout, focus_is_drawn_in_reverse)
{
	fx.vs.focus_ex = 1;
	fx.vs.focus_board = 4;
	render(120, 40);
	{
		const struct layout_panel *lp = &fx.lo.panel[1];
		int x = lp->boards.x + 20, y = lp->boards.y + 3;

		assert_at(x, y, "  5  1\u25cf e4");
		/* Every line of a tall tile, and not the one below it. */
		for (int line = 0; line < 3; line++) {
			cr_assert(eq(int, cellbuf_at(&fx.cb, x, y + line)->style, UI_FOCUS));
			cr_assert(eq(int, cellbuf_at(&fx.cb, x + 18, y + line)->style, UI_FOCUS));
		}
		cr_assert(ne(int, cellbuf_at(&fx.cb, x, y + 3)->style, UI_FOCUS));
		render(80, 24);
		lp = &fx.lo.panel[1];
		x = lp->boards.x;
		y = lp->boards.y + 2;
		assert_at(x, y, "  5  1\u25cf e4");
		cr_assert(eq(int, cellbuf_at(&fx.cb, x + 18, y)->style, UI_FOCUS));
		cr_assert(ne(int, cellbuf_at(&fx.cb, x, y + 1)->style, UI_FOCUS));
	}
}

Test(layout, mouse_hits_map_back_to_boards)
{
	int ex = -1, board = -1;
	const struct layout_panel *lp;

	render(120, 40);
	lp = &fx.lo.panel[1];
	cr_assert(eq(int, layout_hit(&fx.vs, &fx.lo, lp->boards.x + 25, lp->boards.y + 6, &ex, &board), 0));
	cr_assert(eq(int, ex, 1));
	cr_assert(eq(int, board, 7));
	/* The second and third lines of a tall tile are that board too. */
	ex = board = -1;
	cr_assert(eq(int, layout_hit(&fx.vs, &fx.lo, lp->boards.x + 25, lp->boards.y + 7, &ex, &board), 0));
	cr_assert(eq(int, ex, 1));
	cr_assert(eq(int, board, 7));
	cr_assert(eq(int, layout_hit(&fx.vs, &fx.lo, lp->boards.x + 38, lp->boards.y + 8, &ex, &board), 0));
	cr_assert(eq(int, board, 7));
	/* Below the last row of tiles is no board. */
	cr_assert(eq(int, layout_hit(&fx.vs, &fx.lo, lp->boards.x + 25, lp->boards.y + 24, &ex, &board), -1));
	/* The gap between tiles and the header are not boards. */
	cr_assert(eq(int, layout_hit(&fx.vs, &fx.lo, lp->boards.x + 19, lp->boards.y, &ex, &board), -1));
	cr_assert(eq(int, layout_hit(&fx.vs, &fx.lo, 5, 2, &ex, &board), -1));
	render(200, 60);
	lp = &fx.lo.panel[0];
	cr_assert(eq(int, layout_hit(&fx.vs, &fx.lo, lp->boards.x + DIAGRAM_W + 3, lp->boards.y + DIAGRAM_H + 4, &ex, &board), 0));
	cr_assert(eq(int, ex, 0));
	cr_assert(eq(int, board, 10));
	cr_assert(eq(int, layout_columns(&fx.lo, 0), 9));
}

static void
setup100(void)
{
	fixture_setup(100);
}

Test(layout_many, boards_scroll_to_keep_the_focus_visible, .init = setup100, .fini = fixture_teardown)
{
	const struct layout_panel *lp;

	render(80, 24);
	lp = &fx.lo.panel[0];
	cr_assert(eq(int, fx.lo.mode, LAYOUT_TILES));
	cr_assert(eq(int, lp->total_rows, 50));
	cr_assert(eq(int, lp->rows, lp->boards.h - 1));
	assert_at(lp->boards.x, lp->boards.y + lp->rows, "boards 1-30 of 100  \u2193 PgDn");
	fx.vs.focus_ex = 0;
	fx.vs.focus_board = 98;
	render(80, 24);
	cr_assert(eq(int, fx.vs.scroll[0], 50 - lp->rows));
	assert_at(lp->boards.x, lp->boards.y + lp->rows, "boards 71-100 of 100  \u2191 PgUp");
	assert_at(lp->boards.x + 20, lp->boards.y + lp->rows - 1, " 100  1\u25cb");
	/* The other panel keeps its own scroll. */
	assert_at(fx.lo.panel[1].boards.x, fx.lo.panel[1].boards.y, "   1  1\u25cf e4");
}

Test(layout_many, a_hundred_boards_are_tiles_even_on_a_big_screen, .init = setup100, .fini = fixture_teardown)
{
	render(200, 60);
	cr_assert(eq(int, fx.lo.mode, LAYOUT_TILES));
	cr_assert(eq(int, fx.lo.panel[0].cols, 5));
	/* 20 rows in 47 lines: two-line tiles, every board shown, no paging. */
	cr_assert(eq(int, fx.lo.panel[0].draw_h, 2));
	cr_assert(eq(int, fx.lo.panel[0].rows, 20));
	assert_on_screen("  1  2\u25cf Nf3");
	assert_on_screen("100  1\u25cb");
}

Test(layout_format, short_durations_read_like_sentences)
{
	char buf[32];

	view_fmt_short(5 * SIM_US_PER_S, buf, sizeof(buf));
	cr_assert(eq(str, buf, "5 s"));
	view_fmt_short(1500000, buf, sizeof(buf));
	cr_assert(eq(str, buf, "1.5 s"));
	view_fmt_short(125 * SIM_US_PER_S, buf, sizeof(buf));
	cr_assert(eq(str, buf, "2 min 5 s"));
	view_fmt_short(120 * SIM_US_PER_S, buf, sizeof(buf));
	cr_assert(eq(str, buf, "2 min"));
	view_fmt_short(3655 * SIM_US_PER_S, buf, sizeof(buf));
	cr_assert(eq(str, buf, "1:00:55"));
}

Test(layout_format, compact_durations_fit_four_columns)
{
	static const struct {
		simtime_t	s;
		const char	*text;
	} cases[] = {
		{ 0, "0s" }, { 55, "55s" }, { 150, "2:30" }, { 599, "9:59" }, { 720, "12m" },
		{ 3655, "1h00" }, { 12 * 3600 + 30 * 60, "12h30" }, { 200 * 3600, "200h" },
	};
	char buf[32];

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		view_fmt_compact(cases[i].s * SIM_US_PER_S, buf, sizeof(buf));
		cr_assert(eq(str, buf, (char *)cases[i].text));
	}
}
