/*
 * ui/live_keys.c: the one key table. Every binding of the table has a check
 * here that sends one of its keys to a live view (no terminal: a sim on
 * its own loop, frames drawn into the cell buffer) and asserts the effect,
 * e.g. `p` really switches the async policy to a different one. A binding
 * added to the table without a check here fails the suite.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <ev.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/keys.h"
#include "ui/live_internal.h"

static struct live lv;
static struct ev_loop *loop;

static void
frame(void)
{
	snapshot_view_frame(&lv.sv, lv.sim, 120, 40, &lv.lo, &lv.cb);
}

static void
setup(void)
{
	struct cli_options o;
	struct live_options lo = { .fps = 30 };
	char err[256];

	engine_init();
	cli_options_defaults(&o);
	o.config.chess = false;		/* timing alone: the keys, not the engine, are tested */
	loop = ev_loop_new(EVFLAG_AUTO);
	cr_assert(eq(int, live_open(&lv, &o, &lo, loop, err, sizeof(err)), 0), "%s", err);
	cr_assert(eq(int, sim_start_live(lv.sim, loop, lv.speed), 0));
	sim_pause(lv.sim, true);
	frame();
}

static void
teardown(void)
{
	live_close(&lv);
	ev_loop_destroy(loop);
}

static void
press(int key)
{
	struct screen_input in = { .key = key };

	live_key(&lv, &in);
	frame();
}

static void
check_pause(void)
{
	bool was = sim_paused(lv.sim);

	press(' ');
	cr_assert(eq(int, sim_paused(lv.sim), !was));
	press(' ');
	cr_assert(eq(int, sim_paused(lv.sim), was));
}

static void
check_step(void)
{
	/* The masters' first choices at 0 (one per exhibition), then sync's first move at 5 s. */
	press('s');
	press('s');
	cr_assert(eq(i64, sim_now(lv.sim), 0));
	press('s');
	cr_assert(eq(int, sim_paused(lv.sim), true));
	cr_assert(eq(i64, sim_now(lv.sim), 5 * SIM_US_PER_S));
	cr_assert(ne(str, lv.sv.vs.status[0], (char *)""));
}

static void
check_speed(void)
{
	double s = lv.speed;

	press('+');
	cr_assert(eq(dbl, sim_speed(lv.sim), 2 * s));
	press('-');
	press('-');
	cr_assert(eq(dbl, sim_speed(lv.sim), s / 2));
	press('=');
	cr_assert(eq(dbl, lv.speed, s));
}

static void
check_focus(void)
{
	int cols = layout_columns(&lv.lo, 0);

	lv.sv.vs.focus_board = 0;
	press(SCREEN_KEY_RIGHT);
	cr_assert(eq(int, lv.sv.vs.focus_board, 1));
	press(SCREEN_KEY_DOWN);
	cr_assert(eq(int, lv.sv.vs.focus_board, 1 + cols));
	press(SCREEN_KEY_UP);
	press(SCREEN_KEY_LEFT);
	press(SCREEN_KEY_LEFT);
	cr_assert(eq(int, lv.sv.vs.focus_board, 0));
	press(SCREEN_KEY_TAB);
	cr_assert(eq(int, lv.sv.vs.focus_ex, 1));
	press(SCREEN_KEY_BTAB);
	cr_assert(eq(int, lv.sv.vs.focus_ex, 0));
}

static void
check_zoom(void)
{
	press(SCREEN_KEY_ENTER);
	cr_assert(eq(int, lv.sv.vs.zoom, true));
	press(SCREEN_KEY_ESC);
	cr_assert(eq(int, lv.sv.vs.zoom, false));
}

static void
check_page(void)
{
	press(SCREEN_KEY_END);
	cr_assert(eq(int, lv.sv.vs.focus_board, 23));
	press(SCREEN_KEY_HOME);
	cr_assert(eq(int, lv.sv.vs.focus_board, 0));
	press(SCREEN_KEY_PGDN);
	cr_assert(gt(int, lv.sv.vs.focus_board, 0));
	press(SCREEN_KEY_PGUP);
	cr_assert(eq(int, lv.sv.vs.focus_board, 0));
}

static void
check_fast_forward(void)
{
	press('f');
	cr_assert(eq(int, sim_finished(lv.sim, -1), true));
	cr_assert(ne(str, lv.sv.vs.notice, (char *)""));
}

