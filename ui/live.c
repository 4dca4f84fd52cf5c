/*
 * The live view's controller. struct live (ui/live_internal.h) owns
 * everything one run needs: the simulation, the screen, the frame buffer,
 * the view model and the watchers it adds to the loop (stdin, the frame
 * timer, three signals). Callbacks step back to it with container_of and
 * only set state; drawing happens in one place, live_draw, at most fps times
 * a second and only when something changed (the simulation ran, a key, an
 * event, a resize). What each key does is in ui/live_keys.c.
 *
 * The terminal is given back on every way out: q, the stop signals
 * (SIGINT, SIGTERM, SIGHUP, SIGQUIT: exit 128 + the signal) and errors all
 * leave the loop through ev_break and run the same cleanup, which also
 * writes the games so far with --pgn (unfinished ones as "*").
 */
#include <ev.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/macros.h"
#include "sim/realtime.h"
#include "sim/snapshot.h"
#include "ui/games_pgn.h"
#include "ui/live_internal.h"
#include "ui/predict.h"
#include "ui/record.h"

enum {
	LIVE_NOTICE_S = 6,		/* a key's answer stays this long: time to read it aloud */
	LIVE_WINDOW_S = 3		/* the real loop's figures cover the last 3-6 s */
};

/*
 * g must freeze the view for all to see, whatever the machine: a greedy
 * master's move holds the loop at least this long (the work is scaled,
 * not slept; moves and totals do not change). 1.2 s: a second and a bit,
 * past any doubt at the back of a room.
 */
#define LIVE_GREEDY_STALL_S 1.2

static void live_draw(struct live *lv);

void
live_window_reset(struct live *lv)
{
	sim_loop_stats_reset(lv->sim);
	lv->window_start = realtime_monotonic();
	lv->stall_ms[0] = lv->stall_ms[1] = 0;
	/* The gap the next frame closes began before the reset: it is not this window's. */
	lv->last_tick = 0;
	lv->late_max_ms = lv->late_p99_ms = 0;
}

/* The figures the details line shows: the worse of this window and the one before. */
static void
live_window(struct live *lv, double now)
{
	struct view_state *vs = &lv->sv.vs;
	struct sim_loop_stats ls;

	sim_loop_stats(lv->sim, &ls);
	if (now - lv->window_start >= LIVE_WINDOW_S) {
		lv->late_max_ms = ls.lateness_max_ms;
		lv->late_p99_ms = ls.lateness_p99_ms;
		lv->stall_ms[1] = lv->stall_ms[0];
		lv->stall_ms[0] = 0;
		lv->window_start = now;
		sim_loop_stats_reset(lv->sim);
	}
	vs->late_max_ms = ls.lateness_max_ms > lv->late_max_ms ? ls.lateness_max_ms : lv->late_max_ms;
	vs->late_p99_ms = ls.lateness_p99_ms > lv->late_p99_ms ? ls.lateness_p99_ms : lv->late_p99_ms;
	vs->stall_ms = lv->stall_ms[0] > lv->stall_ms[1] ? lv->stall_ms[0] : lv->stall_ms[1];
}

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
void
live_say(struct live *lv, const char *text)
{
	struct view_state *vs = &lv->sv.vs;

	memmove(vs->status[1], vs->status[0], sizeof(vs->status[0]) * (VIEW_STATUS_LINES - 1));
	live_copy(vs->status[0], sizeof(vs->status[0]), text);
	lv->dirty = true;
}

