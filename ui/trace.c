/*
 * Trace writers. CSV is a row per event. Chrome's format wants spans, so
 * the writer turns events into complete ("X") events: the master's think,
 * walk and wait spans come straight from events that carry their duration;
 * a board's wait for the master runs from its opponent's reply (or the
 * start) to the master's next think there, so the writer remembers, per
 * board, when it became ready. Runs of --repeat are separate processes.
 *
 * A wait inside a blocking opponent's think (--blocking-opponent) is not
 * the master's choice, so it gets names of its own: "master-blocked" and
 * "master-unblocked" rows in CSV, a "blocked at board" span in Chrome's
 * format, and its board's thread and think span say "blocking".
 */
#include "ui/trace.h"

#include <inttypes.h>
#include <stdlib.h>

struct trace {
	FILE			*f;
	enum trace_format	fmt;
	int			run;
	int			boards;
	simtime_t		*ready;		/* [exhibition * boards + board] */
	int			nex;
	enum sim_policy		policy[SIM_EXHIBITIONS_MAX];
	bool			first;		/* no JSON comma before the next event */
	bool			*blocking;	/* [board]: its opponent thinks in a blocking call */
};

struct trace *
trace_new(FILE *f, enum trace_format fmt, const struct sim_config *c)
{
	struct trace *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return NULL;
	t->f = f;
	t->fmt = fmt;
	t->boards = c->boards;
	t->first = true;
	t->blocking = calloc((size_t)c->boards, sizeof(t->blocking[0]));
	if (t->blocking == NULL) {
		free(t);
		return NULL;
	}
	for (int i = 0; i < c->nblocking; i++)
		if (c->blocking[i] >= 0 && c->blocking[i] < c->boards)
			t->blocking[c->blocking[i]] = true;
	if (fmt == TRACE_CSV)
		fprintf(f, "run,time_us,time,exhibition,policy,board,event,duration_us,detail\n");
	else
		fprintf(f, "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
	return t;
}

static void
chrome_sep(struct trace *t)
{
	if (!t->first)
		fputs(",\n", t->f);
	t->first = false;
}

static void
chrome_meta(struct trace *t, int pid, int tid, const char *what, const char *name)
{
	chrome_sep(t);
	fprintf(t->f, "{\"ph\":\"M\",\"pid\":%d,\"tid\":%d,\"name\":\"%s\",\"args\":{\"name\":\"%s\"}}",
		pid, tid, what, name);
}

int
trace_begin_run(struct trace *t, const struct sim *s, int run)
{
	t->run = run;
	t->nex = sim_exhibitions(s);
	free(t->ready);
	t->ready = calloc((size_t)t->nex * (size_t)t->boards, sizeof(t->ready[0]));
	if (t->ready == NULL)
		return -1;
	for (int i = 0; i < t->nex; i++)
		t->policy[i] = sim_exhibition_policy(s, i);
	if (t->fmt != TRACE_CHROME)
		return 0;
	for (int i = 0; i < t->nex; i++) {
		char name[64];
		int pid = run * SIM_EXHIBITIONS_MAX + i;

		snprintf(name, sizeof(name), "%s (run %d)", sim_policy_name(t->policy[i]), run + 1);
		chrome_meta(t, pid, 0, "process_name", name);
		chrome_meta(t, pid, 0, "thread_name", "master");
		for (int b = 0; b < t->boards; b++) {
			snprintf(name, sizeof(name), "board %d%s", b + 1,
				 t->blocking[b] ? " (blocking)" : "");
			chrome_meta(t, pid, b + 1, "thread_name", name);
		}
	}
	return 0;
}

static void
chrome_span(struct trace *t, const struct sim_event *e, int tid, const char *name, simtime_t start,
	    simtime_t dur)
{
	chrome_sep(t);
	fprintf(t->f,
		"{\"ph\":\"X\",\"pid\":%d,\"tid\":%d,\"name\":\"%s\",\"ts\":%" PRId64
		",\"dur\":%" PRId64,
		t->run * SIM_EXHIBITIONS_MAX + e->ex, tid, name, start, dur);
	if (e->board >= 0)
		fprintf(t->f, ",\"args\":{\"board\":%d}", e->board + 1);
	fputc('}', t->f);
}

static void
chrome_event(struct trace *t, const struct sim_event *e)
{
	simtime_t *ready = e->board >= 0 ? &t->ready[e->ex * t->boards + e->board] : NULL;

	switch (e->kind) {
	case SIM_EV_MASTER_THINKS:
		chrome_span(t, e, 0, "thinks", e->t, e->duration);
		if (e->t > *ready)
			chrome_span(t, e, e->board + 1, "waits for master", *ready, e->t - *ready);
		break;
	case SIM_EV_MASTER_WALKS:
		chrome_span(t, e, 0, "walks", e->t, e->duration);
		break;
	case SIM_EV_MASTER_STOPS_WAITING:
		if (e->duration > 0)
			chrome_span(t, e, 0, e->blocked ? "blocked at board" :
					     e->board >= 0 ? "waits at board" : "idle",
				    e->t - e->duration, e->duration);
		break;
	case SIM_EV_OPPONENT_THINKS:
		chrome_span(t, e, e->board + 1,
			    t->blocking[e->board] ? "opponent thinks (blocking call)" :
						    "opponent thinks",
			    e->t, e->duration);
		break;
	case SIM_EV_OPPONENT_REPLIES:
		*ready = e->t;
		break;
	case SIM_EV_GAME_ENDS:
	case SIM_EV_EXHIBITION_ENDS:
		chrome_sep(t);
		fprintf(t->f,
			"{\"ph\":\"i\",\"s\":\"t\",\"pid\":%d,\"tid\":%d,\"name\":\"%s\",\"ts\":%" PRId64
			"}",
			t->run * SIM_EXHIBITIONS_MAX + e->ex, e->board + 1,
			sim_event_kind_name(e->kind), e->t);
		break;
	default:
		break;
	}
}

/* The CSV event column: the kind's name, but blocked waits under names of their own. */
static const char *
trace_event_name(const struct sim_event *e)
{
	if (e->blocked && e->kind == SIM_EV_MASTER_WAITS)
		return "master-blocked";
	if (e->blocked && e->kind == SIM_EV_MASTER_STOPS_WAITING)
		return "master-unblocked";
	return sim_event_kind_name(e->kind);
}

void
trace_event(const struct sim_event *e, void *arg)
{
	struct trace *t = arg;
	char hms[32];

	if (t->fmt == TRACE_CHROME) {
		chrome_event(t, e);
		return;
	}
	duration_hms(e->t, hms, sizeof(hms));
	fprintf(t->f, "%d,%" PRId64 ",%s,%d,%s,", t->run + 1, e->t, hms, e->ex,
		sim_policy_name(t->policy[e->ex]));
	if (e->board >= 0)
		fprintf(t->f, "%d", e->board + 1);
	fprintf(t->f, ",%s,%" PRId64 ",", trace_event_name(e), e->duration);
	if (e->blocked)
		fputs("blocking call", t->f);
	else if (e->kind == SIM_EV_GAME_ENDS)
		fprintf(t->f, "%s %s", game_result_text(e->result),
			game_termination_text(e->termination));
	else
		fputs(e->san, t->f);
	fputc('\n', t->f);
}

int
trace_finish(struct trace *t)
{
	int rc;

	if (t->fmt == TRACE_CHROME)
		fputs("\n]}\n", t->f);
	rc = ferror(t->f) ? -1 : 0;
	free(t->ready);
	free(t->blocking);
	free(t);
	return rc;
}
