/*
 * ui/header_view.c: the top bar (heartbeat, title, speed-up, speed, run
 * state, GREEDY), the legend, the details line (the real loop's stall and
 * lateness) and each exhibition's header (clock, projected total from the
 * model beside the article's figure, moves, utilisation, and the master's
 * own line: WAITS, THINKS, done, BLOCKED at every width). The fixture is
 * in view_fixture.h.
 */
#include "view_fixture.h"

TestSuite(header_view, .init = setup24, .fini = fixture_teardown);

Test(header_view, top_bar_title_speedup_speed_and_state)
{
	render(200, 60);
	/* The heartbeat turns with every frame drawn. */
	assert_at(0, 0, " \u280b simul  24 boards, 30 moves, master 5s, opponents 55s");
	fx.vs.beat = 1;
	render(200, 60);
	assert_at(0, 0, " \u2819 simul");
	/* 12:00:00 / 1:00:55 = 11.82: projected totals, which come from the model. */
	assert_on_screen(" async 11.8\u00d7 faster ");
	assert_at(200 - 23, 0, "  speed 60\u00d7  \u25b6 running ");
	fx.vs.paused = true;
	render(200, 60);
	assert_at(200 - 11, 0, " \u275a\u275a PAUSED ");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 195, 0)->style, UI_PAUSED));
	/* A paused screen without narration says how to go on. */
	assert_at(1, 56, " PAUSED: space resumes, s plays one event and says why ");
	fx.vs.finished = true;
	render(200, 60);
	assert_at(200 - 12, 0, " \u25a0 finished ");
}

/* A clock too fast for its searches is held while the games are searched ahead: said, with progress. */
Test(header_view, top_bar_says_when_the_clock_waits_for_games_to_be_prepared)
{
	fx.vs.preparing = true;
	fx.vs.prepare_pct = 42;
	render(200, 60);
	assert_at(200 - 21, 0, " preparing games 42% ");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 190, 0)->style, UI_PAUSED));
	/* Paused meanwhile: that is what a key changes, so that shows. */
	fx.vs.paused = true;
	render(200, 60);
	assert_at(200 - 11, 0, " \u275a\u275a PAUSED ");
}

/* Searches slower than the clock (grandmaster at a high speed): the clock waits for each, said. */
Test(header_view, top_bar_says_when_the_clock_waits_for_a_search)
{
	fx.vs.searching = true;
	render(200, 60);
	assert_at(200 - 24, 0, " waiting for the search ");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 190, 0)->style, UI_PAUSED));
	fx.vs.searching = false;
	render(200, 60);
	assert_at(200 - 11, 0, " \u25b6 running ");
}

Test(header_view, top_bar_keeps_the_speedup_on_small_screens)
{
	render(80, 24);
	assert_at(0, 0, " \u280b simul  24\u00d730, 5s/55s");
	assert_on_screen(" async 11.8\u00d7 faster ");
	render(60, 20);
	assert_at(0, 0, " \u280b simul ");
	assert_on_screen(" async 11.8\u00d7 faster ");
	assert_on_screen("\u25b6 running ");
}

Test(header_view, headers_show_clock_projection_model_moves_and_the_master)
{
	render(200, 60);
	assert_at(0, 2, " SYNC  one game at a time");
	assert_at(99 - 8, 2, "0:02:30 ");
	assert_at(1, 3, "projected 12:00:00 (model)   article 12:00:00");
	assert_at(1, 4, "moves 3/720   master busy 10%");
	assert_at(1, 5, "\u2654 master WAITS at board 1: opponent thinks, 30 s left");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 1, 5)->style, UI_WAIT));
	assert_at(100, 2, " ASYNC  ready queue");
	assert_at(101, 3, "projected 1:00:55 (model)   article 1:00:55");
	assert_at(101, 4, "moves 30/720   master busy 100%  11.8\u00d7 faster");
	assert_at(101, 5, "\u2654 master THINKS at board 7 (2 s)");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 101, 5)->style, UI_MASTER));
	/* Narrow panels: the labels shorten, never the figures. */
	render(60, 20);
	assert_at(1, 3, "proj 12:00:00  art 12:00:00");
	assert_at(31, 3, "proj 1:00:55  art 1:00:55");
}

