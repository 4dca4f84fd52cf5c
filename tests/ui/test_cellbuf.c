/*
 * The cell buffer on its own: storage, clipping, UTF-8 text with cutting,
 * frames, bars and the helpers tests use to read a screen back. Every
 * assertion reads actual cells at actual positions.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <string.h>

#include "ui/cellbuf.h"

static char row[4096];

static const char *
row_of(const struct cellbuf *cb, int y)
{
	cellbuf_row(cb, y, row, sizeof(row));
	return row;
}

Test(cellbuf, starts_blank_and_knows_its_size)
{
	struct cellbuf cb;

	cellbuf_init(&cb, 7, 3);
	cr_assert(eq(int, cb.w, 7));
	cr_assert(eq(int, cb.h, 3));
	cr_assert(eq(str, (char *)row_of(&cb, 2), "       "));
	cr_assert(eq(u32, cellbuf_at(&cb, 6, 2)->ch, (uint32_t)' '));
	cr_assert(eq(ptr, (void *)cellbuf_at(&cb, 7, 0), NULL));
	cr_assert(eq(ptr, (void *)cellbuf_at(&cb, 0, -1), NULL));
	cellbuf_free(&cb);
}

Test(cellbuf, put_drops_cells_outside_and_control_characters)
{
	struct cellbuf cb;

	cellbuf_init(&cb, 4, 2);
	cellbuf_put(&cb, -1, 0, 'x', UI_BOLD);
	cellbuf_put(&cb, 4, 1, 'x', UI_BOLD);
	cellbuf_put(&cb, 0, 2, 'x', UI_BOLD);
	cellbuf_put(&cb, 3, 1, 'z', UI_BOLD);
	cellbuf_put(&cb, 0, 0, '\n', UI_NORMAL);
	cr_assert(eq(str, (char *)row_of(&cb, 0), "?   "));
	cr_assert(eq(str, (char *)row_of(&cb, 1), "   z"));
	cr_assert(eq(int, cellbuf_at(&cb, 3, 1)->style, UI_BOLD));
	cellbuf_free(&cb);
}

Test(cellbuf, text_writes_utf8_one_column_per_code_point)
{
	struct cellbuf cb;
	int n;

	cellbuf_init(&cb, 12, 1);
	n = cellbuf_text(&cb, 1, 0, -1, UI_NORMAL, false, "\u265a e4 \u00d7");
	cr_assert(eq(int, n, 6));
	cr_assert(eq(u32, cellbuf_at(&cb, 1, 0)->ch, 0x265Au));
	cr_assert(eq(u32, cellbuf_at(&cb, 6, 0)->ch, 0xD7u));
	cr_assert(eq(str, (char *)row_of(&cb, 0), " \u265a e4 \u00d7     "));
	cellbuf_free(&cb);
}

Test(cellbuf, long_text_is_cut_with_an_ellipsis_or_tilde)
{
	struct cellbuf cb;

	cellbuf_init(&cb, 10, 2);
	cr_assert(eq(int, cellbuf_text(&cb, 0, 0, 5, UI_NORMAL, false, "projected"), 5));
	cr_assert(eq(int, cellbuf_text(&cb, 0, 1, 5, UI_NORMAL, true, "projected"), 5));
	cr_assert(eq(str, (char *)row_of(&cb, 0), "proj\u2026     "));
	cr_assert(eq(str, (char *)row_of(&cb, 1), "proj~     "));
	/* Text that fits exactly is not cut. */
	cellbuf_clear(&cb);
	cellbuf_text(&cb, 5, 0, 5, UI_NORMAL, false, "total");
	cr_assert(eq(str, (char *)row_of(&cb, 0), "     total"));
	/* Running off the right edge is clipped, not wrapped. */
	cellbuf_text(&cb, 8, 1, -1, UI_NORMAL, false, "abc");
	cr_assert(eq(str, (char *)row_of(&cb, 1), "        a\u2026"));
	cellbuf_free(&cb);
}

Test(cellbuf, printf_and_center)
{
	struct cellbuf cb;

	cellbuf_init(&cb, 11, 2);
	cellbuf_printf(&cb, 0, 0, -1, UI_NORMAL, false, "%d/%d", 14, 720);
	cellbuf_center(&cb, 0, 1, 11, UI_NORMAL, false, "mid");
	cr_assert(eq(str, (char *)row_of(&cb, 0), "14/720     "));
	cr_assert(eq(str, (char *)row_of(&cb, 1), "    mid    "));
	cellbuf_free(&cb);
}

Test(cellbuf, clip_confines_drawing_to_a_rectangle)
{
	struct cellbuf cb;

	cellbuf_init(&cb, 6, 3);
	cellbuf_clip(&cb, (struct ui_rect){ 1, 1, 3, 1 });
	cellbuf_fill(&cb, (struct ui_rect){ 0, 0, 6, 3 }, '#', UI_NORMAL);
	cellbuf_unclip(&cb);
	cr_assert(eq(str, (char *)row_of(&cb, 0), "      "));
	cr_assert(eq(str, (char *)row_of(&cb, 1), " ###  "));
	cr_assert(eq(str, (char *)row_of(&cb, 2), "      "));
	/* A clip partly outside the buffer is cut to it. */
	cellbuf_clip(&cb, (struct ui_rect){ 4, -2, 10, 10 });
	cr_assert(eq(int, cb.clip.x, 4));
	cr_assert(eq(int, cb.clip.y, 0));
	cr_assert(eq(int, cb.clip.w, 2));
	cr_assert(eq(int, cb.clip.h, 3));
	cellbuf_free(&cb);
}

