/*
 * `simul run`: headless exhibitions. Parses the shared options plus its
 * own (output format, --pgn, --trace, --repeat), opens every output file
 * before running (a bad path is bad usage, and nothing half-written is
 * ever left: files are atomic), runs K seeds of the chosen policies on the
 * virtual or the live clock, and prints one report on stdout. Progress,
 * when wanted, goes to stderr only.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ev.h>

#include "sim/realtime.h"
#include "sim/snapshot.h"
#include "engine/macros.h"
#include "ui/atomic_file.h"
#include "ui/cli.h"
#include "ui/commands.h"
#include "ui/games_pgn.h"
#include "ui/pictures.h"
#include "ui/predict.h"
#include "ui/report.h"
#include "ui/trace.h"

enum { RUN_REPEAT_MAX = 10000 };

struct run_opts {
	enum report_format	format;
	const char		*pgn;
	const char		*trace;
	const char		*svg;		/* picture of the first run's strips */
	struct predict		predict;	/* the class's guesses, if any */
	enum trace_format	trace_format;
	long			repeat;
	bool			quiet;
};

struct run_ctx {
	struct sim		*s;
	struct trace		*trace;
	struct ev_loop		*loop;
	double			started;	/* monotonic seconds */
	bool			progress;	/* stderr is a terminal */
	bool			shown;		/* a progress line is on screen */
	bool			interrupted;	/* Ctrl-C or SIGTERM: stop, keep what was played */
	int			run, runs;
};

static int
opt_json(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct run_opts *)ctx)->format = REPORT_JSON;
	return 0;
}

static int
opt_csv(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct run_opts *)ctx)->format = REPORT_CSV;
	return 0;
}

static int
opt_markdown(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct run_opts *)ctx)->format = REPORT_MARKDOWN;
	return 0;
}

static int
opt_pgn(void *ctx, const char *v, char *err, size_t errlen)
{
	return cli_parse_path(v, &((struct run_opts *)ctx)->pgn, err, errlen);
}

static int
opt_trace(void *ctx, const char *v, char *err, size_t errlen)
{
	return cli_parse_path(v, &((struct run_opts *)ctx)->trace, err, errlen);
}

static int
opt_svg(void *ctx, const char *v, char *err, size_t errlen)
{
	return cli_parse_path(v, &((struct run_opts *)ctx)->svg, err, errlen);
}

static int
opt_predict_sync(void *ctx, const char *v, char *err, size_t errlen)
{
	struct run_opts *ro = ctx;

	ro->predict.sync_set = true;
	return predict_parse(v, &ro->predict.sync, err, errlen);
}

static int
opt_predict_async(void *ctx, const char *v, char *err, size_t errlen)
{
	struct run_opts *ro = ctx;

	ro->predict.async_set = true;
	return predict_parse(v, &ro->predict.async, err, errlen);
}

static int
opt_trace_format(void *ctx, const char *v, char *err, size_t errlen)
{
	struct run_opts *ro = ctx;

	if (strcmp(v, "csv") == 0)
		ro->trace_format = TRACE_CSV;
	else if (strcmp(v, "chrome") == 0)
		ro->trace_format = TRACE_CHROME;
	else {
		snprintf(err, errlen, "\"%s\" is not csv or chrome", v);
		return -1;
	}
	return 0;
}

static int
opt_repeat(void *ctx, const char *v, char *err, size_t errlen)
{
	return cli_parse_int(v, 1, RUN_REPEAT_MAX, &((struct run_opts *)ctx)->repeat, err, errlen);
}

static int
opt_quiet(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct run_opts *)ctx)->quiet = true;
	return 0;
}

