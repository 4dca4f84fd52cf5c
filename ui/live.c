/*
 * The live view's controller. struct live owns everything one run needs:
 * the simulation, the screen, the frame buffer, the view model and the
 * watchers it adds to the loop (stdin, the frame timer, three signals).
 * Callbacks step back to it with container_of and only set state; drawing
 * happens in one place, live_draw, at most fps times a second and only when
 * something changed (the simulation ran, a key, an event, a resize).
 *
 * The terminal is given back on every way out: q, SIGINT (Ctrl-C), SIGTERM
 * and errors all leave the loop through ev_break and run the same cleanup,
 * which also writes the games so far with --pgn (unfinished ones as "*").
 */
#include "ui/live.h"

#include <ev.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/realtime.h"
#include "sim/snapshot.h"
#include "ui/games_pgn.h"
#include "ui/screen.h"
#include "ui/snapshot_view.h"

enum {
	LIVE_SPEED_MIN_DIV = 64,	/* slowest: 1/64 simulated s per real s */
	LIVE_NOTICE_S = 6		/* a key's answer stays this long: time to read it aloud */
};

struct live {
	struct ev_loop		*loop;
	struct sim		*sim;
	struct sim_config	config;
	enum sim_policy		policies[SIM_EXHIBITIONS_MAX];
	int			npolicies;
	struct live_options	opt;
	double			speed;
	struct screen		screen;
	struct cellbuf		cb;
	struct layout		lo;
	struct snapshot_view	sv;
	ev_io			input;
	ev_timer		frame;
	ev_signal		sigint, sigterm, sigwinch;
	bool			dirty;
	bool			quiet;		/* replaying or fast-forwarding: no narration */
	int			exit_code;
	simtime_t		think[SIM_EXHIBITIONS_MAX];	/* master's last think time */
	struct sim_event	last;		/* last narrated event */
	double			started;	/* monotonic seconds at live_run */
	double			first_frame_ms;	/* -1 until drawn */
	long			frames;
	double			render_s;	/* time spent building frames */
	double			notice_until;	/* monotonic seconds; the notice goes then */
};

/* A line of the view, cut to fit: the screen cuts it shorter anyway. */
static void
live_copy(char *dst, size_t cap, const char *text)
{
	size_t n = strlen(text);

	if (n >= cap)
		n = cap - 1;
	memcpy(dst, text, n);
	dst[n] = '\0';
}

/* Newest narration first; older lines move down and the oldest drops. */
static void
live_say(struct live *lv, const char *text)
{
	struct view_state *vs = &lv->sv.vs;

	memmove(vs->status[1], vs->status[0], sizeof(vs->status[0]) * (VIEW_STATUS_LINES - 1));
	live_copy(vs->status[0], sizeof(vs->status[0]), text);
	lv->dirty = true;
}

/* The answer to a key: above the narration, for LIVE_NOTICE_S. */
static void
live_notice(struct live *lv, const char *text)
{
	live_copy(lv->sv.vs.notice, sizeof(lv->sv.vs.notice), text);
	lv->notice_until = realtime_monotonic() + LIVE_NOTICE_S;
	lv->dirty = true;
}

static void live_draw(struct live *lv);

static void
live_event(const struct sim_event *e, void *arg)
{
	struct live *lv = arg;
	char text[VIEW_TEXT];
	enum sim_policy p;

	lv->dirty = true;
	if (e->ex < 0 || e->ex >= SIM_EXHIBITIONS_MAX)
		return;
	if (e->kind == SIM_EV_MASTER_THINKS)
		lv->think[e->ex] = e->duration;
	if (lv->quiet)
		return;
	p = sim_exhibition_policy(lv->sim, e->ex);
	/* "master played Nf3 after 5 s; opponent thinks 55 s" is one thought. */
	if (e->kind == SIM_EV_OPPONENT_THINKS && lv->last.kind == SIM_EV_MASTER_MOVES &&
	    lv->last.ex == e->ex && lv->last.board == e->board) {
		char d[32];
		size_t n = strlen(lv->sv.vs.status[0]);

		view_fmt_short(e->duration, d, sizeof(d));
		snprintf(lv->sv.vs.status[0] + n, sizeof(lv->sv.vs.status[0]) - n,
			 "; opponent thinks %s", d);
	} else {
		status_view_narrate(e, p, lv->think[e->ex], text, sizeof(text));
		live_say(lv, text);
	}
	lv->last = *e;
	/*
	 * On the live clock a blocking opponent really blocks: the sim sleeps
	 * inside this very callback once we return. Draw now, or the frozen
	 * screen would show what came before instead of why it froze.
	 */
	if (e->kind == SIM_EV_MASTER_WAITS && e->blocked && lv->exit_code < 0)
		live_draw(lv);
}

