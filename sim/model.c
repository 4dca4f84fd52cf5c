/*
 * The analytical model: closed forms for the total time of an exhibition
 * with fixed think times (the means otherwise), which every run's
 * measurement is compared with. sim.h lists the formulas; this paragraph
 * says where they come from.
 *
 * Why an async round lasts max(N*Tm, Tm+To) (walks aside): a round is
 * the time from the master's move on board 1 to his next move there.
 * He needs N*Tm to move on all N boards, and board 1 cannot be played
 * again before its opponent has answered, Tm + To after the master began
 * thinking there. Whichever is longer sets the pace: with many boards the
 * master is the bottleneck (N*Tm, he never waits); with few, the
 * opponent is (Tm+To, the master stands at board 1 waiting). The last
 * round is not followed by another, so it adds only the master's N*Tm
 * (the first N-1 moves and the last Tm) plus the last opponent's To:
 * 24 boards, 30 moves, 5 s and 55 s give 29*120 s + 23*5 s + 60 s =
 * 1:00:55, the article's "1 hour" plus the last reply.
 */
#include <stdlib.h>
#include <string.h>

#include "sim/dist.h"
#include "sim/sim_internal.h"

static simtime_t
max_time(simtime_t a, simtime_t b)
{
	return a > b ? a : b;
}

bool
sim_model_total(const struct sim_config *c, enum sim_policy p, simtime_t *total)
{
	simtime_t n = c->boards, m = c->moves;
	simtime_t tm = dist_mean(&c->master_think), to = dist_mean(&c->opponent_think);
	simtime_t w = c->boards > 1 ? dist_mean(&c->walk) : 0;

	bool last_blocks = false;

	for (int i = 0; i < c->nblocking; i++)
		last_blocks = last_blocks || c->blocking[i] == c->boards - 1;
	if (c->nblocking > 0 && p != SIM_SYNC) {
		/* See sim.h: blocked k*To a round, the master never waits; his time line is the total. */
		*total = n * m * tm + (n * m - 1) * w + c->nblocking * m * to + (last_blocks ? 0 : to);
		return dist_is_fixed(&c->master_think) && dist_is_fixed(&c->opponent_think) &&
		       dist_is_fixed(&c->walk) && (p == SIM_READY || w == 0 || last_blocks);
	}
	switch (p) {
	case SIM_SYNC:
		*total = n * m * (tm + to) + (n - 1) * w;
		break;
	case SIM_ROUND_ROBIN:
		*total = (m - 1) * max_time(n * (tm + w), tm + to) + (n - 1) * (tm + w) + tm + to;
		break;
	default:
		/* The ready master idles where he is, then walks: the walk is not hidden. */
		*total = (m - 1) * max_time(n * (tm + w), tm + to + w) + (n - 1) * (tm + w) + tm + to;
		break;
	}
	return dist_is_fixed(&c->master_think) && dist_is_fixed(&c->opponent_think) &&
	       dist_is_fixed(&c->walk);
}

/*
 * The model for the games as actually played (and, from a running
 * exhibition's state, for the work left). No event queue: the master's
 * visits are computed one after the other, each from the one before:
 *   arrive = max(now, the board's reply) (+ W when he walks there)
 *   leave  = arrive + Tm
 *   reply  = leave + To (none when his move ended the game)
 * The policies differ only in which board comes next: sync stays at its
 * game, round-robin takes the next board still playing after the one he
 * last moved at, ready the board whose reply came first (a FIFO: with a
 * fixed To replies come back in the order the moves went out). A reply
 * due at the very time the master chooses counts as arrived, as the event
 * queue orders it (it was scheduled first). With fixed times this is the
 * simulation's total to the microsecond.
 */
struct visit_board {
	int		left;		/* master moves still to make */
	simtime_t	reply;		/* when its opponent's latest reply is (was) due */
	bool		ends_on_master;	/* his last move ends the game: no reply */
	bool		blocking;
	int		next, prev;	/* ring of boards still playing (round-robin, sync) */
};

struct visit {
	const struct sim_config	*c;
	enum sim_policy		policy;
	struct visit_board	*b;
	int			n, head;	/* ring head, -1 when empty */
	int			*fifo;		/* ready policy: boards waiting or thinking, by reply */
	int			fifo_head, fifo_len;
	int			playing;	/* boards with a master move left */
	int			at, last;	/* where he stands, where he last moved */
	simtime_t		tm, to, w;
	int64_t			visits;		/* bound on work, for projections */
};