Test(header_view, finished_exhibition_says_so_in_its_header)
{
	fx.ex[1].finished = true;
	fx.ex[1].now = 3655 * SIM_US_PER_S;
	fx.ex[1].master = VIEW_MASTER_DONE;
	render(200, 60);
	assert_at(199 - 17, 2, "finished 1:00:55 ");
	assert_at(101, 3, "total 1:00:55 = model   article 1:00:55");
	assert_at(101, 5, "\u2654 master done: all games over");
	/* Games that ended early: the model follows them, the article does not. */
	fx.ex[1].projected = fx.ex[1].model = fx.ex[1].now = 3475 * SIM_US_PER_S;
	render(200, 60);
	assert_at(101, 3, "total 0:57:55 = model   article 1:00:55");
}

/* The real loop's figures are details: a line of their own, on d or by themselves when greedy. */
Test(header_view, details_line_shows_the_stall_and_lateness)
{
	fx.vs.has_lateness = true;
	fx.vs.late_p99_ms = 1.3;
	fx.vs.late_max_ms = 3.7;
	fx.vs.stall_ms = 0.4;
	render(200, 60);
	assert_at(0, 1, " \u2654 the master");
	cr_assert(eq(int, fx.lo.details.h, 0));
	fx.vs.details = true;
	render(200, 60);
	assert_at(0, 2, " loop: stall 0.4 ms, late p99 1.3 ms, max 3.7 ms (last few s) \u00b7 search in "
		  "slices");
	assert_on_screen("simulated totals stay exact");
	fx.vs.details = false;
	fx.vs.greedy = true;
	fx.vs.stall_ms = 1250;
	fx.vs.late_max_ms = 1300;
	render(200, 60);
	assert_at(200 - 23 - 8, 0, " GREEDY ");
	assert_at(0, 2, " loop: stall 1.2 s, late p99 1.3 ms, max 1.3 s (last few s) \u00b7 GREEDY");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 1, 2)->style, UI_PAUSED));
	render(80, 24);
	assert_at(0, 2, " stall 1.2 s, late max 1.3 s \u00b7 GREEDY: search in one go, loop stalls");
}

Test(header_view, legend_names_every_mark)
{
	render(200, 60);
	assert_at(0, 1, " \u2654 the master  \u25cb\u25cf master / opponent to move  \u2588\u2588 time "
		  "left to think  3:00 how long a board has waited for the master  \u2588 strip: master "
		  "busy  \u2591 strip: master idle, waiting  \u2573 blocking call");
	render(80, 24);
	assert_at(0, 1, " \u2654 master  \u25cb\u25cf turn  \u2588\u2588 think  3:00 waited  \u2588 busy  "
		  "\u2591 idle  \u2573 block");
	/* 60 columns: one space between, every mark still named. */
	render(60, 20);
	assert_at(0, 1, " \u2654 master \u25cb\u25cf turn \u2588\u2588 think 3:00 waited \u2588 busy "
		  "\u2591 idle \u2573 block");
}

Test(header_view, blocked_master_says_so_loudly_at_every_width)
{
	fixture_blocked();
	render(200, 60);
	/* Blocked: the details line shows by itself (row 2), the panels start at row 3. */
	assert_at(101, 6, "\u2654 master BLOCKED at board 2: opponent thinks inside a blocking "
		  "call, 30 s left");
	cr_assert(eq(int, cellbuf_at(&fx.cb, 101, 6)->style, UI_PAUSED));
	/* The time blocked is part of the simulated total, beside the model. */
	assert_at(101, 4, "projected 1:00:55 (model)   article 1:00:55   blocked 0:01:20");
	render(120, 40);
	assert_at(61, 6, "\u2654 BLOCKED at board 2: blocking call, 30 s left");
	render(80, 24);
	assert_at(41, 6, "\u2654 BLOCKED at board 2");
	/* The wait line of an exhibition not blocked stays as it was. */
	assert_at(1, 6, "\u2654 WAITS at board 1: reply in 30 s");
}
