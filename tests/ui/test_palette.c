/*
 * ui/palette.c: every foreground/background pair used for text has a WCAG
 * contrast ratio of at least 4.5:1, on 256 colours and on xterm's 8 (where
 * bold text is drawn in the bright variant); the RGB of the xterm colours
 * and the ratio itself checked against known values first.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <stdio.h>

#include "ui/palette.h"

static const char *const names[UI_STYLE_NB] = {
	"normal", "dim", "bold", "title", "sync", "async", "good", "good-bar", "busy", "wait",
	"paused", "focus", "master", "key", "bar", "sq-light", "sq-light-w", "sq-light-b",
	"sq-dark", "sq-dark-w", "sq-dark-b",
};

Test(palette, xterm_colours_and_wcag_ratio)
{
	unsigned char rgb[3];

	palette_rgb(196, rgb);
	cr_assert(eq(int, rgb[0] * 65536 + rgb[1] * 256 + rgb[2], 0xff0000));
	palette_rgb(24, rgb);
	cr_assert(eq(int, rgb[0] * 65536 + rgb[1] * 256 + rgb[2], 0x005f87));
	palette_rgb(245, rgb);
	cr_assert(eq(int, rgb[0] * 65536 + rgb[1] * 256 + rgb[2], 0x8a8a8a));
	palette_rgb(7, rgb);
	cr_assert(eq(int, rgb[0] * 65536 + rgb[1] * 256 + rgb[2], 0xe5e5e5));
	/* Black on white is 21:1, a colour on itself 1:1. */
	cr_assert(ieee_ulp_eq(dbl, palette_contrast(16, 231), 21.0, 4));
	cr_assert(ieee_ulp_eq(dbl, palette_contrast(40, 40), 1.0, 4));
}

Test(palette, every_text_pair_reads_at_4_5_to_1)
{
	for (int i = 0; i < UI_STYLE_NB; i++) {
		const struct palette_entry *e = &palette[i];
		int fg8 = e->fg8 + (e->attr & PAL_BOLD ? 8 : 0);
		double c256 = palette_contrast(e->fg256, e->bg256), c8 = palette_contrast(fg8, e->bg8);

		if (getenv("SIMUL_DUMP") != NULL)
			printf("%-11s 256: %5.2f   8: %5.2f\n", names[i], c256, c8);
		/* Pieces on squares are shapes: WCAG's 3:1 for graphics, on 256 colours. */
		if (i >= UI_SQ_LIGHT)
			cr_expect(ge(dbl, c256, 3.0), "%s: %d on %d is %.2f:1", names[i], e->fg256,
				  e->bg256, c256);
		if (!palette_is_text((enum ui_style)i))
			continue;
		cr_expect(ge(dbl, c256, 4.5), "%s: %d on %d is %.2f:1", names[i], e->fg256, e->bg256,
			  c256);
		cr_expect(ge(dbl, c8, 4.5), "%s: 8-colour %d on %d is %.2f:1", names[i], fg8, e->bg8,
			  c8);
	}
}
