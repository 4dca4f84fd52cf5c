/*
 * ncursesw behind the screen interface. The front buffer mirrors the
 * terminal; a blit compares cell by cell and sends only the differences
 * before one doupdate(). Colour pairs are fixed per style role at start:
 * 256-colour terminals get a wooden board and soft panel colours, 8-colour
 * ones the nearest basic colours, and monochrome ones attributes only.
 *
 * Input is read with wget_wch in no-delay mode, so the loop's stdin
 * watcher can drain every pending key per wake-up and never blocks.
 */
#include "ui/screen.h"
#include "ui/palette.h"

#include <curses.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* True when the locale (set by the caller with setlocale) can show UTF-8. */
static bool
screen_locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* The palette's attributes as curses' bits. */
static unsigned
screen_attr(unsigned pal)
{
	return (pal & PAL_BOLD ? A_BOLD : 0) | (pal & PAL_DIM ? A_DIM : 0) |
	       (pal & PAL_REVERSE ? A_REVERSE : 0) | (pal & PAL_UNDERLINE ? A_UNDERLINE : 0);
}

static void
screen_init_styles(struct screen *s, bool no_color)
{
	const char *nc = getenv("NO_COLOR");
	bool rich;

	/* https://no-color.org: any non-empty value turns colour off. */
	s->color = !no_color && (nc == NULL || nc[0] == '\0') && has_colors();
	if (s->color && start_color() == ERR)
		s->color = false;
	if (s->color)
		use_default_colors();
	rich = s->color && COLORS >= 256 && COLOR_PAIRS > UI_STYLE_NB + 1;
	for (int i = 0; i < UI_STYLE_NB; i++) {
		const struct palette_entry *c = &palette[i];

		s->pair[i] = 0;
		s->attr[i] = screen_attr(c->mono);
		if (!s->color)
			continue;
		s->attr[i] = screen_attr(c->attr);
		/* Pair 0 is the terminal's own; every role gets a pair of its own, background too. */
		if (init_pair((short)(i + 1), rich ? c->fg256 : c->fg8, rich ? c->bg256 : c->bg8) != ERR)
			s->pair[i] = (short)(i + 1);
		/* 8 colours have no grey: dim text gets the attribute instead. */
		if (i == UI_DIM && !rich)
			s->attr[i] = A_DIM;
	}
}

int
screen_start(struct screen *s, bool no_color, char *err, size_t errlen)
{
	memset(s, 0, sizeof(*s));
	s->utf8 = screen_locale_utf8();
	/* newterm, unlike initscr, reports a bad TERM instead of exiting. */
	s->term = (struct screen_term *)newterm(NULL, stdout, stdin);
	if (s->term == NULL) {
		snprintf(err, errlen, "cannot use the terminal (TERM=%s)",
			 getenv("TERM") ? getenv("TERM") : "unset");
		return -1;
	}
	s->started = true;
	/*
	 * ncurses 6.4 flushes its output after every cursor move until the
	 * screen has once been suspended and resumed (its _endwin stays
	 * "initial", which it takes for a terminfo-only program): 50 writes a
	 * frame instead of one. endwin and doupdate before anything is drawn or
	 * any mode is set leave it "running".
	 */
	endwin();
	doupdate();
	cbreak();	/* Ctrl-C stays a signal, for the loop's SIGINT watcher */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	/* The loop reads the keys. ncurses' own typeahead check would poll stdin
	 * and flush its output before every changed line: 50 writes a frame. */
	typeahead(-1);
	curs_set(0);
	/* Esc alone must not wait a second for a key sequence that never comes. */
	set_escdelay(25);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	mouseinterval(0);
	screen_init_styles(s, no_color);
	getmaxyx(stdscr, s->h, s->w);
	cellbuf_init(&s->front, s->w, s->h);
	s->repaint = true;
	return 0;
}

void
screen_stop(struct screen *s)
{
	if (!s->started)
		return;
	s->started = false;
	curs_set(1);
	endwin();
	delscreen((SCREEN *)s->term);
	s->term = NULL;
	cellbuf_free(&s->front);
}

