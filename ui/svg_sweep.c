/*
 * The sweep chart: total time against the swept parameter, one line per
 * policy (solid, with its own marker shape and its name at the line's end)
 * and the model's prediction beside each (dashed), the knee where the
 * master becomes the bottleneck marked by a labelled vertical line.
 */
#include <stdlib.h>

#include "ui/pictures.h"
#include "ui/svg.h"

enum { SWEEP_W = 1280, SWEEP_H = 760, SWEEP_X0 = 170, SWEEP_X1 = 1000, SWEEP_Y0 = 640,
       SWEEP_Y1 = 120 };

static const char *const sweep_colours[] = { "#1f4e79", "#b35900", "#2e7d32", "#6a1b9a" };

static void
label_hms(char *buf, size_t len, double seconds)
{
	duration_hms((simtime_t)(seconds * 1e6 + 0.5), buf, len);
}

static void
label_duration(char *buf, size_t len, double seconds)
{
	duration_format((simtime_t)(seconds * 1e6 + 0.5), buf, len);
}

int
picture_sweep(FILE *f, const struct sweep_chart *c)
{
	struct svg_axis ax = { 0, 1, false, SWEEP_X0, SWEEP_X1, c->duration };
	struct svg_axis ay = { 0, 1, false, SWEEP_Y0, SWEEP_Y1, true };
	double scale = c->duration ? 1e-6 : 1;	/* values to axis units (s or counts) */
	double *x = malloc(c->npoints * sizeof(*x)), *y = malloc(c->npoints * sizeof(*y));
	double labels[SIM_EXHIBITIONS_MAX];
	char title[128], hi[32];
	struct svg g;

	if (x == NULL || y == NULL) {
		free(x);
		free(y);
		return -1;
	}
	ax.lo = c->values[0] * scale;
	ax.hi = c->values[c->npoints - 1] * scale;
	for (int s = 0; s < c->nseries; s++)
		for (size_t i = 0; i < c->npoints; i++) {
			double t = (double)c->series[s].total[i] / 1e6;
			double m = (double)c->series[s].model[i] / 1e6;

			ay.hi = t > ay.hi ? t : ay.hi;
			ay.hi = m > ay.hi ? m : ay.hi;
		}
	svg_axis_round(&ax);
	svg_axis_round(&ay);
	ay.lo = 0;
	snprintf(title, sizeof(title), "Total time against %s", c->parameter);
	svg_begin(&g, f, SWEEP_W, SWEEP_H, title);
	svg_text(&g, 24, 48, 32, SVG_START, true, "%s", title);
	svg_text(&g, 24, 84, 20, SVG_START, false, "%s", c->config);
	svg_axis_x(&g, &ax, SWEEP_Y0, SWEEP_Y1, c->parameter,
		   c->duration ? label_duration : svg_label_number);
	svg_axis_y(&g, &ay, SWEEP_X0, SWEEP_X1, "total (h:mm:ss)", label_hms);
	if (c->knee >= 0 && c->knee * scale >= ax.lo && c->knee * scale <= ax.hi) {
		double kx = svg_axis_map(&ax, c->knee * scale);

		svg_line(&g, kx, SWEEP_Y0, kx, SWEEP_Y1 - 10, "#a00", 2.5, "10 6");
		if (c->duration)
			label_duration(hi, sizeof(hi), c->knee * scale);
		else
			snprintf(hi, sizeof(hi), "%.4g", c->knee);
		svg_text(&g, kx + 8, SWEEP_Y1 + 4, 20, SVG_START, true, "knee: %s = %s", c->parameter,
			 hi);
		svg_text(&g, kx + 8, SWEEP_Y1 + 28, 18, SVG_START, false,
			 "N\u00b7(Tm+W) = Tm+To: the master is busy all the time");
	}
	for (int s = 0; s < c->nseries; s++) {
		const char *colour = sweep_colours[s % 4];

		for (size_t i = 0; i < c->npoints; i++) {
			x[i] = svg_axis_map(&ax, c->values[i] * scale);
			y[i] = svg_axis_map(&ay, (double)c->series[s].model[i] / 1e6);
		}
		svg_polyline(&g, x, y, c->npoints, "#777", 2, "4 6");
		for (size_t i = 0; i < c->npoints; i++)
			y[i] = svg_axis_map(&ay, (double)c->series[s].total[i] / 1e6);
		svg_polyline(&g, x, y, c->npoints, colour, 3, NULL);
		for (size_t i = 0; i < c->npoints; i++)
			svg_marker(&g, x[i], y[i], (enum svg_shape)(s % SVG_SHAPE_NB), colour);
		/* Names at the lines' ends, moved apart where lines end together. */
		svg_spread(labels, s, y[c->npoints - 1] + 6, 24);
		label_hms(hi, sizeof(hi), (double)c->series[s].total[c->npoints - 1] / 1e6);
		svg_text(&g, x[c->npoints - 1] + 12, labels[s], 20, SVG_START, true, "%s %s",
			 sim_policy_name(c->series[s].policy), hi);
	}
	svg_text(&g, SWEEP_X0, SWEEP_H - 20, 18, SVG_START, false,
		 "solid with markers: measured (one shape per policy); dashed grey: the model");
	free(x);
	free(y);
	return svg_end(&g);
}
