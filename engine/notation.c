/*
 * Move text in both directions. Square names and UCI are pure string work;
 * SAN needs the position: disambiguation looks at every legal move of the
 * same piece type to the same square, and the +/# suffix plays the move on
 * a copy. Parsing SAN never pattern-matches the board directly: it reads
 * the text into a small description (piece, optional from-file and
 * from-rank, destination, promotion) and keeps the legal moves that fit, so
 * whatever it accepts is legal by construction and "ambiguous" is simply
 * "more than one fits".
 */
#include "engine/macros.h"
#include "engine/notation.h"

#include <stdio.h>
#include <string.h>

#include "engine/movegen.h"

/* Upper-case SAN letters by enum piece_type; pawns have none. */
static const char notation_piece_letter[PIECE_TYPE_NB] = {0, 'N', 'B', 'R', 'Q', 'K'};

static const char *const notation_piece_name[PIECE_TYPE_NB] = {"pawn", "knight", "bishop",
                                                               "rook", "queen",  "king"};

void
square_name(int sq, char out[3])
{
	if (sq < 0 || sq >= 64) {
		out[0] = '-';
		out[1] = '\0';
		return;
	}
	out[0] = (char)('a' + sq_file(sq));
	out[1] = (char)('1' + sq_rank(sq));
	out[2] = '\0';
}

/* A square from the two characters at s, or -1; s need not end there. */
static int
notation_square_at(const char *s)
{
	if (s[0] < 'a' || s[0] > 'h' || s[1] < '1' || s[1] > '8')
		return -1;
	return sq_make(s[0] - 'a', s[1] - '1');
}

int
square_parse(const char *s)
{
	if (s == NULL || strlen(s) != 2)
		return -1;
	return notation_square_at(s);
}

void
move_to_uci(move_t m, char out[MOVE_TEXT_MAX])
{
	/* The UCI protocol spells "no move" 0000. */
	if (m == MOVE_NONE) {
		strcpy(out, "0000");
		return;
	}
	square_name(move_from(m), out);
	square_name(move_to(m), out + 2);
	if (move_is_promotion(m)) {
		out[4] = (char)(notation_piece_letter[move_promotion_type(m)] - 'A' + 'a');
		out[5] = '\0';
	}
}

/* KNIGHT..QUEEN for a promotion letter in either case, else -1. */
static int
notation_promotion_piece(char c)
{
	switch (c) {
	case 'n':
	case 'N':
		return KNIGHT;
	case 'b':
	case 'B':
		return BISHOP;
	case 'r':
	case 'R':
		return ROOK;
	case 'q':
	case 'Q':
		return QUEEN;
	default:
		return -1;
	}
}

int
move_from_uci(const struct position *p, const char *text, move_t *m, char *err, size_t errlen)
{
	move_t moves[MAX_MOVES];
	size_t len = strlen(text);
	int from, to, promo = -1, n;

	if (len < 4 || len > 5 || (from = notation_square_at(text)) < 0 ||
	    (to = notation_square_at(text + 2)) < 0 ||
	    (len == 5 && (promo = notation_promotion_piece(text[4])) < 0)) {
		snprintf(err, errlen, "UCI move \"%s\" is not of the form e2e4 or e7e8q", text);
		return -1;
	}
	n = movegen_legal(p, moves);
	for (int i = 0; i < n; i++) {
		if (move_from(moves[i]) != from || move_to(moves[i]) != to)
			continue;
		if (move_is_promotion(moves[i]) ? move_promotion_type(moves[i]) != promo
		                                : promo >= 0)
			continue;
		*m = moves[i];
		return 0;
	}
	if (promo < 0) {
		/* Say so when only the promotion letter is missing. */
		for (int i = 0; i < n; i++) {
			if (move_from(moves[i]) == from && move_to(moves[i]) == to) {
				snprintf(err, errlen,
				         "UCI move \"%s\" needs a promotion letter (q, r, b or n)",
				         text);
				return -1;
			}
		}
	}
	snprintf(err, errlen, "UCI move \"%s\" is not legal in this position", text);
	return -1;
}

