/*
 * The engines of a run, as slots: a slot is one spec, its current process,
 * and a FIFO of requests (board, ply, the commands). The head of the FIFO
 * is in flight when the engine is busy; the next goes out when it is free
 * again. A master slot serves every board, an opponent slot one board.
 *
 * A request is answered exactly once: by the engine's move, by its
 * deadline, or by its death. With restart on, a death leaves the request
 * at the head and a new process takes it over once its handshake is done
 * (at most ENGINE_RESTARTS_MAX times per slot, so an engine that dies at
 * once every time cannot make the run spin).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <ev.h>

#include "sim/engine_pool.h"
#include "sim/sim_internal.h"

enum {
	ENGINE_RESTARTS_MAX = 3,	/* per slot */
	ENGINE_FDS_SPARE = 64,		/* files the rest of simul may open */
	ENGINE_NODES_DEFAULT = 20000,
	ENGINE_STARTS_PER_CORE = 2,	/* handshakes at once, per online core */
};

struct engine_request {
	int	board, ply;
	char	*position;
	char	go[64];
	double	timeout;
};

struct engine_slot {
	struct engine_pool	*pool;
	int			index;
	struct uci_engine	*eng;
	struct uci_spec		spec;
	char			text[SIM_OPPONENTS_MAX];	/* the spec as written */
	char			name[UCI_ENGINE_NAME_MAX];	/* id name, kept past its death */
	bool			ready;		/* handshake done at least once */
	bool			dead;		/* gone for good */
	char			why[UCI_ENGINE_WHY_MAX];
	int			restarts;
	struct engine_request	*queue;		/* ring */
	int			head, len, cap;
	bool			in_flight;	/* the head was sent */
};

struct engine_pool {
	struct ev_loop		*loop;
	struct engine_pool_options opt;
	struct engine_slot	*slots;
	int			nslots;
	int			master;		/* slot, -1 */
	int			*opponent;	/* per board: slot, -1 */
	int			boards;
	int			err_fd;		/* the log, for the engines' stderr */
	FILE			*log;
	engine_answer_fn	*fn;
	void			*arg;
	int			restarts;
};

void
engine_limit_defaults(struct engine_limit *l)
{
	l->kind = ENGINE_LIMIT_NODES;
	l->value = ENGINE_NODES_DEFAULT;
	l->margin = SIM_SECONDS(5);
	l->start = SIM_SECONDS(5);
}

int
engine_limit_parse(const char *text, struct engine_limit *out, char *err, size_t errlen)
{
	char buf[128], *save = NULL;

	engine_limit_defaults(out);
	if (strlen(text) >= sizeof(buf) || text[0] == '\0') {
		snprintf(err, errlen, "\"%s\" is not %s", text, ENGINE_LIMIT_HELP);
		return -1;
	}
	strcpy(buf, text);
	for (char *kv = strtok_r(buf, ",", &save); kv != NULL; kv = strtok_r(NULL, ",", &save)) {
		char *v = strchr(kv, '='), *end, why[128];
		long long n;

		if (v == NULL) {
			snprintf(err, errlen, "\"%s\" is not %s", kv, ENGINE_LIMIT_HELP);
			return -1;
		}
		*v++ = '\0';
		if (strcmp(kv, "movetime") == 0 || strcmp(kv, "margin") == 0 ||
		    strcmp(kv, "start") == 0) {
			simtime_t t;

			if (duration_parse(v, &t, why, sizeof(why)) < 0 ||
			    (strcmp(kv, "movetime") == 0 && t < 1000)) {
				snprintf(err, errlen, "%s: \"%s\" is not a duration of 1ms or more", kv,
					 v);
				return -1;
			}
			if (strcmp(kv, "margin") == 0 || strcmp(kv, "start") == 0) {
				*(strcmp(kv, "margin") == 0 ? &out->margin : &out->start) = t;
				continue;
			}
			out->kind = ENGINE_LIMIT_MOVETIME;
			out->value = t;
			continue;
		}
		if (strcmp(kv, "nodes") != 0 && strcmp(kv, "depth") != 0) {
			snprintf(err, errlen, "\"%s\" is not nodes, depth, movetime, margin or start",
				 kv);
			return -1;
		}
		errno = 0;
		n = strtoll(v, &end, 10);
		if (end == v || *end != '\0' || errno != 0 || n < 1 ||
		    n > (strcmp(kv, "depth") == 0 ? 100 : 1000000000000LL)) {
			snprintf(err, errlen, "%s: \"%s\" is not a positive count", kv, v);
			return -1;
		}
		out->kind = strcmp(kv, "nodes") == 0 ? ENGINE_LIMIT_NODES : ENGINE_LIMIT_DEPTH;
		out->value = n;
	}
	return 0;
}

