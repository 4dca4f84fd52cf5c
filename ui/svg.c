/*
 * SVG primitives and chart axes. Coordinates are printed with one decimal
 * (a tenth of a pixel is below what any screen or printer shows) so the
 * files stay small and diff well. Ticks are computed, never configured:
 * round steps on a linear axis, decades (with 2 and 5 when the axis is
 * short) on a log one.
 */
#include "ui/svg.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

static const char *const svg_anchors[] = { "start", "middle", "end" };

void
svg_begin(struct svg *g, FILE *f, int w, int h, const char *title)
{
	g->f = f;
	g->w = w;
	g->h = h;
	fprintf(f,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n",
		w, h, w, h);
	fputs("<title>", f);
	svg_escape(f, title);
	fputs("</title>\n", f);
	/* Patterns, so a strip reads the same printed in black and white. */
	fputs("<defs>\n"
	      "<pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
	      "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#fff\"/>"
	      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#888\" stroke-width=\"2\"/></pattern>\n"
	      "<pattern id=\"dots\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
	      "<rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
	      "<circle cx=\"3\" cy=\"3\" r=\"1.6\" fill=\"#333\"/></pattern>\n"
	      "<pattern id=\"cross\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
	      "<rect width=\"8\" height=\"8\" fill=\"#fdd\"/>"
	      "<path d=\"M0 0L8 8M8 0L0 8\" stroke=\"#a00\" stroke-width=\"1.5\"/></pattern>\n"
	      "</defs>\n", f);
	fprintf(f, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", w, h);
}

int
svg_end(struct svg *g)
{
	fputs("</svg>\n", g->f);
	return ferror(g->f) ? -1 : 0;
}

void
svg_escape(FILE *f, const char *text)
{
	for (const char *p = text; *p != '\0'; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&apos;", f); break;
		default: fputc(*p, f);
		}
	}
}

void
svg_rect(struct svg *g, double x, double y, double w, double h, const char *fill,
	 const char *stroke)
{
	fprintf(g->f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"", x, y,
		w, h, fill);
	if (stroke != NULL)
		fprintf(g->f, " stroke=\"%s\"", stroke);
	fputs("/>\n", g->f);
}

