/*
 * A cell buffer: the whole screen as w×h cells, each one Unicode code point
 * (one terminal column; the views only use narrow glyphs) and a style role.
 * Every panel of the live view draws into one of these and nothing else, so
 * the layout and all the text can be checked by tests without a terminal;
 * ui/screen.c is the only place that turns cells into curses calls.
 *
 * A style is a role ("busy", "paused", "dark square with a black piece"),
 * not a colour: the screen maps roles to colour pairs when the terminal has
 * colours and to bold/reverse/underline when it has not (or NO_COLOR is set),
 * so a monochrome projector still shows the same distinctions.
 *
 * Drawing is clipped to the buffer and to an optional rectangle, so callers
 * never check bounds themselves.
 */
#ifndef SIMUL_UI_CELLBUF_H
#define SIMUL_UI_CELLBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ui_style {
	UI_NORMAL,
	UI_DIM,		/* secondary text: labels, finished boards */
	UI_BOLD,
	UI_TITLE,	/* panel titles and the top bar */
	UI_SYNC,	/* the synchronous exhibition's name */
	UI_ASYNC,	/* an asynchronous exhibition's name */
	UI_GOOD,	/* the speed-up, "busy" figures */
	UI_GOOD_BAR,	/* good news on the top bar: the speed-up, finished */
	UI_BUSY,	/* strip: master busy */
	UI_WAIT,	/* strip: master waiting */
	UI_PAUSED,	/* the PAUSED banner: nobody may miss it */
	UI_FOCUS,	/* the focused board */
	UI_MASTER,	/* the board the master stands at */
	UI_KEY,		/* key names in the footer and help */
	UI_BAR,		/* opponent's remaining think time */
	UI_SQ_LIGHT,	/* diagram squares: empty, white piece, black piece */
	UI_SQ_LIGHT_W,
	UI_SQ_LIGHT_B,
	UI_SQ_DARK,
	UI_SQ_DARK_W,
	UI_SQ_DARK_B,
	UI_STYLE_NB
};

struct cell {
	uint32_t	ch;	/* Unicode code point, one column wide */
	uint8_t		style;	/* enum ui_style */
};

struct ui_rect {
	int	x, y, w, h;
};

struct cellbuf {
	int		w, h;
	struct cell	*cells;		/* row-major, w*h */
	struct ui_rect	clip;		/* drawing outside is dropped */
};

/* Allocates a w×h buffer of blanks (aborts on out of memory). */
void cellbuf_init(struct cellbuf *cb, int w, int h);
void cellbuf_free(struct cellbuf *cb);
/* Reallocates for a new size; the content becomes blanks. */
void cellbuf_resize(struct cellbuf *cb, int w, int h);
void cellbuf_clear(struct cellbuf *cb);

/* Restricts drawing to r (intersected with the buffer); cellbuf_unclip undoes it. */
void cellbuf_clip(struct cellbuf *cb, struct ui_rect r);
void cellbuf_unclip(struct cellbuf *cb);

/* The cell at (x, y), or NULL outside the buffer. */
const struct cell *cellbuf_at(const struct cellbuf *cb, int x, int y);
void cellbuf_put(struct cellbuf *cb, int x, int y, uint32_t ch, enum ui_style style);
void cellbuf_fill(struct cellbuf *cb, struct ui_rect r, uint32_t ch, enum ui_style style);
/* Changes only the style of the cells in r (e.g. highlight a focused tile). */
void cellbuf_restyle(struct cellbuf *cb, struct ui_rect r, enum ui_style style);

/*
 * Writes UTF-8 text from (x, y), at most maxw columns (maxw < 0: to the
 * right edge); a string longer than that is cut and ends in "…" (or "~"
 * when ascii). Returns the number of columns written.
 */
int cellbuf_text(struct cellbuf *cb, int x, int y, int maxw, enum ui_style style, bool ascii,
		 const char *utf8);
/* printf into the buffer, same cutting rule as cellbuf_text. */
int cellbuf_printf(struct cellbuf *cb, int x, int y, int maxw, enum ui_style style, bool ascii,
		   const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Text centred in [x, x+w). */
void cellbuf_center(struct cellbuf *cb, int x, int y, int w, enum ui_style style, bool ascii,
		    const char *utf8);

/* A frame around r, with an optional title on its top edge. */
void cellbuf_box(struct cellbuf *cb, struct ui_rect r, enum ui_style style, bool ascii,
		 const char *title);

/*
 * A horizontal bar w columns wide, filled to frac (0..1) with eighth-block
 * precision in Unicode ('#' and '.' in ascii); the unfilled part is dim.
 */
void cellbuf_bar(struct cellbuf *cb, int x, int y, int w, double frac, enum ui_style style,
		 bool ascii);

/* Display width in columns of UTF-8 text (one per code point). */
int ui_text_width(const char *utf8);
/* Decodes one code point from *s, advancing it; malformed bytes give U+FFFD. */
uint32_t ui_utf8_next(const char **s);
/* Encodes cp into out (at least 5 bytes), NUL-terminated; returns its length. */
int ui_utf8_encode(uint32_t cp, char *out);

/* For tests and logs: row y as UTF-8 into out (trailing blanks kept). */
void cellbuf_row(const struct cellbuf *cb, int y, char *out, size_t outlen);
/* Finds text on the screen (within one row); returns 0 and its position, or -1. */
int cellbuf_find(const struct cellbuf *cb, const char *utf8, int *x, int *y);

#endif