static void
live_draw(struct live *lv)
{
	struct view_state *vs = &lv->sv.vs;
	double t0 = realtime_monotonic();

	vs->ascii = lv->opt.ascii || !lv->screen.utf8;
	vs->color = lv->screen.color;
	vs->summary = false;
	for (int i = 0; i < sim_exhibitions(lv->sim); i++)
		if (sim_exhibition_policy(lv->sim, i) != SIM_SYNC && sim_finished(lv->sim, i))
			vs->summary = true;
	snapshot_view_frame(&lv->sv, lv->sim, lv->screen.w, lv->screen.h, &lv->lo, &lv->cb);
	lv->render_s += realtime_monotonic() - t0;
	screen_blit(&lv->screen, &lv->cb);
	lv->frames++;
	if (lv->first_frame_ms < 0)
		lv->first_frame_ms = (realtime_monotonic() - lv->started) * 1000.0;
	lv->dirty = false;
}

static void
live_quit(struct live *lv, int code)
{
	lv->exit_code = code;
	ev_break(lv->loop, EVBREAK_ALL);
}

static void
live_title(struct live *lv)
{
	char tm[DIST_TEXT_MAX], to[DIST_TEXT_MAX];
	const char *times = lv->opt.ascii || !lv->screen.utf8 ? "x" : "\u00d7";

	dist_format(&lv->config.master_think, tm, sizeof(tm));
	dist_format(&lv->config.opponent_think, to, sizeof(to));
	char title[2 * VIEW_TEXT];

	snprintf(title, sizeof(title), "%d boards %s %d moves, master %s, opponents %s, seed %llu",
		 lv->config.boards, times, lv->config.moves, tm, to,
		 (unsigned long long)lv->config.seed);
	live_copy(lv->sv.vs.title, sizeof(lv->sv.vs.title), title);
}

/* What the flags that change the lesson do, said once at the start. */
static void
live_intro(struct live *lv)
{
	char text[VIEW_TEXT];
	int n = 0;

	if (lv->config.nblocking > 0) {
		n = snprintf(text, sizeof(text), "board%s", lv->config.nblocking > 1 ? "s" : "");
		for (int i = 0; i < lv->config.nblocking && n < (int)sizeof(text); i++)
			n += snprintf(text + n, sizeof(text) - (size_t)n, "%s %d", i > 0 ? "," : "",
				      lv->config.blocking[i] + 1);
		if (n < (int)sizeof(text))
			snprintf(text + n, sizeof(text) - (size_t)n,
				 ": the opponent thinks inside a blocking call; the master, once he "
				 "has moved there, can serve no other board until the reply");
		live_notice(lv, text);
	}
	if (lv->config.greedy)
		live_notice(lv, "greedy (--greedy): each search runs in one go inside a timer callback; "
			     "g slices it again. The simulated totals do not change");
}

/*
 * A new simulation with the current config and policies, replayed without
 * narration up to simulated time replay_to so a policy switch continues
 * from the same moment. The pause state carries over. -1 with the reason
 * narrated when the config is refused.
 */
static int
live_restart(struct live *lv, simtime_t replay_to)
{
	bool paused = lv->sim != NULL && sim_paused(lv->sim);
	char err[256];
	struct sim *s = sim_new(&lv->config, lv->policies, lv->npolicies, err, sizeof(err));

	if (s == NULL) {
		live_notice(lv, err);
		return -1;
	}
	sim_free(lv->sim);
	lv->sim = s;
	sim_on_event(s, live_event, lv);
	lv->quiet = true;
	while (sim_now(s) < replay_to && sim_step(s) == 0)
		;
	lv->quiet = false;
	memset(&lv->last, 0, sizeof(lv->last));
	snapshot_view_reset(&lv->sv, s);
	live_title(lv);
	sim_start_live(s, lv->loop, lv->speed);
	sim_pause(s, paused);
	lv->dirty = true;
	return 0;
}

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

static void
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

static void
live_input_cb(struct ev_loop *loop, ev_io *w, int revents)
{
	struct live *lv = container_of(w, struct live, input);
	struct screen_input in;

	(void)loop;
	(void)revents;
	while (screen_read(&lv->screen, &in) == 0 && lv->exit_code < 0)
		live_key(lv, &in);
	/* A key's effect is on screen now, not at the next frame. */
	if (lv->dirty && lv->exit_code < 0)
		live_draw(lv);
}

static void
live_frame_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct live *lv = container_of(w, struct live, frame);

	(void)loop;
	(void)revents;
	if (lv->sv.vs.notice[0] != '\0' && realtime_monotonic() >= lv->notice_until) {
		lv->sv.vs.notice[0] = '\0';
		lv->dirty = true;
	}
	/* A running clock moves the bars and the time even without events. */
	if (lv->dirty || (!sim_paused(lv->sim) && !sim_finished(lv->sim, -1)))
		live_draw(lv);
}

