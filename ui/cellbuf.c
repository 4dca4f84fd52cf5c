/*
 * The cell buffer's storage and drawing primitives. The buffer is one flat
 * array of w*h cells; every primitive goes through cellbuf_put, which drops
 * what falls outside the clip rectangle, so views can draw carelessly near
 * edges and a too-small panel never writes into its neighbour.
 */
#include "ui/cellbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/xalloc.h"

enum { UI_ELLIPSIS = 0x2026, UI_REPLACEMENT = 0xFFFD };

void
cellbuf_init(struct cellbuf *cb, int w, int h)
{
	cb->w = w > 0 ? w : 0;
	cb->h = h > 0 ? h : 0;
	cb->cells = xcalloc((size_t)cb->w * (size_t)cb->h, sizeof(*cb->cells));
	cellbuf_unclip(cb);
	cellbuf_clear(cb);
}

void
cellbuf_free(struct cellbuf *cb)
{
	free(cb->cells);
	cb->cells = NULL;
	cb->w = cb->h = 0;
}

void
cellbuf_resize(struct cellbuf *cb, int w, int h)
{
	cellbuf_free(cb);
	cellbuf_init(cb, w, h);
}

void
cellbuf_clear(struct cellbuf *cb)
{
	size_t n = (size_t)cb->w * (size_t)cb->h;

	for (size_t i = 0; i < n; i++) {
		cb->cells[i].ch = ' ';
		cb->cells[i].style = UI_NORMAL;
	}
}

void
cellbuf_clip(struct cellbuf *cb, struct ui_rect r)
{
	int x0 = r.x > 0 ? r.x : 0, y0 = r.y > 0 ? r.y : 0;
	int x1 = r.x + r.w < cb->w ? r.x + r.w : cb->w;
	int y1 = r.y + r.h < cb->h ? r.y + r.h : cb->h;

	cb->clip.x = x0;
	cb->clip.y = y0;
	cb->clip.w = x1 > x0 ? x1 - x0 : 0;
	cb->clip.h = y1 > y0 ? y1 - y0 : 0;
}

void
cellbuf_unclip(struct cellbuf *cb)
{
	cb->clip = (struct ui_rect){ 0, 0, cb->w, cb->h };
}

const struct cell *
cellbuf_at(const struct cellbuf *cb, int x, int y)
{
	if (x < 0 || y < 0 || x >= cb->w || y >= cb->h)
		return NULL;
	return &cb->cells[(size_t)y * (size_t)cb->w + (size_t)x];
}

static bool
cellbuf_inside(const struct cellbuf *cb, int x, int y)
{
	return x >= cb->clip.x && y >= cb->clip.y && x < cb->clip.x + cb->clip.w &&
	       y < cb->clip.y + cb->clip.h;
}

void
cellbuf_put(struct cellbuf *cb, int x, int y, uint32_t ch, enum ui_style style)
{
	struct cell *c;

	if (!cellbuf_inside(cb, x, y))
		return;
	c = &cb->cells[(size_t)y * (size_t)cb->w + (size_t)x];
	/* Control characters would move the terminal's cursor: never store them. */
	c->ch = ch < 0x20 || ch == 0x7f ? '?' : ch;
	c->style = (uint8_t)style;
}

void
cellbuf_fill(struct cellbuf *cb, struct ui_rect r, uint32_t ch, enum ui_style style)
{
	for (int y = r.y; y < r.y + r.h; y++)
		for (int x = r.x; x < r.x + r.w; x++)
			cellbuf_put(cb, x, y, ch, style);
}

void
cellbuf_restyle(struct cellbuf *cb, struct ui_rect r, enum ui_style style)
{
	for (int y = r.y; y < r.y + r.h; y++)
		for (int x = r.x; x < r.x + r.w; x++)
			if (cellbuf_inside(cb, x, y))
				cb->cells[(size_t)y * (size_t)cb->w + (size_t)x].style = (uint8_t)style;
}

uint32_t
ui_utf8_next(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	uint32_t cp;
	int extra;

	if (p[0] < 0x80) {
		*s += 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) {
		cp = p[0] & 0x1F;
		extra = 1;
	} else if ((p[0] & 0xF0) == 0xE0) {
		cp = p[0] & 0x0F;
		extra = 2;
	} else if ((p[0] & 0xF8) == 0xF0) {
		cp = p[0] & 0x07;
		extra = 3;
	} else {
		*s += 1;
		return UI_REPLACEMENT;
	}
	for (int i = 1; i <= extra; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*s += i;
			return UI_REPLACEMENT;
		}
		cp = cp << 6 | (p[i] & 0x3F);
	}
	*s += extra + 1;
	return cp;
}