void
move_to_san(const struct position *p, move_t m, char out[MOVE_TEXT_MAX])
{
	move_t moves[MAX_MOVES];
	struct position after;
	int from = move_from(m), to = move_to(m), flag = move_flag(m);
	int type = piece_type(position_piece_at(p, from));
	size_t k = 0;

	if (flag == MF_CASTLE_KING || flag == MF_CASTLE_QUEEN) {
		strcpy(out, flag == MF_CASTLE_KING ? "O-O" : "O-O-O");
		k = strlen(out);
	} else if (type == PAWN) {
		if (move_is_capture(m)) {
			out[k++] = (char)('a' + sq_file(from));
			out[k++] = 'x';
		}
		square_name(to, out + k);
		k += 2;
		if (move_is_promotion(m)) {
			out[k++] = '=';
			out[k++] = notation_piece_letter[move_promotion_type(m)];
		}
	} else {
		bool clash = false, same_file = false, same_rank = false;
		int n = movegen_legal(p, moves);

		/* Another piece of this type that can also go to `to` forces a
		 * disambiguation: the file when that tells them apart, else the
		 * rank, else both (three queens on h4, h1 and e4 give Qh4e1). */
		for (int i = 0; i < n; i++) {
			int other = move_from(moves[i]);

			if (other == from || move_to(moves[i]) != to ||
			    piece_type(position_piece_at(p, other)) != type)
				continue;
			clash = true;
			same_file |= sq_file(other) == sq_file(from);
			same_rank |= sq_rank(other) == sq_rank(from);
		}
		out[k++] = notation_piece_letter[type];
		if (clash && (!same_file || same_rank))
			out[k++] = (char)('a' + sq_file(from));
		if (clash && same_file)
			out[k++] = (char)('1' + sq_rank(from));
		if (move_is_capture(m))
			out[k++] = 'x';
		square_name(to, out + k);
		k += 2;
	}

	after = *p;
	position_play(&after, m);
	if (position_in_check(&after))
		out[k++] = movegen_legal(&after, moves) == 0 ? '#' : '+';
	out[k] = '\0';
}

/* What a SAN text says about its move; -1 where it says nothing. */
struct san_query {
	int type; /* enum piece_type */
	int from_file;
	int from_rank;
	int to;
	int promo;  /* KNIGHT..QUEEN */
	int castle; /* MF_CASTLE_KING/QUEEN, or -1 */
};

/* Is body (already stripped of annotations) castling written with O or 0? */
static int
san_castle_flag(const char *body)
{
	static const char *const king_side[] = {"O-O", "0-0", "o-o"};
	static const char *const queen_side[] = {"O-O-O", "0-0-0", "o-o-o"};

	for (size_t i = 0; i < ARRAY_LEN(king_side); i++) {
		if (strcmp(body, king_side[i]) == 0)
			return MF_CASTLE_KING;
		if (strcmp(body, queen_side[i]) == 0)
			return MF_CASTLE_QUEEN;
	}
	return -1;
}

/*
 * Reads body into q. Besides plain SAN it takes what PGN readers take: a
 * promotion without '=' or in lower case (e8Q, e8q, e8=q), capture marks
 * written ':' or left out, and long forms like Ng1f3 or Ng1-f3.
 */
static int
san_read_query(const char *body, struct san_query *q)
{
	char core[MOVE_TEXT_MAX * 2];
	size_t len = 0;
	const char *s = body;

	q->type = PAWN;
	q->from_file = q->from_rank = q->to = q->promo = -1;
	q->castle = san_castle_flag(body);
	if (q->castle >= 0) {
		q->type = KING;
		return 0;
	}
	for (int t = KNIGHT; t <= KING; t++) {
		if (*s == notation_piece_letter[t]) {
			q->type = t;
			s++;
			break;
		}
	}
	for (; *s != '\0'; s++) {
		if (*s == 'x' || *s == ':' || *s == '-')
			continue;
		if (len + 1 >= sizeof(core))
			return -1;
		core[len++] = *s;
	}
	core[len] = '\0';

	/* A promotion piece follows the destination's rank: e8=Q, e8Q, e8q. */
	if (len >= 3 && notation_promotion_piece(core[len - 1]) >= 0 &&
	    (core[len - 2] == '=' || (core[len - 2] >= '1' && core[len - 2] <= '8'))) {
		q->promo = notation_promotion_piece(core[--len]);
		if (core[len - 1] == '=')
			len--;
		core[len] = '\0';
	}
	if (len < 2 || len > 4 || (q->to = notation_square_at(core + len - 2)) < 0)
		return -1;
	/* What stands before the destination is the from-file, -rank, or both. */
	for (size_t i = 0; i + 2 < len; i++) {
		if (core[i] >= 'a' && core[i] <= 'h' && q->from_file < 0 && q->from_rank < 0)
			q->from_file = core[i] - 'a';
		else if (core[i] >= '1' && core[i] <= '8' && q->from_rank < 0)
			q->from_rank = core[i] - '1';
		else
			return -1;
	}
	/* A promotion is a pawn's; "Qe8=Q" is nonsense, not lenience. */
	if (q->promo >= 0 && q->type != PAWN)
		return -1;
	return 0;
}

