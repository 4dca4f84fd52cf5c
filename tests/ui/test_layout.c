/*
 * ui/layout.c: where the frame's regions go at each size (diagrams at
 * 200x60, tiles at 160x50, 120x40 and 80x24, every size inside the
 * screen), how tall the tiles are, paging a hundred boards with the focus
 * kept in view, mouse hits mapped back to boards, and the duration
 * formats the views share. The fixture is in view_fixture.h.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "engine/macros.h"
#include "view_fixture.h"

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
	/* 15 lines: no room for two-line tiles. */
	cr_assert(eq(int, lp->draw_h, 1));
	cr_assert(eq(int, lp->cell_h, 1));
	cr_assert(le(int, lp->total_rows, lp->rows));
	assert_at(0, 2, " SYNC  one game at a time      0:02:30 ");
	/* The figures are never cut: the labels shorten first. */
	assert_at(1, 3, "projected 12:00:00  article 12:00:00");
	assert_at(41, 3, "projected 1:00:55  article 1:00:55");
	assert_at(1, 4, "moves 3/720   master busy 10%");
	/* The master's line takes its short form rather than being cut. */
	assert_at(1, 5, "\u2654 WAITS at board 1: reply in 30 s");
	assert_at(41, 4, "moves 30/720  busy 100%  11.8\u00d7 faster");
	/* Board 24 of sync, last row, second column. */
	assert_at(lp->boards.x + 20, lp->boards.y + 11, " 24  1\u25cb");
	/* The footer keeps every key; its labels are shorter (see test_status_view.c). */
	assert_at(0, 23, " space pause s +/- \u2190\u2192 Enter");
	assert_on_screen("? help q quit");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 1, 23)->style, UI_KEY));
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
	assert_on_screen("WAITS at ");
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
	assert_at(lp->boards.x, lp->boards.y + lp->rows, "boards 1-28 of 100  \u2193 PgDn");
	fx.vs.focus_ex = 0;
	fx.vs.focus_board = 98;
	render(80, 24);
	cr_assert(eq(int, fx.vs.scroll[0], 50 - lp->rows));
	assert_at(lp->boards.x, lp->boards.y + lp->rows, "boards 73-100 of 100  \u2191 PgUp");
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

/* At every size, with the loop panel or not: totals, model figures and the speed-up whole. */
Test(layout, totals_and_speedup_are_never_cut)
{
	static const int sizes[][2] = { { 200, 60 }, { 120, 40 }, { 80, 24 }, { 60, 20 } };

	for (int loop = 0; loop < 2; loop++)
		for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			fx.vs.loop_panel = loop;
			render(sizes[i][0], sizes[i][1]);
			assert_on_screen("11.8\u00d7 faster");
			for (int p = 0; p < fx.lo.npanels; p++) {
				const struct ui_rect *h = &fx.lo.panel[p].header;

				for (int row = 1; row <= 2; row++) {
					char line[1024];

					cellbuf_row(&fx.cb, h->y + row, line, sizeof(line));
					cr_assert(eq(ptr, strstr(line, "\u2026"), NULL), "%dx%d: \"%s\"",
						  sizes[i][0], sizes[i][1], line);
				}
			}
			assert_on_screen("12:00:00");
			assert_on_screen("1:00:55");
			assert_on_screen("11.8\u00d7");
		}
}
