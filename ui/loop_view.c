/*
 * The loop panel (key l; by itself while stepping): the mechanism under
 * the result, named as asyncio names it so a class can map it to
 * loop._ready and loop._scheduled. For an asynchronous exhibition: the
 * running callback (the master at a board, thinking), the ready queue
 * (boards whose reply has arrived, oldest first, with how long each has
 * waited) and the scheduled timers (replies still due, soonest first); for
 * the synchronous one the single call in flight and "nothing else can
 * run". The last event's board is highlighted and its sentence closes the
 * panel. With one line only, a summary: "ready 3 · timers 21 · running:
 * board 7".
 */
#include <stdio.h>
#include <string.h>

#include "ui/layout.h"

/* What runs now, in one line. */
static void
loop_running(const struct view_state *vs, const struct view_exhibition *ex, char *out,
	     size_t len)
{
	char done[32], total[32], left[32];

	view_fmt_short(ex->now - ex->master_since, done, sizeof(done));
	view_fmt_short(ex->master_until - ex->master_since, total, sizeof(total));
	view_fmt_short(ex->master_until - ex->now, left, sizeof(left));
	(void)vs;
	switch (ex->master) {
	case VIEW_MASTER_THINKING:
		snprintf(out, len, "running: master at board %d, thinking %s of %s", ex->master_board,
			 done, total);
		break;
	case VIEW_MASTER_WALKING:
		snprintf(out, len, "running: master walks to board %d", ex->master_board);
		break;
	case VIEW_MASTER_WAITING:
		if (ex->master_blocked)
			snprintf(out, len, "blocked: nothing runs (board %d's blocking call, %s left)",
				 ex->master_board, left);
		else if (ex->is_sync)
			snprintf(out, len, "running: one call at board %d, blocked on the reply",
				 ex->master_board);
		else
			snprintf(out, len, "running: nothing; master waits at board %d",
				 ex->master_board);
		break;
	case VIEW_MASTER_IDLE:
		snprintf(out, len, "running: nothing; the loop sleeps until the next timer");
		break;
	case VIEW_MASTER_DONE:
		snprintf(out, len, "running: nothing; every game is over");
		break;
	}
}

/* The one-line summary, the longest form that fits. */
static void
loop_one_line(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
	      const struct view_exhibition *ex)
{
	const char *dot = vs->ascii ? "-" : "\u00b7";
	char text[3][96], run[32];
	enum ui_style st = UI_BOLD;
	int i = 0;

	if (ex->master == VIEW_MASTER_THINKING)
		snprintf(run, sizeof(run), "board %d", ex->master_board);
	else
		snprintf(run, sizeof(run), "nothing");
	if (ex->master == VIEW_MASTER_DONE) {
		snprintf(text[0], sizeof(text[0]), "done: no callback, no timer left");
		snprintf(text[1], sizeof(text[1]), "done: nothing left");
		snprintf(text[2], sizeof(text[2]), "done");
		st = UI_DIM;
	} else if (ex->is_sync) {
		snprintf(text[0], sizeof(text[0]), "one call: board %d %s nothing else runs",
			 ex->master_board, dot);
		snprintf(text[1], sizeof(text[1]), "one call: board %d, no other", ex->master_board);
		snprintf(text[2], sizeof(text[2]), "call: board %d", ex->master_board);
		st = UI_WAIT;
	} else if (ex->master_blocked) {
		snprintf(text[0], sizeof(text[0]), "blocked: nothing runs %s ready %d %s timers %d",
			 dot, ex->loop.ready_total, dot, ex->loop.timers_total);
		snprintf(text[1], sizeof(text[1]), "blocked: nothing runs");
		snprintf(text[2], sizeof(text[2]), "blocked");
		st = UI_PAUSED;
	} else {
		snprintf(text[0], sizeof(text[0]), "ready %d %s timers %d %s run: %s",
			 ex->loop.ready_total, dot, ex->loop.timers_total, dot, run);
		snprintf(text[1], sizeof(text[1]), "ready %d %s timers %d %s %s", ex->loop.ready_total,
			 dot, ex->loop.timers_total, dot, run);
		snprintf(text[2], sizeof(text[2]), "ready %d %s timers %d", ex->loop.ready_total, dot,
			 ex->loop.timers_total);
	}
	while (i < 2 && ui_text_width(text[i]) > r.w - 1)
		i++;
	cellbuf_text(cb, r.x + 1, r.y, r.w - 1, st, vs->ascii, text[i]);
}

/* One column of entries: the ready queue (waited) or the timers (due, in). */
static void
loop_column(struct cellbuf *cb, int x, int y, int w, int rows, const struct view_state *vs,
	    const struct view_exhibition *ex, bool timers)
{
	const struct sim_loop_entry *e = timers ? ex->loop.timers : ex->loop.ready;
	int n = timers ? ex->loop.ntimers : ex->loop.nready;
	int total = timers ? ex->loop.timers_total : ex->loop.ready_total;

	if (total == 0) {
		cellbuf_text(cb, x, y, w, UI_DIM, vs->ascii, "(empty)");
		return;
	}
	for (int i = 0; i < n && i < rows; i++) {
		char a[32], b[32];
		bool fresh = e[i].board + 1 == ex->loop_board;
		enum ui_style st = fresh ? UI_FOCUS : UI_NORMAL;

		if (i == rows - 1 && total > rows) {
			cellbuf_printf(cb, x, y + i, w, UI_DIM, vs->ascii, "+ %d more", total - i);
			break;
		}
		if (timers) {
			duration_hms(e[i].t, a, sizeof(a));
			view_fmt_short(e[i].t - ex->now, b, sizeof(b));
			cellbuf_printf(cb, x, y + i, w, st, vs->ascii, "board %-3d in %-6s (%s)",
				       e[i].board + 1, b, a);
		} else {
			view_fmt_short(ex->now - e[i].t, a, sizeof(a));
			cellbuf_printf(cb, x, y + i, w, st, vs->ascii, "board %-3d waited %s",
				       e[i].board + 1, a);
		}
	}
}

