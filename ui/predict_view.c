/*
 * The live view's predict prompt (`simul --predict`): before the screen
 * is taken over and the clocks start, the class's two guesses are asked
 * for on the plain terminal, one line each, so anyone can type them with
 * the usual line editing. As each guessed exhibition ends, the view
 * narrates the guess beside the model and the measurement; on exit
 * predict_print_sim() prints the table.
 */
#include <string.h>

#include "ui/live_internal.h"
#include "ui/predict.h"

/* One answer; 1 when skipped, 0 when read, -1 at end of input. */
static int
predict_ask_one(FILE *in, FILE *out, const char *question, simtime_t *guess)
{
	char line[128], err[256];

	for (;;) {
		size_t n;

		fprintf(out, "%s", question);
		fflush(out);
		if (fgets(line, sizeof(line), in) == NULL)
			return -1;
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		while (n > 0 && line[n - 1] == ' ')
			line[--n] = '\0';
		if (line[0] == '\0')
			return 1;
		if (predict_parse(line + strspn(line, " "), guess, err, sizeof(err)) == 0)
			return 0;
		fprintf(out, "  %s; try again, or Enter to skip.\n", err);
	}
}

int
predict_ask(FILE *in, FILE *out, const struct sim_config *c, struct predict *p)
{
	char tm[DIST_TEXT_MAX], to[DIST_TEXT_MAX];
	int rc;

	dist_format(&c->master_think, tm, sizeof(tm));
	dist_format(&c->opponent_think, to, sizeof(to));
	fprintf(out, "Predict before the clocks start: %d boards x %d moves, master %s, "
		     "opponents %s.\nType a duration (12h, 45m, 1h30m, 1:00:55), or Enter to skip.\n",
		c->boards, c->moves, tm, to);
	memset(p, 0, sizeof(*p));
	rc = predict_ask_one(in, out, "  the sync total (board by board):  ", &p->sync);
	if (rc < 0)
		return -1;
	p->sync_set = rc == 0;
	rc = predict_ask_one(in, out, "  the async total (moving on):      ", &p->async);
	if (rc < 0)
		return -1;
	p->async_set = rc == 0;
	return 0;
}

static void
predict_say(struct live *lv, const char *who, simtime_t guess, int ex)
{
	struct sim_stats st;
	char g[16], m[16], t[16], e[40], text[VIEW_TEXT];

	sim_stats(lv->sim, ex, &st);
	duration_hms(guess, g, sizeof(g));
	duration_hms(st.model_total, m, sizeof(m));
	duration_hms(st.total, t, sizeof(t));
	predict_error(e, sizeof(e), guess, st.total);
	snprintf(text, sizeof(text), "%.12s: your guess %s, model %s, measured %s: %s", who, g, m, t,
		 e);
	live_say(lv, text);
}

void
predict_view_frame(struct predict *p, struct live *lv)
{
	bool async_seen = false;

	for (int i = 0; i < sim_exhibitions(lv->sim); i++) {
		bool sync = sim_exhibition_policy(lv->sim, i) == SIM_SYNC;
		bool first_async = !sync && !async_seen;

		async_seen |= !sync;
		if (!sim_finished(lv->sim, i))
			continue;
		if (sync && p->sync_set && !p->said_sync) {
			p->said_sync = true;
			predict_say(lv, "sync", p->sync, i);
		} else if (first_async && p->async_set && !p->said_async) {
			p->said_async = true;
			predict_say(lv, sim_policy_name(sim_exhibition_policy(lv->sim, i)), p->async, i);
		}
	}
}
