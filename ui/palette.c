/*
 * The style table and the arithmetic to check it. Contrast is WCAG 2's:
 * (L1 + 0.05) / (L2 + 0.05) with L the relative luminance of the sRGB
 * colour; 4.5 is the floor for normal text. On 8 colours xterm draws bold
 * text in the bright variant (its boldColors default), which is how the
 * 8-colour pairs are checked: a bold black on green is grey on green.
 */
#include "ui/palette.h"

#include <math.h>

#define PAL_BG 234	/* #1c1c1c: dark enough for every colour, not the pure black of a dead screen */

/* Indexed by enum ui_style. */
const struct palette_entry palette[UI_STYLE_NB] = {
	[UI_NORMAL] = { 252, PAL_BG, PAL_WHITE, PAL_BLACK, 0, 0 },
	[UI_DIM] = { 245, PAL_BG, PAL_WHITE, PAL_BLACK, 0, PAL_DIM },
	[UI_BOLD] = { 255, PAL_BG, PAL_WHITE, PAL_BLACK, PAL_BOLD, PAL_BOLD },
	[UI_TITLE] = { 231, 24, PAL_WHITE, PAL_BLUE, PAL_BOLD, PAL_REVERSE },
	[UI_SYNC] = { 231, 124, PAL_WHITE, PAL_RED, PAL_BOLD, PAL_REVERSE | PAL_BOLD },
	/* Dark on bright green, never bold: bold black is grey on 8 colours. */
	[UI_ASYNC] = { 16, 40, PAL_BLACK, PAL_GREEN, 0, PAL_REVERSE | PAL_BOLD },
	[UI_GOOD] = { 46, PAL_BG, PAL_GREEN, PAL_BLACK, PAL_BOLD, PAL_BOLD },
	[UI_GOOD_BAR] = { 16, 40, PAL_BLACK, PAL_GREEN, 0, PAL_REVERSE | PAL_BOLD },
	[UI_BUSY] = { 40, 52, PAL_GREEN, PAL_RED, 0, 0 },
	[UI_WAIT] = { 203, PAL_BG, PAL_RED, PAL_BLACK, PAL_BOLD, PAL_DIM },
	[UI_PAUSED] = { 231, 160, PAL_WHITE, PAL_RED, PAL_BOLD, PAL_REVERSE | PAL_BOLD },
	[UI_FOCUS] = { 16, 252, PAL_BLACK, PAL_WHITE, 0, PAL_REVERSE },
	[UI_MASTER] = { 220, PAL_BG, PAL_YELLOW, PAL_BLACK, PAL_BOLD, PAL_BOLD | PAL_UNDERLINE },
	[UI_KEY] = { 51, PAL_BG, PAL_CYAN, PAL_BLACK, PAL_BOLD, PAL_BOLD },
	[UI_BAR] = { 75, PAL_BG, PAL_CYAN, PAL_BLACK, 0, 0 },
	/*
	 * Squares: both sides' pieces are solid shapes, told apart by colour,
	 * so each square sits between black and white: >= 3:1 (WCAG for
	 * graphics) for either piece on either square, on 256 colours.
	 */
	[UI_SQ_LIGHT] = { 16, 137, PAL_BLACK, PAL_YELLOW, 0, 0 },
	[UI_SQ_LIGHT_W] = { 231, 137, PAL_WHITE, PAL_YELLOW, PAL_BOLD, PAL_BOLD },
	[UI_SQ_LIGHT_B] = { 16, 137, PAL_BLACK, PAL_YELLOW, 0, 0 },
	[UI_SQ_DARK] = { 16, 95, PAL_BLACK, PAL_GREEN, 0, 0 },
	[UI_SQ_DARK_W] = { 231, 95, PAL_WHITE, PAL_GREEN, PAL_BOLD, PAL_BOLD },
	[UI_SQ_DARK_B] = { 16, 95, PAL_BLACK, PAL_GREEN, 0, 0 },
};

void
palette_rgb(int i, unsigned char rgb[3])
{
	/* xterm's defaults for the 16 system colours. */
	static const unsigned char sys[16][3] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
		{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
		{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
		{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
	};
	static const unsigned char cube[6] = { 0, 95, 135, 175, 215, 255 };

	if (i < 16) {
		for (int k = 0; k < 3; k++)
			rgb[k] = sys[i < 0 ? 0 : i][k];
	} else if (i < 232) {
		i -= 16;
		rgb[0] = cube[i / 36];
		rgb[1] = cube[i / 6 % 6];
		rgb[2] = cube[i % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = (unsigned char)(8 + 10 * (i - 232));
	}
}

static double
palette_luminance(int i)
{
	unsigned char rgb[3];
	double c[3];

	palette_rgb(i, rgb);
	for (int k = 0; k < 3; k++) {
		double v = rgb[k] / 255.0;

		c[k] = v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

double
palette_contrast(int fg, int bg)
{
	double a = palette_luminance(fg), b = palette_luminance(bg);

	return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}

bool
palette_is_text(enum ui_style s)
{
	/*
	 * The strip's blocks and the bars are shapes, not letters; pieces on
	 * squares are told apart by their shapes (and letters with --ascii).
	 */
	return s != UI_BUSY && s < UI_SQ_LIGHT;
}
