/*
 * The exhibition's configuration: defaults (the article's numbers), limits,
 * the opponents spec and the preset table a class picks from (the
 * analytical model is in model.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/player.h"
#include "sim/sim_internal.h"
#include "sim/sim.h"
#include "sim/uci_engine.h"

/* "master, grandmaster, ..." from the profile table, for messages. */
static void
profile_names(char *out, size_t len)
{
	size_t n, used = 0;
	const struct player_profile *p = player_profiles(&n);

	out[0] = '\0';
	for (size_t i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%s", i ? ", " : "", p[i].name);
}

static const char *const policy_names[SIM_POLICY_NB] = { "sync", "round-robin", "ready" };

const char *
sim_policy_name(enum sim_policy p)
{
	return (unsigned)p < SIM_POLICY_NB ? policy_names[p] : "?";
}

int
sim_policy_parse(const char *text, enum sim_policy *out, char *err, size_t errlen)
{
	for (int i = 0; i < SIM_POLICY_NB; i++)
		if (strcmp(text, policy_names[i]) == 0) {
			*out = (enum sim_policy)i;
			return 0;
		}
	if (strcmp(text, "rr") == 0 || strcmp(text, "roundrobin") == 0) {
		*out = SIM_ROUND_ROBIN;
		return 0;
	}
	if (strcmp(text, "async") == 0) {
		*out = SIM_READY;
		return 0;
	}
	snprintf(err, errlen, "\"%s\" is not a policy (sync, round-robin, ready)", text);
	return -1;
}

void
sim_config_defaults(struct sim_config *c)
{
	memset(c, 0, sizeof(*c));
	c->boards = 24;
	c->moves = 30;
	dist_fixed(&c->master_think, SIM_SECONDS(5));
	dist_fixed(&c->opponent_think, SIM_SECONDS(55));
	dist_fixed(&c->walk, 0);
	c->seed = 1;
	c->chess = true;
	/*
	 * The master really is the stronger player, and club opponents resist
	 * long enough that most games reach the move limit, as in the article.
	 * Each ply is searched once whatever the policies, so the article
	 * preset's real moves still cost well under a second of CPU.
	 */
	snprintf(c->master_profile, sizeof(c->master_profile), "master");
	snprintf(c->opponents, sizeof(c->opponents), "club");
}

/*
 * "club:20,uci:stockfish?Threads=1:4,beginner" into entries. The count is
 * the last ":N" of an entry (an engine's command may hold colons of its
 * own); an entry without one takes the boards left over.
 */
int
sim_opponents_split(const char *spec, int boards, struct sim_opponent_entry *out, char *err,
		    size_t errlen)
{
	char buf[SIM_OPPONENTS_MAX];
	char *save = NULL;
	int next = 0, n = 0;

	if (strlen(spec) >= sizeof(buf) || spec[0] == '\0') {
		snprintf(err, errlen, "opponents: \"%s\" is not a profile list (e.g. club:20,beginner:4)",
			 spec);
		return -1;
	}
	strcpy(buf, spec);
	/* strtok_r skips empty items: ",", "club,,beginner" would name fewer than written. */
	if (spec[0] == ',' || spec[strlen(spec) - 1] == ',' || strstr(spec, ",,") != NULL) {
		snprintf(err, errlen, "opponents: \"%s\" has an empty item (e.g. club:20,beginner:4)",
			 spec);
		return -1;
	}
	for (char *tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		char *colon = strrchr(tok, ':');
		long count = -1;

		if (colon != NULL && (!uci_spec_is(tok) || colon > tok + 3) &&
		    strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
			char *end;

			*colon = '\0';
			count = strtol(colon + 1, &end, 10);
			if (end == colon + 1 || *end != '\0' || count < 1 || count > SIM_BOARDS_MAX) {
				snprintf(err, errlen, "opponents: \"%s\" has a bad count \"%s\"", spec,
					 colon + 1);
				return -1;
			}
		} else if (colon != NULL && !uci_spec_is(tok)) {
			snprintf(err, errlen, "opponents: \"%s\" has a bad count \"%s\"", spec,
				 colon + 1);
			return -1;
		}
		if (!uci_spec_is(tok) && player_profile_find(tok) == NULL) {
			char names[128];

			profile_names(names, sizeof(names));
			snprintf(err, errlen, "opponents: \"%s\" is not a player profile (%s) or uci:CMD",
				 tok, names);
			return -1;
		}
		if (uci_spec_is(tok)) {
			struct uci_spec us;
			char why[256];

			if (uci_spec_parse(tok, &us, why, sizeof(why)) < 0) {
				snprintf(err, errlen, "opponents: %s", why);
				return -1;
			}
		}
		if (count < 0)
			count = boards - next > 0 ? boards - next : 0;
		if (next + count > boards) {
			snprintf(err, errlen, "opponents: \"%s\" names more than the %d boards", spec,
				 boards);
			return -1;
		}
		if (out != NULL) {
			snprintf(out[n].text, sizeof(out[n].text), "%s", tok);
			out[n].first = next;
			out[n].count = (int)count;
		}
		n++;
		next += (int)count;
	}
	/* Boards the counts left over play the last entry named. */
	if (out != NULL && n > 0)
		out[n - 1].count += boards - next;
	return n;
}

int
sim_opponents_parse(const char *spec, int boards, const struct player_profile **out,
		    char *err, size_t errlen)
{
	struct sim_opponent_entry ent[SIM_OPPONENTS_MAX / 2];
	int n = sim_opponents_split(spec, boards, ent, err, errlen);

	for (int i = 0; i < n && out != NULL; i++) {
		const struct player_profile *pr =
			uci_spec_is(ent[i].text) ? &sim_engine_profile : player_profile_find(ent[i].text);

		for (int b = ent[i].first; b < ent[i].first + ent[i].count; b++)
			out[b] = pr;
	}
	return n < 0 ? -1 : 0;
}

int
sim_config_check(const struct sim_config *c, char *err, size_t errlen)
{
	if (c->boards < 1 || c->boards > SIM_BOARDS_MAX) {
		snprintf(err, errlen, "boards: %d is not between 1 and %d", c->boards, SIM_BOARDS_MAX);
		return -1;
	}
	if (c->moves < 1 || c->moves > SIM_MOVES_MAX) {
		snprintf(err, errlen, "moves: %d is not between 1 and %d", c->moves, SIM_MOVES_MAX);
		return -1;
	}
	if (c->nblocking < 0 || c->nblocking > SIM_BLOCKING_MAX) {
		snprintf(err, errlen, "blocking-opponent: %d boards, not between 0 and %d", c->nblocking,
			 SIM_BLOCKING_MAX);
		return -1;
	}
	for (int i = 0; i < c->nblocking; i++) {
		if (c->blocking[i] < 0 || c->blocking[i] >= c->boards) {
			snprintf(err, errlen, "blocking-opponent: %d is not between 1 and %d (the boards)",
				 c->blocking[i] + 1, c->boards);
			return -1;
		}
		/* The model counts k boards: a board named twice would count twice. */
		for (int j = 0; j < i; j++)
			if (c->blocking[j] == c->blocking[i]) {
				snprintf(err, errlen, "blocking-opponent: board %d is named twice",
					 c->blocking[i] + 1);
				return -1;
			}
	}
	if (uci_spec_is(c->master_profile)) {
		struct uci_spec us;
		char why[256];

		if (uci_spec_parse(c->master_profile, &us, why, sizeof(why)) < 0) {
			snprintf(err, errlen, "master: %s", why);
			return -1;
		}
	} else if (player_profile_find(c->master_profile) == NULL) {
		char names[128];

		profile_names(names, sizeof(names));
		snprintf(err, errlen, "master: \"%s\" is not a player profile (%s) or uci:CMD",
			 c->master_profile, names);
		return -1;
	}
	return sim_opponents_parse(c->opponents, c->boards, NULL, err, errlen);
}

struct preset {
	struct sim_preset	pub;
	int			boards, moves;
	const char		*master, *opponent, *walk;
};

static const struct preset presets[] = {
	{ { "article", "the article: 24 boards, 30 moves, master 5s, opponents 55s (12h vs 1:00:55)" },
	  24, 30, "5s", "55s", "0" },
	{ { "slow-master", "master 10s, opponents 30s: 24 boards wait on him, async gains less" },
	  24, 30, "10s", "30s", "0" },
	{ { "few-boards", "4 boards: the master runs out of work and waits even when async" },
	  4, 30, "5s", "55s", "0" },
	{ { "many-boards", "240 boards: async scales, sync takes five days" },
	  240, 30, "5s", "55s", "0" },
	{ { "variable", "random think times: normal master, lognormal opponents (use --repeat)" },
	  24, 30, "normal:5s,2s", "lognormal:55s,0.5", "0" },
	{ { "walking", "3s walk between boards: the cost of switching" },
	  24, 30, "5s", "55s", "3s" },
	{ { "quick", "6 boards, 10 moves: a short demo" },
	  6, 10, "5s", "55s", "0" },
};

static struct sim_preset preset_list[sizeof(presets) / sizeof(presets[0])];

const struct sim_preset *
sim_presets(size_t *n)
{
	/* A plain copy: the table is const and identical on every call. */
	for (size_t i = 0; i < sizeof(presets) / sizeof(presets[0]); i++)
		preset_list[i] = presets[i].pub;
	*n = sizeof(presets) / sizeof(presets[0]);
	return preset_list;
}

int
sim_preset_apply(struct sim_config *c, const char *name, char *err, size_t errlen)
{
	for (size_t i = 0; i < sizeof(presets) / sizeof(presets[0]); i++) {
		const struct preset *p = &presets[i];

		if (strcmp(name, p->pub.name) != 0)
			continue;
		sim_config_defaults(c);
		c->boards = p->boards;
		c->moves = p->moves;
		/* The table's texts are known good; a failure here is a bug in it. */
		if (dist_parse(p->master, &c->master_think, err, errlen) < 0 ||
		    dist_parse(p->opponent, &c->opponent_think, err, errlen) < 0 ||
		    dist_parse(p->walk, &c->walk, err, errlen) < 0)
			return -1;
		return 0;
	}
	snprintf(err, errlen, "\"%s\" is not a preset (try --preset list)", name);
	return -1;
}
