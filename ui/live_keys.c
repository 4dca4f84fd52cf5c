/*
 * What each key of the live view does, as one table (ui/keys.h): a key
 * either moves the view (focus, zoom, help), or asks the simulation through
 * sim.h (pause, step, speed, fast-forward, greedy), or changes the config
 * and restarts the run (r: a new seed; p: the other async policy, replayed
 * to the same moment). Every key answers with a notice or a narration line,
 * so the screen says what it did; drawing is left to the controller
 * (ui/live.c). The help overlay, the footer and `simul live --help` are
 * drawn from the same rows.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "engine/macros.h"
#include "ui/atomic_file.h"
#include "ui/keys.h"
#include "ui/live_internal.h"
#include "ui/pictures.h"
#include "ui/record.h"

enum {
	LIVE_SPEED_MIN_DIV = 64	/* slowest: 1/64 simulated s per real s */
};

static void
live_set_speed(struct live *lv, double speed)
{
	char text[128];

	if (speed > CLI_SPEED_MAX)
		speed = CLI_SPEED_MAX;
	if (speed < 1.0 / LIVE_SPEED_MIN_DIV)
		speed = 1.0 / LIVE_SPEED_MIN_DIV;
	lv->speed = speed;
	sim_set_speed(lv->sim, speed);
	live_window_reset(lv);
	snprintf(text, sizeof(text), "speed %g: %g simulated seconds per real second", speed, speed);
	live_notice(lv, text);
}

static void
key_fast_forward(struct live *lv, const struct screen_input *in)
{
	(void)in;
	lv->quiet = true;
	for (int i = 0; i < sim_exhibitions(lv->sim); i++)
		if (!sim_finished(lv->sim, i))
			sim_fast_forward(lv->sim, i);
	lv->quiet = false;
	live_notice(lv, "fast-forwarded: every exhibition played to its end");
}

static void
key_policy(struct live *lv, const struct screen_input *in)
{
	char text[VIEW_TEXT];
	simtime_t now = sim_now(lv->sim);
	const char *to = NULL;

	(void)in;
	for (int i = 0; i < lv->npolicies; i++) {
		if (lv->policies[i] == SIM_SYNC)
			continue;
		lv->policies[i] = lv->policies[i] == SIM_READY ? SIM_ROUND_ROBIN : SIM_READY;
		to = sim_policy_name(lv->policies[i]);
	}
	if (to == NULL) {
		live_notice(lv, "no asynchronous exhibition to switch");
		return;
	}
	if (live_restart(lv, now) < 0)
		return;
	/*
	 * With fixed think times replies come back in the order the moves
	 * went out, so the board ready longest is always the next in the
	 * walking order: the same visits, the same total. Say so, and what
	 * shows the difference.
	 */
	if (dist_is_fixed(&lv->config.master_think) && dist_is_fixed(&lv->config.opponent_think)) {
		live_say(lv, "to see the two policies differ, make think times random: simul --preset "
			     "variable");
		snprintf(text, sizeof(text), "now %s: the same total here: with fixed times no board "
			 "waits longer than a round", to);
	} else
		snprintf(text, sizeof(text), "async policy now %s: same seed, replayed to this moment",
			 to);
	live_notice(lv, text);
}

/*
 * The article's pitfall on demand: the search for the master's move runs
 * in one go inside the timer callback (greedy) or in slices between loop
 * iterations. The lateness figures restart so the header shows this mode
 * alone; the config follows so r and p keep the choice.
 */
static void
key_greedy(struct live *lv, const struct screen_input *in)
{
	bool greedy = !sim_greedy(lv->sim);
	/* The default master searches ~1 ms: too short a stall to see. */
	bool fast = strcmp(lv->config.master_profile, "grandmaster") != 0;

	(void)in;
	sim_set_greedy(lv->sim, greedy);
	live_window_reset(lv);
	lv->config.greedy = greedy;
	live_say(lv, "the simulated totals do not change: they are exact; only the real loop "
		     "stalls");
	if (greedy)
		live_notice(lv, fast ? "greedy: the search runs in one go inside a timer callback; keys "
				    "and redraws wait till it returns. Watch the lateness (plain with "
				    "--master grandmaster)" :
				    "greedy: the master's search now runs in one go inside a timer "
				    "callback; the loop cannot answer keys or redraw until it returns: "
				    "watch the lateness");
	else
		live_notice(lv, "sliced again: the search runs in slices between loop iterations "
			     "(the article's sleep(0)), so keys and redraws stay prompt; lateness "
			     "measured afresh");
}

