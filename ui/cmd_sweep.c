/*
 * `simul sweep`: one exhibition parameter over a range, every policy at
 * each value, on the virtual clock with chess off unless --chess says
 * otherwise, so 48 points take milliseconds. The range is written where
 * the value would be (--boards 1..48, --opponent-think 5s..120s); the
 * other options are `simul run`'s. Prints a table (or --csv / --json) of
 * the total per value and policy, the model beside it, and with --svg the
 * line chart with the knee N·(Tm+W) = Tm+To marked.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/macros.h"
#include "ui/atomic_file.h"
#include "ui/cli.h"
#include "ui/commands.h"
#include "ui/json.h"
#include "ui/pictures.h"

enum { SWEEP_POINTS_MAX = 1000, SWEEP_DURATION_POINTS = 24, SWEEP_COUNT_POINTS = 100 };

enum sweep_format { SWEEP_TABLE, SWEEP_CSV, SWEEP_JSON };

/* The parameters a range may be given to. */
static const struct sweep_param {
	const char	*name;
	char		short_name;
	bool		duration;	/* else a count */
	long		max;
} sweep_params[] = {
	{ "boards", 'n', false, SIM_BOARDS_MAX },
	{ "moves", 'm', false, SIM_MOVES_MAX },
	{ "master-think", 0, true, 0 },
	{ "opponent-think", 0, true, 0 },
	{ "walk", 0, true, 0 },
};

struct sweep_opts {
	const char		*svg;
	enum sweep_format	format;
	long			points;		/* 0: the default */
};

static int
opt_csv(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct sweep_opts *)ctx)->format = SWEEP_CSV;
	return 0;
}

static int
opt_json(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct sweep_opts *)ctx)->format = SWEEP_JSON;
	return 0;
}

static const struct cli_option sweep_options[] = {
	{ "svg", 0, "FILE", "draw the totals and the model as an SVG line chart", NULL,
	  .kind = CLI_PATH, .off = offsetof(struct sweep_opts, svg) },
	{ "csv", 0, NULL, "print CSV: one row per value and policy", opt_csv, .one_of = "format" },
	{ "json", 0, NULL, "print JSON", opt_json, .one_of = "format" },
	{ "points", 0, "K", "values in the range (every whole number up to 100, or 24 durations)",
	  NULL, .kind = CLI_INT, .off = offsetof(struct sweep_opts, points), .lo = 2,
	  .hi = SWEEP_POINTS_MAX },
};

static void
sweep_notes(FILE *f)
{
	fprintf(f, "PARAMETER is one of:");
	for (size_t i = 0; i < ARRAY_LEN(sweep_params); i++)
		fprintf(f, " %s", sweep_params[i].name);
	fprintf(f, ".\n  simul sweep --boards 1..48 --svg knee.svg\n"
		   "  simul sweep --opponent-think 5s..120s --policy sync,ready --csv\n\n");
	cli_exhibition_notes(f);
}

static const struct cli_table sweep_table = { "sweep options", sweep_options,
					      ARRAY_LEN(sweep_options) };

const struct cli_spec cmd_sweep_spec = {
	.name = "sweep",
	.synopsis = "--PARAMETER A..B [options]",
	.summary = "one parameter over a range: totals, model and the knee (--svg)",
	.about = "Runs every policy (sync,round-robin,ready unless --policy says otherwise) at\n"
		 "each value of one parameter, on the virtual clock, chess off unless --chess on,\n"
		 "and prints the totals beside the model's.",
	.tables = { &cli_exhibition_table, &sweep_table },
	.notes = sweep_notes,
	.check = cli_exhibition_check,
};

/* The swept parameter: which, its range, and where its value sits in argv. */
struct sweep_range {
	const struct sweep_param *p;
	double		lo, hi;		/* counts or µs */
	char		lo_text[64];	/* what the shared parser sees instead */
	char		arg_text[96];	/* "--name=A" for the --name=A..B form */
};

