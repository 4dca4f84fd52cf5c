/*
 * What each key of the live view does. The data is struct live's view
 * model (focus, zoom, help) and its config and policies: a key either moves
 * the view, or asks the simulation through sim.h (pause, step, speed,
 * fast-forward, greedy), or changes the config and restarts the run (r: a
 * new seed; p: the other async policy, replayed to the same moment). Every
 * key answers with a notice or a narration line, so the screen says what it
 * did; drawing is left to the controller (ui/live.c).
 */
#include <stdio.h>
#include <string.h>

#include "ui/live_internal.h"

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
	snprintf(text, sizeof(text), "speed %g: %g simulated seconds per real second", speed, speed);
	live_notice(lv, text);
}

static void
live_fast_forward(struct live *lv)
{
	lv->quiet = true;
	for (int i = 0; i < sim_exhibitions(lv->sim); i++)
		if (!sim_finished(lv->sim, i))
			sim_fast_forward(lv->sim, i);
	lv->quiet = false;
	live_notice(lv, "fast-forwarded: every exhibition played to its end");
}

static void
live_switch_policy(struct live *lv)
{
	char text[VIEW_TEXT];
	simtime_t now = sim_now(lv->sim);
	const char *to = NULL;

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
	if (live_restart(lv, now) == 0) {
		snprintf(text, sizeof(text), "async policy now %s: same seed, replayed to this moment",
			 to);
		live_notice(lv, text);
	}
}

/*
 * The article's pitfall on demand: the search for the master's move runs
 * in one go inside the timer callback (greedy) or in slices between loop
 * iterations. The lateness figures restart so the header shows this mode
 * alone; the config follows so r and p keep the choice.
 */
static void
live_toggle_greedy(struct live *lv)
{
	bool greedy = !sim_greedy(lv->sim);
	/* The default master searches ~1 ms: too short a stall to see. */
	bool fast = strcmp(lv->config.master_profile, "grandmaster") != 0;

	sim_set_greedy(lv->sim, greedy);
	sim_loop_stats_reset(lv->sim);
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

void
live_key(struct live *lv, const struct screen_input *in)
{
	struct view_state *vs = &lv->sv.vs;
	int cols = layout_columns(&lv->lo, vs->focus_ex);
	int page = cols * (vs->focus_ex < lv->lo.npanels ? lv->lo.panel[vs->focus_ex].rows : 1);

	lv->dirty = true;
	if (in->key == 'q' || in->key == 'Q') {
		live_quit(lv, 0);
		return;
	}
	/* The help overlay: any key closes it, and does nothing else. */
	if (vs->help) {
		vs->help = false;
		return;
	}
	switch (in->key) {
	case ' ':
		sim_pause(lv->sim, !sim_paused(lv->sim));
		live_say(lv, sim_paused(lv->sim) ? "paused: space resumes, s plays one event" :
						   "running");
		break;
	case 's':
		if (!sim_paused(lv->sim))
			sim_pause(lv->sim, true);
		if (sim_step(lv->sim) < 0)
			live_say(lv, "nothing left to play: every game is over");
		break;
	case '+':
	case '=':
		live_set_speed(lv, lv->speed * 2);
		break;
	case '-':
	case '_':
		live_set_speed(lv, lv->speed / 2);
		break;
	case SCREEN_KEY_LEFT: live_move_focus(lv, -1); break;
	case SCREEN_KEY_RIGHT: live_move_focus(lv, 1); break;
	case SCREEN_KEY_UP: live_move_focus(lv, -cols); break;
	case SCREEN_KEY_DOWN: live_move_focus(lv, cols); break;
	case SCREEN_KEY_PGUP: live_move_focus(lv, -page); break;
	case SCREEN_KEY_PGDN: live_move_focus(lv, page); break;
	case SCREEN_KEY_HOME: live_move_focus(lv, -lv->sv.nboards); break;
	case SCREEN_KEY_END: live_move_focus(lv, lv->sv.nboards); break;
	case SCREEN_KEY_TAB:
		vs->focus_ex = (vs->focus_ex + 1) % (vs->nex > 0 ? vs->nex : 1);
		break;
	case SCREEN_KEY_BTAB:
		vs->focus_ex = (vs->focus_ex + vs->nex - 1) % (vs->nex > 0 ? vs->nex : 1);
		break;
	case SCREEN_KEY_ENTER:
		vs->zoom = !vs->zoom;
		break;
	case SCREEN_KEY_ESC:
		vs->zoom = false;
		break;
	case 'f':
		live_fast_forward(lv);
		break;
	case 'r':
		lv->config.seed++;
		if (live_restart(lv, 0) == 0) {
			char text[64];

			snprintf(text, sizeof(text), "restarted with seed %llu",
				 (unsigned long long)lv->config.seed);
			live_notice(lv, text);
		}
		break;
	case 'p':
		live_switch_policy(lv);
		break;
	case 'g':
		live_toggle_greedy(lv);
		break;
	case '?':
	case 'h':
	case SCREEN_KEY_F1:
		vs->help = true;
		break;
	case SCREEN_KEY_CLICK: {
		int ex, board;

		if (layout_hit(vs, &lv->lo, in->x, in->y, &ex, &board) == 0) {
			vs->focus_ex = ex;
			vs->focus_board = board;
		}
		break;
	}
	case SCREEN_KEY_RESIZE:		/* the screen has followed the new size already */
		break;
	default:
		break;
	}
}