void
engine_limit_go(const struct engine_limit *l, char *buf, size_t len)
{
	if (l->kind == ENGINE_LIMIT_NODES)
		snprintf(buf, len, "go nodes %lld", (long long)l->value);
	else if (l->kind == ENGINE_LIMIT_DEPTH)
		snprintf(buf, len, "go depth %lld", (long long)l->value);
	else
		snprintf(buf, len, "go movetime %lld", (long long)((l->value + 999) / 1000));
}

bool
engine_pool_needed(const struct sim_config *c)
{
	return uci_spec_is(c->master_profile) || strstr(c->opponents, "uci:") != NULL;
}

static void slot_event(struct uci_engine *e, enum uci_engine_event ev, const char *text,
		       void *arg);

static int
slot_start(struct engine_slot *sl, char *err, size_t errlen)
{
	struct engine_pool *p = sl->pool;
	char label[UCI_ENGINE_NAME_MAX];

	snprintf(label, sizeof(label), "%s", sl->text + 4);
	sl->eng = uci_engine_start(p->loop, &sl->spec, label, (double)p->opt.limit.start / 1e6,
				   p->err_fd, p->log, slot_event, sl, err, errlen);
	return sl->eng != NULL ? 0 : -1;
}

static struct engine_request *
slot_head(struct engine_slot *sl)
{
	return sl->len > 0 ? &sl->queue[sl->head] : NULL;
}

static void
slot_pop(struct engine_slot *sl, struct engine_request *out)
{
	*out = sl->queue[sl->head];
	sl->head = (sl->head + 1) % sl->cap;
	sl->len--;
	sl->in_flight = false;
}

static void
slot_dispatch(struct engine_slot *sl)
{
	struct engine_request *r = slot_head(sl);

	if (r == NULL || sl->in_flight || sl->eng == NULL || !uci_engine_idle(sl->eng))
		return;
	if (uci_engine_go(sl->eng, r->position, r->go, r->timeout) == 0)
		sl->in_flight = true;
}

/* Answers the head and sends the next; the answer may re-enter engine_pool_request. */
static void
slot_answer(struct engine_slot *sl, enum engine_answer a, const char *text)
{
	struct engine_pool *p = sl->pool;
	struct engine_request r;

	slot_pop(sl, &r);
	slot_dispatch(sl);
	if (p->fn != NULL && r.board >= 0)
		p->fn(p->arg, r.board, r.ply, a, text);
	free(r.position);
}

static void
slot_died(struct engine_slot *sl, const char *why)
{
	struct engine_pool *p = sl->pool;
	char err[256];

	/* why lives in the engine freed here: keep a copy first. */
	snprintf(sl->why, sizeof(sl->why), "%s", why);
	why = sl->why;
	uci_engine_free(sl->eng);
	sl->eng = NULL;
	sl->in_flight = false;
	if (p->opt.restart && sl->ready && sl->restarts < ENGINE_RESTARTS_MAX) {
		sl->restarts++;
		p->restarts++;
		if (p->log != NULL)
			fprintf(p->log, "simul: %s: %s; restarted (%d)\n", sl->name, why,
				sl->restarts);
		if (slot_start(sl, err, sizeof(err)) == 0)
			return;	/* READY sends the head again */
		snprintf(sl->why + strlen(sl->why), sizeof(sl->why) - strlen(sl->why),
			 "; restart failed: %.60s", err);
	}
	sl->dead = true;
	/* Every request it holds fails the same way. */
	while (sl->len > 0)
		slot_answer(sl, ENGINE_DIED, sl->why);
}

