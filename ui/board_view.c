/*
 * One board, three sizes. A diagram: a label line (board number, last
 * move), the eight ranks with White at the bottom, and an info line (the
 * opponent's remaining think time as a bar, how long the board has waited
 * for the master, or the result). A tile: the same facts on one line, or
 * on two or three where the screen has rows to spare (the clock across the
 * tile, then the recent moves). The large view: a diagram with two
 * columns per square and coordinates, beside the move list in SAN, for the
 * focused board.
 *
 * The board the master stands at is marked with a king and its own style;
 * the focused board is drawn in reverse, so both can be found at a glance.
 * A board whose opponent thinks inside a blocking call carries a cross in
 * the alarm style, and its think bar is loud: it holds the master too.
 */
#include <stdio.h>
#include <string.h>

#include "ui/layout.h"

/* White's glyphs are the outlined ones, Black's the filled ones (U+2654..). */
static uint32_t
board_piece_glyph(int piece, const struct view_state *vs)
{
	static const char letters[] = "PNBRQK";
	static const uint32_t filled[] = { 0x265F, 0x265E, 0x265D, 0x265C, 0x265B, 0x265A };
	static const uint32_t outlined[] = { 0x2659, 0x2658, 0x2657, 0x2656, 0x2655, 0x2654 };
	int t = piece_type(piece);

	if (vs->ascii)
		return piece_color(piece) == WHITE ? (uint32_t)letters[t] :
						     (uint32_t)(letters[t] - 'A' + 'a');
	/* On coloured squares the solid shapes read best; colour tells the side. */
	if (vs->color || piece_color(piece) == BLACK)
		return filled[t];
	return outlined[t];
}

static void
board_square(struct cellbuf *cb, int x, int y, int width, int sq, const struct view_state *vs,
	     const struct position *pos)
{
	int piece = pos != NULL ? position_piece_at(pos, sq) : NO_PIECE;
	bool dark = (sq_file(sq) + sq_rank(sq)) % 2 == 0;
	enum ui_style st;
	uint32_t ch;

	if (piece == NO_PIECE) {
		st = dark ? UI_SQ_DARK : UI_SQ_LIGHT;
		/* Without colours, dots on the dark squares keep the grid readable. */
		ch = !dark || vs->color ? ' ' : vs->ascii ? '.' : 0x00B7;
	} else {
		bool white = piece_color(piece) == WHITE;

		st = dark ? (white ? UI_SQ_DARK_W : UI_SQ_DARK_B) :
			    (white ? UI_SQ_LIGHT_W : UI_SQ_LIGHT_B);
		ch = board_piece_glyph(piece, vs);
	}
	for (int i = 0; i < width; i++)
		cellbuf_put(cb, x + i, y, i == width / 2 ? ch : ' ', st);
}

/* The right-hand part of a tile or the info line of a diagram. */
static void
board_state_text(struct cellbuf *cb, int x, int y, int w, const struct view_state *vs,
		 const struct view_exhibition *ex, const struct view_board *b)
{
	char t[32];
	simtime_t span = b->until - b->since, left = b->until - ex->now;

	/* Bars are someone thinking (what is left of it); red time is waiting. */
	switch (b->state) {
	case VIEW_BOARD_OPPONENT_THINKS:
		/* A blocking think holds the master too: the cross, a word if it fits, a loud bar. */
		if (b->blocking && w >= 4) {
			int n = cellbuf_text(cb, x, y, w, UI_PAUSED, vs->ascii,
					     w >= 20 ? (vs->ascii ? "X blocking " : "\u2573 blocking ") :
						       (vs->ascii ? "X" : "\u2573"));

			cellbuf_bar(cb, x + n, y, w - n, span > 0 ? (double)left / (double)span : 0,
				    UI_PAUSED, vs->ascii);
			break;
		}
		/* fall through */
	case VIEW_BOARD_MASTER_THINKS:
		cellbuf_bar(cb, x, y, w, span > 0 ? (double)left / (double)span : 0,
			    b->state == VIEW_BOARD_MASTER_THINKS ? UI_MASTER : UI_BAR, vs->ascii);
		break;
	case VIEW_BOARD_WAITING:
		view_fmt_compact(ex->now - b->since, t, sizeof(t));
		cellbuf_printf(cb, x, y, w, UI_WAIT, vs->ascii, w >= 9 ? "wait %s" : "%s", t);
		break;
	case VIEW_BOARD_FINISHED:
		cellbuf_text(cb, x, y, w, UI_DIM, vs->ascii, b->result[0] ? b->result : "over");
		break;
	}
}