static void
live_move_focus(struct live *lv, int delta)
{
	struct view_state *vs = &lv->sv.vs;
	int n = lv->sv.nboards, b = vs->focus_board + delta;

	if (b < 0)
		b = 0;
	if (b >= n)
		b = n - 1;
	vs->focus_board = b;
}

static void
key_pause(struct live *lv, const struct screen_input *in)
{
	(void)in;
	sim_pause(lv->sim, !sim_paused(lv->sim));
	lv->sv.vs.stepping = false;
	live_say(lv, sim_paused(lv->sim) ? "paused: space resumes, s plays one event" : "running");
}

static void
key_step(struct live *lv, const struct screen_input *in)
{
	(void)in;
	if (!sim_paused(lv->sim))
		sim_pause(lv->sim, true);
	lv->sv.vs.stepping = true;
	if (sim_step(lv->sim) < 0)
		live_say(lv, "nothing left to play: every game is over");
}

static void
key_speed(struct live *lv, const struct screen_input *in)
{
	if (in->key == '+' || in->key == '=')
		live_set_speed(lv, lv->speed * 2);
	else
		live_set_speed(lv, lv->speed / 2);
}

/* Arrows move the focus by one board or one row; Tab changes exhibition. */
static void
key_focus(struct live *lv, const struct screen_input *in)
{
	struct view_state *vs = &lv->sv.vs;
	int cols = layout_columns(&lv->lo, vs->focus_ex), nex = vs->nex > 0 ? vs->nex : 1;

	switch (in->key) {
	case SCREEN_KEY_LEFT: live_move_focus(lv, -1); break;
	case SCREEN_KEY_RIGHT: live_move_focus(lv, 1); break;
	case SCREEN_KEY_UP: live_move_focus(lv, -cols); break;
	case SCREEN_KEY_DOWN: live_move_focus(lv, cols); break;
	case SCREEN_KEY_TAB: vs->focus_ex = (vs->focus_ex + 1) % nex; break;
	case SCREEN_KEY_BTAB: vs->focus_ex = (vs->focus_ex + nex - 1) % nex; break;
	default: break;
	}
}

static void
key_zoom(struct live *lv, const struct screen_input *in)
{
	struct view_state *vs = &lv->sv.vs;

	vs->zoom = in->key == SCREEN_KEY_ESC ? false : !vs->zoom;
}

/* A page is the rows of the focused panel; Home and End go to the first and last board. */
static void
key_page(struct live *lv, const struct screen_input *in)
{
	const struct view_state *vs = &lv->sv.vs;
	int cols = layout_columns(&lv->lo, vs->focus_ex);
	int page = cols * (vs->focus_ex < lv->lo.npanels ? lv->lo.panel[vs->focus_ex].rows : 1);

	switch (in->key) {
	case SCREEN_KEY_PGUP: live_move_focus(lv, -page); break;
	case SCREEN_KEY_PGDN: live_move_focus(lv, page); break;
	case SCREEN_KEY_HOME: live_move_focus(lv, -lv->sv.nboards); break;
	case SCREEN_KEY_END: live_move_focus(lv, lv->sv.nboards); break;
	default: break;
	}
}

static void
key_restart(struct live *lv, const struct screen_input *in)
{
	char text[64];

	(void)in;
	lv->config.seed++;
	if (live_restart(lv, 0) == 0) {
		snprintf(text, sizeof(text), "restarted with seed %llu",
			 (unsigned long long)lv->config.seed);
		live_notice(lv, text);
	}
}

/*
 * The blocking pitfall on the focused board, at run time: once the master
 * has moved there, its opponent's think is a blocking call and nothing
 * else runs until the reply. The config follows so r and p keep it.
 */