static const struct cli_option run_options[] = {
	{ "json", 0, NULL, "print JSON (docs/json-schema.md) instead of the table", opt_json,
	  .one_of = "format" },
	{ "csv", 0, NULL, "print CSV, one row per run and policy", opt_csv, .one_of = "format" },
	{ "markdown", 0, NULL, "print a Markdown table", opt_markdown, .one_of = "format" },
	{ "pgn", 0, "FILE", "write every game as PGN, with [%emt] think times", opt_pgn },
	{ "trace", 0, "FILE", "write every event (CSV, or see --trace-format)", opt_trace },
	{ "svg", 0, "FILE", "draw the first run's busy/wait strips as SVG (for slides)", opt_svg },
	{ "predict-sync", 0, "DURATION", "your guess of the sync total (12h): shown beside the result",
	  opt_predict_sync },
	{ "predict-async", 0, "DURATION", "your guess of the async total (45m, 1:00:55)",
	  opt_predict_async },
	{ "trace-format", 0, "csv|chrome", "chrome: trace-event JSON for Perfetto", opt_trace_format },
	{ "repeat", 'r', "K", "run K seeds (seed, seed+1, ...): mean, min, max", opt_repeat },
	{ "quiet", 'q', NULL, "no progress on stderr", opt_quiet },
};

static void
run_notes(FILE *f)
{
	cli_exhibition_notes(f);
	fprintf(f, "\nExit status: 0 done, 1 failure while running or writing, 2 bad usage,\n"
		   "130 interrupted (Ctrl-C): the report, --pgn and --trace keep what was played.\n");
}

static int
run_check(void *const *ctx, char *err, size_t errlen)
{
	const struct run_opts *ro = ctx[1];

	if (cli_exhibition_check(ctx, err, errlen) < 0)
		return -1;
	/* Two outputs into one file: the second rename would silently win. */
	const struct {
		const char	*name, *path;
	} out[] = { { "pgn", ro->pgn }, { "trace", ro->trace }, { "svg", ro->svg } };

	for (size_t i = 0; i < ARRAY_LEN(out); i++)
		for (size_t j = 0; j < i; j++)
			if (out[i].path != NULL && out[j].path != NULL &&
			    cli_same_file(out[j].path, out[i].path)) {
				snprintf(err, errlen, "--%s: \"%s\" is the file --%s writes (\"%s\")",
					 out[i].name, out[i].path, out[j].name, out[j].path);
				return -1;
			}
	return 0;
}

static const struct cli_table run_table = { "output options", run_options,
					    ARRAY_LEN(run_options) };

const struct cli_spec cmd_run_spec = {
	.name = "run",
	.synopsis = "[options]",
	.summary = "run exhibitions headless and print a table, JSON, CSV or Markdown",
	.about = "Runs exhibitions headless (sync and ready unless --policy says otherwise)\n"
		 "on the same seed and prints total time, the model's prediction, speed-up,\n"
		 "master utilisation, opponents' wait and results.",
	.tables = { &cli_exhibition_table, &run_table },
	.notes = run_notes,
	.check = run_check,
};

static void
progress(struct run_ctx *rc)
{
	struct sim_snapshot snap;
	int64_t played = 0, due = 0;
	char now[32];

	if (!rc->progress || realtime_monotonic() - rc->started < 1.0)
		return;
	sim_snapshot(rc->s, &snap);
	for (int i = 0; i < snap.nexhibitions; i++) {
		played += snap.ex[i].moves_played;
		due += snap.ex[i].moves_to_play;
	}
	duration_hms(snap.now, now, sizeof(now));
	fprintf(stderr, "\rsimul: run %d/%d, simulated %s, %3d%% of the moves ", rc->run + 1,
		rc->runs, now, due > 0 ? (int)(100 * played / due) : 100);
	rc->shown = true;
}

static void
run_hook(const struct sim_event *e, void *arg)
{
	struct run_ctx *rc = arg;

	if (rc->trace != NULL)
		trace_event(e, rc->trace);
	if (rc->loop != NULL && e->kind == SIM_EV_EXHIBITION_ENDS && sim_finished(rc->s, -1))
		ev_break(rc->loop, EVBREAK_ALL);
}

/*
 * Ctrl-C or SIGTERM stops the run but keeps what was played: the games so
 * far (unfinished ones as "*"), the trace so far and the report of the
 * partial run, then exit 130. The live clock hears the signals through
 * ev_signal watchers on its loop; the virtual clock, which runs no loop,
 * through this flag, checked between events.
 */
static volatile sig_atomic_t run_signalled;

static void
run_signal_handler(int sig)
{
	(void)sig;
	run_signalled = 1;
}