/* Is v a range "A..B" (a distribution such as uniform:40s..70s is not)? */
static bool
is_range(const char *v)
{
	return strstr(v, "..") != NULL && strchr(v, ':') == NULL;
}

static int
parse_bound(const struct sweep_param *p, const char *text, double *out, char *err,
	    size_t errlen)
{
	if (p->duration) {
		simtime_t t;

		if (duration_parse(text, &t, err, errlen) < 0)
			return -1;
		*out = (double)t;
	} else {
		long n;

		if (cli_parse_int(text, 1, p->max, &n, err, errlen) < 0)
			return -1;
		*out = (double)n;
	}
	return 0;
}

/* Finds the one range in args (a copy of argv) and puts its low end in its place. */
static int
find_range(int argc, char **args, struct sweep_range *r, bool *chess_given, char *err,
	   size_t errlen)
{
	r->p = NULL;
	*chess_given = false;
	for (int i = 1; i < argc; i++) {
		const char *a = args[i];

		if (strncmp(a, "--chess", 7) == 0 && (a[7] == '\0' || a[7] == '='))
			*chess_given = true;
		for (size_t k = 0; k < sizeof(sweep_params) / sizeof(sweep_params[0]); k++) {
			const struct sweep_param *p = &sweep_params[k];
			size_t n = strlen(p->name);
			char **slot = NULL, why[256] = "", hi[64];
			const char *v, *dots;
			bool long_form = strncmp(a, "--", 2) == 0 && strncmp(a + 2, p->name, n) == 0;

			if (long_form && a[2 + n] == '=')
				v = a + 3 + n;
			else if (i + 1 < argc && ((long_form && a[2 + n] == '\0') ||
				 (p->short_name && a[0] == '-' && a[1] == p->short_name && !a[2])))
				v = args[i + 1], slot = &args[i + 1];
			else
				continue;
			if (!is_range(v))
				continue;
			if (r->p != NULL) {
				snprintf(err, errlen, "--%s: only one parameter can be swept (--%s is)",
					 p->name, r->p->name);
				return -1;
			}
			dots = strstr(v, "..");
			snprintf(r->lo_text, sizeof(r->lo_text), "%.*s", (int)(dots - v), v);
			snprintf(hi, sizeof(hi), "%s", dots + 2);
			if (parse_bound(p, r->lo_text, &r->lo, why, sizeof(why)) < 0 ||
			    parse_bound(p, hi, &r->hi, why, sizeof(why)) < 0 || r->hi <= r->lo) {
				if (r->hi <= r->lo && why[0] == '\0')
					snprintf(why, sizeof(why), "the end must be above the start");
				snprintf(err, errlen, "--%s: \"%s\" is not a range A..B (%s)", p->name, v,
					 why);
				return -1;
			}
			r->p = p;
			if (slot != NULL) {
				*slot = r->lo_text;
			} else {
				snprintf(r->arg_text, sizeof(r->arg_text), "--%s=%s", p->name,
					 r->lo_text);
				args[i] = r->arg_text;
			}
		}
	}
	if (r->p == NULL) {
		snprintf(err, errlen, "give one parameter a range A..B, e.g. --boards 1..48 "
				      "(try simul sweep --help)");
		return -1;
	}
	return 0;
}

/* The values: evenly spaced over [lo, hi], whole numbers without repeats. */
static size_t
sweep_values(const struct sweep_range *r, long points, double *out)
{
	size_t n = 0;
	long k = points;

	if (k == 0)
		k = r->p->duration ? SWEEP_DURATION_POINTS
		    : r->hi - r->lo + 1 <= SWEEP_COUNT_POINTS ? (long)(r->hi - r->lo + 1)
		    : SWEEP_COUNT_POINTS / 2;
	for (long i = 0; i < k; i++) {
		double v = r->lo + (r->hi - r->lo) * (double)i / (double)(k - 1);

		v = (double)(long long)(v + 0.5);
		if (n == 0 || v > out[n - 1])
			out[n++] = v;
	}
	return n;
}