static void
key_blocking(struct live *lv, const struct screen_input *in)
{
	int b = lv->sv.vs.focus_board;
	bool on = !sim_blocking(lv->sim, b);
	char text[VIEW_TEXT];

	(void)in;
	if (sim_set_blocking(lv->sim, b, on) < 0) {
		live_notice(lv, "no more blocking boards: b on a blocking board turns it off");
		return;
	}
	lv->config = *sim_config(lv->sim);
	live_window_reset(lv);
	if (on)
		snprintf(text, sizeof(text), "board %d blocks: once the master moves there, its "
			 "opponent thinks inside a blocking call and nothing else runs (b: off)", b + 1);
	else
		snprintf(text, sizeof(text), "board %d no longer blocks: its reply is a timer again",
			 b + 1);
	live_notice(lv, text);
}

/* e: the strips as they are now, simul-<seed>-<time>.svg in the current folder. */
static void
key_export(struct live *lv, const struct screen_input *in)
{
	struct atomic_file af = { 0 };
	char path[96], err[256] = "", text[VIEW_TEXT];
	time_t now = time(NULL);
	struct tm tm;

	(void)in;
	localtime_r(&now, &tm);
	snprintf(path, sizeof(path), "simul-%llu-%04d%02d%02d-%02d%02d%02d.svg",
		 (unsigned long long)lv->config.seed, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		 tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (atomic_file_open(&af, path, err, sizeof(err)) < 0 || picture_run(af.f, lv->sim) < 0 ||
	    atomic_file_commit(&af, err, sizeof(err)) < 0)
		snprintf(text, sizeof(text), "no picture: %.140s", err[0] ? err : "cannot write it");
	else
		snprintf(text, sizeof(text), "wrote %s (open it in a browser)", path);
	atomic_file_abort(&af);
	live_notice(lv, text);
}

static void
key_loop(struct live *lv, const struct screen_input *in)
{
	struct view_state *vs = &lv->sv.vs;

	(void)in;
	vs->loop_panel = !(vs->loop_panel || vs->stepping);
	vs->stepping = false;
	if (vs->loop_panel)
		live_notice(lv, "the event loop: running callback, ready queue (asyncio's loop._ready), "
			     "scheduled timers (loop._scheduled); s steps through it");
}

static void
key_model(struct live *lv, const struct screen_input *in)
{
	(void)in;
	lv->sv.vs.model_screen = !lv->sv.vs.model_screen;
}

static void
key_details(struct live *lv, const struct screen_input *in)
{
	(void)in;
	lv->sv.vs.details = !lv->sv.vs.details;
	if (lv->sv.vs.details)
		live_notice(lv, "details: how the real loop keeps up (stall, lateness over the last "
			     "few seconds); d hides them");
}

static void
key_help(struct live *lv, const struct screen_input *in)
{
	(void)in;
	lv->sv.vs.help = true;
}

static void
key_quit(struct live *lv, const struct screen_input *in)
{
	(void)in;
	live_quit(lv, 0);
}

static void
key_click(struct live *lv, const struct screen_input *in)
{
	struct view_state *vs = &lv->sv.vs;
	int ex, board;

	if (layout_hit(vs, &lv->lo, in->x, in->y, &ex, &board) == 0) {
		vs->focus_ex = ex;
		vs->focus_board = board;
	}
}

const struct key_binding key_table[] = {
	{ { ' ' }, "space", "space", "pause / resume", NULL,
	  "space", "space", { "pause", "pause", "pause", "pause" }, key_pause },
	{ { 's' }, "s", "s", "one event at a time", NULL,
	  "s", "s", { "step", "step", "step", "" }, key_step },
	{ { '+', '=', '-', '_' }, "+  -", "+  -", "speed \u00d72 / \u00f72", "speed x2 / :2",
	  "+/-", "+/-", { "speed", "speed", "", "" }, key_speed },
	{ { SCREEN_KEY_LEFT, SCREEN_KEY_RIGHT, SCREEN_KEY_UP, SCREEN_KEY_DOWN, SCREEN_KEY_TAB,
	    SCREEN_KEY_BTAB },
	  "\u2190\u2191\u2193\u2192 Tab", "arrows Tab", "move the focus", NULL,
	  "\u2190\u2192", "<>", { "focus", "focus", "", "" }, key_focus },
	{ { SCREEN_KEY_ENTER, SCREEN_KEY_ESC }, "Enter", "Enter", "focused board, large", NULL,
	  "Enter", "Enter", { "zoom", "zoom", "", "" }, key_zoom },
	{ { SCREEN_KEY_PGUP, SCREEN_KEY_PGDN, SCREEN_KEY_HOME, SCREEN_KEY_END }, "PgUp PgDn",
	  "PgUp PgDn", "scroll the boards", NULL, NULL, NULL, { NULL }, key_page },
	{ { 'f' }, "f", "f", "fast-forward to the end", NULL,
	  "f", "f", { "fast-fwd", "ffwd", "", "" }, key_fast_forward },
	{ { 'r' }, "r", "r", "restart with a new seed", NULL,
	  "r", "r", { "restart", "new", "", "" }, key_restart },
	{ { 'p' }, "p", "p", "async policy: rr / ready", NULL,
	  "p", "p", { "policy", "pol", "", "" }, key_policy },
	{ { 'g' }, "g", "g", "greedy search: loop stalls", NULL,
	  "g", "g", { "greedy", "greedy", "greedy", "" }, key_greedy },
	{ { 'b' }, "b", "b", "block the focused board", NULL,
	  "b", "b", { "block", "block", "block", "" }, key_blocking },
	{ { 'l' }, "l", "l", "the loop: queue, timers", NULL,
	  "l", "l", { "loop", "loop", "loop", "" }, key_loop },
	{ { 'm' }, "m", "m", "the model, worked out", NULL,
	  "m", "m", { "model", "model", "model", "" }, key_model },
	{ { 'd' }, "d", "d", "details: stall, lateness", NULL,
	  "d", "d", { "details", "det", "", "" }, key_details },
	{ { SCREEN_KEY_CLICK }, "click", "click", "focus a board", NULL, NULL, NULL, { NULL },
	  key_click },
	{ { 'e' }, "e", "e", "save the strips as SVG", NULL,
	  NULL, NULL, { NULL }, key_export },
	{ { '?', 'h', SCREEN_KEY_F1 }, "? F1 h", "? F1 h", "this help", NULL,
	  "?", "?", { "help", "help", "help", "help" }, key_help },
	{ { 'q', 'Q' }, "q", "q", "quit (Ctrl-C too)", NULL,
	  "q", "q", { "quit", "quit", "quit", "quit" }, key_quit },
};

const size_t key_table_len = ARRAY_LEN(key_table);

const struct key_binding *
key_lookup(int code)
{
	for (size_t i = 0; i < ARRAY_LEN(key_table); i++)
		for (int k = 0; k < KEY_CODES_MAX && key_table[i].codes[k] != 0; k++)
			if (key_table[i].codes[k] == code)
				return &key_table[i];
	return NULL;
}

void
key_table_print(FILE *f)
{
	fprintf(f, "keys:\n");
	for (size_t i = 0; i < ARRAY_LEN(key_table); i++) {
		const struct key_binding *k = &key_table[i];

		fprintf(f, "  %-12s %s\n", k->ascii_name,
			k->ascii_help != NULL ? k->ascii_help : k->help);
	}
}

void
live_key(struct live *lv, const struct screen_input *in)
{
	const struct key_binding *k = key_lookup(in->key);

	if (lv->opt.record != NULL)
		record_key(lv->opt.record, lv, in);
	lv->dirty = true;
	/* The help overlay: any key but q closes it, and does nothing else. */
	if (lv->sv.vs.help && (k == NULL || k->fn != key_quit)) {
		lv->sv.vs.help = false;
		return;
	}
	/* SCREEN_KEY_RESIZE: the screen has followed the new size already. */
	if (k != NULL)
		k->fn(lv, in);
}
