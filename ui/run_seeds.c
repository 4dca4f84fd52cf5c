/*
 * Playing the seeds of `simul run`: one seed on the virtual or the live
 * clock into its own result slots, every seed here in order or spread
 * over worker processes (ui/workers.c), Ctrl-C keeping what was played,
 * progress on stderr. run_open before, run_finish after.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ev.h>

#include "engine/xalloc.h"
#include "sim/engine_pool.h"
#include "sim/realtime.h"
#include "sim/snapshot.h"
#include "ui/commands.h"
#include "ui/games_pgn.h"
#include "ui/pictures.h"
#include "ui/run_internal.h"
#include "ui/workers.h"

static void
progress(struct run_ctx *rc)
{
	struct sim_snapshot snap;
	int64_t played = 0, due = 0;
	char now[32];

	/* Workers keep quiet: the parent speaks for them (progress_workers). */
	if (!rc->progress || rc->workers > 1 || realtime_monotonic() - rc->started < 1.0)
		return;
	sim_snapshot(rc->s, &snap);
	if (snap.loop.preparing) {
		fprintf(stderr, "\rsimul: run %d/%d, preparing games (searching ahead: the clock is "
			"too fast for the searches) %3d%% ", rc->run + 1, rc->runs, snap.loop.prepare_pct);
		rc->shown = true;
		return;
	}
	for (int i = 0; i < snap.nexhibitions; i++) {
		played += snap.ex[i].moves_played;
		due += snap.ex[i].moves_to_play;
	}
	duration_hms(snap.now, now, sizeof(now));
	fprintf(stderr, "\rsimul: run %d/%d, simulated %s, %3d%% of the moves ", rc->run + 1,
		rc->runs, now, due > 0 ? (int)(100 * played / due) : 100);
	rc->shown = true;
}

/* The parent's progress while workers play: seeds done so far. */
static void
progress_workers(void *arg)
{
	struct run_ctx *rc = arg;
	int done = 0;

	if (!rc->progress || realtime_monotonic() - rc->started < 1.0)
		return;
	for (int run = 0; run < rc->runs; run++)
		done += rc->out.played[run] != RUN_NOT_PLAYED;
	fprintf(stderr, "\rsimul: %d of %d runs done on %d workers ", done, rc->runs, rc->workers);
	rc->shown = true;
}

static void
run_hook(const struct sim_event *e, void *arg)
{
	struct run_ctx *rc = arg;

	if (rc->out.trace_w != NULL)
		trace_event(e, rc->out.trace_w);
	if (rc->loop != NULL && e->kind == SIM_EV_EXHIBITION_ENDS && sim_finished(rc->s, -1))
		ev_break(rc->loop, EVBREAK_ALL);
}

const int ui_stop_signals[UI_STOP_SIGNALS] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/*
 * A stop signal (ui/commands.h) ends the run but keeps what was played:
 * the games so far (unfinished ones as "*"), the trace so far and the
 * report of the partial run, then exit 128 + the signal. The live clock
 * hears the signals through ev_signal watchers on its loop; the virtual
 * clock, which runs no loop, through this flag (the signal's number),
 * checked between events. Workers inherit the handler; the parent passes
 * a SIGTERM on to them.
 */
static volatile sig_atomic_t run_signalled;

static void
run_signal_handler(int sig)
{
	run_signalled = sig;
}

static void
run_catch_signals(void)
{
	struct sigaction sa = { .sa_handler = run_signal_handler };

	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < UI_STOP_SIGNALS; i++)
		sigaction(ui_stop_signals[i], &sa, NULL);
}

static void
signal_cb(struct ev_loop *loop, ev_signal *w, int revents)
{
	(void)revents;
	((struct run_ctx *)w->data)->interrupted = w->signum;
	run_signalled = w->signum;
	ev_break(loop, EVBREAK_ALL);
}

static void
tick_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	(void)loop, (void)revents;
	progress(w->data);
}

