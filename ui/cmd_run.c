/*
 * `simul run`: headless exhibitions. Parses the shared options plus its
 * own (output format, --pgn, --trace, --repeat, --workers), then opens
 * every output file before running (a bad path is bad usage, and nothing
 * half-written is ever left: files are atomic), plays K seeds of the
 * chosen policies on the virtual or the live clock (ui/run_seeds.c), and
 * prints one report on stdout. Progress, when wanted, goes to stderr only.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/macros.h"
#include "sim/sim.h"
#include "ui/commands.h"
#include "ui/run_internal.h"

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
	{ "svg", 0, "FILE", "draw the first run's busy/wait strips as SVG (for slides)", NULL,
	  .kind = CLI_PATH, .off = offsetof(struct run_opts, svg) },
	{ "predict-sync", 0, "DURATION", "your guess of the sync total (12h): shown beside the result",
	  opt_predict_sync },
	{ "predict-async", 0, "DURATION", "your guess of the async total (45m, 1:00:55)",
	  opt_predict_async },
	{ "trace-format", 0, "csv|chrome", "chrome: trace-event JSON for Perfetto", opt_trace_format },
	{ "repeat", 'r', "K", "run K seeds (seed, seed+1, ...): mean, min, max", opt_repeat },
	{ "workers", 0, "W", "use W cores: seeds on W processes at once (default: all)", NULL,
	  .kind = CLI_INT, .off = offsetof(struct run_opts, workers), .lo = 1, .hi = 1024 },
	{ "quiet", 'q', NULL, "no progress on stderr", opt_quiet },
};

static void
run_notes(FILE *f)
{
	cli_exhibition_notes(f);
	fprintf(f, "\nExit status: 0 done, 1 failure while running or writing, 2 bad usage,\n"
		   UI_STOP_SIGNALS_HELP ":\n"
		   "the report, --pgn and --trace keep what was played.\n"
		   "\n--workers: each process plays its share of the seeds on its own loop; the\n"
		   "results are merged in seed order, so the output is the same for every W.\n"
		   "--pgn, --trace and --svg are one stream each: with them the seeds run on one.\n"
		   "With chess on, the cores a process has to itself search its seed's games\n"
		   "first, boards spread over threads; the clock replays them (same output).\n");
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

/* Everything after parsing: open, play, finish; returns the exit code. */
static int
run_all(const struct cli_options *o, const struct run_opts *ro)
{
	struct run_ctx rc = { .o = o, .ro = ro };
	int status;

	rc.np = cli_policies(o, rc.policies);
	if ((status = run_open(&rc)) == 0 && (status = run_play(&rc)) == 0)
		status = run_finish(&rc);
	run_close(&rc);
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
