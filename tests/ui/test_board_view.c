/*
 * ui/board_view.c: the boards themselves. Diagrams with their label and
 * think bar (Unicode, ASCII and colour), tiles of one and three lines,
 * the cross and loud bar of a blocking board, the focus in reverse, and
 * the focused board zoomed large with its moves. The fixture is in
 * view_fixture.h.
 */
#include "view_fixture.h"

TestSuite(board_view, .init = setup24, .fini = fixture_teardown);

Test(board_view, diagram_shows_pieces_label_and_think_bar)
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

Test(board_view, ascii_mode_uses_letters_and_plain_frames)
{
	const struct layout_panel *lp;

	fx.vs.ascii = true;
	render(200, 60);
	lp = &fx.lo.panel[0];
	assert_at(lp->boards.x, lp->boards.y, "@1 Nf3");
	assert_at(lp->boards.x, lp->boards.y + 1, "rnbqkbnr");
	assert_at(lp->boards.x, lp->boards.y + 8, "RNBQKB.R");
	assert_at(lp->boards.x, lp->boards.y + 9, "#####....");
	assert_at(0, 0, " | simul");
	assert_on_screen(" async 11.8x faster ");
	assert_at(99, 10, "|");
}

Test(board_view, colour_mode_draws_solid_pieces_on_coloured_squares)
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

Test(board_view, blocking_boards_carry_a_cross_and_a_loud_bar)
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
Test(board_view, medium_screen_uses_three_line_tiles)
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

Test(board_view, zoom_shows_the_focused_board_large_with_moves)
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

Test(board_view, focus_is_drawn_in_reverse)
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