static void
sweep_set(struct sim_config *c, const struct sweep_param *p, double v)
{
	if (strcmp(p->name, "boards") == 0)
		c->boards = (int)v;
	else if (strcmp(p->name, "moves") == 0)
		c->moves = (int)v;
	else if (strcmp(p->name, "master-think") == 0)
		dist_fixed(&c->master_think, (simtime_t)v);
	else if (strcmp(p->name, "opponent-think") == 0)
		dist_fixed(&c->opponent_think, (simtime_t)v);
	else
		dist_fixed(&c->walk, (simtime_t)v);
}

/*
 * Where N·(Tm+W) = Tm+To, in the parameter's unit, from the means of the
 * fixed parameters; -1 when the parameter has no knee (moves) or it falls
 * below zero. Past it a round is N·(Tm+W) long: the master is the bottleneck.
 */
static double
sweep_knee(const struct sim_config *c, const struct sweep_param *p)
{
	double n = c->boards, tm = (double)dist_mean(&c->master_think);
	double to = (double)dist_mean(&c->opponent_think), w = (double)dist_mean(&c->walk);
	double k = -1;

	if (strcmp(p->name, "boards") == 0 && tm + w > 0)
		k = (tm + to) / (tm + w);
	else if (strcmp(p->name, "opponent-think") == 0)
		k = n * (tm + w) - tm;
	else if (strcmp(p->name, "master-think") == 0 && n > 1)
		k = (to - n * w) / (n - 1);
	else if (strcmp(p->name, "walk") == 0)
		k = (tm + to) / n - tm;
	return k >= 0 ? k : -1;
}

static void
value_text(const struct sweep_param *p, double v, char *buf, size_t len)
{
	if (p->duration)
		duration_format((simtime_t)v, buf, len);
	else
		snprintf(buf, len, "%.0f", v);
}

/* What stayed fixed, one line for the chart and the table. */
static void
sweep_config_text(const struct sim_config *c, const struct sweep_param *p, char *buf, size_t len)
{
	char tm[DIST_TEXT_MAX], to[DIST_TEXT_MAX], w[DIST_TEXT_MAX], n[16], m[16];

	dist_format(&c->master_think, tm, sizeof(tm));
	dist_format(&c->opponent_think, to, sizeof(to));
	dist_format(&c->walk, w, sizeof(w));
	snprintf(n, sizeof(n), "%d", c->boards);
	snprintf(m, sizeof(m), "%d", c->moves);
	snprintf(buf, len, "boards %s, moves %s, master %s, opponents %s, walk %s, seed %llu, chess %s",
		 strcmp(p->name, "boards") ? n : "swept", strcmp(p->name, "moves") ? m : "swept",
		 strcmp(p->name, "master-think") ? tm : "swept",
		 strcmp(p->name, "opponent-think") ? to : "swept",
		 strcmp(p->name, "walk") ? w : "swept", (unsigned long long)c->seed,
		 c->chess ? "on" : "off");
}

struct sweep_result {
	const struct sweep_range *r;
	const struct sim_config	*c;
	const double		*values;
	size_t			n;
	const enum sim_policy	*policies;
	int			np;
	const simtime_t		*total, *model;		/* [value * np + policy] */
	double			knee;
};