static bool
visit_finished(const struct visit *v, int i, simtime_t t)
{
	const struct visit_board *b = &v->b[i];

	return b->left == 0 && (b->ends_on_master || b->reply <= t);
}

static void
visit_unlink(struct visit *v, int i)
{
	struct visit_board *b = &v->b[i];

	if (b->next == i) {
		v->head = -1;
		return;
	}
	v->b[b->prev].next = b->next;
	v->b[b->next].prev = b->prev;
	if (v->head == i)
		v->head = b->next;
}

/* The next board still playing at t after `after` (-1: the first); -1 when none. */
static int
visit_next_playing(struct visit *v, int after, simtime_t t)
{
	int i = after < 0 ? v->head : v->b[after].next;

	if (v->head < 0)
		return -1;
	/* A board unlinked before keeps its links forward, as in the exhibition's ring. */
	while (visit_finished(v, i, t)) {
		int nx = v->b[i].next;

		visit_unlink(v, i);
		if (v->head < 0)
			return -1;
		i = nx;
	}
	return i;
}

/* The latest end among boards still playing at t: the exhibition ends then. */
static simtime_t
visit_last_finish(const struct visit *v, simtime_t t)
{
	for (int i = 0; i < v->n; i++)
		if (v->b[i].left == 0 && !v->b[i].ends_on_master && v->b[i].reply > t)
			t = v->b[i].reply;
	return t;
}

/* Which board next at t (and when he can start for it); -1 when the master has no move left. */
static int
visit_choose(struct visit *v, simtime_t *t)
{
	int i;

	switch (v->policy) {
	case SIM_SYNC:
		if (v->at >= 0 && !visit_finished(v, v->at, *t))
			return v->at;
		return visit_next_playing(v, v->at, *t);
	case SIM_ROUND_ROBIN:
		return visit_next_playing(v, v->last, *t);
	default:
		if (v->fifo_len == 0)
			return -1;
		i = v->fifo[v->fifo_head];
		v->fifo_head = (v->fifo_head + 1) % v->n;
		v->fifo_len--;
		/* Nothing ready: he idles where he is until this reply comes. */
		if (v->b[i].reply > *t)
			*t = v->b[i].reply;
		return i;
	}
}

/*
 * He arrives at board i at *t and waits there for its reply if need be:
 * true when he then thinks (from *t), false when the game is over (its last
 * reply came while he walked or waited) and he chooses again at *t.
 */
static bool
visit_arrive(struct visit *v, int i, simtime_t *t)
{
	struct visit_board *b = &v->b[i];

	v->at = i;
	if (visit_finished(v, i, *t))
		return false;
	if (b->reply > *t)
		*t = b->reply;
	return b->left > 0;
}

/* His move at board i, thought from t: the reply, the ready queue, a blocking call. */
static simtime_t
visit_move(struct visit *v, int i, simtime_t t)
{
	struct visit_board *b = &v->b[i];
	simtime_t leave = t + v->tm;

	v->visits++;
	if (--b->left == 0)
		v->playing--;
	v->last = i;
	if (b->left == 0 && b->ends_on_master)
		return leave;
	b->reply = leave + v->to;
	if (b->left > 0 && v->policy == SIM_READY) {
		v->fifo[(v->fifo_head + v->fifo_len) % v->n] = i;
		v->fifo_len++;
	}
	return b->blocking ? b->reply : leave;
}

/* From decision time t on, to the end: the exhibition's total. */
static simtime_t
visit_run(struct visit *v, simtime_t t)
{
	/*
	 * Sync and round-robin go on choosing until every game is over: after
	 * his last move round-robin may still walk to a board whose last reply
	 * is due. The ready master just idles until the last reply.
	 */
	while (v->policy != SIM_READY || v->playing > 0) {
		int i = visit_choose(v, &t);

		if (i < 0)
			break;
		if (v->at >= 0 && i != v->at)
			t += v->w;
		if (visit_arrive(v, i, &t))
			t = visit_move(v, i, t);
	}
	return visit_last_finish(v, t);
}