Test(cellbuf, box_unicode_and_ascii_with_title)
{
	struct cellbuf cb;

	cellbuf_init(&cb, 12, 4);
	cellbuf_box(&cb, (struct ui_rect){ 0, 0, 12, 3 }, UI_BOLD, false, "help");
	cr_assert(eq(str, (char *)row_of(&cb, 0), "\u250c\u2500 help \u2500\u2500\u2500\u2510"));
	cr_assert(eq(str, (char *)row_of(&cb, 1), "\u2502          \u2502"));
	cr_assert(eq(str, (char *)row_of(&cb, 2), "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518"));
	cr_assert(eq(int, cellbuf_at(&cb, 3, 0)->style, UI_TITLE));
	cellbuf_clear(&cb);
	cellbuf_box(&cb, (struct ui_rect){ 1, 1, 4, 3 }, UI_NORMAL, true, NULL);
	cr_assert(eq(str, (char *)row_of(&cb, 1), " +--+       "));
	cr_assert(eq(str, (char *)row_of(&cb, 2), " |  |       "));
	cr_assert(eq(str, (char *)row_of(&cb, 3), " +--+       "));
	cellbuf_free(&cb);
}

Test(cellbuf, bar_fills_in_eighths)
{
	struct cellbuf cb;

	cellbuf_init(&cb, 4, 4);
	cellbuf_bar(&cb, 0, 0, 4, 1.0, UI_BAR, false);
	cellbuf_bar(&cb, 0, 1, 4, 0.5, UI_BAR, false);
	cellbuf_bar(&cb, 0, 2, 4, 0.5 + 1.0 / 32, UI_BAR, false);
	cellbuf_bar(&cb, 0, 3, 4, 0.5, UI_BAR, true);
	cr_assert(eq(str, (char *)row_of(&cb, 0), "\u2588\u2588\u2588\u2588"));
	cr_assert(eq(str, (char *)row_of(&cb, 1), "\u2588\u2588\u00b7\u00b7"));
	/* One eighth of a cell more: the left 1/8 block. */
	cr_assert(eq(str, (char *)row_of(&cb, 2), "\u2588\u2588\u258f\u00b7"));
	cr_assert(eq(str, (char *)row_of(&cb, 3), "##.."));
	cr_assert(eq(int, cellbuf_at(&cb, 0, 0)->style, UI_BAR));
	cr_assert(eq(int, cellbuf_at(&cb, 3, 1)->style, UI_DIM));
	cellbuf_free(&cb);
}

Test(cellbuf, bar_clamps_odd_fractions)
{
	struct cellbuf cb;

	cellbuf_init(&cb, 3, 2);
	cellbuf_bar(&cb, 0, 0, 3, -2.0, UI_BAR, true);
	cellbuf_bar(&cb, 0, 1, 3, 7.0, UI_BAR, true);
	cr_assert(eq(str, (char *)row_of(&cb, 0), "..."));
	cr_assert(eq(str, (char *)row_of(&cb, 1), "###"));
	cellbuf_free(&cb);
}

Test(cellbuf, find_reports_column_not_byte_offset)
{
	struct cellbuf cb;
	int x = -1, y = -1;

	cellbuf_init(&cb, 20, 3);
	cellbuf_text(&cb, 2, 2, -1, UI_NORMAL, false, "\u2654\u2654 master");
	cr_assert(eq(int, cellbuf_find(&cb, "master", &x, &y), 0));
	cr_assert(eq(int, x, 5));
	cr_assert(eq(int, y, 2));
	cr_assert(eq(int, cellbuf_find(&cb, "absent", &x, &y), -1));
	cellbuf_free(&cb);
}

Test(cellbuf, utf8_round_trip_and_bad_bytes)
{
	const char *s = "a\u00d7\u2654\xf0\x9f\x98\x80";
	const char *bad = "\xff" "b";
	char enc[5];

	cr_assert(eq(u32, ui_utf8_next(&s), (uint32_t)'a'));
	cr_assert(eq(u32, ui_utf8_next(&s), 0xD7u));
	cr_assert(eq(u32, ui_utf8_next(&s), 0x2654u));
	cr_assert(eq(u32, ui_utf8_next(&s), 0x1F600u));
	cr_assert(eq(int, *s, 0));
	cr_assert(eq(u32, ui_utf8_next(&bad), 0xFFFDu));
	cr_assert(eq(u32, ui_utf8_next(&bad), (uint32_t)'b'));
	cr_assert(eq(int, ui_utf8_encode(0x2654, enc), 3));
	cr_assert(eq(str, enc, "\u2654"));
	cr_assert(eq(int, ui_text_width("\u2654 e4"), 4));
}

Test(cellbuf, resize_gives_a_blank_buffer_of_the_new_size)
{
	struct cellbuf cb;

	cellbuf_init(&cb, 3, 1);
	cellbuf_text(&cb, 0, 0, -1, UI_NORMAL, false, "abc");
	cellbuf_resize(&cb, 5, 2);
	cr_assert(eq(int, cb.w, 5));
	cr_assert(eq(str, (char *)row_of(&cb, 0), "     "));
	cr_assert(eq(int, cb.clip.w, 5));
	cellbuf_free(&cb);
}