static void
svg_stroke(struct svg *g, const char *stroke, double width, const char *dash)
{
	fprintf(g->f, " fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"", stroke, width);
	if (dash != NULL)
		fprintf(g->f, " stroke-dasharray=\"%s\"", dash);
	fputs("/>\n", g->f);
}

void
svg_line(struct svg *g, double x1, double y1, double x2, double y2, const char *stroke,
	 double width, const char *dash)
{
	fprintf(g->f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"", x1, y1, x2, y2);
	svg_stroke(g, stroke, width, dash);
}

void
svg_polyline(struct svg *g, const double *x, const double *y, size_t n, const char *stroke,
	     double width, const char *dash)
{
	fputs("<polyline points=\"", g->f);
	for (size_t i = 0; i < n; i++)
		fprintf(g->f, "%s%.1f,%.1f", i ? " " : "", x[i], y[i]);
	fputc('"', g->f);
	svg_stroke(g, stroke, width, dash);
}

void
svg_marker(struct svg *g, double x, double y, enum svg_shape shape, const char *colour)
{
	const double r = 5;

	switch (shape) {
	case SVG_SQUARE:
		fprintf(g->f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"", x - r,
			y - r, 2 * r, 2 * r);
		break;
	case SVG_TRIANGLE:
		fprintf(g->f, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\"", x, y - r, x + r, y + r,
			x - r, y + r);
		break;
	case SVG_DIAMOND:
		fprintf(g->f, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\"", x, y - r,
			x + r, y, x, y + r, x - r, y);
		break;
	default:
		fprintf(g->f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"", x, y, r);
	}
	fprintf(g->f, " fill=\"%s\" stroke=\"#000\"/>\n", colour);
}

void
svg_text(struct svg *g, double x, double y, int size, enum svg_anchor anchor, bool bold,
	 const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fprintf(g->f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\"%s>", x, y,
		size, svg_anchors[anchor], bold ? " font-weight=\"bold\"" : "");
	svg_escape(g->f, buf);
	fputs("</text>\n", g->f);
}

/* The round step (1, 2 or 5 x 10^k) that cuts range into about n pieces. */
static double
svg_step(double range, int n)
{
	double raw = range / n, p = pow(10, floor(log10(raw))), m = raw / p;

	return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

double
svg_spread(double *placed, int n, double y, double gap)
{
	for (int i = 0; i < n; i++)
		if (y > placed[i] - gap && y < placed[i] + gap) {
			y = placed[i] + gap;
			i = -1;	/* look again from the first */
		}
	placed[n] = y;
	return y;
}

/* Steps a clock face reads well, in seconds. */
static const double svg_clock_steps[] = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
					  3600, 7200, 10800, 21600, 43200, 86400 };

static double
svg_axis_step(const struct svg_axis *a)
{
	double raw = (a->hi - a->lo) / 5;

	if (a->seconds)
		for (size_t i = 0; i < sizeof(svg_clock_steps) / sizeof(svg_clock_steps[0]); i++)
			if (svg_clock_steps[i] >= raw * 0.75)
				return svg_clock_steps[i];
	return svg_step(a->hi - a->lo, 5);
}

void
svg_axis_round(struct svg_axis *a)
{
	if (a->log) {
		a->lo = pow(10, floor(log10(a->lo)));
		a->hi = pow(10, ceil(log10(a->hi)));
		if (a->hi <= a->lo)
			a->hi = a->lo * 10;
	} else {
		double step;

		if (a->hi <= a->lo)
			a->hi = a->lo + 1;
		step = svg_axis_step(a);
		a->lo = floor(a->lo / step) * step;
		a->hi = ceil(a->hi / step) * step;
	}
}

double
svg_axis_map(const struct svg_axis *a, double v)
{
	double lo = a->log ? log10(a->lo) : a->lo, hi = a->log ? log10(a->hi) : a->hi;
	double x = a->log ? log10(v > 0 ? v : a->lo) : v;

	if (hi <= lo)
		return a->p0;
	return a->p0 + (x - lo) / (hi - lo) * (a->p1 - a->p0);
}

void
svg_label_number(char *buf, size_t len, double v)
{
	if (fabs(v) >= 1e6)
		snprintf(buf, len, "%gM", v / 1e6);
	else if (fabs(v) >= 1e3)
		snprintf(buf, len, "%gk", v / 1e3);
	else
		snprintf(buf, len, "%g", v);
}

/* The ticks of a, at most max of them; returns how many. */
static int
svg_ticks(const struct svg_axis *a, double *out, int max)
{
	int n = 0;

	if (a->log) {
		bool fine = log10(a->hi / a->lo) < 3;

		for (double d = a->lo; d <= a->hi * 1.0001 && n < max; d *= 10) {
			out[n++] = d;
			if (fine && d * 2 <= a->hi && n < max)
				out[n++] = d * 2;
			if (fine && d * 5 <= a->hi && n < max)
				out[n++] = d * 5;
		}
	} else {
		double step = svg_axis_step(a);

		for (double v = ceil(a->lo / step) * step; v <= a->hi + step / 1e6 && n < max;
		     v += step)
			out[n++] = fabs(v) < step / 1e6 ? 0 : v;
	}
	return n;
}

void
svg_axis_x(struct svg *g, const struct svg_axis *a, double y, double y_top, const char *title,
	   svg_label_fn *label)
{
	double ticks[64];
	int n = svg_ticks(a, ticks, 64);
	char buf[32];

	for (int i = 0; i < n; i++) {
		double x = svg_axis_map(a, ticks[i]);

		svg_line(g, x, y_top, x, y, "#ddd", 1, NULL);
		svg_line(g, x, y, x, y + 6, "#000", 1.5, NULL);
		label(buf, sizeof(buf), ticks[i]);
		svg_text(g, x, y + 26, 18, SVG_MIDDLE, false, "%s", buf);
	}
	svg_line(g, a->p0, y, a->p1, y, "#000", 1.5, NULL);
	svg_text(g, (a->p0 + a->p1) / 2, y + 56, 20, SVG_MIDDLE, true, "%s", title);
}

void
svg_axis_y(struct svg *g, const struct svg_axis *a, double x, double x_right, const char *title,
	   svg_label_fn *label)
{
	double ticks[64];
	int n = svg_ticks(a, ticks, 64);
	char buf[32];

	for (int i = 0; i < n; i++) {
		double y = svg_axis_map(a, ticks[i]);

		svg_line(g, x, y, x_right, y, "#ddd", 1, NULL);
		svg_line(g, x - 6, y, x, y, "#000", 1.5, NULL);
		label(buf, sizeof(buf), ticks[i]);
		svg_text(g, x - 10, y + 6, 18, SVG_END, false, "%s", buf);
	}
	svg_line(g, x, a->p0, x, a->p1, "#000", 1.5, NULL);
	fprintf(g->f, "<text transform=\"translate(%.1f %.1f) rotate(-90)\" font-size=\"20\" "
		      "font-weight=\"bold\" text-anchor=\"middle\">", x - 120, (a->p0 + a->p1) / 2);
	svg_escape(g->f, title);
	fputs("</text>\n", g->f);
}
