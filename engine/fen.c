/*
 * FEN in and out. The parser is strict: it accepts exactly six fields and
 * checks each one, then the fields against each other (castling rights need
 * their king and rook at home, an en passant square needs the pawn that just
 * passed it, the side that just moved cannot be in check). Every error is one
 * line naming the field, quoting the bad value and saying what is wrong:
 *
 *   FEN field 4 (en passant): "e9" is not a square
 *
 * The only leniency is whitespace: runs of blanks separate fields and blanks
 * around the whole string are ignored (a FEN read with fgets keeps its
 * newline). An en passant square is accepted whether or not a capture is
 * possible, and emitted back as parsed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/attacks.h"
#include "engine/notation.h"
#include "engine/eval.h"
#include "engine/position.h"

enum { FEN_FIELDS = 6, QUOTE_MAX = 100 };

static const char *const field_names[FEN_FIELDS + 1] = {
	"", "placement", "side to move", "castling", "en passant", "halfmove clock", "fullmove number"
};
static const char piece_letters[] = "PNBRQK??pnbrqk";

struct field {
	const char	*s;
	int		len;
};

static int
fen_error(char *err, size_t errlen, int field, const char *fmt, ...)
{
	va_list ap;
	int n = 0;

	if (!err || !errlen)
		return -1;
	if (field > 0 && field < (int)ARRAY_LEN(field_names))
		n = snprintf(err, errlen, "FEN field %d (%s): ", field, field_names[field]);
	else
		n = snprintf(err, errlen, "FEN: ");
	if (n >= 0 && (size_t)n < errlen) {
		va_start(ap, fmt);
		vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* At most QUOTE_MAX bytes of s, never cutting a UTF-8 character in two. */
static int
quote_len(const char *s, int len)
{
	if (len <= QUOTE_MAX)
		return len;
	len = QUOTE_MAX;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	return len;
}

/* Bytes of the character at c (a UTF-8 sequence, else 1): a message quotes it whole. */
static int
char_len(const char *c, const char *end)
{
	int n = 1;

	if (((unsigned char)*c & 0xc0) != 0xc0)
		return 1;
	while (c + n < end && n < 4 && ((unsigned char)c[n] & 0xc0) == 0x80)
		n++;
	return n;
}

static int
parse_placement(struct position *p, struct field f, char *err, size_t errlen)
{
	const char *s = f.s, *end = f.s + f.len;
	int ranks = 1;

	for (const char *c = s; c < end; c++)
		ranks += *c == '/';
	if (ranks != 8)
		return fen_error(err, errlen, 1, "\"%.*s\" has %d rank%s, expected 8",
				 quote_len(f.s, f.len), f.s, ranks, ranks == 1 ? "" : "s");

	for (int rank = 7; rank >= 0; rank--) {
		const char *r = s;
		int file = 0;
		bool digit_before = false;

		while (s < end && *s != '/')
			s++;
		for (const char *c = r; c < s; c++) {
			if (*c >= '1' && *c <= '8') {
				if (digit_before)
					return fen_error(err, errlen, 1,
							 "\"%.*s\" (rank %d) has two digits in a row",
							 (int)(s - r), r, rank + 1);
				file += *c - '0';
				digit_before = true;
				continue;
			}
			const char *l = *c ? strchr(piece_letters, *c) : NULL;

			if (!l || *l == '?')
				return fen_error(err, errlen, 1,
						 "\"%.*s\" in rank %d is not a piece letter (PNBRQK, pnbrqk) "
						 "or a digit 1-8", char_len(c, s), c, rank + 1);
			if (file < 8) {
				int pc = (int)(l - piece_letters), sq = sq_make(file, rank);

				p->board[sq] = (uint8_t)pc;
				p->pieces[pc] |= bb_square(sq);
				p->occupied[piece_color(pc)] |= bb_square(sq);
			}
			file++;
			digit_before = false;
		}
		if (file != 8)
			return fen_error(err, errlen, 1, "\"%.*s\" (rank %d) covers %d square%s, not 8",
					 (int)(s - r), r, rank + 1, file, file == 1 ? "" : "s");
		s++;	/* the slash */
	}

	for (int color = WHITE; color <= BLACK; color++) {
		int kings = bb_popcount(p->pieces[piece_make(color, KING)]);
		const char *name = color == WHITE ? "white" : "black";

		if (kings == 0)
			return fen_error(err, errlen, 1, "\"%.*s\" has no %s king",
					 quote_len(f.s, f.len), f.s, name);
		if (kings > 1)
			return fen_error(err, errlen, 1, "\"%.*s\" has %d %s kings",
					 quote_len(f.s, f.len), f.s, kings, name);
	}

	bitboard_t back = (p->pieces[W_PAWN] | p->pieces[B_PAWN]) & (BB_RANK_1 | BB_RANK_8);
	if (back) {
		int sq = bb_lsb(back), rank = sq_rank(sq);
		/* Find that rank's text again to quote it. */
		const char *r = f.s;
		char name[3];

		for (int k = 7; k > rank; k--)
			r = strchr(r, '/') + 1;
		square_name(sq, name);
		return fen_error(err, errlen, 1,
				 "\"%.*s\" (rank %d) has a pawn on %s; pawns never stand on rank 1 or 8",
				 (int)(strcspn(r, "/ \t\r\n")), r, rank + 1, name);
	}
	return 0;
}