/* Follows curses' idea of the size; the next blit repaints everything. */
static void
screen_sync_size(struct screen *s)
{
	getmaxyx(stdscr, s->h, s->w);
	cellbuf_resize(&s->front, s->w, s->h);
	s->repaint = true;
}

void
screen_resize(struct screen *s)
{
	struct winsize ws;

	if (!s->started)
		return;
	/* resizeterm queues a KEY_RESIZE: only when the size really changed. */
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0 &&
	    is_term_resized(ws.ws_row, ws.ws_col))
		resizeterm(ws.ws_row, ws.ws_col);
	screen_sync_size(s);
}

void
screen_blit(struct screen *s, const struct cellbuf *cb)
{
	int w = cb->w < s->w ? cb->w : s->w, h = cb->h < s->h ? cb->h : s->h;

	if (!s->started)
		return;
	if (s->repaint)
		clearok(stdscr, TRUE);
	for (int y = 0; y < h; y++) {
		/* Most rows are as the terminal shows them: one memcmp, not w cells.
		 * Equal bytes are equal cells; unequal padding only costs the
		 * cell-by-cell look below. */
		if (!s->repaint && memcmp(cellbuf_at(cb, 0, y), cellbuf_at(&s->front, 0, y),
					  (size_t)w * sizeof(struct cell)) == 0)
			continue;
		for (int x = 0; x < w; x++) {
			const struct cell *c = cellbuf_at(cb, x, y);
			struct cell *f = (struct cell *)cellbuf_at(&s->front, x, y);
			wchar_t wch[2] = { (wchar_t)c->ch, 0 };
			cchar_t cc;

			if (!s->repaint && f->ch == c->ch && f->style == c->style)
				continue;
			*f = *c;
			if (!s->utf8 && c->ch > 0x7e)
				wch[0] = '?';
			setcchar(&cc, wch, (attr_t)s->attr[c->style], s->pair[c->style], NULL);
			/* The last cell of the screen cannot advance the cursor: ERR, drawn anyway. */
			mvadd_wch(y, x, &cc);
		}
	}
	s->repaint = false;
	wnoutrefresh(stdscr);
	doupdate();
}

static int
screen_map_key(int k)
{
	switch (k) {
	case KEY_UP: return SCREEN_KEY_UP;
	case KEY_DOWN: return SCREEN_KEY_DOWN;
	case KEY_LEFT: return SCREEN_KEY_LEFT;
	case KEY_RIGHT: return SCREEN_KEY_RIGHT;
	case KEY_BTAB: return SCREEN_KEY_BTAB;
	case KEY_ENTER: return SCREEN_KEY_ENTER;
	case KEY_PPAGE: return SCREEN_KEY_PGUP;
	case KEY_NPAGE: return SCREEN_KEY_PGDN;
	case KEY_HOME: return SCREEN_KEY_HOME;
	case KEY_END: return SCREEN_KEY_END;
	case KEY_F(1): return SCREEN_KEY_F1;
	case KEY_RESIZE: return SCREEN_KEY_RESIZE;
	default: return SCREEN_KEY_OTHER;
	}
}

int
screen_read(struct screen *s, struct screen_input *in)
{
	wint_t ch;
	int r;

	if (!s->started)
		return -1;
	r = wget_wch(stdscr, &ch);
	if (r == ERR)
		return -1;
	memset(in, 0, sizeof(*in));
	if (r == KEY_CODE_YES) {
		MEVENT me;

		if (ch == KEY_MOUSE) {
			if (getmouse(&me) != OK || !(me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))) {
				in->key = SCREEN_KEY_OTHER;
				return 0;
			}
			in->key = SCREEN_KEY_CLICK;
			in->x = me.x;
			in->y = me.y;
			return 0;
		}
		in->key = screen_map_key((int)ch);
		if (in->key == SCREEN_KEY_RESIZE)
			screen_sync_size(s);
		return 0;
	}
	switch (ch) {
	case '\t': in->key = SCREEN_KEY_TAB; break;
	case '\r': case '\n': in->key = SCREEN_KEY_ENTER; break;
	case 27: in->key = SCREEN_KEY_ESC; break;
	default: in->key = (int)ch; break;
	}
	return 0;
}
