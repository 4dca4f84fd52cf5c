/*
 * `simul replay FILE`: plays a recording made with `simul --record FILE`
 * (ui/record.c): the same exhibition, games, pauses and steps, in the live
 * view at the recorded pace or --speed X times it; --headless (or without
 * a terminal) plays it at once and says whether it ends as recorded.
 * A recording this simul cannot replay faithfully is refused (exit 2).
 */
#include <locale.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ev.h>

#include "engine/macros.h"
#include "ui/commands.h"
#include "ui/live_internal.h"
#include "ui/record.h"

struct replay_opts {
	double	pace;		/* --speed: times the recorded pace */
	bool	headless;
};

static int
opt_speed(void *ctx, const char *v, char *err, size_t errlen)
{
	return cli_parse_double(v, 1e-3, 1e6, &((struct replay_opts *)ctx)->pace, err, errlen);
}

static const struct cli_option replay_options[] = {
	{ "speed", 0, "X", "X times the recorded pace (1); the simulation speeds up with it",
	  opt_speed },
	{ "headless", 0, NULL, "no screen, no waiting: play every key and check the end state",
	  NULL, .kind = CLI_FLAG, .off = offsetof(struct replay_opts, headless) },
};

static const struct cli_table replay_table = { "replay options", replay_options,
					       ARRAY_LEN(replay_options) };

const struct cli_spec cmd_replay_spec = {
	.name = "replay",
	.synopsis = "FILE [--speed X] [--headless]",
	.summary = "play a session recorded with simul --record FILE",
	.about = "Plays a recording made with `simul --record FILE` in the live view: the same\n"
		 "exhibition, the same games, every key at the moment it was pressed. A\n"
		 "recording by another simul version is refused: its games could differ.",
	.tables = { &replay_table },
};

/* The recorded session headless: every key at its simulated time. */
static int
replay_without_screen(struct replay *rp, const struct cli_options *o,
		      const struct live_options *lo)
{
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct live *lv = calloc(1, sizeof(*lv));
	char err[512];
	int rc = 1;

	if (loop == NULL || lv == NULL) {
		fprintf(stderr, "simul: replay: out of memory\n");
	} else if (live_open(lv, o, lo, loop, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: replay: %s\n", err);
		rc = 2;
	} else if (sim_start_live(lv->sim, loop, lv->speed) == 0) {
		rc = replay_headless(rp, lv);
	}
	if (lv != NULL)
		live_close(lv);
	free(lv);
	if (loop != NULL)
		ev_loop_destroy(loop);
	return rc;
}

int
cmd_replay(int argc, char **argv)
{
	struct replay_opts ro = { .pace = 1 };
	struct cli_options o;
	struct live_options lo = { .fps = LIVE_FPS_DEFAULT };
	void *ctx[] = { &ro };
	void *live_ctx[] = { &o, &lo };
	struct replay *rp;
	const char *file;
	char err[512];
	int rc;

	if (argc < 2 || argv[1][0] == '-') {
		/* Help, or a missing file name: the table's own messages. */
		if ((rc = cli_main(&cmd_replay_spec, ctx, argc, argv)) >= 0)
			return rc;
		fprintf(stderr, "simul: replay: give the recording first: simul replay FILE\n");
		return 2;
	}
	file = argv[1];
	argv[1] = argv[0];	/* FILE is taken; the rest are options */
	if ((rc = cli_main(&cmd_replay_spec, ctx, argc - 1, argv + 1)) >= 0)
		return rc;
	rp = replay_load(file, err, sizeof(err));
	if (rp == NULL) {
		fprintf(stderr, "simul: replay: %s\n", err);
		return 2;
	}
	/* The recorded exhibition goes through the live view's own options. */
	cli_options_defaults(&o);
	if (cli_getopt(&cmd_live_spec, live_ctx, replay_argc(rp), replay_argv(rp), err,
		       sizeof(err)) != 0) {
		fprintf(stderr, "simul: replay: %s cannot be replayed: %s\n", file, err);
		replay_free(rp);
		return 2;
	}
	o.speed *= ro.pace;
	if (ro.headless || !isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		rc = replay_without_screen(rp, &o, &lo);
	} else {
		lo.replay = rp;
		lo.pace = ro.pace;
		setlocale(LC_ALL, "");
		rc = live_run(&o, &lo);
	}
	replay_free(rp);
	return rc;
}
