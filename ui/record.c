/*
 * Recording a live session and playing it back (ui/record.h has the file
 * format). Keys carry two times: the real seconds since the start give the
 * pace of a live replay, the simulated time (and its order) lets a
 * headless replay apply each key at exactly the event where it was pressed:
 * every event before that simulated time is played first, none after.
 */
#include "ui/record.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "engine/macros.h"
#include "sim/realtime.h"
#include "sim/snapshot.h"
#include "ui/atomic_file.h"
#include "ui/live_internal.h"

enum { RECORD_ARGS_MAX = 64, RECORD_ARG_MAX = 320 };

struct record {
	struct atomic_file	af;
	double			started;	/* monotonic seconds at record_begin */
};

struct replay_key {
	double			real;		/* seconds since the start */
	simtime_t		sim;
	struct screen_input	in;
};

struct replay {
	char			*argv[RECORD_ARGS_MAX + 1];
	int			argc;
	struct replay_key	*keys;
	size_t			nkeys, cap;
	int			w, h;		/* the recorded screen, for clicks */
	double			end_real;
	simtime_t		end_sim;
	char			state[SIM_EXHIBITIONS_MAX][128];	/* recorded "state" lines */
	int			nstates;
	uint64_t		seed;
	/* live replay */
	ev_timer		timer;
	struct live		*lv;
	size_t			next;
	double			started, pace;
};

/* Spaces, '%' and control characters as %XX, so an argument is one word. */
static void
put_arg(FILE *f, const char *a)
{
	fputs("arg ", f);
	for (const unsigned char *p = (const unsigned char *)a; *p != '\0'; p++)
		if (*p <= ' ' || *p == '%' || *p == 0x7f)
			fprintf(f, "%%%02X", *p);
		else
			fputc(*p, f);
	fputc('\n', f);
}

static void
unescape(char *s)
{
	char *w = s;

	for (char *p = s; *p != '\0'; p++) {
		unsigned v;

		if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2]) &&
		    sscanf(p + 1, "%2x", &v) == 1) {
			*w++ = (char)v;
			p += 2;
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
}

struct record *
record_open(const char *path, char *err, size_t errlen)
{
	struct record *r = calloc(1, sizeof(*r));

	if (r == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (atomic_file_open(&r->af, path, err, errlen) < 0) {
		free(r);
		return NULL;
	}
	fprintf(r->af.f, "simul-recording %d\nsimul %s\n", RECORD_FORMAT, SIMUL_VERSION);
	return r;
}

void
record_begin(struct record *r, const struct live *lv)
{
	const struct sim_config *c = &lv->config;
	char buf[RECORD_ARG_MAX];
	int n = 0;

	/* The config spelled out in full, so a preset or a default cannot drift. */
	put_arg(r->af.f, "live");
	snprintf(buf, sizeof(buf), "--boards=%d", c->boards);
	put_arg(r->af.f, buf);
	snprintf(buf, sizeof(buf), "--moves=%d", c->moves);
	put_arg(r->af.f, buf);
	n = snprintf(buf, sizeof(buf), "--master-think=");
	dist_format(&c->master_think, buf + n, sizeof(buf) - (size_t)n);
	put_arg(r->af.f, buf);
	n = snprintf(buf, sizeof(buf), "--opponent-think=");
	dist_format(&c->opponent_think, buf + n, sizeof(buf) - (size_t)n);
	put_arg(r->af.f, buf);
	n = snprintf(buf, sizeof(buf), "--walk=");
	dist_format(&c->walk, buf + n, sizeof(buf) - (size_t)n);
	put_arg(r->af.f, buf);
	snprintf(buf, sizeof(buf), "--seed=%" PRIu64, c->seed);
	put_arg(r->af.f, buf);
	put_arg(r->af.f, c->chess ? "--chess=on" : "--chess=off");
	snprintf(buf, sizeof(buf), "--master=%s", c->master_profile);
	put_arg(r->af.f, buf);
	snprintf(buf, sizeof(buf), "--opponents=%s", c->opponents);
	put_arg(r->af.f, buf);
	n = snprintf(buf, sizeof(buf), "--policy=");
	for (int i = 0; i < lv->npolicies; i++)
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%s%s", i ? "," : "",
			      sim_policy_name(lv->policies[i]));
	put_arg(r->af.f, buf);
	snprintf(buf, sizeof(buf), "--speed=%.17g", lv->speed);
	put_arg(r->af.f, buf);
	if (c->greedy)
		put_arg(r->af.f, "--greedy");
	for (int i = 0; i < c->nblocking; i++) {
		snprintf(buf, sizeof(buf), "--blocking-opponent=%d", c->blocking[i] + 1);
		put_arg(r->af.f, buf);
	}
	/* Clicks land on cells: a headless replay lays the view out at this size. */
	fprintf(r->af.f, "size %d %d\n", lv->screen.w, lv->screen.h);
	r->started = realtime_monotonic();
}

