/*
 * UCI session state (uci_internal.h): the position being analysed and the
 * keys of the game that led to it, the options, and the command dispatch.
 * go and what follows it live in uci_go.c.
 *
 * Lines are split into whitespace-separated tokens; each command reads its
 * tokens in order and ignores what it does not know, so a malformed line
 * changes nothing rather than leaving the session half updated.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/notation.h"
#include "engine/uci_internal.h"
#include "engine/xalloc.h"

struct uci_tokens {
	char	*buf;
	char	**tok;		/* as many as the line has: a game's moves are not cut */
	int	 n;
};

void
uci_say(struct uci *u, const char *text)
{
	fputs(text, u->out);
	fputc('\n', u->out);
	fflush(u->out);
}

struct uci *
uci_new(FILE *out, uint64_t clock_seed)
{
	struct uci *u = calloc(1, sizeof(*u));

	if (u == NULL)
		return NULL;
	u->out = out;
	if (tt_resize(&u->tt, (size_t)UCI_HASH_DEFAULT_MB << 20) != 0 || (u->search = search_new(&u->tt)) == NULL) {
		tt_free(&u->tt);
		free(u);
		return NULL;
	}
	u->multipv = 1;
	u->clock_seed = clock_seed;
	player_elo_range(&u->elo, &(int){ 0 });
	position_startpos(&u->pos);
	return u;
}

void
uci_free(struct uci *u)
{
	if (u == NULL)
		return;
	think_free(u->think);
	search_free(u->search);
	tt_free(&u->tt);
	free(u->keys);
	free(u);
}

const struct player_profile *
uci_player(const struct uci *u)
{
	if (u->limit_strength && player_profile_for_elo(u->elo) != NULL)
		return player_profile_for_elo(u->elo);
	return u->skill;
}

static void
uci_id(struct uci *u)
{
	size_t n;
	const struct player_profile *pr = player_profiles(&n);
	int lo, hi;

	fprintf(u->out, "id name simul %s\nid author the simul authors\n", SIMUL_VERSION);
	fprintf(u->out, "option name Hash type spin default %d min 1 max %d\n", UCI_HASH_DEFAULT_MB, UCI_HASH_MAX_MB);
	fprintf(u->out, "option name Ponder type check default false\n");
	fprintf(u->out, "option name MultiPV type spin default 1 min 1 max %d\n", UCI_MULTIPV_MAX);
	fprintf(u->out, "option name Skill type combo default %s var %s", UCI_FULL_STRENGTH, UCI_FULL_STRENGTH);
	for (size_t i = 0; i < n; i++)
		fprintf(u->out, " var %s", pr[i].name);
	fputc('\n', u->out);
	if (player_elo_range(&lo, &hi)) {
		fprintf(u->out, "option name UCI_LimitStrength type check default false\n");
		fprintf(u->out, "option name UCI_Elo type spin default %d min %d max %d\n", lo, lo, hi);
	}
	/* 0: seeded from the clock, so every process plays its own games. */
	fprintf(u->out, "option name Seed type spin default 0 min 0 max 2147483647\n");
	uci_say(u, "uciok");
}

long long
uci_number(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || !isdigit((unsigned char)*s))
		return -1;
	v = strtoll(s, &end, 10);	/* saturates at LLONG_MAX, clamped below */
	if (*end != '\0')
		return -1;
	return v > UCI_NUMBER_MAX ? UCI_NUMBER_MAX : v;
}

/* A new empty table at once, whatever the sizes (tt_resize); the search keeps its pointer to u->tt. */
static void
uci_set_hash(struct uci *u, long long mb)
{
	if (mb >= 1 && mb <= UCI_HASH_MAX_MB)
		tt_resize(&u->tt, (size_t)mb << 20);
}

/* setoption name <id...> [value <x...>]: names may have spaces. Ignored during a search. */
static void
uci_setoption(struct uci *u, char **tok, int n)
{
	char name[64] = "", value[64] = "";
	char *dst = NULL;
	size_t cap = 0;
	long long v;

	for (int i = 1; i < n; i++) {
		if (strcmp(tok[i], "name") == 0 && dst == NULL) {
			dst = name;
			cap = sizeof(name);
		} else if (strcmp(tok[i], "value") == 0 && dst == name) {
			dst = value;
			cap = sizeof(value);
		} else if (dst != NULL && strlen(dst) + strlen(tok[i]) + 2 < cap) {
			if (*dst != '\0')
				strcat(dst, " ");
			strcat(dst, tok[i]);
		}
	}
	v = uci_number(value);
	if (u->searching)
		return;
	if (strcasecmp(name, "Hash") == 0) {
		uci_set_hash(u, v);
	} else if (strcasecmp(name, "Skill") == 0) {
		if (strcasecmp(value, UCI_FULL_STRENGTH) == 0) {
			u->skill = NULL;
		} else {
			size_t np;
			const struct player_profile *pr = player_profiles(&np);

			for (size_t i = 0; i < np; i++)
				if (strcasecmp(value, pr[i].name) == 0)
					u->skill = &pr[i];
		}
	} else if (strcasecmp(name, "UCI_LimitStrength") == 0) {
		u->limit_strength = strcasecmp(value, "true") == 0;
	} else if (strcasecmp(name, "UCI_Elo") == 0 && v >= 0) {
		u->elo = (int)v;
	} else if (strcasecmp(name, "MultiPV") == 0 && v >= 1) {
		u->multipv = v > UCI_MULTIPV_MAX ? UCI_MULTIPV_MAX : (int)v;
	} else if (strcasecmp(name, "Seed") == 0 && v >= 0) {
		u->seed = (uint64_t)v;
	}
}

