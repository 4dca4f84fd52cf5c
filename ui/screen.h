/*
 * The terminal, and the only code that talks to ncursesw. A screen keeps a
 * copy of what the terminal shows (front) and writes only the cells that a
 * new frame changes, so a frame where nothing moved costs no output at all
 * and nothing flickers.
 *
 * Style roles become colour pairs when the terminal has colours (256 or 8)
 * and NO_COLOR is unset, bold/reverse/underline otherwise. The screen also
 * decides whether the terminal can show Unicode: the locale's codeset must
 * be UTF-8, else every view draws ASCII.
 */
#ifndef SIMUL_UI_SCREEN_H
#define SIMUL_UI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/cellbuf.h"

struct screen_term;	/* curses' SCREEN, kept opaque so callers need no curses.h */

struct screen {
	struct screen_term *term;	/* from newterm, freed by delscreen */
	struct cellbuf	front;		/* what the terminal shows now */
	bool		started;
	bool		color;		/* colour pairs in use */
	bool		utf8;		/* the locale can show Unicode */
	bool		repaint;	/* next blit rewrites every cell */
	int		w, h;
	short		pair[UI_STYLE_NB];
	unsigned	attr[UI_STYLE_NB];	/* curses attr_t bits */
};

/* One key press or mouse click, decoded. */
struct screen_input {
	int	key;		/* a character, or SCREEN_KEY_* */
	int	x, y;		/* SCREEN_KEY_CLICK: the cell clicked */
};

enum {
	SCREEN_KEY_UP = 0x110000,	/* past Unicode, so no character collides */
	SCREEN_KEY_DOWN,
	SCREEN_KEY_LEFT,
	SCREEN_KEY_RIGHT,
	SCREEN_KEY_TAB,
	SCREEN_KEY_BTAB,
	SCREEN_KEY_ENTER,
	SCREEN_KEY_ESC,
	SCREEN_KEY_PGUP,
	SCREEN_KEY_PGDN,
	SCREEN_KEY_HOME,
	SCREEN_KEY_END,
	SCREEN_KEY_F1,
	SCREEN_KEY_CLICK,
	SCREEN_KEY_RESIZE,
	SCREEN_KEY_OTHER
};


/*
 * Takes over the terminal: raw keys without echo, the keypad, mouse clicks,
 * no cursor, colours unless no_color or NO_COLOR is set. -1 with err when
 * the terminal cannot be used.
 */
int screen_start(struct screen *s, bool no_color, char *err, size_t errlen);
/* Gives the terminal back as it was; safe to call twice or unstarted. */
void screen_stop(struct screen *s);
/* Asks the terminal for its size after a SIGWINCH and resizes curses. */
void screen_resize(struct screen *s);
/* Draws cb (same size as the screen) changing only the cells that differ. */
void screen_blit(struct screen *s, const struct cellbuf *cb);
/* The next pending input without blocking: 0 and *in, or -1 when none. */
int screen_read(struct screen *s, struct screen_input *in);

#endif