static int
run_live(struct run_ctx *rc, double speed, bool real, char *err, size_t errlen)
{
	ev_timer tick;
	ev_signal stop[UI_STOP_SIGNALS];

	/* Engines live on the default loop (ev_child works only there): share it. */
	rc->loop = rc->engines != NULL ? engine_pool_loop(rc->engines) : ev_loop_new(EVFLAG_AUTO);
	if (rc->loop == NULL) {
		snprintf(err, errlen, "--clock: cannot create an event loop");
		return -1;
	}
	ev_timer_init(&tick, tick_cb, 0.25, 0.25);
	tick.data = rc;
	ev_timer_start(rc->loop, &tick);
	for (int i = 0; i < UI_STOP_SIGNALS; i++) {
		ev_signal_init(&stop[i], signal_cb, ui_stop_signals[i]);
		stop[i].data = rc;
		ev_signal_start(rc->loop, &stop[i]);
	}
	if (real)
		sim_start_real(rc->s, rc->loop, speed);
	else
		sim_start_live(rc->s, rc->loop, speed);
	if (!sim_finished(rc->s, -1) && !run_signalled)
		ev_run(rc->loop, 0);
	if (run_signalled)
		rc->interrupted = run_signalled;
	sim_stop_live(rc->s);
	for (int i = 0; i < UI_STOP_SIGNALS; i++)
		ev_signal_stop(rc->loop, &stop[i]);
	ev_timer_stop(rc->loop, &tick);
	if (rc->engines == NULL)
		ev_loop_destroy(rc->loop);
	rc->loop = NULL;
	return 0;
}

static void
run_virtual(struct run_ctx *rc)
{
	/* Steps in chunks so progress can be shown; the order is the virtual clock's. */
	for (unsigned n = 1; !run_signalled && sim_step(rc->s) == 0; n++)
		if (rc->progress && n % 65536 == 0)
			progress(rc);
	if (run_signalled)
		rc->interrupted = run_signalled;
}

/* Carves the shared block into the result arrays; -1 when it cannot be had. */
static int
run_out_alloc(struct run_out *out, size_t runs, size_t np, size_t boards)
{
	size_t cells = runs * np, at = 0;
	size_t off_stats, off_loop, off_finish = 0, off_played;
	/* Per-board finish times only while they stay small (they go into JSON). */
	bool finish = cells * boards <= 4u << 20;

	off_stats = at, at += (cells * sizeof(*out->stats) + 63) & ~(size_t)63;
	off_loop = at, at += (runs * sizeof(*out->loop) + 63) & ~(size_t)63;
	if (finish)
		off_finish = at, at += (cells * boards * sizeof(*out->finish) + 63) & ~(size_t)63;
	off_played = at, at += runs;
	out->block = workers_shared(at);
	if (out->block == NULL)
		return -1;
	out->size = at;
	out->stats = (struct sim_stats *)((char *)out->block + off_stats);
	out->loop = (struct sim_loop_stats *)((char *)out->block + off_loop);
	out->finish = finish ? (simtime_t *)((char *)out->block + off_finish) : NULL;
	out->played = (uint8_t *)out->block + off_played;
	return 0;
}

/*
 * The engines, started before anything runs. Their stderr goes to
 * --engine-log, else next to the PGN (games.pgn: games.engines.log).
 */
static struct engine_pool *
run_engines(const struct cli_options *o, const struct run_opts *ro, char *err, size_t errlen)
{
	struct engine_pool_options eo = o->engines;
	char log[4096];

	if (eo.log == NULL && ro->pgn != NULL) {
		size_t n = strlen(ro->pgn);

		if (n > 4 && strcmp(ro->pgn + n - 4, ".pgn") == 0)
			n -= 4;
		snprintf(log, sizeof(log), "%.*s.engines.log", (int)n, ro->pgn);
		eo.log = log;
	}
	return engine_pool_new(ev_default_loop(0), &o->config, &eo, err, errlen);
}

/* Appends one formatted line (n from snprintf into a buffer of size) to the notes under the report. */
static void
run_note(struct run_ctx *rc, const char *line, int n, size_t size)
{
	if (n < 0)
		return;
	if ((size_t)n >= size)
		n = (int)size - 1;
	rc->faults = xrealloc(rc->faults, rc->nfaults + (size_t)n + 1);
	memcpy(rc->faults + rc->nfaults, line, (size_t)n + 1);
	rc->nfaults += (size_t)n;
}

