/*
 * Pictures for slides, written as SVG (ui/svg.c): an exhibition's busy and
 * wait strips (run --svg, the live view's e key), a sweep's line chart
 * (simul sweep --svg) and the bench ladder (simul bench --svg). Each takes
 * an open FILE * and returns 0, or -1 when a write failed; the caller owns
 * the file (an atomic_file, so a failed picture never replaces a good one).
 */
#ifndef SIMUL_UI_PICTURES_H
#define SIMUL_UI_PICTURES_H

#include <stdio.h>

#include "sim/sim.h"

struct bench_summary;

/*
 * Every exhibition of s on one time axis, as far as it has run: the
 * master's busy share per slice (solid), waiting (hatched), walking
 * (dotted), blocked (crossed), each strip ending at its total; totals,
 * model, speed-up and configuration as text.
 */
int picture_run(FILE *f, const struct sim *s);

/* One swept parameter: values, and per policy the totals and the model's. */
struct sweep_series {
	enum sim_policy		policy;
	const simtime_t		*total;		/* [npoints] */
	const simtime_t		*model;		/* [npoints] */
};

struct sweep_chart {
	const char		*parameter;	/* "boards", "opponent-think", ... */
	bool			duration;	/* values are simulated µs, else counts */
	const double		*values;	/* [npoints], µs or counts */
	size_t			npoints;
	const struct sweep_series *series;
	int			nseries;
	double			knee;		/* N·(Tm+W) = Tm+To here; < 0 none */
	const char		*config;	/* one line: what stayed fixed */
};

int picture_sweep(FILE *f, const struct sweep_chart *c);

/* Memory per board and wall time against boards, both log-log, one line per model. */
int picture_bench(FILE *f, const struct bench_summary *s);

#endif