static void
print_table(FILE *f, const struct sweep_result *s)
{
	char buf[64], cfg[400];
	bool differs = false;

	sweep_config_text(s->c, s->r->p, cfg, sizeof(cfg));
	fprintf(f, "%s\n%14s", cfg, s->r->p->name);
	for (int p = 0; p < s->np; p++)
		fprintf(f, " %13s", sim_policy_name(s->policies[p]));
	fputc('\n', f);
	for (size_t i = 0; i < s->n; i++) {
		value_text(s->r->p, s->values[i], buf, sizeof(buf));
		fprintf(f, "%14s", buf);
		for (int p = 0; p < s->np; p++) {
			size_t k = i * (size_t)s->np + (size_t)p;
			bool off = s->total[k] != s->model[k];

			duration_hms(s->total[k], buf, sizeof(buf));
			fprintf(f, " %12s%c", buf, off ? '*' : ' ');
			differs |= off;
		}
		fputc('\n', f);
	}
	if (s->knee >= 0) {
		value_text(s->r->p, s->knee, buf, sizeof(buf));
		if (!s->r->p->duration)
			snprintf(buf, sizeof(buf), "%.4g", s->knee);
		fprintf(f, "\nknee: %s = %s, where N*(Tm+W) = Tm+To: past it the master is busy all the "
			   "time and async gains no more.\n", s->r->p->name, buf);
	}
	fprintf(f, "%s\n", differs ? "*: differs from the model (variable times, chess, walks)."
				   : "every total equals the model's.");
}

static void
print_csv(FILE *f, const struct sweep_result *s)
{
	char buf[32];

	fprintf(f, "%s%s,policy,total_us,total,model_us\n", s->r->p->name,
		s->r->p->duration ? "_us" : "");
	for (size_t i = 0; i < s->n; i++)
		for (int p = 0; p < s->np; p++) {
			size_t k = i * (size_t)s->np + (size_t)p;

			duration_hms(s->total[k], buf, sizeof(buf));
			fprintf(f, "%.0f,%s,%lld,%s,%lld\n", s->values[i], sim_policy_name(s->policies[p]),
				(long long)s->total[k], buf, (long long)s->model[k]);
		}
}

static void
print_json(FILE *f, const struct sweep_result *s)
{
	char cfg[400];

	sweep_config_text(s->c, s->r->p, cfg, sizeof(cfg));
	fprintf(f, "{\n  \"simul\": \"%s\", \"parameter\": \"%s\", \"unit\": \"%s\",\n",
		SIMUL_VERSION, s->r->p->name, s->r->p->duration ? "us" : "count");
	fputs("  \"config\": ", f);
	json_string(f, cfg);
	fputs(",\n  \"knee\": ", f);
	if (s->knee >= 0)
		fprintf(f, "%.6g", s->knee);
	else
		fputs("null", f);
	fputs(",\n  \"points\": [\n", f);
	for (size_t i = 0; i < s->n; i++) {
		fprintf(f, "    {\"value\": %.0f, \"total_us\": {", s->values[i]);
		for (int p = 0; p < s->np; p++)
			fprintf(f, "%s\"%s\": %lld", p ? ", " : "", sim_policy_name(s->policies[p]),
				(long long)s->total[i * (size_t)s->np + (size_t)p]);
		fputs("}, \"model_us\": {", f);
		for (int p = 0; p < s->np; p++)
			fprintf(f, "%s\"%s\": %lld", p ? ", " : "", sim_policy_name(s->policies[p]),
				(long long)s->model[i * (size_t)s->np + (size_t)p]);
		fprintf(f, "}}%s\n", i + 1 < s->n ? "," : "");
	}
	fputs("  ]\n}\n", f);
}

