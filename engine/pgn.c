/*
 * PGN in and out. The writer replays the game from its start position to
 * turn each ply into SAN and pours the movetext through a small line
 * filler (struct pgn_out) that breaks before any token that would reach
 * column 80; comments are split into words so that they wrap like moves.
 *
 * The reader is a single pass over the text: tag pairs (only FEN and
 * Termination matter to it), then movetext tokens. Comments, NAGs,
 * variations, move numbers and escape lines are skipped; every other
 * token is SAN, played on the game through game_play so the result rules
 * apply exactly as they did when the game was recorded.
 */
#include "engine/macros.h"
#include "engine/pgn.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "engine/notation.h"

enum {
	PGN_LINE_MAX = 79, /* PGN export format: lines shorter than 80 */
	PGN_WORD_MAX = 64, /* longer comment words are cut to wrap */
	PGN_TOKEN_MAX = 64 /* longest movetext token the reader keeps */
};

static const char *const pgn_roster[] = {"Event", "Site", "Date", "Round", "White", "Black"};

/* Tags the writer sets itself; the caller's copies are ignored. */
static const char *const pgn_own_tags[] = {"Result", "Termination", "SetUp", "FEN"};

/* Movetext being filled into lines. */
struct pgn_out {
	FILE *f;
	int col;     /* characters on the current line */
	bool failed; /* a write error happened */
};

static void
pgn_out_raw(struct pgn_out *o, const char *s, size_t len)
{
	if (len > 0 && fwrite(s, 1, len, o->f) != len)
		o->failed = true;
}

/* Writes a token, on a new line when it would not fit on this one. */
static void
pgn_out_token(struct pgn_out *o, const char *s, size_t len)
{
	if (o->col > 0 && o->col + 1 + (int)len > PGN_LINE_MAX) {
		pgn_out_raw(o, "\n", 1);
		o->col = 0;
	} else if (o->col > 0) {
		pgn_out_raw(o, " ", 1);
		o->col++;
	}
	pgn_out_raw(o, s, len);
	o->col += (int)len;
}

/*
 * A comment in braces, wrapped between words. A '}' would close the comment
 * early, so it becomes ')', and '{' becomes '(' for readers that nest
 * braces; line breaks inside are just spaces. A line must not start with
 * '%' (an escape line) or '[' (a tag pair to simple readers), so a word
 * starting so stays on the line of the word before it: "[%emt 0:00:55]"
 * comments come out as "{[%emt 0:00:55]}" and wrap only after "{[%emt".
 */
static void
pgn_out_comment(struct pgn_out *o, const char *text)
{
	char tok[PGN_LINE_MAX + 1]; /* the run of words that must not break */
	size_t k = 0;
	const char *s = text;
	bool opening = true; /* tok holds only the '{' */

	tok[k++] = '{';
	for (;;) {
		size_t len;
		bool glue;

		while (isspace((unsigned char)*s))
			s++;
		len = strcspn(s, " \t\r\n\v\f");
		if (len == 0)
			break;
		if (len > PGN_WORD_MAX)
			len = PGN_WORD_MAX;
		glue = opening || *s == '%' || *s == '[';
		if (!glue || k + 1 + len > PGN_LINE_MAX - 1) {
			pgn_out_token(o, tok, k);
			k = 0;
		} else if (!opening) {
			tok[k++] = ' ';
		}
		for (size_t i = 0; i < len; i++)
			tok[k++] = s[i] == '}' ? ')' : s[i] == '{' ? '(' : s[i];
		s += len;
		opening = false;
	}
	tok[k++] = '}';
	pgn_out_token(o, tok, k);
}

static void
pgn_write_tag(FILE *f, const char *name, const char *value)
{
	fprintf(f, "[%s \"", name);
	for (const char *s = value; *s != '\0'; s++) {
		if (*s == '\\' || *s == '"')
			fputc('\\', f);
		/* A tag pair lives on one line. */
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
	}
	fputs("\"]\n", f);
}

static const char *
pgn_find_tag(const struct pgn_tag *tags, size_t ntags, const char *name)
{
	for (size_t i = 0; i < ntags; i++)
		if (strcmp(tags[i].name, name) == 0)
			return tags[i].value;
	return NULL;
}

