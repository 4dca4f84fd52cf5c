/*
 * Guesses: parsing them and setting them beside the model and the
 * measurement. The parser is not dist.c's duration_parse on purpose: a
 * guess may be 12 hours or a week, far beyond the two hours a think time
 * may last, and people write it as a clock reading too.
 */
#include "ui/predict.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* "1:00:55" or "12:00:00" or "45:00" (m:ss). */
static int
parse_clock(const char *text, simtime_t *out)
{
	long part[3];
	int n = 0;
	const char *p = text;

	while (n < 3) {
		char *end;

		if (!isdigit((unsigned char)*p))
			return -1;
		part[n++] = strtol(p, &end, 10);
		if (end - p > 6)
			return -1;
		p = end;
		if (*p == '\0')
			break;
		if (*p++ != ':')
			return -1;
	}
	if (*p != '\0' || n < 2 || part[n - 1] >= 60 || (n == 3 && part[1] >= 60))
		return -1;
	*out = 0;
	for (int i = 0; i < n; i++)
		*out = *out * 60 + part[i];
	*out *= SIM_US_PER_S;
	return 0;
}

int
predict_parse(const char *text, simtime_t *out, char *err, size_t errlen)
{
	const char *p = text, *ok = text;	/* ok: after the last number with its unit */
	double total = 0;

	if (strchr(text, ':') != NULL) {
		if (parse_clock(text, out) == 0 && *out <= SIM_SECONDS(3600) * PREDICT_MAX_HOURS)
			return 0;
		snprintf(err, errlen, "\"%s\" is not a clock reading such as 1:00:55", text);
		return -1;
	}
	while (*p != '\0') {
		char *end;
		double v;
		double unit;

		if (!isdigit((unsigned char)*p) && *p != '.')
			break;
		v = strtod(p, &end);
		if (end == p)
			break;
		p = end;
		if (*p == 'h')
			unit = 3600;
		else if (*p == 'm' && p[1] == 's')
			unit = 0.001, p++;
		else if (*p == 'm')
			unit = 60;
		else if (*p == 's')
			unit = 1;
		else
			break;
		ok = ++p;
		total += v * unit;
	}
	if (ok == text || *ok != '\0' || total > 3600.0 * PREDICT_MAX_HOURS) {
		snprintf(err, errlen, "\"%s\" is not a duration such as 12h, 45m, 1h30m or 1:00:55",
			 text);
		return -1;
	}
	*out = (simtime_t)(total * 1e6 + 0.5);
	return 0;
}

/* "exact", or "0:15:55 short (-26.1%)". */
void
predict_error(char *buf, size_t len, simtime_t guess, simtime_t total)
{
	simtime_t diff = guess - total;
	char d[32];

	duration_hms(diff < 0 ? -diff : diff, d, sizeof(d));
	if (diff == 0)
		snprintf(buf, len, "exact");
	else
		snprintf(buf, len, "%s %s (%+.1f%%)", d, diff < 0 ? "short" : "over",
			 total > 0 ? 100.0 * (double)diff / (double)total : 0.0);
}

static void
predict_row(FILE *f, const char *name, simtime_t guess, const struct sim_stats *st)
{
	char g[32], m[32], t[32], e[64];

	duration_hms(guess, g, sizeof(g));
	duration_hms(st->model_total, m, sizeof(m));
	duration_hms(st->total, t, sizeof(t));
	predict_error(e, sizeof(e), guess, st->total);
	fprintf(f, "%-12s %10s %10s %10s   %s\n", name, g, m, t, e);
}

void
predict_print(FILE *f, const struct predict *p, const struct sim_stats *st, int n)
{
	bool async_done = false, sync_done = false, header = false;

	for (int i = 0; i < n; i++) {
		bool sync = st[i].policy == SIM_SYNC;

		if (sync ? !p->sync_set : (!p->async_set || async_done))
			continue;
		if (!header)
			fprintf(f, "\n%-12s %10s %10s %10s   %s\n", "prediction", "guess", "model",
				"measured", "error of the guess");
		header = true;
		predict_row(f, sim_policy_name(st[i].policy), sync ? p->sync : p->async, &st[i]);
		async_done |= !sync;
		sync_done |= sync;
	}
	if (p->async_set && !async_done)
		fprintf(f, "(no async exhibition ran to compare the async guess with)\n");
	if (p->sync_set && !sync_done)
		fprintf(f, "(no sync exhibition ran to compare the sync guess with)\n");
}

void
predict_print_sim(FILE *f, const struct predict *p, const struct sim *s)
{
	struct sim_stats st[SIM_EXHIBITIONS_MAX];
	int n = sim_exhibitions(s);

	for (int i = 0; i < n; i++)
		sim_stats(s, i, &st[i]);
	predict_print(f, p, st, n);
}