static void
slot_event(struct uci_engine *e, enum uci_engine_event ev, const char *text, void *arg)
{
	struct engine_slot *sl = arg;

	switch (ev) {
	case UCI_ENGINE_READY:
		sl->ready = true;
		snprintf(sl->name, sizeof(sl->name), "%s", uci_engine_name(e));
		slot_dispatch(sl);
		break;
	case UCI_ENGINE_MOVE:
		if (sl->in_flight)
			slot_answer(sl, ENGINE_MOVE, text);
		break;
	case UCI_ENGINE_TIMEOUT:
		if (sl->in_flight)
			slot_answer(sl, ENGINE_TIMEOUT, text);
		/* The engine is stopping: the next request goes when it is free again. */
		break;
	case UCI_ENGINE_DIED:
		slot_died(sl, text);
		break;
	}
}

/* Each engine holds two pipe ends here; make sure they fit before any is made. */
static int
pool_check_fds(int engines, char *err, size_t errlen)
{
	struct rlimit rl;
	rlim_t need = (rlim_t)engines * 2 + ENGINE_FDS_SPARE;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur >= need)
		return 0;
	if (rl.rlim_max >= need) {
		rl.rlim_cur = need;
		if (setrlimit(RLIMIT_NOFILE, &rl) == 0)
			return 0;
	}
	snprintf(err, errlen,
		 "%d engines need %llu file descriptors, the limit is %llu (ulimit -n): "
		 "use fewer engine boards", engines, (unsigned long long)need,
		 (unsigned long long)rl.rlim_max);
	return -1;
}

static int
pool_add(struct engine_pool *p, const char *text, int cap, const char *option, char *err,
	 size_t errlen)
{
	struct engine_slot *sl = &p->slots[p->nslots];
	char why[256];

	sl->pool = p;
	sl->index = p->nslots;
	snprintf(sl->text, sizeof(sl->text), "%s", text);
	snprintf(sl->name, sizeof(sl->name), "%s", text + 4);
	if (uci_spec_parse(text, &sl->spec, why, sizeof(why)) < 0) {
		snprintf(err, errlen, "%s: %s", option, why);
		return -1;
	}
	sl->cap = cap;
	sl->queue = calloc((size_t)cap, sizeof(sl->queue[0]));
	if (sl->queue == NULL) {
		snprintf(err, errlen, "%s: out of memory", option);
		return -1;
	}
	return p->nslots++;
}

/* The opponents' specs, board by board, into slots. */
static int
pool_add_opponents(struct engine_pool *p, const struct sim_config *c, char *err, size_t errlen)
{
	struct sim_opponent_entry ent[SIM_OPPONENTS_MAX / 2];
	int n = sim_opponents_split(c->opponents, c->boards, ent, err, errlen);

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		if (!uci_spec_is(ent[i].text))
			continue;
		for (int b = ent[i].first; b < ent[i].first + ent[i].count; b++) {
			p->opponent[b] = pool_add(p, ent[i].text, 1, "opponents", err, errlen);
			if (p->opponent[b] < 0)
				return -1;
		}
	}
	return 0;
}

static int
pool_count(const struct sim_config *c)
{
	struct sim_opponent_entry ent[SIM_OPPONENTS_MAX / 2];
	char err[256];
	int n = sim_opponents_split(c->opponents, c->boards, ent, err, sizeof(err));
	int count = uci_spec_is(c->master_profile);

	for (int i = 0; i < n; i++)
		if (uci_spec_is(ent[i].text))
			count += ent[i].count;
	return count;
}