/* The answer to a key: above the narration, for LIVE_NOTICE_S. */
void
live_notice(struct live *lv, const char *text)
{
	live_copy(lv->sv.vs.notice, sizeof(lv->sv.vs.notice), text);
	lv->notice_until = realtime_monotonic() + LIVE_NOTICE_S;
	lv->dirty = true;
}

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
	/* The loop panel's sentence: the last event of each exhibition that changed its loop. */
	loop_view_why(e, p, text, sizeof(text));
	if (text[0] != '\0') {
		struct view_exhibition *v = &lv->sv.ex[e->ex];

		memcpy(v->loop_why, text, sizeof(v->loop_why));
		v->loop_board = e->board + 1;
	}
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

	live_window(lv, t0);
	vs->ascii = lv->opt.ascii || !lv->screen.utf8;
	vs->color = lv->screen.color;
	vs->summary = false;
	for (int i = 0; i < sim_exhibitions(lv->sim); i++)
		if (sim_exhibition_policy(lv->sim, i) != SIM_SYNC && sim_finished(lv->sim, i))
			vs->summary = true;
	if (lv->opt.guesses != NULL)
		predict_view_frame(lv->opt.guesses, lv);
	snapshot_view_frame(&lv->sv, lv->sim, lv->screen.w, lv->screen.h, &lv->lo, &lv->cb);
	lv->render_s += realtime_monotonic() - t0;
	screen_blit(&lv->screen, &lv->cb);
	lv->frames++;
	vs->beat++;
	if (lv->first_frame_ms < 0)
		lv->first_frame_ms = (realtime_monotonic() - lv->started) * 1000.0;
	lv->dirty = false;
}

