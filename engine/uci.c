/*
 * UCI session state: the position being analysed and the keys of the game
 * that led to it, the search and its table, the chosen profile, and whether
 * a search runs and whether it must hold its bestmove until "stop" (go
 * infinite and go ponder: the protocol forbids answering before).
 *
 * Lines are split into whitespace-separated tokens; each command reads its
 * tokens in order and ignores what it does not know, so a malformed line
 * changes nothing rather than leaving the session half updated.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/movegen.h"
#include "engine/notation.h"
#include "engine/player.h"
#include "engine/search.h"
#include "engine/uci.h"

enum {
	UCI_MOVESTOGO_DEFAULT = 30,	/* when the GUI does not say */
	UCI_SAFETY_MS = 30,		/* kept back from the clock for I/O */
	UCI_MIN_MOVETIME_MS = 5,
};

/* Any time, increment or count a GUI sends is clamped here (~35 years of ms), so sums and * 1000 cannot overflow. */
#define UCI_NUMBER_MAX (1LL << 40)

struct uci {
	FILE				*out;
	struct tt			 tt;
	struct search			*search;
	const struct player_profile	*profile;
	struct position			 pos;
	uint64_t			*keys;		/* positions before pos, oldest first */
	int				 n_keys;
	int				 keys_cap;
	bool				 searching;
	bool				 hold;		/* infinite or ponder: bestmove waits for stop */
	move_t				 forced;	/* a weak Skill's blunder: played without a search */
	uint64_t			 rng;		/* blunders and noise of weak profiles */
};

struct uci_tokens {
	char	*buf;
	char	**tok;		/* as many as the line has: a game's moves are not cut */
	int	 n;
};

static void
uci_say(struct uci *u, const char *text)
{
	fputs(text, u->out);
	fputc('\n', u->out);
	fflush(u->out);
}

struct uci *
uci_new(FILE *out)
{
	struct uci *u = calloc(1, sizeof(*u));

	if (u == NULL)
		return NULL;
	u->out = out;
	if (tt_init(&u->tt, (size_t)UCI_HASH_DEFAULT_MB << 20) != 0 || (u->search = search_new(&u->tt)) == NULL) {
		tt_free(&u->tt);
		free(u);
		return NULL;
	}
	u->profile = player_profile_find("master");
	u->rng = 0x5eed;
	position_startpos(&u->pos);
	return u;
}

void
uci_free(struct uci *u)
{
	if (u == NULL)
		return;
	search_free(u->search);
	tt_free(&u->tt);
	free(u->keys);
	free(u);
}

static void
uci_bestmove(struct uci *u, move_t m)
{
	char text[MOVE_TEXT_MAX], line[32];

	if (m == MOVE_NONE)
		snprintf(text, sizeof(text), "0000");
	else
		move_to_uci(m, text);
	snprintf(line, sizeof(line), "bestmove %s", text);
	u->searching = false;
	u->hold = false;
	uci_say(u, line);
}

static void
uci_info(void *ctx, const struct search_info *in)
{
	struct uci *u = ctx;
	int mate = search_mate_moves(in->score);
	uint64_t nps = in->elapsed_us > 0 ? in->nodes * 1000000 / (uint64_t)in->elapsed_us : 0;
	char text[MOVE_TEXT_MAX];

	fprintf(u->out, "info depth %d score %s %d nodes %llu nps %llu time %lld pv", in->depth,
	    mate != 0 ? "mate" : "cp", mate != 0 ? mate : in->score, (unsigned long long)in->nodes,
	    (unsigned long long)nps, (long long)(in->elapsed_us / 1000));
	for (int i = 0; i < in->pv_len; i++) {
		move_to_uci(in->pv[i], text);
		fprintf(u->out, " %s", text);
	}
	fputc('\n', u->out);
	fflush(u->out);
}

static void
uci_id(struct uci *u)
{
	size_t n;
	const struct player_profile *pr = player_profiles(&n);

	fprintf(u->out, "id name simul %s\nid author the simul authors\n", SIMUL_VERSION);
	fprintf(u->out, "option name Hash type spin default %d min 1 max %d\n", UCI_HASH_DEFAULT_MB, UCI_HASH_MAX_MB);
	fprintf(u->out, "option name Skill type combo default %s", pr[0].name);
	for (size_t i = 0; i < n; i++)
		fprintf(u->out, " var %s", pr[i].name);
	fputc('\n', u->out);
	uci_say(u, "uciok");
}