static void
check_restart(void)
{
	uint64_t seed = lv.config.seed;

	press('s');
	press('r');
	cr_assert(eq(u64, lv.config.seed, seed + 1));
	cr_assert(eq(u64, sim_config(lv.sim)->seed, seed + 1));
	cr_assert(eq(i64, sim_now(lv.sim), 0));
}

static void
check_policy(void)
{
	enum sim_policy before = sim_exhibition_policy(lv.sim, 1), after;

	cr_assert(eq(int, sim_exhibition_policy(lv.sim, 0), SIM_SYNC));
	press('p');
	after = sim_exhibition_policy(lv.sim, 1);
	cr_assert(ne(int, after, before), "p kept the policy %s", sim_policy_name(before));
	cr_assert(ne(int, after, SIM_SYNC));
	cr_assert(eq(int, sim_exhibition_policy(lv.sim, 0), SIM_SYNC));
	/* Fixed times: the status line says why the totals agree, and what would differ. */
	cr_assert(not(eq(ptr, strstr(lv.sv.vs.notice, "the same total here"), NULL)), "%s",
		  lv.sv.vs.notice);
	cr_assert(not(eq(ptr, strstr(lv.sv.vs.status[0], "--preset variable"), NULL)));
	press('p');
	cr_assert(eq(int, sim_exhibition_policy(lv.sim, 1), before));
}

static void
check_greedy(void)
{
	bool was = sim_greedy(lv.sim);

	press('g');
	cr_assert(eq(int, sim_greedy(lv.sim), !was));
	cr_assert(eq(int, lv.config.greedy, !was));
	press('g');
	cr_assert(eq(int, sim_greedy(lv.sim), was));
}

static void
check_blocking(void)
{
	lv.sv.vs.focus_board = 4;
	press('b');
	cr_assert(eq(int, sim_blocking(lv.sim, 4), true));
	cr_assert(eq(int, lv.config.nblocking, 1));
	cr_assert(eq(int, lv.config.blocking[0], 4));
	press('b');
	cr_assert(eq(int, sim_blocking(lv.sim, 4), false));
	cr_assert(eq(int, lv.config.nblocking, 0));
	lv.sv.vs.focus_board = 0;
}

static void
check_loop(void)
{
	press(' ');	/* running again: no longer stepping */
	press(' ');
	press('l');
	cr_assert(eq(int, lv.sv.vs.loop_panel, true));
	cr_assert(gt(int, lv.lo.panel[1].loop.h, 1));
	press('l');
	cr_assert(eq(int, lv.lo.panel[1].loop.h, 0));
	/* Stepping shows it by itself; l then hides it. */
	press('s');
	cr_assert(gt(int, lv.lo.panel[1].loop.h, 0));
	press('l');
	cr_assert(eq(int, lv.lo.panel[1].loop.h, 0));
}

static void
check_model(void)
{
	int x, y;

	press('m');
	cr_assert(eq(int, lv.sv.vs.model_screen, true));
	cr_assert(eq(int, cellbuf_find(&lv.cb, "24 \u00d7 30 \u00d7 (5 s + 55 s) = 12:00:00", &x, &y), 0));
	press('m');
	cr_assert(eq(int, cellbuf_find(&lv.cb, "12:00:00 =", &x, &y), -1));
	cr_assert(eq(int, cellbuf_find(&lv.cb, "(5 s + 55 s) = 12:00:00", &x, &y), -1));
}

static void
check_details(void)
{
	press('d');
	cr_assert(eq(int, lv.sv.vs.details, true));
	cr_assert(gt(int, lv.lo.details.h, 0));
	press('d');
	cr_assert(eq(int, lv.sv.vs.details, false));
	cr_assert(eq(int, lv.lo.details.h, 0));
}

static void
check_click(void)
{
	const struct layout_panel *lp = &lv.lo.panel[1];

	press(SCREEN_KEY_ESC);
	lv.sv.vs.focus_ex = 0;
	lv.sv.vs.focus_board = 0;
	live_key(&lv, &(struct screen_input){ SCREEN_KEY_CLICK, lp->boards.x + lp->cell_w + 2,
					      lp->boards.y });
	cr_assert(eq(int, lv.sv.vs.focus_ex, 1));
	cr_assert(eq(int, lv.sv.vs.focus_board, 1));
}