void
loop_view_draw(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
	       const struct view_exhibition *ex)
{
	char text[VIEW_TEXT];
	int half = (r.w - 1) / 2, rows = r.h - 5;

	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	if (r.h <= 1) {
		loop_one_line(cb, r, vs, ex);
		return;
	}
	cellbuf_text(cb, r.x, r.y, r.w, UI_TITLE, vs->ascii,
		     ex->is_sync ? " the call stack: one call at a time " :
				   " the event loop (asyncio: loop._ready, loop._scheduled) ");
	loop_running(vs, ex, text, sizeof(text));
	cellbuf_text(cb, r.x + 1, r.y + 1, r.w - 1,
		     ex->master_blocked ? UI_PAUSED : ex->master == VIEW_MASTER_THINKING ? UI_MASTER :
										     UI_WAIT,
		     vs->ascii, text);
	if (ex->is_sync) {
		cellbuf_printf(cb, r.x + 1, r.y + 2, r.w - 1, UI_WAIT, vs->ascii,
			       "nothing else can run: %d other board%s wait their turn",
			       ex->nboards - 1, ex->nboards == 2 ? "" : "s");
		cellbuf_text(cb, r.x + 1, r.y + 3, r.w - 1, UI_DIM, vs->ascii,
			     "no ready queue, no timers: the call returns, then the next");
	} else if (rows >= 1) {
		cellbuf_text(cb, r.x + 1, r.y + 2, half - 1, UI_BOLD, vs->ascii,
			     "ready queue, oldest first");
		cellbuf_text(cb, r.x + 1 + half, r.y + 2, r.w - half - 1, UI_BOLD, vs->ascii,
			     "scheduled timers (replies)");
		loop_column(cb, r.x + 1, r.y + 3, half - 1, rows, vs, ex, false);
		loop_column(cb, r.x + 1 + half, r.y + 3, r.w - half - 1, rows, vs, ex, true);
	}
	/* What changed and why: two lines, broken at a space, so it is never cut. */
	if (ex->loop_why[0] != '\0') {
		int w = r.w - 3, n = (int)strlen(ex->loop_why), cut = n;

		/* The sentences are ASCII: a byte is a column. */
		if (n > w) {
			cut = w;
			while (cut > 0 && ex->loop_why[cut] != ' ')
				cut--;
		}
		cellbuf_printf(cb, r.x + 1, r.y + r.h - 2, r.w - 1, UI_GOOD, vs->ascii, "%s %.*s",
			       vs->ascii ? ">" : "\u25b6", cut, ex->loop_why);
		if (cut < n)
			cellbuf_text(cb, r.x + 3, r.y + r.h - 1, r.w - 3, UI_GOOD, vs->ascii,
				     ex->loop_why + cut + 1);
	}
}

void
loop_view_why(const struct sim_event *e, enum sim_policy policy, char *out, size_t len)
{
	char d[32];
	int b = e->board + 1;

	view_fmt_short(e->duration, d, sizeof(d));
	out[0] = '\0';
	switch (e->kind) {
	case SIM_EV_OPPONENT_REPLIES:
		if (policy == SIM_SYNC)
			snprintf(out, len, "board %d's blocking call returned: the master goes on there", b);
		else if (policy == SIM_READY)
			snprintf(out, len, "board %d's reply timer fired: board %d joins the back of the "
				 "ready queue", b, b);
		else
			snprintf(out, len, "board %d's reply timer fired: board %d is ready, visited in its "
				 "turn", b, b);
		break;
	case SIM_EV_MASTER_THINKS:
		if (policy == SIM_SYNC)
			snprintf(out, len, "the master thinks %s at board %d; the other boards wait", d, b);
		else
			snprintf(out, len, "the loop runs the next callback: board %d%s, the master thinks "
				 "%s", b, policy == SIM_READY ? " (front of the ready queue)" : "", d);
		break;
	case SIM_EV_OPPONENT_THINKS:
		if (policy == SIM_SYNC)
			snprintf(out, len, "board %d: a blocking call of %s; nothing else can run", b, d);
		else
			snprintf(out, len, "board %d: the master moved; a reply timer is scheduled in %s",
				 b, d);
		break;
	case SIM_EV_MASTER_WAITS:
		if (e->blocked)
			snprintf(out, len, "board %d blocks: the callback sleeps inside a blocking call; "
				 "nothing runs for %s", b, d);
		else if (e->board < 0)
			snprintf(out, len, "the ready queue is empty: the loop sleeps until the next timer");
		else
			snprintf(out, len, "board %d has not replied: the master stands and waits", b);
		break;
	case SIM_EV_GAME_ENDS:
		snprintf(out, len, "board %d's game is over: it leaves the loop", b);
		break;
	case SIM_EV_EXHIBITION_ENDS:
		snprintf(out, len, "no callback, no timer left: the loop is done");
		break;
	default:
		break;
	}
}
