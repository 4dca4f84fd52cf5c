/*
 * ui/model_view.c: the model screen (m). The article's numbers put into
 * both formulas and worked out, the round in words with the term that
 * wins, the crossing point, and the measured totals beside; at 80x24 and
 * 60x20 no figure is cut. The fixture is in view_fixture.h.
 */
#include "view_fixture.h"

static void
setup(void)
{
	setup24();
	fx.vs.model_screen = true;
	fx.vs.model = (struct view_model){ 24, 30, 5 * SIM_US_PER_S, 55 * SIM_US_PER_S, 0, true };
}

TestSuite(model_view, .init = setup, .fini = fixture_teardown);

Test(model_view, both_formulas_worked_out)
{
	render(120, 40);
	assert_on_screen("N \u00d7 M \u00d7 (Tm + To) = 24 \u00d7 30 \u00d7 (5 s + 55 s) = 12:00:00");
	assert_on_screen("the master's walk past every board  N \u00d7 Tm = 24 \u00d7 5 s = 2 min");
	assert_on_screen("one board's move and its reply       Tm + To = 5 s + 55 s = 1 min");
	assert_on_screen("here the master is the bottleneck: a round is 2 min and he never waits");
	assert_on_screen("29 \u00d7 2 min + 23 \u00d7 5 s + 5 s + 55 s = 1:00:55");
	assert_on_screen("below N = (Tm + To) / Tm = 12 boards the reply wins: he waits");
	assert_on_screen("sync        at  0:02:30   model 12:00:00   article 12:00:00");
	assert_on_screen("ready       at  0:02:30   model  1:00:55   article  1:00:55");
}

Test(model_view, few_boards_the_reply_wins)
{
	fx.vs.model.n = 8;
	render(120, 40);
	assert_on_screen("N \u00d7 Tm = 8 \u00d7 5 s = 40 s");
	assert_on_screen("here the reply is the bottleneck: a round is 1 min and the master waits");
	assert_on_screen("29 \u00d7 1 min + 7 \u00d7 5 s + 5 s + 55 s = 0:30:35");
	assert_on_screen("from N = (Tm + To) / Tm = 12 boards on he never waits");
}

Test(model_view, no_figure_cut_when_small)
{
	render(80, 24);
	assert_on_screen("= 12:00:00");
	assert_on_screen("= 1:00:55");
	assert_on_screen("model 12:00:00   article 12:00:00");
	render(60, 20);
	assert_on_screen("(5 s + 55 s) = 12:00:00");
	assert_on_screen("sync   0:02:30  model 12:00:00  art 12:00:00");
	assert_on_screen("ready  0:02:30  model  1:00:55  art  1:00:55");
	assert_on_screen("the master is the bottleneck: rounds of 2 min");
}