static bool
pgn_is_listed(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

static void
pgn_write_tags(FILE *f, const struct game *g, const struct pgn_tag *tags, size_t ntags)
{
	char fen[FEN_MAX];

	for (size_t i = 0; i < ARRAY_LEN(pgn_roster); i++) {
		const char *v = pgn_find_tag(tags, ntags, pgn_roster[i]);

		/* The standard's "unknown" is ????.??.?? for dates, ? elsewhere. */
		if (v == NULL)
			v = strcmp(pgn_roster[i], "Date") == 0 ? "????.??.??" : "?";
		pgn_write_tag(f, pgn_roster[i], v);
	}
	pgn_write_tag(f, "Result", game_result_text(g->result));
	for (size_t i = 0; i < ntags; i++) {
		if (pgn_is_listed(tags[i].name, pgn_roster, ARRAY_LEN(pgn_roster)) ||
		    pgn_is_listed(tags[i].name, pgn_own_tags, ARRAY_LEN(pgn_own_tags)))
			continue;
		pgn_write_tag(f, tags[i].name, tags[i].value);
	}
	pgn_write_tag(f, "Termination", game_termination_text(g->termination));
	position_to_fen(&g->start, fen, sizeof(fen));
	if (strcmp(fen, FEN_STARTPOS) != 0) {
		pgn_write_tag(f, "SetUp", "1");
		pgn_write_tag(f, "FEN", fen);
	}
}

int
pgn_write(FILE *f, const struct game *g, const struct pgn_tag *tags, size_t ntags,
          const char *const *comments)
{
	struct pgn_out o = {.f = f};
	struct position pos = g->start;
	bool need_number = true; /* Black's move needs "N..." here */

	pgn_write_tags(f, g, tags, ntags);
	fputc('\n', f);
	for (int i = 0; i < g->n; i++) {
		char tok[32];
		int len = 0;

		/* A move number and its move wrap as one, never "8." alone at a line's end. */
		if (pos.side == WHITE || need_number)
			len = snprintf(tok, sizeof(tok), "%u.%s ", (unsigned)pos.fullmove,
			               pos.side == WHITE ? "" : "..");
		move_to_san(&pos, g->moves[i], tok + len);
		pgn_out_token(&o, tok, strlen(tok));
		position_play(&pos, g->moves[i]);
		need_number = false;
		if (comments != NULL && comments[i] != NULL) {
			pgn_out_comment(&o, comments[i]);
			need_number = true;
		}
	}
	pgn_out_token(&o, game_result_text(g->result), strlen(game_result_text(g->result)));
	pgn_out_raw(&o, "\n\n", 2);
	return o.failed || ferror(f) ? -1 : 0;
}

/* The reader's place in the text and what the tags told it. */
struct pgn_in {
	const char *s;
	char fen[FEN_MAX * 2];         /* FEN tag value, or "" */
	char termination[FEN_MAX * 2]; /* Termination tag value, or "" */
};

/* Reads a tag pair at in->s ('[' already seen); keeps FEN and Termination. */
static int
pgn_read_tag(struct pgn_in *in, char *err, size_t errlen)
{
	char name[32], value[FEN_MAX * 2];
	size_t nlen = 0, vlen = 0;
	const char *s = in->s + 1;

	while (*s == ' ' || *s == '\t')
		s++;
	while (isalnum((unsigned char)*s) || *s == '_') {
		if (nlen + 1 < sizeof(name))
			name[nlen++] = *s;
		s++;
	}
	name[nlen] = '\0';
	while (*s == ' ' || *s == '\t')
		s++;
	if (nlen == 0 || *s != '"') {
		snprintf(err, errlen, "PGN tag \"%.20s\": expected [Name \"value\"]", in->s);
		return -1;
	}
	for (s++; *s != '"'; s++) {
		if (*s == '\0' || *s == '\n') {
			snprintf(err, errlen, "PGN tag %s: value has no closing quote", name);
			return -1;
		}
		if (*s == '\\' && (s[1] == '\\' || s[1] == '"'))
			s++;
		if (vlen + 1 < sizeof(value))
			value[vlen++] = *s;
	}
	value[vlen] = '\0';
	s = strchr(s, ']');
	if (s == NULL) {
		snprintf(err, errlen, "PGN tag %s: no closing ]", name);
		return -1;
	}
	in->s = s + 1;
	if (strcmp(name, "FEN") == 0)
		snprintf(in->fen, sizeof(in->fen), "%s", value);
	else if (strcmp(name, "Termination") == 0)
		snprintf(in->termination, sizeof(in->termination), "%s", value);
	return 0;
}

/* Skips a comment, a variation (nested, with its comments) or an escape line. */
static int
pgn_skip(struct pgn_in *in, char *err, size_t errlen)
{
	int depth = 0;

	do {
		const char *s = in->s;

		if (*s == '{') {
			s = strchr(s, '}');
			if (s == NULL) {
				snprintf(err, errlen, "PGN comment \"%.20s\" has no closing }",
				         in->s);
				return -1;
			}
			s++;
		} else if (*s == ';' || *s == '%') {
			s += strcspn(s, "\n");
		} else if (*s == '(') {
			depth++;
			s++;
		} else if (*s == ')') {
			depth--;
			s++;
		} else if (*s == '\0') {
			snprintf(err, errlen, "PGN variation is not closed by )");
			return -1;
		} else {
			s++;
		}
		in->s = s;
	} while (depth > 0);
	return 0;
}

static enum game_result
pgn_result_token(const char *tok)
{
	if (strcmp(tok, "1-0") == 0)
		return RESULT_WHITE_WINS;
	if (strcmp(tok, "0-1") == 0)
		return RESULT_BLACK_WINS;
	if (strcmp(tok, "1/2-1/2") == 0)
		return RESULT_DRAW;
	return RESULT_NONE;
}

/* The game is over in the text: make the record say so too. */
static void
pgn_read_result(struct game *g, const char *tok, const struct pgn_in *in)
{
	enum game_result r = pgn_result_token(tok);

	if (r != RESULT_NONE)
		game_end(g, r, TERM_ADJUDICATED);
	else if (strcmp(in->termination, "abandoned") == 0)
		game_end(g, RESULT_NONE, TERM_ABANDONED);
}

/* Plays one SAN token, naming it by move number in any error. */
static int
pgn_read_move(struct game *g, const char *tok, char *err, size_t errlen)
{
	char why[128];
	move_t m;
	unsigned number = g->pos.fullmove;
	const char *side = g->pos.side == WHITE ? "." : "...";

	if (g->termination != TERM_NONE) {
		snprintf(err, errlen, "PGN move %u%s %s: the game is already over (%s)", number,
		         side, tok, game_termination_text(g->termination));
		return -1;
	}
	if (move_from_san(&g->pos, tok, &m, why, sizeof(why)) < 0) {
		snprintf(err, errlen, "PGN move %u%s %s: %s", number, side, tok, why);
		return -1;
	}
	return game_play(g, m);
}

static int
pgn_read_movetext(struct pgn_in *in, struct game *g, char *err, size_t errlen)
{
	for (;;) {
		char tok[PGN_TOKEN_MAX];
		const char *s = in->s, *t;
		size_t len;

		while (isspace((unsigned char)*s))
			s++;
		in->s = s;
		if (*s == '\0')
			return 0;
		/* A tag pair after moves is the next game's. */
		if (*s == '[')
			return 0;
		if (strchr("{;(%", *s) != NULL) {
			if (pgn_skip(in, err, errlen) < 0)
				return -1;
			continue;
		}
		len = strcspn(s, " \t\r\n{}();[]$");
		if (*s == '$') {
			len = 1 + strspn(s + 1, "0123456789");
		}
		in->s = s + len;
		if (*s == '$')
			continue;
		if (len == 0 || len >= sizeof(tok)) {
			snprintf(err, errlen, "PGN token \"%.*s\" is not movetext",
			         (int)(len == 0   ? 1
			               : len > 20 ? 20
			                          : len),
			         s);
			return -1;
		}
		memcpy(tok, s, len);
		tok[len] = '\0';
		if (strcmp(tok, "*") == 0 || pgn_result_token(tok) != RESULT_NONE) {
			pgn_read_result(g, tok, in);
			return 0;
		}
		/* Move numbers: "12.", "12..." or a bare "..." alone, or glued as
		 * in "12.e4". Castling with zeros has no dot, so it stays a move. */
		t = tok + strspn(tok, "0123456789");
		if (*t == '.') {
			t += strspn(t, ".");
			if (*t == '\0')
				continue;
		} else {
			t = tok;
		}
		if (pgn_read_move(g, t, err, errlen) < 0)
			return -1;
	}
}

int
pgn_read_game(const char *text, struct game *g, char *err, size_t errlen)
{
	struct pgn_in in = {.s = text};
	struct position start;

	memset(g, 0, sizeof(*g));
	/* A UTF-8 byte order mark, as some Windows tools write. */
	if (strncmp(in.s, "\xEF\xBB\xBF", 3) == 0)
		in.s += 3;
	for (;;) {
		while (isspace((unsigned char)*in.s))
			in.s++;
		if (*in.s == '%' || *in.s == ';') {
			in.s += strcspn(in.s, "\n");
			continue;
		}
		if (*in.s != '[')
			break;
		if (pgn_read_tag(&in, err, errlen) < 0)
			return -1;
	}
	if (in.fen[0] != '\0') {
		char why[160];

		if (position_from_fen(&start, in.fen, why, sizeof(why)) < 0) {
			snprintf(err, errlen, "PGN tag FEN: %s", why);
			return -1;
		}
	} else {
		position_startpos(&start);
	}
	game_init(g, &start);
	if (pgn_read_movetext(&in, g, err, errlen) < 0) {
		game_free(g);
		return -1;
	}
	return 0;
}