static bool
san_query_fits(const struct position *p, const struct san_query *q, move_t m)
{
	int from = move_from(m);

	if (q->castle >= 0)
		return move_flag(m) == q->castle;
	if (move_flag(m) == MF_CASTLE_KING || move_flag(m) == MF_CASTLE_QUEEN)
		return false;
	return piece_type(position_piece_at(p, from)) == q->type && move_to(m) == q->to &&
	       (q->from_file < 0 || sq_file(from) == q->from_file) &&
	       (q->from_rank < 0 || sq_rank(from) == q->from_rank);
}

/*
 * "SAN move "Qe1" is ambiguous: Q1e1, Qee1 or Qh4e1": the candidates in
 * alphabetical order, so the message does not depend on generation order.
 */
static void
notation_ambiguous(const struct position *p, const char *text, const move_t *fits, int nfit,
                   char *err, size_t errlen)
{
	char san[MAX_MOVES][MOVE_TEXT_MAX];
	size_t k;

	for (int i = 0; i < nfit; i++) {
		char tmp[MOVE_TEXT_MAX];
		int j = i;

		move_to_san(p, fits[i], tmp);
		for (; j > 0 && strcmp(san[j - 1], tmp) > 0; j--)
			memcpy(san[j], san[j - 1], MOVE_TEXT_MAX);
		memcpy(san[j], tmp, MOVE_TEXT_MAX);
	}
	snprintf(err, errlen, "SAN move \"%s\" is ambiguous: ", text);
	for (int i = 0; i < nfit; i++) {
		k = strlen(err);
		snprintf(err + k, errlen > k ? errlen - k : 0, "%s%s",
		         i == 0          ? ""
		         : i == nfit - 1 ? " or "
		                         : ", ",
		         san[i]);
	}
}

int
move_from_san(const struct position *p, const char *text, move_t *m, char *err, size_t errlen)
{
	move_t moves[MAX_MOVES], fits[MAX_MOVES];
	struct san_query q;
	char body[MOVE_TEXT_MAX * 2], to[3];
	size_t len = strlen(text);
	int n, nfit = 0, npromo = 0;

	/* Check marks and annotations say nothing about which move it is:
	 * a missing or wrong +/# is accepted, as are !, ?, !? and friends,
	 * and the old "e.p." after an en passant capture. */
	for (;;) {
		if (len > 0 && strchr("+#!? ", text[len - 1]) != NULL)
			len--;
		else if (len > 4 && strncmp(text + len - 4, "e.p.", 4) == 0)
			len -= 4;
		else
			break;
	}
	if (len == 0 || len >= sizeof(body)) {
		snprintf(err, errlen, "SAN move \"%s\" is not a move", text);
		return -1;
	}
	memcpy(body, text, len);
	body[len] = '\0';
	if (san_read_query(body, &q) < 0) {
		snprintf(err, errlen, "SAN move \"%s\" is not a move", text);
		return -1;
	}

	n = movegen_legal(p, moves);
	for (int i = 0; i < n; i++) {
		if (!san_query_fits(p, &q, moves[i]))
			continue;
		if (move_is_promotion(moves[i])) {
			npromo++;
			if (move_promotion_type(moves[i]) != q.promo)
				continue;
		} else if (q.promo >= 0) {
			continue;
		}
		fits[nfit++] = moves[i];
	}

	if (nfit == 1) {
		*m = fits[0];
		return 0;
	}
	if (nfit > 1) {
		notation_ambiguous(p, text, fits, nfit, err, errlen);
		return -1;
	}
	if (q.castle >= 0) {
		snprintf(err, errlen, "SAN move \"%s\" is illegal: %s castling is not allowed here",
		         text, q.castle == MF_CASTLE_KING ? "king-side" : "queen-side");
		return -1;
	}
	square_name(q.to, to);
	if (npromo > 0 && q.promo < 0)
		snprintf(err, errlen, "SAN move \"%s\" needs a promotion piece, e.g. %.*s=Q", text,
		         (int)strcspn(body, "="), body);
	else if (q.promo >= 0 && npromo == 0)
		snprintf(err, errlen, "SAN move \"%s\" is illegal: no pawn can promote on %s", text,
		         to);
	else
		snprintf(err, errlen, "SAN move \"%s\" is illegal: no %s can go to %s", text,
		         notation_piece_name[q.type], to);
	return -1;
}