void
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
	snprintf(title, sizeof(title), "%d%s%d, %s/%s", lv->config.boards, times, lv->config.moves,
		 tm, to);
	live_copy(lv->sv.vs.title_short, sizeof(lv->sv.vs.title_short), title);
	lv->sv.vs.model = (struct view_model){
		.n = lv->config.boards,
		.m = lv->config.moves,
		.tm = dist_mean(&lv->config.master_think),
		.to = dist_mean(&lv->config.opponent_think),
		.w = lv->config.boards > 1 ? dist_mean(&lv->config.walk) : 0,
		.fixed = dist_is_fixed(&lv->config.master_think) &&
			 dist_is_fixed(&lv->config.opponent_think) && dist_is_fixed(&lv->config.walk),
	};
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
int
live_restart(struct live *lv, simtime_t replay_to)
{
	bool paused = lv->sim != NULL && sim_paused(lv->sim);
	char err[256];
	struct sim *s = sim_new(&lv->config, lv->policies, lv->npolicies, err, sizeof(err));

	if (s == NULL) {
		live_notice(lv, err);
		return -1;
	}
	if (lv->engines != NULL)
		sim_use_engines(s, lv->engines);
	sim_free(lv->sim);
	lv->sim = s;
	sim_on_event(s, live_event, lv);
	sim_set_greedy_stall(s, LIVE_GREEDY_STALL_S);
	lv->quiet = true;
	while (sim_now(s) < replay_to && sim_step(s) == 0)
		;
	lv->quiet = false;
	memset(&lv->last, 0, sizeof(lv->last));
	snapshot_view_reset(&lv->sv, s);
	live_title(lv);
	if (lv->real)
		sim_start_real(s, lv->loop, lv->speed);
	else
		sim_start_live(s, lv->loop, lv->speed);
	sim_pause(s, paused);
	lv->dirty = true;
	return 0;
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
	double now = realtime_monotonic();

	(void)loop;
	(void)revents;
	/* A tick later than one frame: a callback held the loop that much longer. */
	if (lv->last_tick > 0) {
		double late = (now - lv->last_tick - 1.0 / lv->opt.fps) * 1000.0;

		if (late > lv->stall_ms[0])
			lv->stall_ms[0] = late;
	}
	lv->last_tick = now;
	if (lv->sv.vs.notice[0] != '\0' && now >= lv->notice_until)
		lv->sv.vs.notice[0] = '\0';
	/* Every tick draws: the heartbeat turns even when paused, so a stall shows as a stop. */
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
	live_quit(w->data, 128 + w->signum);
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
live_open(struct live *lv, const struct cli_options *o, const struct live_options *lopt,
	  struct ev_loop *loop, char *err, size_t errlen)
{
	memset(lv, 0, sizeof(*lv));
	lv->started = realtime_monotonic();
	lv->first_frame_ms = -1;
	lv->exit_code = -1;
	lv->opt = *lopt;
	lv->config = o->config;
	lv->npolicies = cli_policies(o, lv->policies);
	lv->speed = o->speed > 0 ? o->speed : CLI_SPEED_DEFAULT;
	lv->loop = loop;
	if (lopt->pgn != NULL && !lv->config.chess) {
		snprintf(err, errlen, "--pgn: needs --chess on (no games are played with chess off)");
		return -1;
	}
	lv->real = o->clock == CLI_CLOCK_REAL;
	if (lv->config.chess && engine_pool_needed(&lv->config) &&
	    (lv->engines = engine_pool_new(loop, &lv->config, &o->engines, err, errlen)) == NULL)
		return -1;
	lv->sim = sim_new(&lv->config, lv->policies, lv->npolicies, err, errlen);
	if (lv->sim == NULL)
		return -1;
	if (lv->engines != NULL)
		sim_use_engines(lv->sim, lv->engines);
	sim_on_event(lv->sim, live_event, lv);
	sim_set_greedy_stall(lv->sim, LIVE_GREEDY_STALL_S);
	snapshot_view_init(&lv->sv, lv->sim);
	cellbuf_init(&lv->cb, 1, 1);
	live_title(lv);
	lv->sv.vs.speed = lv->speed;
	return 0;
}

void
live_close(struct live *lv)
{
	sim_free(lv->sim);
	lv->sim = NULL;
	engine_pool_free(lv->engines);
	lv->engines = NULL;
	snapshot_view_free(&lv->sv);
	cellbuf_free(&lv->cb);
}

int
live_run(const struct cli_options *o, const struct live_options *lopt)
{
	struct live *lv = malloc(sizeof(*lv));
	struct record *rec = lopt->record;
	char err[512];
	int code;

	if (lv == NULL) {
		fprintf(stderr, "simul: out of memory\n");
		return 1;
	}
	if (live_open(lv, o, lopt, ev_default_loop(EVFLAG_AUTO), err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: %s\n", err);
		record_abort(lopt->record);
		live_close(lv);
		free(lv);
		return 2;
	}
	/* Signal watchers first: curses then leaves SIGINT/SIGWINCH to them. */
	for (int i = 0; i < UI_STOP_SIGNALS; i++) {
		ev_signal_init(&lv->stop[i], live_signal_cb, ui_stop_signals[i]);
		lv->stop[i].data = lv;
		ev_signal_start(lv->loop, &lv->stop[i]);
	}
	ev_signal_init(&lv->sigwinch, live_signal_cb, SIGWINCH);
	ev_signal_start(lv->loop, &lv->sigwinch);
	if (screen_start(&lv->screen, lopt->no_color, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: %s\n", err);
		code = 1;
		goto out;
	}
	live_title(lv);
	live_intro(lv);
	if ((lv->real ? sim_start_real(lv->sim, lv->loop, lv->speed)
		      : sim_start_live(lv->sim, lv->loop, lv->speed)) < 0) {
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
	/* Both start their clocks here, with the simulation's: keys line up on replay. */
	if (rec != NULL)
		record_begin(rec, lv);
	if (lopt->replay != NULL)
		replay_start(lopt->replay, lv, lopt->pace);
	ev_run(lv->loop, 0);
	if (lopt->replay != NULL)
		replay_stop(lopt->replay, lv);
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
	if (lopt->guesses != NULL)
		predict_print_sim(stdout, lopt->guesses, lv->sim);
	if (rec != NULL && record_close(rec, lv, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --record: %s\n", err);
		code = 1;
	}
	rec = NULL;
out:
	record_abort(rec);	/* NULL once closed */
	for (int i = 0; i < UI_STOP_SIGNALS; i++)
		ev_signal_stop(lv->loop, &lv->stop[i]);
	ev_signal_stop(lv->loop, &lv->sigwinch);
	live_close(lv);
	free(lv);
	return code;
}
