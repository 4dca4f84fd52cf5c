/*
 * `simul` with no subcommand: the live view on a terminal. It takes every
 * option of `simul run` that shapes the exhibition (through ui/cli.h) plus
 * its own few for the screen. Without a terminal on stdout there is nobody
 * to watch, so it prints the headless summary instead of starting curses.
 */
#include <locale.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "engine/macros.h"
#include "ui/cli.h"
#include "ui/commands.h"
#include "ui/keys.h"
#include "ui/layout.h"
#include "ui/live.h"
#include "ui/predict.h"
#include "ui/record.h"
#include "ui/report.h"

static int
opt_ascii(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct live_options *)ctx)->ascii = true;
	return 0;
}

static int
opt_no_color(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct live_options *)ctx)->no_color = true;
	return 0;
}

static int
opt_fps(void *ctx, const char *v, char *err, size_t errlen)
{
	return cli_parse_double(v, 1, 60, &((struct live_options *)ctx)->fps, err, errlen);
}

static int
opt_pgn(void *ctx, const char *v, char *err, size_t errlen)
{
	return cli_parse_path(v, &((struct live_options *)ctx)->pgn, err, errlen);
}

static int
opt_predict(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct live_options *)ctx)->predict = true;
	return 0;
}

static int
opt_record(void *ctx, const char *v, char *err, size_t errlen)
{
	return cli_parse_path(v, &((struct live_options *)ctx)->record_path, err, errlen);
}

static const struct cli_option live_options[] = {
	{ "ascii", 0, NULL, "letters for pieces and plain frames (also without UTF-8)", opt_ascii },
	{ "no-color", 0, NULL, "no colours (as with NO_COLOR=1)", opt_no_color },
	{ "fps", 0, "N", "at most N frames a second, 1..60 (default 30)", opt_fps },
	{ "pgn", 0, "FILE", "on exit write the games so far (unfinished as *)", opt_pgn },
	{ "predict", 0, NULL, "ask for the class's guesses first; compare them at the end",
	  opt_predict },
	{ "record", 0, "FILE", "record the session (config, seed, every key) for simul replay",
	  opt_record },
};

static const struct cli_table live_table = { "live view options", live_options,
					     ARRAY_LEN(live_options) };

static void
live_notes(FILE *f)
{
	cli_exhibition_notes(f);
	fputc('\n', f);
	key_table_print(f);
	fputc('\n', f);
	layout_sizes_print(f);
	fprintf(f, "\nExit status: 0 quit, 1 failure, 2 bad usage,\n" UI_STOP_SIGNALS_HELP
		   ":\nthe terminal is restored and --pgn keeps the games so far.\n");
}

const struct cli_spec cmd_live_spec = {
	.name = "live",
	.synopsis = "[options]",
	.summary = "the live view (what plain `simul` starts on a terminal)",
	.about = "The live view: a synchronous and an asynchronous exhibition side by side,\n"
		 "their clocks running on one event loop. Press ? inside for the keys.\n"
		 "Without a terminal on stdout it prints the headless summary instead.",
	.tables = { &cli_exhibition_table, &live_table },
	.notes = live_notes,
	.check = cli_exhibition_check,
};

int
cmd_live(int argc, char **argv)
{
	struct cli_options o;
	struct live_options lo = { .fps = LIVE_FPS_DEFAULT };
	void *ctx[] = { &o, &lo };
	enum sim_policy pol[SIM_EXHIBITIONS_MAX];
	char err[512];
	int rc;

	cli_options_defaults(&o);
	if ((rc = cli_main(&cmd_live_spec, ctx, argc, argv)) >= 0)
		return rc;
	if (o.list_presets) {
		cli_list_presets(stdout);
		return cli_flush_stdout();
	}
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))
		return run_summary(&o);
	if (cli_exhibition_fits(&o.config, cli_policies(&o, pol), err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: %s\n", err);
		return 2;
	}
	if (lo.predict) {
		struct predict *guesses = calloc(1, sizeof(*guesses));

		if (guesses == NULL || predict_ask(stdin, stdout, &o.config, guesses) < 0) {
			free(guesses);
			return 1;
		}
		lo.guesses = guesses;	/* freed after the view */
	}
	if (lo.record_path != NULL &&
	    (lo.record = record_open(lo.record_path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "simul: --record: %s\n", err);
		free(lo.guesses);
		return 2;
	}
	/* The terminal's own locale decides whether Unicode can be shown. */
	setlocale(LC_ALL, "");
	rc = live_run(&o, &lo);
	free(lo.guesses);
	return rc;
}