/*
 * Real clock: the measured total beside the model, and where the excess
 * came from. The three sums are over all events, in simulated time; what
 * lengthens the total is the part of them on the master's path, so they
 * explain the difference without adding up to it.
 */
static void
run_real_note(struct run_ctx *rc, int policy)
{
	struct sim_stats st;
	struct sim_loop_stats ls;
	char meas[32], model[32], line[512];
	double speed = rc->o->speed, diff;
	int n;

	sim_stats(rc->s, 0, &st);
	sim_loop_stats(rc->s, &ls);
	duration_hms(st.total, meas, sizeof(meas));
	duration_hms(st.model_total, model, sizeof(model));
	diff = (double)(st.total - st.model_total) / 1e6;
	n = snprintf(line, sizeof(line),
		     "real clock, run %d %s: measured %s, model %s (%+.1f s, %+.1f%%); "
		     "loop lateness %.1f s, engine overrun %.1f s over %llu answers, "
		     "blocking %.1f s (simulated, summed over all events)\n",
		     rc->run + 1, sim_policy_name(rc->policies[policy]), meas, model, diff,
		     st.model_total > 0 ? 100.0 * diff / ((double)st.model_total / 1e6) : 0.0,
		     ls.lateness_sum_s * speed, ls.engine_overrun_s,
		     (unsigned long long)ls.engine_replies, ls.blocked_s * speed);
	run_note(rc, line, n, sizeof(line));
}

/* What the engines did wrong in seed run, board by board, for the summary. */
static void
run_faults(struct run_ctx *rc, int run)
{
	const struct sim_config *c = sim_config(rc->s);

	for (int b = 0; b < c->boards; b++) {
		int ply;
		const char *why = sim_board_forfeit(rc->s, b, &ply);
		char line[512], at[32];
		const struct game *g = sim_game(rc->s, 0, b);
		int n;

		if (why == NULL)
			continue;
		duration_hms(sim_board_finish(rc->s, 0, b), at, sizeof(at));
		n = snprintf(line, sizeof(line),
			     "engine fault: run %d board %d: %s (%s) lost at move %d%s (%s, simulated %s): %s\n",
			     run + 1, b + 1, sim_player_name(rc->s, b, ply % 2 == 0),
			     ply % 2 == 0 ? "White" : "Black", ply / 2 + 1, ply % 2 ? "..." : "",
			     g != NULL ? game_termination_text(g->termination) : "?", at, why);
		run_note(rc, line, n, sizeof(line));
	}
}

