/*
 * ui/loop_view.c: the loop panel under each exhibition. After a scripted
 * state (the ready master at board 7; boards 8 and 9 in the ready queue,
 * board 8 oldest; replies due on boards 10, 11 and 1, soonest first) the
 * panel lists exactly that order with how long each waited and when each
 * timer fires, says why the last event changed it, and at 80x24 folds
 * into one line. The fixture is in view_fixture.h.
 */
#include "view_fixture.h"

TestSuite(loop_view, .init = setup24, .fini = fixture_teardown);

static void
script(void)
{
	const simtime_t S = SIM_US_PER_S, now = 150 * S;
	struct sim_loop_view *l = &fx.ex[1].loop;

	fx.vs.loop_panel = true;
	memset(l, 0, sizeof(*l));
	l->ready[0] = (struct sim_loop_entry){ 7, now - 10 * S };
	l->ready[1] = (struct sim_loop_entry){ 8, now - 5 * S };
	l->nready = l->ready_total = 2;
	l->timers[0] = (struct sim_loop_entry){ 9, now + 5 * S };
	l->timers[1] = (struct sim_loop_entry){ 10, now + 10 * S };
	l->timers[2] = (struct sim_loop_entry){ 0, now + 15 * S };
	l->ntimers = l->timers_total = 3;
	fx.ex[1].loop_board = 9;
	snprintf(fx.ex[1].loop_why, sizeof(fx.ex[1].loop_why),
		 "board 9's reply timer fired: board 9 joins the back of the ready queue");
}

Test(loop_view, queue_and_timers_in_order_at_120x40)
{
	const struct layout_panel *lp;

	script();
	render(120, 40);
	lp = &fx.lo.panel[1];
	cr_assert(eq(int, lp->loop.h, 10));
	assert_at(lp->loop.x, lp->loop.y, " the event loop (asyncio: loop._ready, loop._scheduled) ");
	assert_at(lp->loop.x + 1, lp->loop.y + 1, "running: master at board 7, thinking 2 s of 5 s");
	assert_at(lp->loop.x + 1, lp->loop.y + 3, "board 8   waited 10 s");
	assert_at(lp->loop.x + 1, lp->loop.y + 4, "board 9   waited 5 s");
	cr_assert(eq(int, cellbuf_at(&fx.cb, lp->loop.x + 1, lp->loop.y + 4)->style, UI_FOCUS));
	assert_at(lp->loop.x + 30, lp->loop.y + 3, "board 10  in 5 s    (0:02:35)");
	assert_at(lp->loop.x + 30, lp->loop.y + 4, "board 11  in 10 s   (0:02:40)");
	assert_at(lp->loop.x + 30, lp->loop.y + 5, "board 1   in 15 s   (0:02:45)");
	assert_at(lp->loop.x + 1, lp->loop.y + 8, "\u25b6 board 9's reply timer fired: board 9 joins the "
		  "back of");
	assert_at(lp->loop.x + 3, lp->loop.y + 9, "the ready queue");
	/* The sync side: the one call, and nothing else can run. */
	assert_at(1, lp->loop.y + 2, "nothing else can run: 23 other boards wait their turn");
	/* Every board is still shown beside it. */
	cr_assert(le(int, fx.lo.panel[1].total_rows, fx.lo.panel[1].rows));
}

Test(loop_view, one_line_when_small)
{
	script();
	render(80, 24);
	cr_assert(eq(int, fx.lo.panel[1].loop.h, 1));
	assert_at(41, fx.lo.panel[1].loop.y, "ready 2 \u00b7 timers 3 \u00b7 run: board 7");
	assert_at(1, fx.lo.panel[0].loop.y, "one call: board 1 \u00b7 nothing else runs");
	render(200, 60);
	cr_assert(eq(int, fx.lo.panel[1].loop.h, 14));
	assert_on_screen("board 8   waited 10 s");
}

/* A large screen gives the rows the boards leave empty to the loop panel, unasked. */
Test(loop_view, large_screen_uses_spare_rows)
{
	script();
	fx.vs.loop_panel = false;
	render(200, 60);
	cr_assert(eq(int, fx.lo.mode, LAYOUT_DIAGRAMS));
	cr_assert(ge(int, fx.lo.panel[1].loop.h, 9));
	assert_on_screen("board 8   waited 10 s");
	/* 80x24 has no rows to spare: nothing unasked. */
	render(80, 24);
	cr_assert(eq(int, fx.lo.panel[1].loop.h, 0));
}
