/*
 * The help overlay and the too-small message. The overlay is the lesson in
 * a few lines and every key of the key table (ui/keys.h), in a frame centred over the running view (the
 * simulation keeps running behind it unless paused). The too-small message
 * replaces the whole frame: below the minimum size any layout would be
 * garbage, so the screen says what size it needs instead.
 */
#include <stdio.h>

#include "engine/macros.h"
#include "ui/keys.h"
#include "ui/layout.h"

static const char *const help_lesson[] = {
	"The master does not play faster: he stops waiting.",
	"",
	"SYNC: he finishes one game before the next and stands through every",
	"opponent's think, like a program blocked on each call in turn.",
	"ASYNC: he moves, walks on, and comes back when a reply is ready, like",
	"an event loop. Same moves, same thinking, far less waiting: the busy",
	"strip shows where the time goes.",
	"l: the loop as asyncio names it: the running callback, the ready queue",
	"(loop._ready) and the scheduled timers (loop._scheduled). m: the model.",
	"g: each search in one go inside a callback, b: a blocking call; the",
	"heartbeat (top left) stops, the simulated totals do not change.",
};

void
help_view_draw(struct cellbuf *cb, const struct view_state *vs)
{
	int nl = (int)ARRAY_LEN(help_lesson), nk = (int)key_table_len;
	int two = cb->w >= 80;		/* keys in two columns when there is room */
	int key_rows = two ? (nk + 1) / 2 : nk;
	int w = two ? 78 : cb->w - 2;
	int h;
	struct ui_rect r;

	/* On a small screen the keys matter more than the lesson's details. */
	if (nl + key_rows + 3 > cb->h)
		nl = 1;
	h = nl + key_rows + 3;
	if (h > cb->h)
		h = cb->h;
	r = (struct ui_rect){ (cb->w - w) / 2, (cb->h - h) / 2, w, h };
	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	cellbuf_box(cb, r, UI_BOLD, vs->ascii, "simul: help");
	cellbuf_clip(cb, (struct ui_rect){ r.x + 1, r.y + 1, r.w - 2, r.h - 2 });
	for (int i = 0; i < nl; i++)
		cellbuf_text(cb, r.x + 2, r.y + 1 + i, r.w - 4, i == 0 ? UI_GOOD : UI_NORMAL,
			     vs->ascii, help_lesson[i]);
	for (int i = 0; i < nk; i++) {
		int col = two ? i / key_rows : 0, row = two ? i % key_rows : i;
		int x = r.x + 2 + col * 37, y = r.y + nl + 2 + row;
		const struct key_binding *k = &key_table[i];
		const char *what = vs->ascii && k->ascii_help != NULL ? k->ascii_help : k->help;

		cellbuf_text(cb, x, y, 10, UI_KEY, vs->ascii, vs->ascii ? k->ascii_name : k->name);
		cellbuf_text(cb, x + 11, y, 26, UI_NORMAL, vs->ascii, what);
	}
	cellbuf_unclip(cb);
	cellbuf_center(cb, r.x, r.y + r.h - 1, r.w, UI_DIM, vs->ascii, " any key closes this help ");
}

void
help_view_too_small(struct cellbuf *cb, const struct layout *lo, bool ascii)
{
	char need[64], now[64];
	const char *times = ascii ? "x" : "\u00d7";
	int y = cb->h / 2 - 1;

	snprintf(need, sizeof(need), "make the window at least %d%s%d", lo->min_w, times, lo->min_h);
	snprintf(now, sizeof(now), "(it is %d%s%d)", lo->w, times, lo->h);
	cellbuf_clear(cb);
	cellbuf_center(cb, 0, y < 0 ? 0 : y, cb->w, UI_PAUSED, ascii, need);
	cellbuf_center(cb, 0, y + 1, cb->w, UI_NORMAL, ascii, now);
	cellbuf_center(cb, 0, y + 2, cb->w, UI_DIM, ascii, "q quits");
}
