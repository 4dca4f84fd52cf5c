/*
 * SVG for slides and handouts: a few primitives written straight to a
 * FILE * (rects, lines, polylines, markers, escaped text) and the axes of a
 * chart, linear or log10. Pictures are meant to be printed and projected,
 * so meaning never rests on colour alone: the fill patterns (hatch, dots,
 * cross) and marker shapes defined by svg_begin() carry it too, and every
 * series gets a text label. Writers check ferror once, in svg_end().
 */
#ifndef SIMUL_UI_SVG_H
#define SIMUL_UI_SVG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct svg {
	FILE	*f;
	int	w, h;		/* pixels */
};

/* Fills by name: "url(#hatch)", "url(#dots)", "url(#cross)" or a colour. */
#define SVG_HATCH	"url(#hatch)"
#define SVG_DOTS	"url(#dots)"
#define SVG_CROSS	"url(#cross)"

enum svg_shape { SVG_CIRCLE, SVG_SQUARE, SVG_TRIANGLE, SVG_DIAMOND, SVG_SHAPE_NB };

enum svg_anchor { SVG_START, SVG_MIDDLE, SVG_END };

/* Maps [lo, hi] (log10 of it when log) onto pixels [p0, p1]. */
struct svg_axis {
	double	lo, hi;
	bool	log;
	double	p0, p1;
	bool	seconds;	/* linear: steps of a clock (15s, 1m, 10m, 1h, 2h, ...) */
};

/* Writes the header, the patterns, a white page and the <title>. */
void svg_begin(struct svg *g, FILE *f, int w, int h, const char *title);
/* Closes the document; -1 when any write failed. */
int svg_end(struct svg *g);

/* Text with &, <, >, " and ' escaped. */
void svg_escape(FILE *f, const char *text);
void svg_rect(struct svg *g, double x, double y, double w, double h, const char *fill,
	      const char *stroke);
/* dash: NULL for a solid line, else an SVG dash array such as "8 4". */
void svg_line(struct svg *g, double x1, double y1, double x2, double y2, const char *stroke,
	      double width, const char *dash);
void svg_polyline(struct svg *g, const double *x, const double *y, size_t n, const char *stroke,
		  double width, const char *dash);
void svg_marker(struct svg *g, double x, double y, enum svg_shape shape, const char *colour);
/* printf-style text at (x, y), size in pixels. */
void svg_text(struct svg *g, double x, double y, int size, enum svg_anchor anchor, bool bold,
	      const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/*
 * A free y for a label meant at y, at least gap away from the n labels
 * already placed (moving down past each one it meets); records it there.
 */
double svg_spread(double *placed, int n, double y, double gap);

/* Widens lo/hi to round numbers (1, 2, 5 x 10^k) or, on a log axis, to decades. */
void svg_axis_round(struct svg_axis *a);
double svg_axis_map(const struct svg_axis *a, double v);

typedef void svg_label_fn(char *buf, size_t len, double v);
/* Plain numbers: 1, 2.5, 10k, 1.5M. */
void svg_label_number(char *buf, size_t len, double v);

/*
 * An axis along the bottom (at y, grid lines up to y_top) or the left (at
 * x, grid lines across to x_right): ticks at round values (decades and
 * their 2 and 5 on a log axis spanning less than three), labelled by label,
 * and a title.
 */
void svg_axis_x(struct svg *g, const struct svg_axis *a, double y, double y_top,
		const char *title, svg_label_fn *label);
void svg_axis_y(struct svg *g, const struct svg_axis *a, double x, double x_right,
		const char *title, svg_label_fn *label);

#endif