void
record_key(struct record *r, const struct live *lv, const struct screen_input *in)
{
	fprintf(r->af.f, "key %.6f %" PRId64 " %d %d %d\n", realtime_monotonic() - r->started,
		sim_now(lv->sim), in->key, in->x, in->y);
}

/* One "state" line per exhibition: what a replay must reproduce. */
static void
state_lines(const struct live *lv, char out[][128], int *n)
{
	struct sim_snapshot snap;

	sim_snapshot(lv->sim, &snap);
	*n = snap.nexhibitions;
	for (int i = 0; i < snap.nexhibitions; i++) {
		const struct sim_exhibition_view *ev = &snap.ex[i];

		snprintf(out[i], 128, "state %s %d %" PRId64 " %" PRId64 " %d",
			 sim_policy_name(ev->policy), ev->finished ? 1 : 0,
			 ev->finished ? ev->now : (simtime_t)-1, ev->moves_played,
			 ev->boards_finished);
	}
}

int
record_close(struct record *r, const struct live *lv, char *err, size_t errlen)
{
	char states[SIM_EXHIBITIONS_MAX][128];
	int n, rc;

	fprintf(r->af.f, "end %.6f %" PRId64 "\nseed %" PRIu64 "\n",
		realtime_monotonic() - r->started, sim_now(lv->sim), lv->config.seed);
	state_lines(lv, states, &n);
	for (int i = 0; i < n; i++)
		fprintf(r->af.f, "%s\n", states[i]);
	rc = atomic_file_commit(&r->af, err, errlen);
	atomic_file_abort(&r->af);
	free(r);
	return rc;
}

void
record_abort(struct record *r)
{
	if (r == NULL)
		return;
	atomic_file_abort(&r->af);
	free(r);
}

/* ---- replay ------------------------------------------------------------ */

void
replay_free(struct replay *rp)
{
	if (rp == NULL)
		return;
	for (int i = 0; i < rp->argc; i++)
		free(rp->argv[i]);
	free(rp->keys);
	free(rp);
}

static int
replay_line(struct replay *rp, char *line, char *err, size_t errlen)
{
	struct replay_key k;
	double real;
	long long sim;
	unsigned long long seed;

	if (strncmp(line, "arg ", 4) == 0) {
		if (rp->argc == RECORD_ARGS_MAX)
			return snprintf(err, errlen, "too many arguments"), -1;
		unescape(line + 4);
		rp->argv[rp->argc] = strdup(line + 4);
		return rp->argv[rp->argc++] != NULL ? 0 : (snprintf(err, errlen, "out of memory"), -1);
	}
	if (sscanf(line, "key %lf %lld %d %d %d", &k.real, &sim, &k.in.key, &k.in.x, &k.in.y) ==
	    5) {
		if (rp->nkeys == rp->cap) {
			size_t cap = rp->cap ? 2 * rp->cap : 64;
			struct replay_key *p = realloc(rp->keys, cap * sizeof(*p));

			if (p == NULL)
				return snprintf(err, errlen, "out of memory"), -1;
			rp->keys = p;
			rp->cap = cap;
		}
		k.sim = (simtime_t)sim;
		rp->keys[rp->nkeys++] = k;
		return 0;
	}
	if (sscanf(line, "size %d %d", &rp->w, &rp->h) == 2)
		return 0;
	if (sscanf(line, "end %lf %lld", &real, &sim) == 2) {
		rp->end_real = real;
		rp->end_sim = (simtime_t)sim;
		return 0;
	}
	if (sscanf(line, "seed %llu", &seed) == 1) {
		rp->seed = (uint64_t)seed;
		return 0;
	}
	if (strncmp(line, "state ", 6) == 0 && rp->nstates < SIM_EXHIBITIONS_MAX) {
		snprintf(rp->state[rp->nstates++], sizeof(rp->state[0]), "%.127s", line);
		return 0;
	}
	snprintf(err, errlen, "\"%.40s\" is not a line of a recording", line);
	return -1;
}