/*
 * A few handshakes at a time, each engine's start deadline counting from
 * its own spawn. Starting is mostly CPU (Stockfish 15.1 spends ~0.2 s of
 * it here on its network and table): 24 at once on two busy cores took
 * 5-13 s and missed the 5 s deadline that each meets alone in 0.2-0.6 s.
 * The whole start takes no longer so: the cores are busy either way.
 */
static int
pool_start_all(struct engine_pool *p, char *err, size_t errlen)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int at_once = ENGINE_STARTS_PER_CORE * (cores > 1 ? (int)cores : 1);
	int next = 0;
	char why[256];

	for (;;) {
		int starting = 0;

		for (int i = 0; i < next; i++) {
			struct engine_slot *sl = &p->slots[i];

			if (sl->dead || (sl->eng == NULL && !sl->ready)) {
				snprintf(err, errlen, "%s: cannot start: %s", sl->text, sl->why);
				return -1;
			}
			starting += !sl->ready;
		}
		for (; next < p->nslots && starting < at_once; next++, starting++)
			if (slot_start(&p->slots[next], why, sizeof(why)) < 0) {
				snprintf(err, errlen, "%s: %s", p->slots[next].text, why);
				return -1;
			}
		if (starting == 0)
			return 0;
		/* The loop serves whichever engine answers. */
		ev_run(p->loop, EVRUN_ONCE);
	}
}