static int
parse_castling(struct position *p, struct field f, char *err, size_t errlen)
{
	static const struct {
		char	letter;
		int	right, king, rook, color;
	} rights[4] = {
		{ 'K', CASTLE_WK, 4, 7, WHITE }, { 'Q', CASTLE_WQ, 4, 0, WHITE },
		{ 'k', CASTLE_BK, 60, 63, BLACK }, { 'q', CASTLE_BQ, 60, 56, BLACK },
	};

	p->castling = 0;
	if (f.len == 1 && f.s[0] == '-')
		return 0;
	for (int i = 0; i < f.len; i++) {
		int k = 0;

		while (k < 4 && rights[k].letter != f.s[i])
			k++;
		if (k == 4)
			return fen_error(err, errlen, 3, "\"%.*s\" has '%.*s', expected - or letters from KQkq",
					 quote_len(f.s, f.len), f.s, char_len(f.s + i, f.s + f.len), f.s + i);
		if (p->castling & rights[k].right)
			return fen_error(err, errlen, 3, "\"%.*s\" repeats '%c'",
					 quote_len(f.s, f.len), f.s, f.s[i]);
		p->castling |= (uint8_t)rights[k].right;
	}
	for (int k = 0; k < 4; k++) {
		const char *color = rights[k].color == WHITE ? "white" : "black";
		char ksq[3], rsq[3];

		if (!(p->castling & rights[k].right))
			continue;
		if (p->board[rights[k].king] == piece_make(rights[k].color, KING) &&
		    p->board[rights[k].rook] == piece_make(rights[k].color, ROOK))
			continue;
		square_name(rights[k].king, ksq);
		square_name(rights[k].rook, rsq);
		return fen_error(err, errlen, 3, "\"%.*s\": %c needs the %s king on %s and a %s rook on %s",
				 quote_len(f.s, f.len), f.s, rights[k].letter, color, ksq, color, rsq);
	}
	return 0;
}

static int
parse_ep(struct position *p, struct field f, char *err, size_t errlen)
{
	p->ep = SQ_NONE;
	if (f.len == 1 && f.s[0] == '-')
		return 0;
	if (f.len != 2 || f.s[0] < 'a' || f.s[0] > 'h' || f.s[1] < '1' || f.s[1] > '8')
		return fen_error(err, errlen, 4, "\"%.*s\" is not a square", quote_len(f.s, f.len), f.s);

	int sq = sq_make(f.s[0] - 'a', f.s[1] - '1');
	int us = p->side, them = us ^ 1;
	int want_rank = us == WHITE ? 5 : 2;
	int pawn_sq = us == WHITE ? sq - 8 : sq + 8, origin = us == WHITE ? sq + 8 : sq - 8;
	char pawn_name[3], origin_name[3], ep_name[3];

	if (sq_rank(sq) != want_rank)
		return fen_error(err, errlen, 4, "\"%.*s\" is not on rank %d, where en passant squares "
				 "lie with %s to move", f.len, f.s, want_rank + 1,
				 us == WHITE ? "White" : "Black");
	square_name(pawn_sq, pawn_name);
	square_name(origin, origin_name);
	square_name(sq, ep_name);
	if (p->board[pawn_sq] != piece_make(them, PAWN))
		return fen_error(err, errlen, 4, "\"%.*s\" but there is no %s pawn on %s that could "
				 "have just passed it", f.len, f.s, them == WHITE ? "white" : "black",
				 pawn_name);
	if (p->board[sq] != NO_PIECE || p->board[origin] != NO_PIECE)
		return fen_error(err, errlen, 4, "\"%.*s\" but %s is occupied, so no pawn has just "
				 "passed it", f.len, f.s,
				 p->board[sq] != NO_PIECE ? ep_name : origin_name);
	p->ep = (uint8_t)sq;
	return 0;
}