static bool
board_master_here(const struct view_exhibition *ex, const struct view_board *b)
{
	return ex->master_board == b->number &&
	       (ex->master == VIEW_MASTER_THINKING || ex->master == VIEW_MASTER_WAITING ||
		ex->master == VIEW_MASTER_WALKING);
}

/*
 * The first column of a label or tile: the master's king where he is, a
 * cross on a board whose opponent thinks in a blocking call, else blank.
 */
static void
board_marker(struct cellbuf *cb, int x, int y, const struct view_state *vs,
	     const struct view_board *b, bool here, enum ui_style blank)
{
	if (here)
		cellbuf_put(cb, x, y, vs->ascii ? '@' : 0x2654, UI_MASTER);
	else if (b->blocking)
		cellbuf_put(cb, x, y, vs->ascii ? 'X' : 0x2573,
			    b->state == VIEW_BOARD_FINISHED ? UI_DIM : UI_PAUSED);
	else
		cellbuf_put(cb, x, y, ' ', blank);
}

void
board_view_diagram(struct cellbuf *cb, int x, int y, const struct view_state *vs,
		   const struct view_exhibition *ex, const struct view_board *b, bool focused)
{
	bool here = board_master_here(ex, b);
	enum ui_style label = focused ? UI_FOCUS : here ? UI_MASTER : UI_BOLD;
	int n;

	/* Label: king if the master is here, board number, last move. */
	cellbuf_fill(cb, (struct ui_rect){ x, y, DIAGRAM_W - 1, 1 }, ' ', label);
	/* The master's king keeps his colour even on the focused board. */
	board_marker(cb, x, y, vs, b, here, label);
	n = cellbuf_printf(cb, x + 1, y, 3, label, vs->ascii, "%d", b->number);
	cellbuf_text(cb, x + 2 + n, y, DIAGRAM_W - 3 - n, focused ? UI_FOCUS : here ? UI_MASTER :
		     UI_NORMAL, vs->ascii, b->last_san);
	for (int rank = 7; rank >= 0; rank--)
		for (int file = 0; file < 8; file++)
			board_square(cb, x + file, y + 1 + (7 - rank), 1, sq_make(file, rank), vs,
				     b->pos);
	board_state_text(cb, x, y + 9, DIAGRAM_W - 1, vs, ex, b);
}

/*
 * The recent plies in SAN, as many as fit w columns, a move number before
 * each White move: "2.Nf3 Nc6 3.Bb5". Replaying the game costs one
 * position_play per ply (no move generation); only the shown plies pay for
 * SAN, which needs the legal moves. Fine for the few dozen tiles a screen
 * shows; the tiles beyond the screen are never drawn.
 */
static void
board_recent_moves(const struct game *g, int w, char *out, size_t len)
{
	enum { RECENT_PLIES = 6, RECENT_TEXT = MOVE_TEXT_MAX + 8 };
	char text[RECENT_PLIES][RECENT_TEXT];
	struct position pos = g->start;
	int first = g->n > RECENT_PLIES ? g->n - RECENT_PLIES : 0, width = -1, k;
	size_t o = 0;

	for (int i = 0; i < g->n; i++) {
		if (i >= first) {
			char san[MOVE_TEXT_MAX];

			move_to_san(&pos, g->moves[i], san);
			if (pos.side == WHITE)
				snprintf(text[i - first], RECENT_TEXT, "%d.%s", pos.fullmove, san);
			else
				snprintf(text[i - first], RECENT_TEXT, "%s", san);
			width += (int)strlen(text[i - first]) + 1;
		}
		position_play(&pos, g->moves[i]);
	}
	/* The newest plies matter: drop the oldest until the rest fits. */
	for (k = first; k < g->n && width > w; k++)
		width -= (int)strlen(text[k - first]) + 1;
	out[0] = '\0';
	for (; k < g->n && o < len; k++)
		o += (size_t)snprintf(out + o, len - o, "%s%s", o > 0 ? " " : "", text[k - first]);
}

