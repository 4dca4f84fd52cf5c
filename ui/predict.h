/*
 * Predict mode: the class guesses the sync and the async totals before
 * the clocks start, and the end shows each guess beside the model and the
 * measurement, with the guess's error. Guesses are typed as durations a
 * person says: 12h, 45m, 1h30m, 3655s, or a clock reading 1:00:55.
 * `simul run --predict-sync/--predict-async` and the live view's prompt
 * (ui/predict_view.c, `simul --predict`) share this file.
 */
#ifndef SIMUL_UI_PREDICT_H
#define SIMUL_UI_PREDICT_H

#include <stdbool.h>
#include <stdio.h>

#include "sim/sim.h"

enum { PREDICT_MAX_HOURS = 100000 };

struct predict {
	bool		sync_set, async_set;
	simtime_t	sync, async;	/* the guesses, simulated µs */
	bool		said_sync, said_async;	/* the live view has shown the comparison */
};

/* "12h", "45m", "1h30m", "90s", "1:00:55", "12:00:00"; err names the value. */
int predict_parse(const char *text, simtime_t *out, char *err, size_t errlen);

/* The guess's error against total: "exact", or "0:15:55 short (-26.1%)". */
void predict_error(char *buf, size_t len, simtime_t guess, simtime_t total);

/*
 * One row per guessed exhibition: the sync guess against the sync
 * exhibition, the async guess against the first async one. st[i] are the
 * statistics of exhibition i (n of them). Prints nothing without a guess.
 */
void predict_print(FILE *f, const struct predict *p, const struct sim_stats *st, int n);
/* The same from a finished (or stopped) sim. */
void predict_print_sim(FILE *f, const struct predict *p, const struct sim *s);

/*
 * Asks on out, reads answers from in, one line each, before the view starts:
 * the sync guess, then the async guess; an empty line skips one, a bad one
 * is asked again. -1 at end of input.
 */
int predict_ask(FILE *in, FILE *out, const struct sim_config *c, struct predict *p);

struct live;

/*
 * The live view's hook, called with each frame: as soon as an exhibition
 * with a guess ends, its comparison goes into the narration, on screen
 * while the class still looks at the totals.
 */
void predict_view_frame(struct predict *p, struct live *lv);

#endif