static int
visit_init(struct visit *v, const struct sim_config *c, enum sim_policy p)
{
	memset(v, 0, sizeof(*v));
	v->c = c;
	v->policy = p;
	v->n = c->boards;
	v->head = 0;
	v->at = -1;
	v->last = -1;
	v->tm = dist_mean(&c->master_think);
	v->to = dist_mean(&c->opponent_think);
	v->w = c->boards > 1 ? dist_mean(&c->walk) : 0;
	v->b = calloc((size_t)v->n, sizeof(*v->b));
	v->fifo = malloc((size_t)v->n * sizeof(*v->fifo));
	if (v->b == NULL || v->fifo == NULL)
		return -1;
	for (int i = 0; i < v->n; i++) {
		v->b[i].left = c->moves;
		v->b[i].next = (i + 1) % v->n;
		v->b[i].prev = (i + v->n - 1) % v->n;
	}
	for (int i = 0; i < c->nblocking; i++)
		v->b[c->blocking[i]].blocking = true;
	return 0;
}

static void
visit_free(struct visit *v)
{
	free(v->b);
	free(v->fifo);
}

int
sim_model_played(const struct sim_config *c, enum sim_policy p, const int *moves,
		 const bool *ends_on_master, simtime_t *total)
{
	struct visit v;

	if (visit_init(&v, c, p) < 0) {
		visit_free(&v);
		return -1;
	}
	v.playing = 0;
	for (int i = 0; i < v.n; i++) {
		v.b[i].left = moves[i];
		v.b[i].ends_on_master = ends_on_master[i];
		if (moves[i] > 0)
			v.playing++;
		if (p == SIM_READY && moves[i] > 0)
			v.fifo[v.fifo_len++] = i;
	}
	*total = visit_run(&v, 0);
	visit_free(&v);
	return 0;
}

/*
 * The model for the work left in a running exhibition: its boards and its
 * master as they are now, every game still playing taken to M moves (a
 * chess rule may end it sooner: the projection then drops, once). With
 * fixed times it reads the final total from the first event on.
 */
int
model_project(const struct exhibition *ex, simtime_t *total)
{
	const struct sim_config *c = &ex->sim->config;
	const struct master *m = &ex->master;
	struct visit v;
	simtime_t t = ex->now;
	int *thinking = NULL, nthinking = 0;

	if (ex->finished) {
		*total = ex->total;
		return 0;
	}
	if (visit_init(&v, c, ex->policy) < 0 ||
	    (thinking = malloc((size_t)c->boards * sizeof(*thinking))) == NULL) {
		visit_free(&v);
		return -1;
	}
	for (int i = 0; i < v.n; i++) {
		const struct board_task *bt = &ex->boards[i];
		struct visit_board *b = &v.b[i];

		b->left = bt->state == SIM_BOARD_FINISHED ? 0 : c->moves - bt->master_moves;
		b->ends_on_master = bt->state == SIM_BOARD_FINISHED;
		b->reply = bt->state == SIM_BOARD_THINKING ? bt->think_end : bt->ready_at;
		if (b->left > 0)
			v.playing++;
		if (bt->state == SIM_BOARD_THINKING && b->left > 0)
			thinking[nthinking++] = i;
	}
	/* Ready: the queue as it is, then the boards still thinking, by when they reply. */
	for (int k = 0; k < ex->ready_len; k++)
		v.fifo[v.fifo_len++] = ex->ready[(ex->ready_head + k) % v.n];
	for (int k = 1; k < nthinking; k++)
		for (int j = k; j > 0 && v.b[thinking[j]].reply < v.b[thinking[j - 1]].reply; j--) {
			int x = thinking[j];

			thinking[j] = thinking[j - 1];
			thinking[j - 1] = x;
		}
	if (ex->policy == SIM_READY)
		for (int k = 0; k < nthinking; k++)
			v.fifo[v.fifo_len++] = thinking[k];
	v.at = m->at;
	v.last = m->last;
	switch (m->activity) {
	case SIM_MASTER_THINKING:
		t = visit_move(&v, m->board, m->since);
		break;
	case SIM_MASTER_WALKING:
		t = m->until;
		if (visit_arrive(&v, m->board, &t))
			t = visit_move(&v, m->board, t);
		break;
	case SIM_MASTER_WAITING:
		t = m->blocked ? m->until : m->since;
		if (!m->blocked && visit_arrive(&v, m->board, &t))
			t = visit_move(&v, m->board, t);
		break;
	default:
		if (!m->started)
			t = 0;
		break;
	}
	*total = visit_run(&v, t);
	free(thinking);
	visit_free(&v);
	return 0;
}
