/*
 * ui/header_view.c: the top bar (title, speed-up, speed, pause state, the
 * live loop's lateness and GREEDY) and each exhibition's header (clock,
 * projected total beside the model, moves, utilisation, and the master's
 * own line: WAITS, THINKS, done, BLOCKED at every width). The fixture is
 * in view_fixture.h.
 */
#include "view_fixture.h"

TestSuite(header_view, .init = setup24, .fini = fixture_teardown);

Test(header_view, top_bar_title_speedup_speed_and_state)
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

Test(header_view, headers_show_clock_projection_model_moves_and_the_master)
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

Test(header_view, finished_exhibition_says_so_in_its_header)
{
	fx.ex[1].finished = true;
	fx.ex[1].now = 3655 * SIM_US_PER_S;
	fx.ex[1].master = VIEW_MASTER_DONE;
	render(200, 60);
	assert_at(199 - 17, 2, "finished 1:00:55 ");
	assert_at(101, 3, "total 1:00:55   model 1:00:55");
	assert_at(101, 5, "\u2654 master done: all games over");
}

/* The live clock's figures: lateness in the top bar, loud past 50 ms, and the GREEDY marker. */
Test(header_view, top_bar_shows_the_loop_lateness_and_greedy)
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

Test(header_view, blocked_master_says_so_loudly_at_every_width)
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