/* position startpos|fen <6 fields> [moves m...]: all or nothing. */
static void
uci_position(struct uci *u, char **tok, int n_tok)
{
	struct position p;
	char fen[256] = "", err[128];
	uint64_t *keys;
	int i = 2, n = 0;

	if (u->searching || n_tok < 2)
		return;
	if (strcmp(tok[1], "startpos") == 0) {
		position_startpos(&p);
	} else if (strcmp(tok[1], "fen") == 0) {
		for (; i < n_tok && strcmp(tok[i], "moves") != 0; i++) {
			if (strlen(fen) + strlen(tok[i]) + 2 >= sizeof(fen))
				return;
			if (fen[0] != '\0')
				strcat(fen, " ");
			strcat(fen, tok[i]);
		}
		if (position_from_fen(&p, fen, err, sizeof(err)) != 0)
			return;
	} else {
		return;
	}
	if (i < n_tok && strcmp(tok[i], "moves") != 0)
		return;
	keys = xmalloc((size_t)(n_tok + 1) * sizeof(uint64_t));
	for (i++; i < n_tok; i++) {
		move_t m;

		if (move_from_uci(&p, tok[i], &m, err, sizeof(err)) != 0) {
			free(keys);
			return;
		}
		keys[n++] = p.key;
		position_play(&p, m);
	}
	free(u->keys);
	u->keys = keys;
	u->n_keys = n;
	u->pos = p;
}

bool
uci_busy(const struct uci *u)
{
	return u->searching && (u->think != NULL ? !think_finished(u->think) : !search_done(u->search));
}

void
uci_think(struct uci *u, uint64_t budget)
{
	if (u->searching) {
		if (u->think != NULL)
			think_step(u->think, budget);
		else if (!search_done(u->search))
			search_step(u->search, budget);
	}
	uci_conclude(u);
}

/* Splits the whole line: a token per word, however many (a line has at most len / 2 + 1). */
static int
uci_tokenize(const char *line, struct uci_tokens *t)
{
	char *save;

	t->n = 0;
	t->buf = strdup(line);
	t->tok = malloc((strlen(line) / 2 + 1) * sizeof(*t->tok));
	if (t->buf == NULL || t->tok == NULL)
		return -1;
	for (char *w = strtok_r(t->buf, " \t\r\n", &save); w != NULL; w = strtok_r(NULL, " \t\r\n", &save))
		t->tok[t->n++] = w;
	return 0;
}

int
uci_line(struct uci *u, const char *line)
{
	struct uci_tokens t;
	const char *cmd;
	int quit = 0;

	if (uci_tokenize(line, &t) != 0 || t.n == 0) {
		free(t.buf);
		free(t.tok);
		return 0;
	}
	cmd = t.tok[0];
	if (strcmp(cmd, "uci") == 0) {
		uci_id(u);
	} else if (strcmp(cmd, "isready") == 0) {
		uci_say(u, "readyok");
	} else if (strcmp(cmd, "ucinewgame") == 0) {
		if (!u->searching) {
			/* A new generation, not a memset: a 1 GB table clears in no time (tt_clear). */
			tt_clear(&u->tt);
			position_startpos(&u->pos);
			u->n_keys = 0;
		}
	} else if (strcmp(cmd, "setoption") == 0) {
		uci_setoption(u, t.tok, t.n);
	} else if (strcmp(cmd, "position") == 0) {
		uci_position(u, t.tok, t.n);
	} else if (strcmp(cmd, "go") == 0) {
		uci_go(u, t.tok, t.n);
		uci_conclude(u);
	} else if (strcmp(cmd, "stop") == 0) {
		uci_stop(u);
	} else if (strcmp(cmd, "ponderhit") == 0) {
		uci_ponderhit(u);
	} else if (strcmp(cmd, "quit") == 0) {
		/* A GUI still waiting on a search gets its bestmove, as after stop. */
		uci_stop(u);
		quit = 1;
	}
	free(t.buf);
	free(t.tok);
	return quit;
}
