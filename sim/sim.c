/*
 * struct sim: the exhibitions that share one configuration and one clock,
 * the per-board move records (chess on) and the event hook. Construction
 * allocates everything a run needs, so nothing allocates while it runs
 * except the growing move records, wait samples and span history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim_internal.h"

static const char *const event_names[SIM_EV_KIND_NB] = {
	"master-thinks", "master-moves", "master-walks", "master-waits", "master-stops-waiting",
	"opponent-thinks", "opponent-replies", "game-ends", "exhibition-ends",
};

const char *
sim_event_kind_name(enum sim_event_kind k)
{
	return (unsigned)k < SIM_EV_KIND_NB ? event_names[k] : "?";
}

struct sim *
sim_new(const struct sim_config *c, const enum sim_policy *policies, int n, char *err,
	size_t errlen)
{
	struct sim *s;

	if (sim_config_check(c, err, errlen) < 0)
		return NULL;
	if (n < 1 || n > SIM_EXHIBITIONS_MAX) {
		snprintf(err, errlen, "policies: %d exhibitions, not between 1 and %d", n,
			 SIM_EXHIBITIONS_MAX);
		return NULL;
	}
	s = calloc(1, sizeof(*s));
	if (s == NULL)
		goto oom;
	s->config = *c;
	thinking_init(s);
	s->master_profile = player_profile_find(c->master_profile);
	if (s->master_profile == NULL)
		s->master_profile = &sim_engine_profile;	/* uci:CMD: sim_use_engines */
	s->master_engine = -1;
	if (c->chess) {
		s->records = calloc((size_t)c->boards, sizeof(s->records[0]));
		s->opponents = calloc((size_t)c->boards, sizeof(s->opponents[0]));
		if (s->records == NULL || s->opponents == NULL)
			goto oom;
		if (sim_opponents_parse(c->opponents, c->boards, s->opponents, err, errlen) < 0) {
			sim_free(s);
			return NULL;
		}
		for (int i = 0; i < c->boards; i++) {
			s->records[i].opponent = s->opponents[i];
			s->records[i].engine = -1;
			s->records[i].forfeit_ply = -1;
		}
	}
	for (int i = 0; i < n; i++) {
		s->nex = i + 1;
		if (exhibition_init(&s->ex[i], s, i, policies[i]) < 0)
			goto oom;
	}
	s->speed = 1.0;
	return s;
oom:
	snprintf(err, errlen, "boards: out of memory for %d boards", c->boards);
	sim_free(s);
	return NULL;
}

void
sim_free(struct sim *s)
{
	if (s == NULL)
		return;
	sim_stop_live(s);
	thinking_free(s);
	engine_play_free(s);
	for (int i = 0; i < s->nex; i++)
		exhibition_free(&s->ex[i]);
	if (s->records != NULL)
		for (int i = 0; i < s->config.boards; i++) {
			free(s->records[i].moves);
			free(s->records[i].times);
		}
	free(s->records);
	free(s->opponents);
	free(s);
}

const struct sim_config *
sim_config(const struct sim *s)
{
	return &s->config;
}

int
sim_exhibitions(const struct sim *s)
{
	return s->nex;
}

enum sim_policy
sim_exhibition_policy(const struct sim *s, int ex)
{
	return s->ex[ex].policy;
}

void
sim_on_event(struct sim *s, sim_event_fn *fn, void *arg)
{
	s->hook = fn;
	s->hook_arg = arg;
}

bool
sim_finished(const struct sim *s, int ex)
{
	if (ex >= 0)
		return s->ex[ex].finished;
	for (int i = 0; i < s->nex; i++)
		if (!s->ex[i].finished)
			return false;
	return true;
}

simtime_t
sim_board_finish(const struct sim *s, int ex, int board)
{
	return s->ex[ex].boards[board].finished_at;
}

const struct game *
sim_game(const struct sim *s, int ex, int board)
{
	return s->ex[ex].games != NULL ? &s->ex[ex].games[board] : NULL;
}

const simtime_t *
sim_game_think_times(const struct sim *s, int ex, int board)
{
	(void)ex;
	return s->records != NULL ? s->records[board].times : NULL;
}

int
sim_set_blocking(struct sim *s, int board, bool on)
{
	struct sim_config *c = &s->config;
	int i = 0;

	if (board < 0 || board >= c->boards)
		return -1;
	while (i < c->nblocking && c->blocking[i] != board)
		i++;
	if (on && i == c->nblocking) {
		if (c->nblocking == SIM_BLOCKING_MAX)
			return -1;
		c->blocking[c->nblocking++] = board;
	} else if (!on && i < c->nblocking) {
		c->blocking[i] = c->blocking[--c->nblocking];
	}
	for (int e = 0; e < s->nex; e++)
		s->ex[e].boards[board].blocking = on;
	return 0;
}

bool
sim_blocking(const struct sim *s, int board)
{
	return board >= 0 && board < s->config.boards && s->ex[0].boards[board].blocking;
}