/* Checks, opens every output file, allocates the results: 0, or the exit code (said why). */
int
run_open(struct run_ctx *rc)
{
	const struct run_opts *ro = rc->ro;
	struct run_out *out = &rc->out;
	const struct sim_config *c = &rc->o->config;
	char err[512];

	if (ro->pgn != NULL && !c->chess) {
		fprintf(stderr, "simul: --pgn: needs --chess on (no games are played with chess off)\n");
		return 2;
	}
	if (cli_exhibition_fits(c, rc->np, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: %s\n", err);
		return 2;
	}
	if (ro->pgn != NULL && atomic_file_open(&out->pgn, ro->pgn, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --pgn: %s\n", err);
		return 2;
	}
	if (ro->trace != NULL && atomic_file_open(&out->trace, ro->trace, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --trace: %s\n", err);
		return 2;
	}
	if (ro->svg != NULL && atomic_file_open(&out->svg, ro->svg, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --svg: %s\n", err);
		return 2;
	}
	if (run_out_alloc(out, (size_t)ro->repeat, (size_t)rc->np, (size_t)c->boards) < 0) {
		fprintf(stderr, "simul: --repeat: out of memory for the results of %ld runs\n",
			ro->repeat);
		return 1;
	}
	if (ro->trace != NULL) {
		out->trace_w = trace_new(out->trace.f, ro->trace_format, c);
		if (out->trace_w == NULL) {
			fprintf(stderr, "simul: --trace: out of memory for the trace writer\n");
			return 1;
		}
	}
	rc->workers = ro->workers > 0 ? (int)ro->workers : workers_default();
	if (rc->workers > ro->repeat)
		rc->workers = (int)ro->repeat;
	/* A trace, the games and the picture are one stream each, in seed order: one worker. */
	if (ro->pgn != NULL || ro->trace != NULL || ro->svg != NULL)
		rc->workers = 1;
	/* The cores the seeds' processes leave: each searches its seed's games on that many threads. */
	rc->threads = (ro->workers > 0 ? (int)ro->workers : workers_default()) / rc->workers;
	if (c->chess && engine_pool_needed(c)) {
		/* The engines are this process's children: one worker, and they start now. */
		rc->workers = 1;
		rc->engines = run_engines(rc->o, ro, err, sizeof(err));
		if (rc->engines == NULL) {
			fprintf(stderr, "simul: %s\n", err);
			return 2;
		}
	}
	return 0;
}

/*
 * Plays policies [p0, p0 + np) of seed run in one sim into their slots.
 * The real clock plays each policy in a sim of its own, one after the
 * other: its engines must really think for each policy's games, which
 * one shared record of moves would spare them.
 */
static int
run_sim(struct run_ctx *rc, int run, int p0, int np)
{
	struct run_out *out = &rc->out;
	const struct run_opts *ro = rc->ro;
	struct sim_config c = rc->o->config;
	enum cli_clock clock = rc->o->clock;
	char err[512];
	int rc_sim;

	c.seed = rc->o->config.seed + (uint64_t)run;
	rc->run = run;
	rc->s = sim_new(&c, rc->policies + p0, np, err, sizeof(err));
	if (rc->s == NULL) {
		fprintf(stderr, "simul: --%s\n", err);
		return 2;
	}
	if (out->trace_w != NULL && trace_begin_run(out->trace_w, rc->s, run) < 0) {
		fprintf(stderr, "simul: --trace: cannot write %s\n", ro->trace);
		return 1;
	}
	if (rc->engines != NULL)
		sim_use_engines(rc->s, rc->engines);
	/* Only a trace or the live clock's end listens: otherwise no event is built. */
	if (out->trace_w != NULL || clock != CLI_CLOCK_VIRTUAL)
		sim_on_event(rc->s, run_hook, rc);
	/* libev gives the signals back to SIG_DFL when its watchers stop. */
	run_catch_signals();
	if (clock != CLI_CLOCK_VIRTUAL) {
		if (run_live(rc, rc->o->speed, clock == CLI_CLOCK_REAL, err, sizeof(err)) < 0) {
			fprintf(stderr, "simul: %s\n", err);
			return 1;
		}
	} else {
		sim_prepare_games(rc->s, rc->threads, &run_signalled);
		run_virtual(rc);
	}
	for (int p = 0; p < np; p++) {
		size_t cell = (size_t)run * (size_t)rc->np + (size_t)(p0 + p);

		sim_stats(rc->s, p, &out->stats[cell]);
		for (int b = 0; out->finish != NULL && b < c.boards; b++)
			out->finish[cell * (size_t)c.boards + (size_t)b] = sim_board_finish(rc->s, p, b);
	}
	if (p0 == 0)
		sim_loop_stats(rc->s, &out->loop[run]);
	if (clock == CLI_CLOCK_REAL)
		run_real_note(rc, p0);
	run_faults(rc, run);
	if (run == 0 && p0 == 0 && out->svg.f != NULL && picture_run(out->svg.f, rc->s) < 0) {
		fprintf(stderr, "simul: --svg: cannot write %s\n", ro->svg);
		return 1;
	}
	if (out->pgn.f != NULL && games_pgn_append(out->pgn.f, rc->s, run + 1, false) < 0) {
		fprintf(stderr, "simul: --pgn: cannot write %s: %s\n", ro->pgn, strerror(errno));
		return 1;
	}
	rc_sim = 0;
	sim_free(rc->s);
	rc->s = NULL;
	return rc_sim;
}

/* Plays seed number run into its slots (and the files): 0, or the exit code (said why). */
static int
run_seed(void *arg, int run)
{
	struct run_ctx *rc = arg;
	int status = 0;

	if (rc->o->clock != CLI_CLOCK_REAL) {
		status = run_sim(rc, run, 0, rc->np);
	} else {
		for (int p = 0; p < rc->np && status == 0 && !rc->interrupted; p++)
			status = run_sim(rc, run, p, 1);
	}
	if (status == 0)
		rc->out.played[run] = rc->interrupted ? RUN_CUT : RUN_PLAYED;
	return status;
}

/* A worker's end: a seed that failed half-way leaves its sim. */
static void
run_seed_done(void *arg)
{
	struct run_ctx *rc = arg;

	sim_free(rc->s);
	rc->s = NULL;
}

/* Every seed, here in order or on the workers: 0, or the exit code (said why). */
int
run_play(struct run_ctx *rc)
{
	char err[512];
	int status = 0;

	rc->progress = !rc->ro->quiet && isatty(STDERR_FILENO);
	rc->runs = (int)rc->ro->repeat;
	rc->started = realtime_monotonic();
	if (rc->workers > 1) {
		struct workers w = { rc->workers, rc->runs, run_seed, rc, progress_workers,
				     &run_signalled, run_seed_done };
		int run = 0;

		run_catch_signals();
		if (workers_run(&w, err, sizeof(err)) < 0) {
			fprintf(stderr, "simul: %s\n", err);
			status = 1;
		}
		/* The report covers the seeds played in order, up to the first one cut or missing. */
		while (run < rc->runs && rc->out.played[run] == RUN_PLAYED)
			run++;
		rc->interrupted = run < rc->runs ? (run_signalled ? run_signalled : SIGINT) : 0;
		rc->runs = run < rc->runs && rc->out.played[run] == RUN_CUT ? run + 1 : run;
	} else {
		for (int run = 0; run < rc->runs && status == 0; run++) {
			status = run_seed(rc, run);
			if (status == 0 && rc->interrupted) {
				/* The report covers the runs played, the last one up to now. */
				rc->runs = run + 1;
				break;
			}
		}
	}
	if (rc->shown)
		fprintf(stderr, "\r%60s\r", "");
	return status;
}

/* The trace's footer, the files in place, the report: the exit code (said why). */
int
run_finish(struct run_ctx *rc)
{
	const struct run_opts *ro = rc->ro;
	struct run_out *out = &rc->out;
	struct sim_config c = rc->o->config;
	struct report rep;
	char err[512];

	if (out->trace_w != NULL) {
		int bad = trace_finish(out->trace_w);

		out->trace_w = NULL;
		if (bad < 0) {
			fprintf(stderr, "simul: --trace: cannot write %s: %s\n", ro->trace,
				strerror(errno != 0 ? errno : EIO));
			return 1;
		}
	}
	if (out->pgn.f != NULL && atomic_file_commit(&out->pgn, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --pgn: %s\n", err);
		return 1;
	}
	if (out->trace.f != NULL && atomic_file_commit(&out->trace, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --trace: %s\n", err);
		return 1;
	}
	if (out->svg.f != NULL && atomic_file_commit(&out->svg, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --svg: %s\n", err);
		return 1;
	}
	rep = (struct report){ &c, rc->runs, rc->np, out->stats, out->finish, out->loop,
			       rc->o->clock != CLI_CLOCK_VIRTUAL, rc->o->speed };
	if (report_write(stdout, ro->format, &rep) < 0) {
		fprintf(stderr, "simul: cannot write the report to stdout\n");
		return 1;
	}
	if (rc->nfaults > 0)
		fputs(rc->faults, ro->format == REPORT_TABLE ? stdout : stderr);
	/* Guesses against the first seed's run; beside a table, else on stderr. */
	predict_print(ro->format == REPORT_TABLE ? stdout : stderr, &ro->predict, out->stats,
		      rc->np);
	if (rc->interrupted) {
		fprintf(stderr, "simul: interrupted; the report%s what was played so far\n",
			ro->pgn != NULL || ro->trace != NULL ? " and the files cover" : " covers");
		return 128 + rc->interrupted;
	}
	return 0;
}


void
run_close(struct run_ctx *rc)
{
	if (rc->out.trace_w != NULL)
		trace_finish(rc->out.trace_w);
	sim_free(rc->s);
	atomic_file_abort(&rc->out.pgn);
	atomic_file_abort(&rc->out.trace);
	atomic_file_abort(&rc->out.svg);
	workers_unshare(rc->out.block, rc->out.size);
	free(rc->faults);
	engine_pool_free(rc->engines);
}
