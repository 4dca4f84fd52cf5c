/*
 * ui/status_view.c: the bottom of the screen. The narration newest first
 * (with the paused marker), a key's notice above it, the footer at each
 * width (every key kept, labels shortened), and the summary when async
 * finishes. The fixture is in view_fixture.h.
 */
#include "view_fixture.h"

TestSuite(status_view, .init = setup24, .fini = fixture_teardown);

Test(status_view, narration_newest_first_with_paused_marker)
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

Test(status_view, a_key_notice_sits_above_the_narration)
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

/*
 * The footer shortens its labels rather than drop a key: full words from
 * 112 columns, then short words, one-space gaps, bare arrows and +/-, and
 * below 79 columns every key bare but space, ? and q.
 */
Test(status_view, footer_keeps_every_key_at_80_columns)
{
	int x, y;

	render(80, 24);
	assert_at(0, 23, " space pause s +/- \u2190\u2192 Enter f r p g b l m d ? help q quit ");
	cr_assert(eq(int, cellbuf_find(&fx.cb, "? help", &x, &y), 0));
	cr_assert(eq(int, y, 23));
	cr_assert(eq(int, cellbuf_at(&fx.cb, x, y)->style, UI_KEY));
	cr_assert(eq(int, cellbuf_at(&fx.cb, x + 2, y)->style, UI_DIM));
	fx.vs.ascii = true;
	render(80, 24);
	assert_at(0, 23, " space pause s +/- <> Enter f r p g b l m d ? help q quit ");
}

Test(status_view, footer_labels_shorten_with_the_width)
{
	render(200, 60);
	assert_at(0, 59, " space pause  s step  +/- speed  \u2190\u2192 focus  Enter zoom  f fast-fwd  "
			 "r restart  p policy  g greedy  b block  l loop  m model  d details  ? help  q quit ");
	render(149, 40);
	assert_at(0, 39, " space pause  s step  +/- speed  \u2190\u2192 focus  Enter zoom  f fast-fwd  "
			 "r restart  p policy  g greedy  b block  l loop  m model  d details  ? help  q quit");
	render(148, 40);
	assert_at(0, 39, " space pause  s step  +/- speed  \u2190\u2192 focus  Enter zoom  f ffwd  r new  "
			 "p pol  g greedy  b block  l loop  m model  d det  ? help  q quit ");
	render(100, 40);
	assert_at(0, 39, " space pause s step +/- \u2190\u2192 Enter f r p g greedy b block l loop "
			 "m model d ? help q quit ");
	render(60, 16);
	assert_at(0, 15, " space pause s +/- \u2190\u2192 Enter f r p g b l m d ? help q quit ");
}

Test(status_view, summary_when_async_finishes)
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