static void
live_signal_cb(struct ev_loop *loop, ev_signal *w, int revents)
{
	struct live *lv;

	(void)loop;
	(void)revents;
	if (w->signum == SIGWINCH) {
		lv = container_of(w, struct live, sigwinch);
		screen_resize(&lv->screen);
		live_draw(lv);
		return;
	}
	if (w->signum == SIGINT)
		live_quit(container_of(w, struct live, sigint), 130);
	else
		live_quit(container_of(w, struct live, sigterm), 143);
}

static void
live_write_stats(const struct live *lv)
{
	const char *path = getenv("SIMUL_LIVE_STATS");
	FILE *f;

	/* For the benchmark and the end-to-end test: figures no user needs. */
	if (path == NULL || (f = fopen(path, "w")) == NULL)
		return;
	fprintf(f, "first_frame_ms %.3f\nframes %ld\nrender_ms_mean %.4f\n", lv->first_frame_ms,
		lv->frames, lv->frames > 0 ? lv->render_s * 1000.0 / (double)lv->frames : 0.0);
	fclose(f);
}

int
live_run(const struct cli_options *o, const struct live_options *lopt)
{
	struct live *lv = calloc(1, sizeof(*lv));
	char err[512];
	int code;

	if (lv == NULL) {
		fprintf(stderr, "simul: out of memory\n");
		return 1;
	}
	lv->started = realtime_monotonic();
	lv->first_frame_ms = -1;
	lv->exit_code = -1;
	lv->opt = *lopt;
	lv->config = o->config;
	lv->npolicies = cli_policies(o, lv->policies);
	lv->speed = o->speed > 0 ? o->speed : CLI_SPEED_DEFAULT;
	lv->sim = sim_new(&lv->config, lv->policies, lv->npolicies, err, sizeof(err));
	if (lv->sim == NULL) {
		fprintf(stderr, "simul: %s\n", err);
		free(lv);
		return 2;
	}
	if (lopt->pgn != NULL && !lv->config.chess) {
		fprintf(stderr, "simul: --pgn: needs --chess on (no games are played with chess off)\n");
		sim_free(lv->sim);
		free(lv);
		return 2;
	}
	sim_on_event(lv->sim, live_event, lv);
	snapshot_view_init(&lv->sv, lv->sim);
	cellbuf_init(&lv->cb, 1, 1);
	lv->loop = ev_default_loop(EVFLAG_AUTO);
	/* Signal watchers first: curses then leaves SIGINT/SIGWINCH to them. */
	ev_signal_init(&lv->sigint, live_signal_cb, SIGINT);
	ev_signal_init(&lv->sigterm, live_signal_cb, SIGTERM);
	ev_signal_init(&lv->sigwinch, live_signal_cb, SIGWINCH);
	ev_signal_start(lv->loop, &lv->sigint);
	ev_signal_start(lv->loop, &lv->sigterm);
	ev_signal_start(lv->loop, &lv->sigwinch);
	if (screen_start(&lv->screen, lopt->no_color, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: %s\n", err);
		code = 1;
		goto out;
	}
	live_title(lv);
	live_intro(lv);
	lv->sv.vs.speed = lv->speed;
	if (sim_start_live(lv->sim, lv->loop, lv->speed) < 0) {
		screen_stop(&lv->screen);
		fprintf(stderr, "simul: cannot start the live clock\n");
		code = 1;
		goto out;
	}
	ev_io_init(&lv->input, live_input_cb, STDIN_FILENO, EV_READ);
	ev_io_start(lv->loop, &lv->input);
	ev_timer_init(&lv->frame, live_frame_cb, 1.0 / lopt->fps, 1.0 / lopt->fps);
	ev_timer_start(lv->loop, &lv->frame);
	live_draw(lv);
	ev_run(lv->loop, 0);
	code = lv->exit_code < 0 ? 0 : lv->exit_code;
	ev_timer_stop(lv->loop, &lv->frame);
	ev_io_stop(lv->loop, &lv->input);
	sim_stop_live(lv->sim);
	screen_stop(&lv->screen);
	/* Every game so far; unfinished ones get the result "*". */
	if (lopt->pgn != NULL && games_pgn_write(lopt->pgn, lv->sim, 0, true, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --pgn: %s\n", err);
		code = 1;
	}
	live_write_stats(lv);
out:
	ev_signal_stop(lv->loop, &lv->sigint);
	ev_signal_stop(lv->loop, &lv->sigterm);
	ev_signal_stop(lv->loop, &lv->sigwinch);
	sim_free(lv->sim);
	snapshot_view_free(&lv->sv);
	cellbuf_free(&lv->cb);
	free(lv);
	return code;
}
