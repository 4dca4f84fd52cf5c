/*
 * ui/help_view.c: the help overlay (the lesson and every key, centred, and
 * fitted to a small screen) and the too-small message that replaces the
 * whole frame below the minimum size. The fixture is in view_fixture.h.
 */
#include "view_fixture.h"

TestSuite(help_view, .init = setup24, .fini = fixture_teardown);

Test(help_view, help_overlay_has_the_lesson_and_every_key)
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
	assert_on_screen("(loop._ready) and the scheduled timers (loop._scheduled). m: the model.");
	assert_on_screen("heartbeat (top left) stops, the simulated totals do not change.");
	assert_on_screen("b          block the focused board");
	assert_on_screen("l          the loop: queue, timers");
	assert_on_screen("m          the model, worked out");
	assert_on_screen("d          details: stall, lateness");
	assert_on_screen("click      focus a board");
	assert_on_screen("e          save the strips as SVG");
	assert_on_screen("q          quit (Ctrl-C too)");
	assert_on_screen(" any key closes this help ");
	/* Centred: the frame's corner at ((120-78)/2, (40-23)/2). */
	assert_at(21, 8, "\u250c\u2500 simul: help");
}

Test(help_view, help_overlay_fits_a_small_screen)
{
	fx.vs.help = true;
	fx.vs.ascii = true;
	render(80, 24);
	assert_at(1, 0, "+- simul: help");
	assert_on_screen("arrows Tab move the focus");
	assert_on_screen("q          quit (Ctrl-C too)");
	assert_on_screen("speed x2 / :2");
}

Test(help_view, too_small_screen_says_what_it_needs)
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
