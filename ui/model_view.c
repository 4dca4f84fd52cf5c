/*
 * The model screen (key m): the article's two formulas with this run's
 * numbers put in and worked out, the asynchronous round explained in
 * words (which of its two terms wins here, and what changes when N
 * crosses (Tm+To)/Tm), and the measured totals beside them. A frame over
 * the running view, like the help; the simulation goes on behind it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui/layout.h"

enum { MODEL_LINES = 18 };

struct model_text {
	char	line[MODEL_LINES][VIEW_TEXT];
	int	style[MODEL_LINES];
	int	n;
};

static void __attribute__((format(printf, 3, 4)))
model_line(struct model_text *t, enum ui_style style, const char *fmt, ...)
{
	va_list ap;

	if (t->n >= MODEL_LINES)
		return;
	va_start(ap, fmt);
	vsnprintf(t->line[t->n], sizeof(t->line[t->n]), fmt, ap);
	va_end(ap);
	t->style[t->n++] = style;
}

/* The lines, from the run's numbers (the means when think times vary). */
static void
model_build(const struct view_state *vs, bool narrow, struct model_text *t)
{
	const struct view_model *m = &vs->model;
	const char *x = vs->ascii ? "x" : "\u00d7", *minus = vs->ascii ? "-" : "\u2212";
	simtime_t tmw = m->tm + m->w, pass = m->n * tmw, reply = m->tm + m->to;
	simtime_t round = pass > reply ? pass : reply;
	simtime_t sync = (simtime_t)m->n * m->m * reply + (m->n - 1) * m->w;
	simtime_t rr = (m->m - 1) * round + (m->n - 1) * tmw + m->tm + m->to;
	char tm[32], to[32], w[32], r[32], ps[32], rp[32], s1[32], s2[32], cross[32];

	view_fmt_short(m->tm, tm, sizeof(tm));
	view_fmt_short(m->to, to, sizeof(to));
	view_fmt_short(m->w, w, sizeof(w));
	view_fmt_short(round, r, sizeof(r));
	view_fmt_short(pass, ps, sizeof(ps));
	view_fmt_short(reply, rp, sizeof(rp));
	duration_hms(sync, s1, sizeof(s1));
	duration_hms(rr, s2, sizeof(s2));
	t->n = 0;
	model_line(t, UI_BOLD, "SYNC: board after board, every reply waited for");
	if (m->w > 0)
		model_line(t, UI_NORMAL, "  N %s M %s (Tm + To) + (N %s 1) %s W = %d %s %d %s (%s + %s) + %d %s %s "
			   "= %s", x, x, minus, x, m->n, x, m->m, x, tm, to, m->n - 1, x, w, s1);
	else if (narrow)
		model_line(t, UI_NORMAL, "  %d %s %d %s (%s + %s) = %s", m->n, x, m->m, x, tm, to, s1);
	else
		model_line(t, UI_NORMAL, "  N %s M %s (Tm + To) = %d %s %d %s (%s + %s) = %s", x, x, m->n,
			   x, m->m, x, tm, to, s1);
	model_line(t, UI_BOLD, "ASYNC: a round lasts the longer of two things:");
	if (m->w > 0)
		model_line(t, UI_NORMAL, "  the master's walk past every board  N %s (Tm + W) = %d %s %s = %s",
			   x, m->n, x, tm, ps);
	else
		model_line(t, UI_NORMAL, "  %s N %s Tm = %d %s %s = %s",
			   narrow ? "the master's walk:" : "the master's walk past every board ", x, m->n,
			   x, tm, ps);
	model_line(t, UI_NORMAL, "  %s Tm + To = %s + %s = %s",
		   narrow ? "a move and reply: " : "one board's move and its reply      ", tm, to, rp);
	if (pass >= reply)
		model_line(t, UI_GOOD, narrow ? "  the master is the bottleneck: rounds of %s" :
				 "  here the master is the bottleneck: a round is %s and he never waits", r);
	else
		model_line(t, UI_WAIT, narrow ? "  the reply is the bottleneck: rounds of %s" :
				 "  here the reply is the bottleneck: a round is %s and the master waits", r);
	model_line(t, UI_NORMAL, "  (M %s 1) rounds, his last pass, the last reply:", minus);
	model_line(t, UI_NORMAL, "  %d %s %s + %d %s %s + %s + %s = %s", m->m - 1, x, r, m->n - 1, x,
		   m->w > 0 ? "(Tm + W)" : tm, tm, to, s2);
	snprintf(cross, sizeof(cross), "%.3g", tmw > 0 ? (double)reply / (double)tmw : 0.0);
	if (pass >= reply)
		model_line(t, UI_DIM, narrow ? "  below %s boards the reply wins: he waits" :
				 "  below N = (Tm + To) / Tm = %s boards the reply wins: he waits", cross);
	else
		model_line(t, UI_DIM, narrow ? "  from %s boards on he never waits" :
				 "  from N = (Tm + To) / Tm = %s boards on he never waits", cross);
	model_line(t, UI_NORMAL, "%s", "");
	model_line(t, UI_BOLD, "%s", narrow ? "This run:" :
		   "This run (measured; the model follows the games as played):");
	for (int i = 0; i < vs->nex; i++) {
		const struct view_exhibition *e = &vs->ex[i];
		char now[32], mod[32], art[32];

		duration_hms(e->now, now, sizeof(now));
		duration_hms(e->model, mod, sizeof(mod));
		duration_hms(e->article, art, sizeof(art));
		const char *name = narrow && strcmp(e->policy, "round-robin") == 0 ? "rr" : e->policy;

		if (narrow)
			model_line(t, e->finished ? UI_GOOD : UI_NORMAL, "  %-5s %8s  model %8s  art %8s",
				   name, now, mod, art);
		else if (e->finished)
			model_line(t, UI_GOOD, "  %-11s total %8s   model %8s   article %8s", name, now,
				   mod, art);
		else
			model_line(t, UI_NORMAL, "  %-11s at %8s   model %8s   article %8s", name, now,
				   mod, art);
	}
	if (vs->early[0] != '\0')
		model_line(t, UI_DIM, "  %s", vs->early);
	if (!m->fixed)
		model_line(t, UI_DIM, "  think times vary: the formulas use their means");
}

void
model_view_draw(struct cellbuf *cb, const struct view_state *vs)
{
	struct model_text t;
	int w = cb->w - 2 < 92 ? cb->w - 2 : 92, h;
	struct ui_rect r;

	/* Below 80 columns the symbols go and the numbers stay. */
	model_build(vs, cb->w < 80, &t);
	h = t.n + 2 < cb->h ? t.n + 2 : cb->h;
	r = (struct ui_rect){ (cb->w - w) / 2, (cb->h - h) / 2, w, h };
	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	cellbuf_box(cb, r, UI_BOLD, vs->ascii, "the model, with this run's numbers");
	for (int i = 0; i < t.n && i < h - 2; i++)
		cellbuf_text(cb, r.x + 2, r.y + 1 + i, r.w - 4, (enum ui_style)t.style[i], vs->ascii,
			     t.line[i]);
	cellbuf_center(cb, r.x, r.y + r.h - 1, r.w, UI_DIM, vs->ascii, " m closes ");
}