/* e writes simul-<seed>-<time>.svg in the current folder and says so. */
static void
check_export(void)
{
	char dir[] = "/tmp/simul_keys_XXXXXX", old[4096], path[4200], want[64];
	const char *name;
	FILE *f;

	cr_assert(not(eq(ptr, mkdtemp(dir), NULL)));
	cr_assert(not(eq(ptr, getcwd(old, sizeof(old)), NULL)));
	cr_assert(eq(int, chdir(dir), 0));
	press('e');
	cr_assert(eq(int, chdir(old), 0));
	snprintf(want, sizeof(want), "wrote simul-%llu-", (unsigned long long)lv.config.seed);
	name = strstr(lv.sv.vs.notice, want);
	cr_assert(not(eq(ptr, (void *)name, NULL)), "%s", lv.sv.vs.notice);
	snprintf(path, sizeof(path), "%s/%.*s", dir, (int)strcspn(name + 6, " "), name + 6);
	f = fopen(path, "r");
	cr_assert(not(eq(ptr, f, NULL)), "%s", path);
	cr_assert(eq(int, fgetc(f), '<'));
	fclose(f);
	remove(path);
	rmdir(dir);
}

static void
check_help(void)
{
	press('?');
	cr_assert(eq(int, lv.sv.vs.help, true));
	/* Any key closes it and does nothing else. */
	press('f');
	cr_assert(eq(int, lv.sv.vs.help, false));
	cr_assert(eq(int, sim_finished(lv.sim, -1), false));
}

static void
check_quit(void)
{
	press('q');
	cr_assert(eq(int, lv.exit_code, 0));
}

/* The check of each binding, by the name help shows. */
static const struct {
	const char	*name;
	void		(*check)(void);
} checks[] = {
	{ "space", check_pause }, { "s", check_step }, { "+  -", check_speed },
	{ "arrows Tab", check_focus }, { "Enter", check_zoom }, { "PgUp PgDn", check_page },
	{ "f", check_fast_forward }, { "r", check_restart }, { "p", check_policy },
	{ "g", check_greedy }, { "b", check_blocking }, { "l", check_loop }, { "m", check_model },
	{ "d", check_details }, { "click", check_click }, { "e", check_export },
	{ "? F1 h", check_help },
	{ "q", check_quit },
};

TestSuite(live_keys, .init = setup, .fini = teardown, .timeout = 60);

Test(live_keys, every_binding_has_its_effect)
{
	for (size_t i = 0; i < key_table_len; i++) {
		const struct key_binding *k = &key_table[i];
		size_t j = 0;

		while (j < sizeof(checks) / sizeof(checks[0]) && strcmp(checks[j].name, k->ascii_name))
			j++;
		cr_assert(lt(sz, j, sizeof(checks) / sizeof(checks[0])),
			  "key %s has no check in this suite", k->ascii_name);
		cr_assert(k->fn != NULL);
		checks[j].check();
	}
}

Test(live_keys, every_code_has_one_binding)
{
	for (size_t i = 0; i < key_table_len; i++)
		for (int c = 0; c < KEY_CODES_MAX && key_table[i].codes[c] != 0; c++)
			cr_assert(eq(ptr, (void *)key_lookup(key_table[i].codes[c]),
				     (void *)&key_table[i]),
				  "key %d of %s is bound twice", key_table[i].codes[c],
				  key_table[i].ascii_name);
	cr_assert(eq(ptr, (void *)key_lookup('x'), NULL));
}

Test(live_keys, help_lists_every_binding)
{
	FILE *f = tmpfile();
	char line[256];
	size_t n = 0;

	key_table_print(f);
	rewind(f);
	cr_assert(not(eq(ptr, fgets(line, sizeof(line), f), NULL)));
	cr_assert(eq(str, line, "keys:\n"));
	while (fgets(line, sizeof(line), f) != NULL) {
		cr_assert(lt(sz, n, key_table_len));
		cr_assert(not(eq(ptr, strstr(line, key_table[n].ascii_name), NULL)), "%s", line);
		n++;
	}
	cr_assert(eq(sz, n, key_table_len));
	fclose(f);
}