static int
parse_number(struct field f, int field, unsigned min, uint16_t *out, char *err, size_t errlen)
{
	unsigned long v = 0;
	int i = 0;

	if (f.s[0] == '-' && f.len > 1) {
		for (i = 1; i < f.len && f.s[i] >= '0' && f.s[i] <= '9'; i++)
			;
		if (i == f.len)
			return fen_error(err, errlen, field, "\"%.*s\" is negative", quote_len(f.s, f.len), f.s);
	}
	for (i = 0; i < f.len; i++) {
		if (f.s[i] < '0' || f.s[i] > '9')
			return fen_error(err, errlen, field, "\"%.*s\" is not a number",
					 quote_len(f.s, f.len), f.s);
		v = v * 10 + (unsigned long)(f.s[i] - '0');
		if (v > UINT16_MAX)
			return fen_error(err, errlen, field, "\"%.*s\" is too large (at most %u)",
					 quote_len(f.s, f.len), f.s, (unsigned)UINT16_MAX);
	}
	if (v < min)
		return fen_error(err, errlen, field, "\"%.*s\" must be at least %u",
				 quote_len(f.s, f.len), f.s, min);
	*out = (uint16_t)v;
	return 0;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
position_from_fen(struct position *p, const char *fen, char *err, size_t errlen)
{
	struct field fields[FEN_FIELDS + 1];
	struct position pos;
	int n = 0;

	engine_init();
	if (!fen)
		return fen_error(err, errlen, 0, "no FEN given");
	for (const char *s = fen; *s;) {
		while (is_blank(*s))
			s++;
		if (!*s)
			break;
		const char *start = s;

		while (*s && !is_blank(*s))
			s++;
		if (n < FEN_FIELDS)
			fields[n + 1] = (struct field){ start, (int)(s - start) };
		n++;
	}
	if (n != FEN_FIELDS)
		return fen_error(err, errlen, 0, "expected 6 fields (placement, side to move, castling, "
				 "en passant, halfmove clock, fullmove number), found %d", n);

	memset(&pos, 0, sizeof(pos));
	memset(pos.board, NO_PIECE, sizeof(pos.board));
	if (parse_placement(&pos, fields[1], err, errlen))
		return -1;

	struct field side = fields[2];
	if (side.len == 1 && (side.s[0] == 'w' || side.s[0] == 'b'))
		pos.side = side.s[0] == 'w' ? WHITE : BLACK;
	else
		return fen_error(err, errlen, 2, "\"%.*s\" is not w or b", quote_len(side.s, side.len), side.s);

	if (parse_castling(&pos, fields[3], err, errlen) || parse_ep(&pos, fields[4], err, errlen) ||
	    parse_number(fields[5], 5, 0, &pos.halfmove, err, errlen) ||
	    parse_number(fields[6], 6, 1, &pos.fullmove, err, errlen))
		return -1;

	int them = pos.side ^ 1;
	if (position_square_attacked(&pos, position_king_square(&pos, them), pos.side,
				     pos.occupied[WHITE] | pos.occupied[BLACK]))
		return fen_error(err, errlen, 2, "\"%c\" but %s, who has just moved, is in check",
				 side.s[0], them == WHITE ? "White" : "Black");

	pos.key = position_hash(&pos);
	eval_psq_refresh(&pos);
	*p = pos;
	return 0;
}

void
position_to_fen(const struct position *p, char *buf, size_t len)
{
	char out[FEN_MAX], *o = out;

	for (int rank = 7; rank >= 0; rank--) {
		int empty = 0;

		for (int file = 0; file < 8; file++) {
			int pc = p->board[sq_make(file, rank)];

			if (pc == NO_PIECE) {
				empty++;
				continue;
			}
			if (empty)
				*o++ = (char)('0' + empty);
			empty = 0;
			*o++ = piece_letters[pc];
		}
		if (empty)
			*o++ = (char)('0' + empty);
		if (rank)
			*o++ = '/';
	}
	*o++ = ' ';
	*o++ = p->side == WHITE ? 'w' : 'b';
	*o++ = ' ';
	if (!p->castling)
		*o++ = '-';
	for (int k = 0; k < 4; k++)
		if (p->castling & (1 << k))
			*o++ = "KQkq"[k];
	*o++ = ' ';
	if (p->ep == SQ_NONE) {
		*o++ = '-';
	} else {
		square_name(p->ep, o);
		o += 2;
	}
	snprintf(o, (size_t)(out + sizeof(out) - o), " %u %u", (unsigned)p->halfmove,
		 (unsigned)p->fullmove);
	if (len) {
		strncpy(buf, out, len - 1);
		buf[len - 1] = '\0';
	}
}