/*
 * A tall tile's second line: the think bar across the tile with the
 * seconds left, how long the board has waited for the master, or the end.
 */
static void
board_tile_clock(struct cellbuf *cb, int x, int y, int w, const struct view_state *vs,
		 const struct view_exhibition *ex, const struct view_board *b)
{
	char t[16];
	int n;

	switch (b->state) {
	case VIEW_BOARD_OPPONENT_THINKS:
	case VIEW_BOARD_MASTER_THINKS:
		view_fmt_compact(b->until - ex->now, t, sizeof(t));
		n = ui_text_width(t) + (w >= 16 ? 6 : 1);
		board_state_text(cb, x, y, w - n, vs, ex, b);
		cellbuf_printf(cb, x + w - n, y, n,
			       b->state == VIEW_BOARD_MASTER_THINKS ? UI_MASTER :
			       b->blocking ? UI_PAUSED : UI_NORMAL,
			       vs->ascii, w >= 16 ? " %s left" : " %s", t);
		break;
	case VIEW_BOARD_WAITING:
		view_fmt_compact(ex->now - b->since, t, sizeof(t));
		n = ui_text_width(t);
		cellbuf_printf(cb, x, y, w, UI_WAIT, vs->ascii, "%s %s",
			       w >= n + 21 ? "waits for the master" :
			       w >= n + 17 ? "waits for master" : "waits", t);
		break;
	case VIEW_BOARD_FINISHED:
		cellbuf_text(cb, x, y, w, UI_DIM, vs->ascii, "game over");
		break;
	}
}

/*
 * A tile is r.h lines (1 to 3). Line 1: the marker, board number, move
 * number with whose turn (○ White, ● Black), last move, then the state on a
 * one-line tile and the result on a taller one. Line 2: the clock at full
 * width. Line 3: the recent moves.
 */
void
board_view_tile(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		const struct view_exhibition *ex, const struct view_board *b, bool focused)
{
	bool here = board_master_here(ex, b);
	int x = r.x, y = r.y, w = r.w;
	int digits = ex->nboards >= 100 ? (ex->nboards >= 1000 ? 4 : 3) : 2;
	bool white = b->side == WHITE;
	/* The chess move number: the master's next move, or the reply to his last. */
	int number = b->move_number + (white && b->state != VIEW_BOARD_FINISHED ? 1 : 0);
	int used;

	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	board_marker(cb, x, y, vs, b, here, UI_NORMAL);
	cellbuf_printf(cb, x + 1, y, digits, here ? UI_MASTER : UI_BOLD, vs->ascii, "%*d", digits,
		       b->number);
	used = 1 + digits;
	used += cellbuf_printf(cb, x + used, y, 5, UI_DIM, vs->ascii, " %2d%s", number,
			       vs->ascii ? (white ? "w" : "b") : (white ? "\u25cb" : "\u25cf"));
	cellbuf_printf(cb, x + used, y, 7, UI_NORMAL, vs->ascii, " %-6s", b->last_san);
	used += 8;
	if (r.h == 1 || b->state == VIEW_BOARD_FINISHED)
		board_state_text(cb, x + used, y, w - used, vs, ex, b);
	if (r.h >= 2)
		board_tile_clock(cb, x + 1, y + 1, w - 1, vs, ex, b);
	if (r.h >= 3 && b->game != NULL && b->game->n > 0) {
		char moves[128];

		board_recent_moves(b->game, w - 1, moves, sizeof(moves));
		cellbuf_text(cb, x + 1, y + 2, w - 1, UI_DIM, vs->ascii, moves);
	}
	if (focused)
		cellbuf_restyle(cb, r, UI_FOCUS);
}