struct replay *
replay_load(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	struct replay *rp;
	char line[512], why[256];
	int format, lineno = 0;

	if (f == NULL) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	rp = calloc(1, sizeof(*rp));
	if (rp == NULL || fgets(line, sizeof(line), f) == NULL ||
	    sscanf(line, "simul-recording %d", &format) != 1) {
		snprintf(err, errlen, "%s is not a simul recording", path);
		goto bad;
	}
	if (format != RECORD_FORMAT) {
		snprintf(err, errlen, "%s is a recording of format %d; this simul (%s) replays format "
				      "%d only: record it again", path, format, SIMUL_VERSION, RECORD_FORMAT);
		goto bad;
	}
	if (fgets(line, sizeof(line), f) == NULL || strncmp(line, "simul ", 6) != 0) {
		snprintf(err, errlen, "%s: the simul version is missing", path);
		goto bad;
	}
	line[strcspn(line, "\n")] = '\0';
	if (strcmp(line + 6, SIMUL_VERSION) != 0) {
		snprintf(err, errlen, "%s was recorded by simul %s; this is simul %s, whose games "
				      "could differ: record it again", path, line + 6, SIMUL_VERSION);
		goto bad;
	}
	lineno = 2;
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (replay_line(rp, line, why, sizeof(why)) < 0) {
			snprintf(err, errlen, "%s:%d: %s", path, lineno, why);
			goto bad;
		}
	}
	if (rp->argc == 0 || rp->nstates == 0) {
		snprintf(err, errlen, "%s is cut short (no %s): was the recording interrupted?", path,
			 rp->argc == 0 ? "exhibition" : "end state");
		goto bad;
	}
	fclose(f);
	return rp;
bad:
	fclose(f);
	replay_free(rp);
	return NULL;
}

int
replay_argc(const struct replay *rp)
{
	return rp->argc;
}

char **
replay_argv(const struct replay *rp)
{
	return (char **)rp->argv;
}

static void replay_timer_cb(struct ev_loop *loop, ev_timer *w, int revents);

static void
replay_arm(struct replay *rp)
{
	double at = rp->next < rp->nkeys ? rp->keys[rp->next].real : rp->end_real;
	double delay = rp->started + at / rp->pace - realtime_monotonic();

	ev_timer_set(&rp->timer, delay > 0 ? delay : 0, 0);
	ev_timer_start(rp->lv->loop, &rp->timer);
}

static void
replay_timer_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct replay *rp = container_of(w, struct replay, timer);

	(void)loop, (void)revents;
	if (rp->next == rp->nkeys) {
		/* The recording ended without q (Ctrl-C): so does the replay. */
		live_quit(rp->lv, 0);
		return;
	}
	live_key(rp->lv, &rp->keys[rp->next++].in);	/* the next frame shows it */
	if (rp->lv->exit_code < 0)
		replay_arm(rp);
}

void
replay_start(struct replay *rp, struct live *lv, double pace)
{
	rp->lv = lv;
	rp->pace = pace;
	rp->next = 0;
	rp->started = realtime_monotonic();
	ev_timer_init(&rp->timer, replay_timer_cb, 0, 0);
	live_notice(lv, "replaying a recording: keys come from the file (q stops)");
	replay_arm(rp);
}

void
replay_stop(struct replay *rp, struct live *lv)
{
	ev_timer_stop(lv->loop, &rp->timer);
}

/* Plays every event before simulated time t, none at or after it. */
static void
replay_advance(struct live *lv, simtime_t t)
{
	simtime_t next;

	while ((next = sim_next_time(lv->sim)) >= 0 && next < t && sim_step(lv->sim) == 0)
		;
}

int
replay_headless(struct replay *rp, struct live *lv)
{
	char states[SIM_EXHIBITIONS_MAX][128];
	bool paused = false, same;
	int n;

	/*
	 * The live clock is started on a loop that never runs and kept paused
	 * between keys, so its reading only moves when an event is stepped:
	 * no real time leaks into a headless replay.
	 */
	sim_pause(lv->sim, true);
	for (size_t i = 0; i < rp->nkeys && lv->exit_code < 0; i++) {
		replay_advance(lv, rp->keys[i].sim);
		sim_pause(lv->sim, paused);
		live_key(lv, &rp->keys[i].in);
		paused = sim_paused(lv->sim);
		sim_pause(lv->sim, true);
		snapshot_view_frame(&lv->sv, lv->sim, rp->w > 0 ? rp->w : 160, rp->h > 0 ? rp->h : 50,
				    &lv->lo, &lv->cb);
	}
	if (lv->exit_code < 0)
		replay_advance(lv, rp->end_sim);
	state_lines(lv, states, &n);
	same = n == rp->nstates && lv->config.seed == rp->seed;
	printf("replayed %zu keys, seed %" PRIu64 "\n", rp->nkeys, lv->config.seed);
	for (int i = 0; i < n; i++) {
		bool ok = i < rp->nstates && strcmp(states[i], rp->state[i]) == 0;

		printf("%s%s\n", states[i], ok ? "" : "   (differs from the recording)");
		same &= ok;
	}
	printf("%s\n", same ? "the replay ends as the recording did"
			    : "the replay does NOT end as the recording did");
	return same ? 0 : 1;
}
