/*
 * The live view's controller: one libev loop carries the simulation's
 * timers and the view's own watchers (stdin for keys, a frame timer,
 * SIGINT/SIGTERM/SIGWINCH). Keys become sim.h calls (pause, speed, step,
 * fast-forward, restart); frames are drawn from snapshots.
 */
#ifndef SIMUL_UI_LIVE_H
#define SIMUL_UI_LIVE_H

#include <stdbool.h>

#include "ui/cli.h"

struct predict;
struct record;
struct replay;

struct live_options {
	bool		ascii;		/* letters for pieces, +-| frames */
	bool		no_color;	/* as if NO_COLOR were set */
	double		fps;		/* frame rate bound, 1..60 */
	const char	*pgn;		/* write the games here on exit, or NULL */
	bool		predict;	/* --predict: ask for guesses first */
	struct predict	*guesses;	/* the answers, narrated as each exhibition ends */
	const char	*record_path;	/* --record FILE */
	struct record	*record;	/* opened: every key goes there (ui/record.c); live_run closes it */
	struct replay	*replay;	/* simul replay: keys come from there */
	double		pace;		/* replay: times the recorded pace */
};

enum { LIVE_FPS_DEFAULT = 30 };

/* Runs the live view until q, Ctrl-C or SIGTERM; returns the exit code. */
int live_run(const struct cli_options *o, const struct live_options *lopt);

#endif