int
ui_utf8_encode(uint32_t cp, char *out)
{
	int n;

	if (cp < 0x80) {
		out[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		out[0] = (char)(0xF0 | cp >> 18);
		out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	out[n] = '\0';
	return n;
}

int
ui_text_width(const char *utf8)
{
	int n = 0;

	while (*utf8 != '\0') {
		ui_utf8_next(&utf8);
		n++;
	}
	return n;
}

int
cellbuf_text(struct cellbuf *cb, int x, int y, int maxw, enum ui_style style, bool ascii,
	     const char *utf8)
{
	int width = ui_text_width(utf8);
	int col = 0;

	if (maxw < 0)
		maxw = cb->w - x;
	if (maxw <= 0)
		return 0;
	while (*utf8 != '\0' && col < maxw) {
		uint32_t cp = ui_utf8_next(&utf8);

		/* Cut text says so in its last column rather than ending mid-word. */
		if (width > maxw && col == maxw - 1)
			cp = ascii ? '~' : UI_ELLIPSIS;
		cellbuf_put(cb, x + col, y, cp, style);
		col++;
	}
	return col;
}

int
cellbuf_printf(struct cellbuf *cb, int x, int y, int maxw, enum ui_style style, bool ascii,
	       const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return cellbuf_text(cb, x, y, maxw, style, ascii, buf);
}

void
cellbuf_center(struct cellbuf *cb, int x, int y, int w, enum ui_style style, bool ascii,
	       const char *utf8)
{
	int tw = ui_text_width(utf8);
	int off = tw < w ? (w - tw) / 2 : 0;

	cellbuf_text(cb, x + off, y, w - off, style, ascii, utf8);
}

void
cellbuf_box(struct cellbuf *cb, struct ui_rect r, enum ui_style style, bool ascii,
	    const char *title)
{
	uint32_t h = ascii ? '-' : 0x2500, v = ascii ? '|' : 0x2502;
	uint32_t tl = ascii ? '+' : 0x250C, tr = ascii ? '+' : 0x2510;
	uint32_t bl = ascii ? '+' : 0x2514, br = ascii ? '+' : 0x2518;
	int x1 = r.x + r.w - 1, y1 = r.y + r.h - 1;

	if (r.w < 2 || r.h < 2)
		return;
	for (int x = r.x + 1; x < x1; x++) {
		cellbuf_put(cb, x, r.y, h, style);
		cellbuf_put(cb, x, y1, h, style);
	}
	for (int y = r.y + 1; y < y1; y++) {
		cellbuf_put(cb, r.x, y, v, style);
		cellbuf_put(cb, x1, y, v, style);
	}
	cellbuf_put(cb, r.x, r.y, tl, style);
	cellbuf_put(cb, x1, r.y, tr, style);
	cellbuf_put(cb, r.x, y1, bl, style);
	cellbuf_put(cb, x1, y1, br, style);
	if (title != NULL && title[0] != '\0' && r.w > 7) {
		int n = cellbuf_text(cb, r.x + 3, r.y, r.w - 7, style, ascii, title);

		/* A blank either side keeps the title off the frame line. */
		cellbuf_put(cb, r.x + 2, r.y, ' ', style);
		cellbuf_put(cb, r.x + 3 + n, r.y, ' ', style);
		cellbuf_restyle(cb, (struct ui_rect){ r.x + 3, r.y, n, 1 }, UI_TITLE);
	}
}

void
cellbuf_bar(struct cellbuf *cb, int x, int y, int w, double frac, enum ui_style style, bool ascii)
{
	/* U+258F..U+2589 are the left 1/8 .. 7/8 blocks, U+2588 the full one. */
	static const uint32_t eighths[8] = { ' ', 0x258F, 0x258E, 0x258D, 0x258C, 0x258B, 0x258A,
					     0x2589 };
	int units;

	if (w <= 0)
		return;
	if (!(frac > 0))
		frac = 0;
	if (frac > 1)
		frac = 1;
	units = (int)(frac * w * 8 + 0.5);
	for (int i = 0; i < w; i++) {
		int here = units - i * 8;

		if (ascii) {
			if (here >= 4)
				cellbuf_put(cb, x + i, y, '#', style);
			else
				cellbuf_put(cb, x + i, y, '.', UI_DIM);
		} else if (here >= 8) {
			cellbuf_put(cb, x + i, y, 0x2588, style);
		} else if (here > 0) {
			cellbuf_put(cb, x + i, y, eighths[here], style);
		} else {
			cellbuf_put(cb, x + i, y, 0x00B7, UI_DIM);
		}
	}
}

void
cellbuf_row(const struct cellbuf *cb, int y, char *out, size_t outlen)
{
	size_t n = 0;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (y < 0 || y >= cb->h)
		return;
	for (int x = 0; x < cb->w; x++) {
		char enc[5];
		int len = ui_utf8_encode(cb->cells[(size_t)y * (size_t)cb->w + (size_t)x].ch, enc);

		if (n + (size_t)len + 1 > outlen)
			break;
		memcpy(out + n, enc, (size_t)len);
		n += (size_t)len;
	}
	out[n] = '\0';
}

int
cellbuf_find(const struct cellbuf *cb, const char *utf8, int *x, int *y)
{
	/* 4 bytes per cell is the most a code point takes. */
	size_t len = (size_t)cb->w * 4 + 1;
	char *row = xcalloc(len, 1);

	for (int r = 0; r < cb->h; r++) {
		const char *hit;

		cellbuf_row(cb, r, row, len);
		hit = strstr(row, utf8);
		if (hit != NULL) {
			/* Convert the byte offset back to a column. */
			int col = 0;

			for (const char *p = row; p < hit; col++)
				ui_utf8_next(&p);
			if (x != NULL)
				*x = col;
			if (y != NULL)
				*y = r;
			free(row);
			return 0;
		}
	}
	free(row);
	return -1;
}