struct engine_pool *
engine_pool_new(struct ev_loop *loop, const struct sim_config *c,
		const struct engine_pool_options *o, char *err, size_t errlen)
{
	struct engine_pool *p = calloc(1, sizeof(*p));
	int n = pool_count(c);

	if (p == NULL)
		goto oom;
	p->loop = loop;
	p->opt = *o;
	p->master = -1;
	p->err_fd = -1;
	p->boards = c->boards;
	p->slots = calloc((size_t)(n > 0 ? n : 1), sizeof(p->slots[0]));
	p->opponent = malloc((size_t)c->boards * sizeof(p->opponent[0]));
	if (p->slots == NULL || p->opponent == NULL)
		goto oom;
	for (int b = 0; b < c->boards; b++)
		p->opponent[b] = -1;
	/* A write to a dead engine's pipe must be an error, not our death. */
	signal(SIGPIPE, SIG_IGN);
	if (uci_spec_is(c->master_profile) &&
	    (p->master = pool_add(p, c->master_profile, c->boards, "master", err, errlen)) < 0)
		goto fail;
	if (pool_add_opponents(p, c, err, errlen) < 0 || pool_check_fds(p->nslots, err, errlen) < 0)
		goto fail;
	if (o->log != NULL) {
		p->err_fd = open(o->log, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
		p->log = p->err_fd >= 0 ? fdopen(dup(p->err_fd), "a") : NULL;
		if (p->log == NULL) {
			snprintf(err, errlen, "engine-log: cannot open %s: %s", o->log, strerror(errno));
			goto fail;
		}
		setvbuf(p->log, NULL, _IOLBF, 0);
	}
	if (pool_start_all(p, err, errlen) < 0)
		goto fail;
	return p;
oom:
	snprintf(err, errlen, "engines: out of memory");
fail:
	engine_pool_free(p);
	return NULL;
}

void
engine_pool_free(struct engine_pool *p)
{
	if (p == NULL)
		return;
	for (int i = 0; i < p->nslots; i++) {
		struct engine_slot *sl = &p->slots[i];

		uci_engine_free(sl->eng);
		for (int k = 0; k < sl->len; k++)
			free(sl->queue[(sl->head + k) % sl->cap].position);
		free(sl->queue);
	}
	if (p->log != NULL)
		fclose(p->log);
	if (p->err_fd >= 0)
		close(p->err_fd);
	free(p->slots);
	free(p->opponent);
	free(p);
}

struct ev_loop *
engine_pool_loop(const struct engine_pool *p)
{
	return p->loop;
}

const struct engine_limit *
engine_pool_limit(const struct engine_pool *p)
{
	return &p->opt.limit;
}

int
engine_pool_size(const struct engine_pool *p)
{
	return p->nslots;
}

int
engine_pool_master_slot(const struct engine_pool *p)
{
	return p->master;
}

int
engine_pool_opponent_slot(const struct engine_pool *p, int board)
{
	return board >= 0 && board < p->boards ? p->opponent[board] : -1;
}

const char *
engine_pool_name(const struct engine_pool *p, int slot)
{
	return p->slots[slot].name;
}

const char *
engine_pool_spec(const struct engine_pool *p, int slot)
{
	return p->slots[slot].text;
}

pid_t
engine_pool_pid(const struct engine_pool *p, int slot)
{
	return p->slots[slot].eng != NULL ? uci_engine_pid(p->slots[slot].eng) : -1;
}

void
engine_pool_attach(struct engine_pool *p, engine_answer_fn *fn, void *arg)
{
	/* Queued requests belong to the sim before: drop them, let a search in flight finish unheard. */
	for (int i = 0; i < p->nslots; i++) {
		struct engine_slot *sl = &p->slots[i];
		int keep = sl->in_flight ? 1 : 0;

		while (sl->len > keep) {
			int last = (sl->head + sl->len - 1) % sl->cap;

			free(sl->queue[last].position);
			sl->len--;
		}
		if (keep)
			sl->queue[sl->head].board = -1;	/* its answer goes nowhere */
		/* A new sim is a new game: an engine that died in the last one gets a new process. */
		if (sl->dead && fn != NULL) {
			char err[256];

			sl->dead = false;
			if (slot_start(sl, err, sizeof(err)) < 0) {
				sl->dead = true;
				snprintf(sl->why, sizeof(sl->why), "%.150s", err);
			}
		}
	}
	p->fn = fn;
	p->arg = arg;
}

void
engine_pool_detach(struct engine_pool *p, void *arg)
{
	if (p->arg == arg)
		engine_pool_attach(p, NULL, NULL);
}

int
engine_pool_request(struct engine_pool *p, int slot, int board, int ply, const char *position,
		    const char *go, double timeout)
{
	struct engine_slot *sl = &p->slots[slot];
	struct engine_request *r;

	if (sl->dead) {
		if (p->fn != NULL)
			p->fn(p->arg, board, ply, ENGINE_DIED, sl->why);
		return 0;
	}
	if (sl->len == sl->cap) {
		/* The old sim's unheard search can hold a place: grow by one. */
		struct engine_request *q = malloc((size_t)(sl->cap + 1) * sizeof(*q));

		if (q == NULL)
			return -1;
		for (int k = 0; k < sl->len; k++)
			q[k] = sl->queue[(sl->head + k) % sl->cap];
		free(sl->queue);
		sl->queue = q;
		sl->head = 0;
		sl->cap++;
	}
	r = &sl->queue[(sl->head + sl->len) % sl->cap];
	r->position = strdup(position);
	if (r->position == NULL)
		return -1;
	r->board = board;
	r->ply = ply;
	r->timeout = timeout;
	snprintf(r->go, sizeof(r->go), "%s", go);
	sl->len++;
	slot_dispatch(sl);
	return 0;
}

unsigned long
engine_pool_ignored(const struct engine_pool *p)
{
	unsigned long n = 0;

	for (int i = 0; i < p->nslots; i++)
		if (p->slots[i].eng != NULL)
			n += uci_engine_ignored(p->slots[i].eng);
	return n;
}

int
engine_pool_restarts(const struct engine_pool *p)
{
	return p->restarts;
}