/* Parses a whole non-negative decimal token, clamped to UCI_NUMBER_MAX; -1 otherwise. */
static long long
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

/* setoption name <id...> [value <x...>]: names may have spaces. */
static void
uci_setoption(struct uci *u, struct uci_tokens *t)
{
	char name[64] = "", value[64] = "";
	char *dst = NULL;
	size_t cap = 0;

	for (int i = 1; i < t->n; i++) {
		if (strcmp(t->tok[i], "name") == 0 && dst == NULL) {
			dst = name;
			cap = sizeof(name);
		} else if (strcmp(t->tok[i], "value") == 0 && dst == name) {
			dst = value;
			cap = sizeof(value);
		} else if (dst != NULL && strlen(dst) + strlen(t->tok[i]) + 2 < cap) {
			if (*dst != '\0')
				strcat(dst, " ");
			strcat(dst, t->tok[i]);
		}
	}
	if (strcasecmp(name, "Hash") == 0) {
		long long mb = uci_number(value);
		struct tt bigger;

		if (mb < 1 || mb > UCI_HASH_MAX_MB || u->searching || tt_init(&bigger, (size_t)mb << 20) != 0)
			return;
		/* The search keeps a pointer to the table: swap the contents, not the address. */
		tt_free(&u->tt);
		u->tt = bigger;
	} else if (strcasecmp(name, "Skill") == 0) {
		size_t n;
		const struct player_profile *pr = player_profiles(&n);

		for (size_t i = 0; i < n; i++)
			if (strcasecmp(value, pr[i].name) == 0)
				u->profile = &pr[i];
	}
}

