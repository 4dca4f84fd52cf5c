/*
 * The bottom of the screen: the narration (what just happened, in plain
 * words, newest line first), the key footer, and the summary that appears
 * when an asynchronous exhibition has finished. The narration's sentences
 * are written by the controller from the simulation's events; this file
 * only places them, so a paused screen always says how to go on. A
 * notice (the answer to a key) sits on top of them while it lasts.
 */
#include <stdio.h>
#include <string.h>

#include "engine/macros.h"
#include "ui/keys.h"
#include "ui/layout.h"

/*
 * The footer names every key of the key table that has a footer label, at
 * every width; a narrow line shortens the labels instead of dropping keys,
 * through the table's forms, widest first. The arrows and +/- go bare
 * before the others (they say what they do), and space, ? and q keep a word
 * to the last.
 */
/* The footer's levels, tried in order until one fits: a label form and the gap between keys. */
static const struct footer_level {
	int	form;
	int	gap;
} footer_levels[] = { { 0, 2 }, { 1, 2 }, { 1, 1 }, { 2, 1 }, { 3, 1 } };

/*
 * Lays the footer out at one level: draws it when cb is not NULL, and
 * returns its width from the left margin to the last label either way.
 */
static int
footer_line(struct cellbuf *cb, struct ui_rect r, const struct footer_level *lv, bool ascii)
{
	int x = r.x + 1;

	for (size_t i = 0, shown = 0; i < key_table_len; i++) {
		const struct key_binding *k = &key_table[i];
		const char *what = k->footer[lv->form];
		const char *name = ascii ? k->footer_ascii : k->footer_name;

		if (k->footer_name == NULL)
			continue;
		if (shown++ > 0)
			x += lv->gap;
		if (cb != NULL)
			cellbuf_text(cb, x, r.y, r.x + r.w - x, UI_KEY, ascii, name);
		x += ui_text_width(name);
		if (what[0] == '\0')
			continue;
		if (cb != NULL)
			cellbuf_text(cb, x + 1, r.y, r.x + r.w - x - 1, UI_DIM, ascii, what);
		x += 1 + ui_text_width(what);
	}
	return x - r.x;
}

void
status_view_footer(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs)
{
	const struct footer_level *lv = &footer_levels[0];

	/* The widest level that fits; below the last one the screen cuts the line. */
	for (size_t i = 1; i < ARRAY_LEN(footer_levels) && footer_line(NULL, r, lv, vs->ascii) > r.w;
	     i++)
		lv = &footer_levels[i];
	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	footer_line(cb, r, lv, vs->ascii);
}

void
status_view_draw(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs)
{
	int y = r.y;

	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	if (vs->notice[0] != '\0') {
		int x = r.x + 1;

		if (vs->paused)
			x += cellbuf_text(cb, x, y, r.w - 1, UI_PAUSED, vs->ascii, " PAUSED ") + 1;
		cellbuf_text(cb, x, y++, r.x + r.w - x, UI_GOOD, vs->ascii, vs->notice);
		/* The narration goes on below it, one line fewer. */
		for (int i = 0; i < VIEW_STATUS_LINES && y < r.y + r.h && vs->status[i][0]; i++, y++)
			cellbuf_text(cb, r.x + 1, y, r.w - 1, UI_DIM, vs->ascii, vs->status[i]);
		return;
	}
	if (vs->paused && vs->status[0][0] == '\0') {
		cellbuf_text(cb, r.x + 1, y, r.w - 1, UI_PAUSED, vs->ascii,
			     " PAUSED: space resumes, s plays one event and says why ");
		return;
	}
	for (int i = 0; i < VIEW_STATUS_LINES && y < r.y + r.h; i++, y++) {
		int x = r.x + 1;

		if (vs->status[i][0] == '\0')
			break;
		if (i == 0 && vs->paused)
			x += cellbuf_text(cb, x, y, r.w - 1, UI_PAUSED, vs->ascii, " PAUSED ") + 1;
		cellbuf_text(cb, x, y, r.x + r.w - x, i == 0 ? UI_BOLD : UI_DIM, vs->ascii,
			     vs->status[i]);
	}
}

