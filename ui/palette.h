/*
 * The colours of every style role, in one table the screen (curses) and
 * the tests share: 256-colour and 8-colour pairs and the attributes with
 * and without colour. Every role paints its own background (a dark one),
 * so what a class sees does not depend on the terminal's default colours,
 * and the contrast of every pair can be computed: palette_rgb gives the
 * RGB of the xterm colours used, palette_contrast the WCAG ratio.
 */
#ifndef SIMUL_UI_PALETTE_H
#define SIMUL_UI_PALETTE_H

#include <stdbool.h>

#include "ui/cellbuf.h"

enum {
	PAL_BOLD = 1,
	PAL_DIM = 2,
	PAL_REVERSE = 4,
	PAL_UNDERLINE = 8
};

/* xterm's 8 basic colours, as curses numbers them. */
enum { PAL_BLACK, PAL_RED, PAL_GREEN, PAL_YELLOW, PAL_BLUE, PAL_MAGENTA, PAL_CYAN, PAL_WHITE };

struct palette_entry {
	short		fg256, bg256;	/* xterm 256-colour indices */
	short		fg8, bg8;	/* PAL_BLACK ... PAL_WHITE */
	unsigned	attr;		/* PAL_* with colours */
	unsigned	mono;		/* PAL_* without */
};

extern const struct palette_entry palette[UI_STYLE_NB];

/* The RGB of xterm colour index 0..255 (xterm's default palette). */
void palette_rgb(int index, unsigned char rgb[3]);
/* WCAG 2 contrast ratio of two xterm colours, 1..21. */
double palette_contrast(int fg, int bg);
/* Roles drawn as text (not the strip's blocks or the chessboard's squares). */
bool palette_is_text(enum ui_style s);

#endif