/* position startpos|fen <6 fields> [moves m...]: all or nothing. */
static void
uci_position(struct uci *u, struct uci_tokens *t)
{
	struct position p;
	char fen[256] = "", err[128];
	uint64_t *keys;
	int i = 2, n = 0;

	if (u->searching || t->n < 2)
		return;
	if (strcmp(t->tok[1], "startpos") == 0) {
		position_startpos(&p);
	} else if (strcmp(t->tok[1], "fen") == 0) {
		for (; i < t->n && strcmp(t->tok[i], "moves") != 0; i++) {
			if (strlen(fen) + strlen(t->tok[i]) + 2 >= sizeof(fen))
				return;
			if (fen[0] != '\0')
				strcat(fen, " ");
			strcat(fen, t->tok[i]);
		}
		if (position_from_fen(&p, fen, err, sizeof(err)) != 0)
			return;
	} else {
		return;
	}
	if (i < t->n && strcmp(t->tok[i], "moves") != 0)
		return;
	keys = malloc((size_t)(t->n + 1) * sizeof(uint64_t));
	if (keys == NULL)
		return;
	for (i++; i < t->n; i++) {
		move_t m;

		if (move_from_uci(&p, t->tok[i], &m, err, sizeof(err)) != 0) {
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

/* Time for this move from the clock: an even share of what is left, plus most of the increment. */
static int64_t
uci_budget_ms(long long left, long long inc, long long togo)
{
	long long ms;

	if (togo <= 0)
		togo = UCI_MOVESTOGO_DEFAULT;
	ms = left / togo + inc * 3 / 4;
	if (ms > left / 2)
		ms = left / 2;
	ms -= UCI_SAFETY_MS;
	return ms < UCI_MIN_MOVETIME_MS ? UCI_MIN_MOVETIME_MS : ms;
}

static void
uci_go(struct uci *u, struct uci_tokens *t)
{
	struct search_params sp;
	long long wtime = -1, btime = -1, winc = 0, binc = 0, togo = 0, movetime = -1;
	move_t moves[MAX_MOVES];
	int n;

	if (u->searching)
		return;
	memset(&sp, 0, sizeof(sp));
	u->hold = false;
	for (int i = 1; i < t->n; i++) {
		const char *k = t->tok[i];
		long long v = uci_number(i + 1 < t->n ? t->tok[i + 1] : NULL);

		if (strcmp(k, "infinite") == 0 || strcmp(k, "ponder") == 0) {
			u->hold = true;
			continue;
		}
		if (v < 0)
			continue;
		if (strcmp(k, "depth") == 0)
			sp.depth = v > SEARCH_MAX_DEPTH ? SEARCH_MAX_DEPTH : (int)v;
		else if (strcmp(k, "nodes") == 0)
			sp.nodes = (uint64_t)v;
		else if (strcmp(k, "movetime") == 0)
			movetime = v;
		else if (strcmp(k, "wtime") == 0)
			wtime = v;
		else if (strcmp(k, "btime") == 0)
			btime = v;
		else if (strcmp(k, "winc") == 0)
			winc = v;
		else if (strcmp(k, "binc") == 0)
			binc = v;
		else if (strcmp(k, "movestogo") == 0)
			togo = v;
		else
			continue;
		i++;
	}
	if (movetime >= 0)
		sp.movetime_us = (movetime > UCI_MIN_MOVETIME_MS ? movetime : UCI_MIN_MOVETIME_MS) * 1000;
	else if (u->pos.side == WHITE && wtime >= 0)
		sp.movetime_us = uci_budget_ms(wtime, winc, togo) * 1000;
	else if (u->pos.side == BLACK && btime >= 0)
		sp.movetime_us = uci_budget_ms(btime, binc, togo) * 1000;
	u->searching = true;
	u->forced = MOVE_NONE;
	/*
	 * Skill master (the default) is full strength: only the go limits
	 * count. A weaker Skill plays like its profile: its limits, its noise,
	 * its blunders.
	 */
	if (strcmp(u->profile->name, "master") != 0) {
		n = movegen_legal(&u->pos, moves);
		if (u->profile->depth > 0 && (sp.depth == 0 || sp.depth > u->profile->depth))
			sp.depth = u->profile->depth;
		if (u->profile->nodes > 0 && (sp.nodes == 0 || sp.nodes > u->profile->nodes))
			sp.nodes = u->profile->nodes;
		sp.noise_cp = u->profile->noise_cp;
		sp.noise_seed = search_random(&u->rng);
		u->forced = player_blunder(u->profile, &u->rng, moves, n);
		if (u->forced != MOVE_NONE)
			return;
	}
	sp.info = uci_info;
	sp.info_ctx = u;
	search_start(u->search, &u->pos, u->keys, u->n_keys, &sp);
}

bool
uci_busy(const struct uci *u)
{
	return u->searching && u->forced == MOVE_NONE && !search_done(u->search);
}

/* Answers once the move is known, unless the GUI said to wait for stop. */
static void
uci_conclude(struct uci *u)
{
	if (!u->searching || u->hold)
		return;
	if (u->forced != MOVE_NONE)
		uci_bestmove(u, u->forced);
	else if (search_done(u->search))
		uci_bestmove(u, search_best_move(u->search));
}

void
uci_think(struct uci *u, uint64_t budget)
{
	if (uci_busy(u))
		search_step(u->search, budget);
	uci_conclude(u);
}

static void
uci_stop(struct uci *u)
{
	if (!u->searching)
		return;
	u->hold = false;
	if (u->forced == MOVE_NONE && !search_done(u->search)) {
		search_stop(u->search);
		search_step(u->search, 0);
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
	struct uci_tokens tokens, *t = &tokens;
	const char *cmd;
	int quit = 0;

	if (uci_tokenize(line, t) != 0 || t->n == 0) {
		free(t->buf);
		free(t->tok);
		return 0;
	}
	cmd = t->tok[0];
	if (strcmp(cmd, "uci") == 0) {
		uci_id(u);
	} else if (strcmp(cmd, "isready") == 0) {
		uci_say(u, "readyok");
	} else if (strcmp(cmd, "ucinewgame") == 0) {
		if (!u->searching) {
			tt_clear(&u->tt);
			position_startpos(&u->pos);
			u->n_keys = 0;
		}
	} else if (strcmp(cmd, "setoption") == 0) {
		uci_setoption(u, t);
	} else if (strcmp(cmd, "position") == 0) {
		uci_position(u, t);
	} else if (strcmp(cmd, "go") == 0) {
		uci_go(u, t);
		uci_conclude(u);
	} else if (strcmp(cmd, "stop") == 0) {
		uci_stop(u);
	} else if (strcmp(cmd, "ponderhit") == 0) {
		u->hold = false;
		uci_conclude(u);
	} else if (strcmp(cmd, "quit") == 0) {
		quit = 1;
	}
	free(t->buf);
	free(t->tok);
	return quit;
}