void
status_view_summary(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs)
{
	const struct view_exhibition *done = NULL, *sync = NULL;
	char total[32], model[32], proj[32], line1[VIEW_TEXT * 2], line2[VIEW_TEXT * 2];
	const char *times = vs->ascii ? "x" : "\u00d7";
	struct ui_rect in = r;

	for (int i = 0; i < vs->nex; i++) {
		if (vs->ex[i].is_sync && sync == NULL)
			sync = &vs->ex[i];
		if (!vs->ex[i].is_sync && vs->ex[i].finished && done == NULL)
			done = &vs->ex[i];
	}
	if (done == NULL)
		return;
	duration_hms(done->now, total, sizeof(total));
	if (done->model >= 0)
		duration_hms(done->model, model, sizeof(model));
	if (done->model < 0)
		snprintf(line1, sizeof(line1), "%s finished in %s.", done->policy, total);
	else if (done->model == done->now)
		snprintf(line1, sizeof(line1), "%s finished in %s, exactly what the model says.",
			 done->policy, total);
	else
		snprintf(line1, sizeof(line1), "%s finished in %s; the model says %s. %s", done->policy,
			 total, model, done->note != NULL && done->note[0] != '\0' ? done->note :
			 "Random think times and early game ends make the difference.");
	if (sync != NULL && sync->projected > 0) {
		duration_hms(sync->projected, proj, sizeof(proj));
		snprintf(line2, sizeof(line2),
			 "sync %s %s: %.1f%s slower. Same moves, same thinking; the master just "
			 "stopped waiting.%s", sync->finished ? "took" : "is heading for", proj,
			 (double)sync->projected / (double)(done->now > 0 ? done->now : 1), times,
			 sync->finished ? "" : "  f fast-forwards sync to its end.");
	} else {
		snprintf(line2, sizeof(line2), "f fast-forwards the rest to the end.");
	}
	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	if (r.h >= 4) {
		cellbuf_box(cb, r, UI_GOOD, vs->ascii, "summary");
		in = (struct ui_rect){ r.x + 1, r.y + 1, r.w - 2, r.h - 2 };
	}
	cellbuf_text(cb, in.x + 1, in.y, in.w - 1, UI_GOOD, vs->ascii, line1);
	cellbuf_text(cb, in.x + 1, in.y + 1, in.w - 1, UI_NORMAL, vs->ascii, line2);
}

/* Why the master does what he does, per policy: the lesson in one clause. */
static const char *
narrate_why_wait(enum sim_policy p, int board)
{
	if (p == SIM_SYNC)
		return "sync never leaves a game before its end";
	if (p == SIM_ROUND_ROBIN)
		return "round-robin keeps its order, ready or not";
	return board < 0 ? "no board is ready" : "no other board is ready";
}

static const char *
narrate_why_go(enum sim_policy p)
{
	if (p == SIM_SYNC)
		return "the same game until it ends";
	if (p == SIM_ROUND_ROBIN)
		return "next in the walking order";
	return "ready longest";
}

void
status_view_narrate(const struct sim_event *e, enum sim_policy policy, simtime_t think,
		    char *out, size_t len)
{
	const char *pol = sim_policy_name(policy);
	char d[32], t[32];
	int b = e->board + 1;

	view_fmt_short(e->duration, d, sizeof(d));
	view_fmt_short(think, t, sizeof(t));
	switch (e->kind) {
	case SIM_EV_MASTER_THINKS:
		snprintf(out, len, "%s, board %d: master sits down (%s) and thinks %s", pol, b,
			 narrate_why_go(policy), d);
		break;
	case SIM_EV_MASTER_MOVES:
		if (e->san[0] != '\0')
			snprintf(out, len, "%s, board %d: master played %s after %s", pol, b, e->san, t);
		else
			snprintf(out, len, "%s, board %d: master moved after %s", pol, b, t);
		break;
	case SIM_EV_MASTER_WALKS:
		snprintf(out, len, "%s: master walks to board %d (%s, %s)", pol, b, d,
			 narrate_why_go(policy));
		break;
	case SIM_EV_MASTER_WAITS:
		if (e->blocked)
			snprintf(out, len, "%s, board %d: master BLOCKED: the opponent thinks %s inside a "
				 "blocking call, no other board can be served", pol, b, d);
		else if (e->board < 0)
			snprintf(out, len, "%s: master waits: %s", pol, narrate_why_wait(policy, -1));
		else
			snprintf(out, len, "%s, board %d: master waits for the reply (%s)", pol, b,
				 narrate_why_wait(policy, b));
		break;
	case SIM_EV_MASTER_STOPS_WAITING:
		if (e->blocked)
			snprintf(out, len, "%s, board %d: the blocking call returned after %s; the master "
				 "is free again", pol, b, d);
		else
			snprintf(out, len, "%s: master stops waiting after %s", pol, d);
		break;
	case SIM_EV_OPPONENT_THINKS:
		snprintf(out, len, "%s, board %d: opponent thinks %s", pol, b, d);
		break;
	case SIM_EV_OPPONENT_REPLIES:
		if (e->san[0] != '\0')
			snprintf(out, len, "%s, board %d: opponent replied %s; the board waits for the master",
				 pol, b, e->san);
		else
			snprintf(out, len, "%s, board %d: opponent replied; the board waits for the master",
				 pol, b);
		break;
	case SIM_EV_GAME_ENDS:
		snprintf(out, len, "%s, board %d: game over, %s (%s)", pol, b,
			 game_result_text(e->result), game_termination_text(e->termination));
		break;
	case SIM_EV_EXHIBITION_ENDS:
		duration_hms(e->t, d, sizeof(d));
		snprintf(out, len, "%s: every game is over, total %s", pol, d);
		break;
	case SIM_EV_KIND_NB:
		snprintf(out, len, "%s: %s", pol, sim_event_kind_name(e->kind));
		break;
	}
}
