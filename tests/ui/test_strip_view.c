/*
 * ui/strip_view.c: the busy/wait strip under each panel, full for async and
 * low for sync, blank after an exhibition's end, its axis following an
 * exhibition ahead of the shared clock, and blocked stretches drawn with a
 * cross of their own. The fixture is in view_fixture.h.
 */
#include "view_fixture.h"

TestSuite(strip_view, .init = setup24, .fini = fixture_teardown);

Test(strip_view, busy_wait_strip_full_for_async_low_for_sync)
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

Test(strip_view, strip_is_blank_after_an_exhibition_ends)
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

Test(strip_view, strip_axis_follows_an_exhibition_ahead_of_the_clock)
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

Test(strip_view, strip_draws_blocked_stretches_with_their_own_glyph)
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