static int
write_svg(const char *path, const struct sweep_result *s)
{
	struct sweep_series series[SIM_EXHIBITIONS_MAX];
	simtime_t *cols = malloc(2 * s->n * (size_t)s->np * sizeof(*cols));
	struct atomic_file af = { 0 };
	struct sweep_chart chart;
	char err[512], cfg[400];
	int rc = -1;

	if (cols == NULL)
		return -1;
	/* The chart wants each policy's totals in a row of their own. */
	for (int p = 0; p < s->np; p++) {
		simtime_t *t = cols + (size_t)(2 * p) * s->n, *m = t + s->n;

		for (size_t i = 0; i < s->n; i++) {
			t[i] = s->total[i * (size_t)s->np + (size_t)p];
			m[i] = s->model[i * (size_t)s->np + (size_t)p];
		}
		series[p] = (struct sweep_series){ s->policies[p], t, m };
	}
	sweep_config_text(s->c, s->r->p, cfg, sizeof(cfg));
	chart = (struct sweep_chart){ s->r->p->name, s->r->p->duration, s->values, s->n, series,
				      s->np, s->knee, cfg };
	if (atomic_file_open(&af, path, err, sizeof(err)) < 0)
		fprintf(stderr, "simul: --svg: %s\n", err);
	else if (picture_sweep(af.f, &chart) < 0 || atomic_file_commit(&af, err, sizeof(err)) < 0)
		fprintf(stderr, "simul: --svg: cannot write %s\n", path);
	else
		rc = 0;
	atomic_file_abort(&af);
	free(cols);
	return rc;
}

int
cmd_sweep(int argc, char **argv)
{
	struct sweep_opts so = { 0 };
	struct sweep_range r;
	struct cli_options o;
	enum sim_policy policies[SIM_EXHIBITIONS_MAX];
	double values[SWEEP_POINTS_MAX];
	simtime_t *total = NULL, *model = NULL;
	char **args = calloc((size_t)argc + 1, sizeof(*args)), err[512];
	void *ctx[] = { &o, &so };
	bool chess_given;
	int np, rc, status = 2;
	size_t n;

	if (args == NULL)
		return 1;
	memcpy(args, argv, (size_t)argc * sizeof(*args));
	cli_options_defaults(&o);
	if (find_range(argc, args, &r, &chess_given, err, sizeof(err)) < 0) {
		char why[512];

		/* The help pass reads no values, so the range need not be found for it. */
		memcpy(args, argv, (size_t)argc * sizeof(*args));
		if (cli_getopt(&cmd_sweep_spec, ctx, argc, args, why, sizeof(why)) == 1) {
			free(args);
			cli_usage(stdout, &cmd_sweep_spec);
			return cli_flush_stdout();
		}
		fprintf(stderr, "simul: %s\n", err);
		goto out;
	}
	if ((rc = cli_main(&cmd_sweep_spec, ctx, argc, args)) >= 0) {
		free(args);
		return rc;
	}
	if (!chess_given)
		o.config.chess = false;
	if (o.npolicies == 0) {
		np = 3;
		policies[0] = SIM_SYNC, policies[1] = SIM_ROUND_ROBIN, policies[2] = SIM_READY;
	} else {
		np = cli_policies(&o, policies);
	}
	n = sweep_values(&r, so.points, values);
	total = malloc(n * (size_t)np * sizeof(*total));
	model = malloc(n * (size_t)np * sizeof(*model));
	if (total == NULL || model == NULL) {
		status = 1;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct sim_config c = o.config;
		struct sim *s;

		sweep_set(&c, r.p, values[i]);
		s = sim_new(&c, policies, np, err, sizeof(err));
		if (s == NULL) {
			fprintf(stderr, "simul: --%s\n", err);
			goto out;
		}
		sim_run_virtual(s);
		for (int p = 0; p < np; p++) {
			struct sim_stats st;

			sim_stats(s, p, &st);
			total[i * (size_t)np + (size_t)p] = st.total;
			model[i * (size_t)np + (size_t)p] = st.model_total;
		}
		sim_free(s);
	}
	{
		struct sweep_result res = { &r, &o.config, values, n, policies, np, total, model,
					    sweep_knee(&o.config, r.p) };

		status = 1;
		if (so.svg != NULL && write_svg(so.svg, &res) < 0)
			goto out;
		if (so.format == SWEEP_CSV)
			print_csv(stdout, &res);
		else if (so.format == SWEEP_JSON)
			print_json(stdout, &res);
		else
			print_table(stdout, &res);
		status = cli_flush_stdout();
	}
out:
	free(total);
	free(model);
	free(args);
	return status;
}