/* The move list "1. e4 e5" in columns, the last moves when not all fit. */
static void
board_move_list(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		const struct view_board *b)
{
	enum { COL_W = 18 };
	const struct game *g = b->game;
	int cols = r.w / COL_W, nlines = 0, first, line = -1;
	struct position pos;
	char san[MOVE_TEXT_MAX];

	if (cols < 1 || r.h < 1)
		return;
	if (g == NULL) {
		cellbuf_text(cb, r.x, r.y, r.w, UI_DIM, vs->ascii, "no chess: timing model only");
		return;
	}
	pos = g->start;
	if (g->n == 0) {
		cellbuf_text(cb, r.x, r.y, r.w, UI_DIM, vs->ascii, "no moves yet");
		return;
	}
	/* A line per White move, and one for a game that starts with Black. */
	nlines = (g->n + (g->start.side == BLACK ? 2 : 1)) / 2;
	first = nlines > cols * r.h ? nlines - cols * r.h : 0;
	for (int i = 0; i < g->n; i++) {
		bool white = pos.side == WHITE;
		int number = pos.fullmove, k, cx, cy;

		if (white || i == 0)
			line++;
		/* Scrolled-off plies only advance the position: SAN needs the legal moves. */
		if (line < first) {
			position_play(&pos, g->moves[i]);
			continue;
		}
		move_to_san(&pos, g->moves[i], san);
		position_play(&pos, g->moves[i]);
		k = line - first;
		cx = r.x + (k / r.h) * COL_W;
		cy = r.y + k % r.h;
		if (white || i == 0)
			cellbuf_printf(cb, cx, cy, 6, UI_DIM, vs->ascii, white ? "%3d." : "%3d...",
				       number);
		cellbuf_text(cb, cx + (white ? 5 : 11), cy, 6,
			     i == g->n - 1 ? UI_BOLD : UI_NORMAL, vs->ascii, san);
	}
}

void
board_view_large(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		 const struct view_exhibition *ex, const struct view_board *b)
{
	char title[64];
	int bx = r.x + 3, by = r.y + 2;

	snprintf(title, sizeof(title), "board %d  %s%s", b->number, ex->is_sync ? "sync" : "async ",
		 ex->is_sync ? "" : ex->policy);
	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	cellbuf_box(cb, r, UI_BOLD, vs->ascii, title);
	for (int rank = 7; rank >= 0; rank--) {
		cellbuf_printf(cb, bx - 2, by + 7 - rank, 1, UI_DIM, vs->ascii, "%d", rank + 1);
		for (int file = 0; file < 8; file++)
			board_square(cb, bx + file * 3, by + 7 - rank, 3, sq_make(file, rank), vs, b->pos);
	}
	for (int file = 0; file < 8; file++)
		cellbuf_put(cb, bx + file * 3 + 1, by + 8, (uint32_t)('a' + file), UI_DIM);
	board_state_text(cb, bx, by + 10, 24, vs, ex, b);
	if (b->opponent != NULL)
		cellbuf_printf(cb, bx, by + 11, 24, UI_DIM, vs->ascii, "opponent: %s", b->opponent);
	if (b->blocking)
		cellbuf_text(cb, bx, by + 9, 24, UI_PAUSED, vs->ascii,
			     vs->ascii ? "X blocking opponent" : "\u2573 blocking opponent");
	if (board_master_here(ex, b))
		cellbuf_text(cb, bx, by + 12, 24, UI_MASTER, vs->ascii,
			     vs->ascii ? "@ the master is here" : "\u2654 the master is here");
	board_move_list(cb, (struct ui_rect){ bx + 28, by, r.x + r.w - bx - 29, r.h - 4 }, vs, b);
	cellbuf_text(cb, r.x + 2, r.y + r.h - 1, r.w - 4, UI_DIM, vs->ascii,
		     " Enter or Esc closes ");
}