static void
run_catch_signals(void)
{
	struct sigaction sa = { .sa_handler = run_signal_handler };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

static void
signal_cb(struct ev_loop *loop, ev_signal *w, int revents)
{
	(void)revents;
	((struct run_ctx *)w->data)->interrupted = true;
	ev_break(loop, EVBREAK_ALL);
}

static void
tick_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	(void)loop, (void)revents;
	progress(w->data);
}

static int
run_live(struct run_ctx *rc, double speed, char *err, size_t errlen)
{
	ev_timer tick;
	ev_signal sigint, sigterm;

	rc->loop = ev_loop_new(EVFLAG_AUTO);
	if (rc->loop == NULL) {
		snprintf(err, errlen, "--clock: cannot create an event loop");
		return -1;
	}
	ev_timer_init(&tick, tick_cb, 0.25, 0.25);
	tick.data = rc;
	ev_timer_start(rc->loop, &tick);
	ev_signal_init(&sigint, signal_cb, SIGINT);
	ev_signal_init(&sigterm, signal_cb, SIGTERM);
	sigint.data = sigterm.data = rc;
	ev_signal_start(rc->loop, &sigint);
	ev_signal_start(rc->loop, &sigterm);
	sim_start_live(rc->s, rc->loop, speed);
	if (!sim_finished(rc->s, -1) && !run_signalled)
		ev_run(rc->loop, 0);
	sim_stop_live(rc->s);
	ev_signal_stop(rc->loop, &sigint);
	ev_signal_stop(rc->loop, &sigterm);
	ev_timer_stop(rc->loop, &tick);
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
		rc->interrupted = true;
}

/* Everything after parsing; returns the exit code. */
static int
run_all(const struct cli_options *o, const struct run_opts *ro)
{
	enum sim_policy policies[SIM_EXHIBITIONS_MAX];
	int np = cli_policies(o, policies);
	struct atomic_file pgn = { 0 }, trace = { 0 }, svg = { 0 };
	struct sim_config c = o->config;
	struct sim_stats *stats = NULL;
	struct sim_loop_stats *loop = NULL;
	simtime_t *finish = NULL;
	struct run_ctx rc = { 0 };
	struct report rep;
	char err[512];
	int status = 1;
	size_t cells = (size_t)ro->repeat * (size_t)np;

	if (ro->pgn != NULL && !c.chess) {
		fprintf(stderr, "simul: --pgn: needs --chess on (no games are played with chess off)\n");
		return 2;
	}
	if (ro->pgn != NULL && atomic_file_open(&pgn, ro->pgn, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --pgn: %s\n", err);
		return 2;
	}
	if (ro->trace != NULL && atomic_file_open(&trace, ro->trace, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --trace: %s\n", err);
		atomic_file_abort(&pgn);
		return 2;
	}
	if (ro->svg != NULL && atomic_file_open(&svg, ro->svg, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --svg: %s\n", err);
		atomic_file_abort(&pgn);
		atomic_file_abort(&trace);
		return 2;
	}
	stats = calloc(cells, sizeof(*stats));
	loop = calloc((size_t)ro->repeat, sizeof(*loop));
	/* Per-board finish times only while they stay small (they go into JSON). */
	if (cells * (size_t)c.boards <= 4u << 20)
		finish = malloc(cells * (size_t)c.boards * sizeof(*finish));
	if (stats == NULL || loop == NULL)
		goto out;
	if (ro->trace != NULL) {
		rc.trace = trace_new(trace.f, ro->trace_format, &c);
		if (rc.trace == NULL)
			goto out;
	}
	rc.progress = !ro->quiet && isatty(STDERR_FILENO);
	rc.runs = (int)ro->repeat;
	rc.started = realtime_monotonic();
	for (int run = 0; run < ro->repeat; run++) {
		c.seed = o->config.seed + (uint64_t)run;
		rc.run = run;
		rc.s = sim_new(&c, policies, np, err, sizeof(err));
		if (rc.s == NULL) {
			fprintf(stderr, "simul: --%s\n", err);
			status = 2;
			goto out;
		}
		if (rc.trace != NULL && trace_begin_run(rc.trace, rc.s, run) < 0)
			goto out;
		/* Only a trace or the live clock's end listens: otherwise no event is built. */
		if (rc.trace != NULL || o->clock == CLI_CLOCK_LIVE)
			sim_on_event(rc.s, run_hook, &rc);
		/* libev gives the signals back to SIG_DFL when its watchers stop. */
		run_catch_signals();
		if (o->clock == CLI_CLOCK_LIVE) {
			if (run_live(&rc, o->speed, err, sizeof(err)) < 0) {
				fprintf(stderr, "simul: %s\n", err);
				goto out;
			}
		} else {
			run_virtual(&rc);
		}
		for (int p = 0; p < np; p++) {
			sim_stats(rc.s, p, &stats[run * np + p]);
			for (int b = 0; finish != NULL && b < c.boards; b++)
				finish[(size_t)(run * np + p) * (size_t)c.boards + (size_t)b] =
					sim_board_finish(rc.s, p, b);
		}
		sim_loop_stats(rc.s, &loop[run]);
		if (run == 0 && svg.f != NULL && picture_run(svg.f, rc.s) < 0) {
			fprintf(stderr, "simul: --svg: cannot write %s\n", ro->svg);
			goto out;
		}
		if (pgn.f != NULL && games_pgn_append(pgn.f, rc.s, run + 1, false) < 0) {
			fprintf(stderr, "simul: --pgn: cannot write %s\n", ro->pgn);
			goto out;
		}
		sim_free(rc.s);
		rc.s = NULL;
		if (rc.interrupted) {
			/* The report covers the runs played, the last one up to now. */
			rc.runs = run + 1;
			break;
		}
	}
	if (rc.shown)
		fprintf(stderr, "\r%60s\r", "");
	if (rc.trace != NULL) {
		int bad = trace_finish(rc.trace);

		rc.trace = NULL;
		if (bad < 0) {
			fprintf(stderr, "simul: --trace: cannot write %s\n", ro->trace);
			goto out;
		}
	}
	if ((pgn.f != NULL && atomic_file_commit(&pgn, err, sizeof(err)) < 0) ||
	    (trace.f != NULL && atomic_file_commit(&trace, err, sizeof(err)) < 0) ||
	    (svg.f != NULL && atomic_file_commit(&svg, err, sizeof(err)) < 0)) {
		fprintf(stderr, "simul: %s\n", err);
		goto out;
	}
	c.seed = o->config.seed;
	rep = (struct report){ &c, rc.runs, np, stats, finish, loop,
			       o->clock == CLI_CLOCK_LIVE, o->speed };
	if (report_write(stdout, ro->format, &rep) < 0) {
		fprintf(stderr, "simul: cannot write the report to stdout\n");
		goto out;
	}
	/* Guesses against the first seed's run; beside a table, else on stderr. */
	predict_print(ro->format == REPORT_TABLE ? stdout : stderr, &ro->predict, stats, np);
	status = 0;
	if (rc.interrupted) {
		fprintf(stderr, "simul: interrupted; the report%s what was played so far\n",
			ro->pgn != NULL || ro->trace != NULL ? " and the files cover" : " covers");
		status = 130;
	}
out:
	if (rc.trace != NULL)
		trace_finish(rc.trace);
	sim_free(rc.s);
	atomic_file_abort(&pgn);
	atomic_file_abort(&trace);
	atomic_file_abort(&svg);
	free(stats);
	free(loop);
	free(finish);
	return status;
}

int
run_summary(const struct cli_options *o)
{
	struct run_opts ro = { .format = REPORT_TABLE, .repeat = 1, .quiet = true };

	return run_all(o, &ro);
}

int
cmd_run(int argc, char **argv)
{
	struct cli_options o;
	struct run_opts ro = { .format = REPORT_TABLE, .repeat = 1 };
	void *ctx[] = { &o, &ro };
	int rc;

	cli_options_defaults(&o);
	if ((rc = cli_main(&cmd_run_spec, ctx, argc, argv)) >= 0)
		return rc;
	if (o.list_presets) {
		cli_list_presets(stdout);
		return cli_flush_stdout();
	}
	return run_all(&o, &ro);
}
