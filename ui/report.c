/*
 * Report writers. Every format reads the same grid of struct sim_stats;
 * the speed-up of a run is sync's total over its own within the same
 * repeat (same seed), so it is only shown when sync ran. With --repeat K
 * the table and Markdown show each figure's mean with min..max, CSV a row
 * per run, and JSON both the runs and a summary.
 */
#include "ui/report.h"

#include <inttypes.h>
#include <string.h>

#include "ui/json.h"

/* One figure of one run, as a double, for the mean/min/max summaries. */
enum figure { FIG_TOTAL, FIG_UTIL, FIG_WAIT_MEAN, FIG_WAIT_P95, FIG_SPEEDUP, FIG_NB };

static const struct sim_stats *
cell(const struct report *r, int run, int p)
{
	return &r->stats[run * r->npolicies + p];
}

/* Sync's total over this run's, or 0 when no sync ran. */
static double
speedup(const struct report *r, int run, int p)
{
	for (int i = 0; i < r->npolicies; i++)
		if (cell(r, run, i)->policy == SIM_SYNC && cell(r, run, p)->total > 0)
			return (double)cell(r, run, i)->total / (double)cell(r, run, p)->total;
	return 0.0;
}

static double
figure(const struct report *r, int run, int p, enum figure f)
{
	const struct sim_stats *st = cell(r, run, p);

	switch (f) {
	case FIG_TOTAL: return (double)st->total;
	case FIG_UTIL: return st->utilisation;
	case FIG_WAIT_MEAN: return (double)st->wait_mean;
	case FIG_WAIT_P95: return (double)st->wait_p95;
	default: return speedup(r, run, p);
	}
}

struct summary {
	double	mean, min, max;
};

static struct summary
summarise(const struct report *r, int p, enum figure f)
{
	struct summary s = { 0, 0, 0 };

	for (int run = 0; run < r->repeats; run++) {
		double v = figure(r, run, p, f);

		s.mean += v;
		if (run == 0 || v < s.min)
			s.min = v;
		if (run == 0 || v > s.max)
			s.max = v;
	}
	s.mean /= r->repeats;
	return s;
}

static void
hms(double us, char *buf, size_t len)
{
	duration_hms((simtime_t)(us + 0.5), buf, len);
}

static void
results_text(const struct sim_stats *st, bool chess, char *buf, size_t len)
{
	if (!chess)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "+%d =%d -%d", st->white_wins, st->draws, st->black_wins);
}

static void
config_line(FILE *f, const struct report *r, const char *prefix)
{
	const struct sim_config *c = r->config;
	char tm[DIST_TEXT_MAX], to[DIST_TEXT_MAX], w[DIST_TEXT_MAX];

	dist_format(&c->master_think, tm, sizeof(tm));
	dist_format(&c->opponent_think, to, sizeof(to));
	dist_format(&c->walk, w, sizeof(w));
	fprintf(f, "%s%d boards x %d moves, master %s, opponents %s, walk %s, seed %" PRIu64, prefix,
		c->boards, c->moves, tm, to, w, c->seed);
	if (r->repeats > 1)
		fprintf(f, "..%" PRIu64 " (%d runs)", c->seed + (uint64_t)r->repeats - 1, r->repeats);
	fprintf(f, ", chess %s", c->chess ? "on" : "off");
	if (c->nblocking > 0) {
		fprintf(f, ", blocking opponent%s", c->nblocking > 1 ? "s" : "");
		for (int i = 0; i < c->nblocking; i++)
			fprintf(f, "%s%d", i ? ", " : " ", c->blocking[i] + 1);
	}
	fputc('\n', f);
}

/* The figures of every repeat together: sums, and the worst of the maxima and p99s. */
static void
loop_total(const struct report *r, struct sim_loop_stats *t)
{
	double late_sum = 0;

	memset(t, 0, sizeof(*t));
	for (int run = 0; run < r->repeats; run++) {
		const struct sim_loop_stats *l = &r->loop[run];

		t->live = t->live || l->live;
		t->greedy = l->greedy;
		t->timers += l->timers;
		late_sum += l->lateness_mean_ms * (double)l->timers;
		if (l->lateness_max_ms > t->lateness_max_ms)
			t->lateness_max_ms = l->lateness_max_ms;
		if (l->lateness_p99_ms > t->lateness_p99_ms)
			t->lateness_p99_ms = l->lateness_p99_ms;
		if (l->lateness_p50_ms > t->lateness_p50_ms)
			t->lateness_p50_ms = l->lateness_p50_ms;
		t->prepared += l->prepared;
		t->prepare_s += l->prepare_s;
		t->ahead_searches += l->ahead_searches;
		t->search_waits += l->search_waits;
		t->search_wait_s += l->search_wait_s;
		t->slices += l->slices;
		t->blocking_calls += l->blocking_calls;
		t->blocked_s += l->blocked_s;
		t->master_searches += l->master_searches;
		t->search_cpu_s += l->search_cpu_s;
		if (l->search_cpu_max_ms > t->search_cpu_max_ms)
			t->search_cpu_max_ms = l->search_cpu_max_ms;
		t->opponent_searches += l->opponent_searches;
		t->opponent_cpu_s += l->opponent_cpu_s;
	}
	t->lateness_mean_ms = t->timers > 0 ? late_sum / (double)t->timers : 0.0;
	t->search_cpu_mean_ms =
		t->master_searches > 0 ? t->search_cpu_s / (double)t->master_searches * 1e3 : 0.0;
}

/* The paragraph under a table: what really happened, in real time. */
static void
measured_text(FILE *f, const struct report *r, const char *prefix)
{
	struct sim_loop_stats t;

	if (r->loop == NULL || (!r->config->chess && !r->live))
		return;
	loop_total(r, &t);
	fprintf(f, "\n%smeasured (real time, not simulated; varies from run to run):\n", prefix);
	if (r->config->chess)
		fprintf(f,
			"%s  searches: master %" PRIu64 " moves, CPU %.3f s (mean %.2f ms, max %.2f ms "
			"per move); opponents %" PRIu64 " moves, CPU %.3f s\n",
			prefix, t.master_searches, t.search_cpu_s, t.search_cpu_mean_ms,
			t.search_cpu_max_ms, t.opponent_searches, t.opponent_cpu_s);
	if (!r->live)
		return;
	fprintf(f,
		"%s  live loop at %gx, %s: %" PRIu64 " timers, lateness max %.2f ms, p99 %.2f ms, "
		"p50 %.2f ms, mean %.2f ms\n",
		prefix, r->speed, t.greedy ? "greedy (searches in one go)" : "searches in slices",
		t.timers, t.lateness_max_ms, t.lateness_p99_ms, t.lateness_p50_ms, t.lateness_mean_ms);
	if (t.prepared > 0)
		fprintf(f,
			"%s  the clock was held %.2f s at the start while %" PRIu64 " move%s searched "
			"ahead, until the searches left could keep up; lateness counts from then\n",
			prefix, t.prepare_s, t.prepared, t.prepared == 1 ? " was" : "s were");
	if (t.ahead_searches > 0)
		fprintf(f, "%s  %" PRIu64 " of the moves searched ahead of their player's think\n",
			prefix, t.ahead_searches);
	if (t.search_waits > 0 || t.slices > 0)
		fprintf(f,
			"%s  %" PRIu64 " search slices between loop iterations; %" PRIu64
			" times an event waited for its search, %.1f ms in all\n",
			prefix, t.slices, t.search_waits, t.search_wait_s * 1e3);
	if (t.blocking_calls > 0)
		fprintf(f, "%s  %" PRIu64 " blocking calls froze the loop for %.2f s in all\n", prefix,
			t.blocking_calls, t.blocked_s);
}

/* The notes under a table: the model's 55 s, and why measurements differ. */
static void
notes(FILE *f, const struct report *r, const char *prefix)
{
	const struct sim_config *c = r->config;
	char to[32];

	duration_format(dist_mean(&c->opponent_think), to, sizeof(to));
	fprintf(f,
		"%sarticle: every board plays M moves; sync = N*M*(Tm+To); round-robin = "
		"(M-1)*max(N*Tm, Tm+To) + N*Tm + To%s.\n"
		"%smodel: the games as played, visit by visit (arrive = max(now, reply); "
		"leave = arrive + Tm; reply = leave + To); ~ where measured differs.\n",
		prefix, dist_mean(&c->walk) > 0 ? " (plus walk terms)" : "", prefix);
	for (int p = 0; p < r->npolicies; p++) {
		const struct sim_stats *st = cell(r, 0, p);

		if (st->ended_early == 0)
			continue;
		fprintf(f,
			"%s%d game%s ended early (board%s %s): %" PRId64 " master moves fewer than "
			"the article's %d x %d.\n",
			prefix, st->ended_early, st->ended_early == 1 ? "" : "s",
			st->ended_early == 1 ? "" : "s", st->early_boards, st->moves_saved, c->boards,
			c->moves);
		break;
	}
	if (c->nblocking > 0)
		fprintf(f,
			"%swith k = %d blocking opponent%s, async = N*M*Tm + (N*M-1)*W + k*M*To "
			"(+ To unless board N blocks): the master is blocked k*To a round and never "
			"waits; sync is unchanged.\n",
			prefix, c->nblocking, c->nblocking > 1 ? "s" : "");
	fprintf(f,
		"%sthe async total ends with the last opponent's reply: %s after the master's "
		"last move (the article's \"1 hour\" is 1:00:55).\n",
		prefix, to);
	for (int p = 0; p < r->npolicies; p++)
		for (int run = 0; run < r->repeats; run++) {
			const struct sim_stats *st = cell(r, run, p);

			if (st->model_note[0] != '\0') {
				fprintf(f, "%s%s: %s\n", prefix, sim_policy_name(st->policy),
					st->model_note);
				break;
			}
		}
}

static void
write_text(FILE *f, const struct report *r, bool md)
{
	const char *const head[] = { "policy", "total", "article", "model", "speed-up",
				     "master busy", "wait mean", "wait p95", "results" };
	/* With --repeat the total also carries its [min..max]. */
	int tw = r->repeats > 1 ? 30 : 10;

	if (md) {
		config_line(f, r, "");
		fputc('\n', f);
		fputs("|", f);
		for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
			fprintf(f, " %s |", head[i]);
		fputs("\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n", f);
	} else {
		config_line(f, r, "");
		fprintf(f, "%-12s %*s %10s %10s %9s %12s %10s %10s  %s\n", head[0], tw, head[1],
			head[2], head[3], head[4], head[5], head[6], head[7], head[8]);
	}
	for (int p = 0; p < r->npolicies; p++) {
		const struct sim_stats *st0 = cell(r, 0, p);
		struct summary tot = summarise(r, p, FIG_TOTAL), ut = summarise(r, p, FIG_UTIL);
		struct summary wm = summarise(r, p, FIG_WAIT_MEAN), wp = summarise(r, p, FIG_WAIT_P95);
		struct summary su = summarise(r, p, FIG_SPEEDUP);
		char total[64], article[32], model[32], sp[32], util[32], wmean[32], wp95[32];
		char res[48];

		hms(tot.mean, total, sizeof(total));
		if (r->repeats > 1) {
			char a[16], b[16];

			hms(tot.min, a, sizeof(a));
			hms(tot.max, b, sizeof(b));
			snprintf(total + strlen(total), sizeof(total) - strlen(total), " [%s..%s]", a, b);
		}
		duration_hms(st0->article_total, article, sizeof(article));
		duration_hms(st0->model_total, model, sizeof(model));
		if (!st0->model_exact)
			snprintf(model + strlen(model), sizeof(model) - strlen(model), "~");
		if (su.mean > 0)
			snprintf(sp, sizeof(sp), "%.1fx", su.mean);
		else
			snprintf(sp, sizeof(sp), "-");
		snprintf(util, sizeof(util), "%.1f%%", 100.0 * ut.mean);
		hms(wm.mean, wmean, sizeof(wmean));
		hms(wp.mean, wp95, sizeof(wp95));
		results_text(st0, r->config->chess, res, sizeof(res));
		if (md)
			fprintf(f, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
				sim_policy_name(st0->policy), total, article, model, sp, util, wmean,
				wp95, res);
		else
			fprintf(f, "%-12s %*s %10s %10s %9s %12s %10s %10s  %s\n",
				sim_policy_name(st0->policy), tw, total, article, model, sp, util,
				wmean, wp95, res);
	}
	fputc('\n', f);
	notes(f, r, md ? "> " : "");
	if (r->repeats > 1)
		fprintf(f, "%sfigures are means over %d seeds; total shows [min..max]%s\n",
			md ? "> " : "", r->repeats, r->config->chess ? "; results of the first run" : "");
	measured_text(f, r, md ? "> " : "");
}

/* The row's last columns: blocked time, then the run's measured figures (empty if none). */
static void
csv_measured(FILE *f, const struct report *r, int run, const struct sim_stats *st)
{
	const struct sim_loop_stats *l = r->loop != NULL ? &r->loop[run] : NULL;

	fprintf(f, ",%" PRId64, st->master_blocked);
	if (l != NULL && r->config->chess)
		fprintf(f, ",%.6f,%.4f,%.4f", l->search_cpu_s, l->search_cpu_mean_ms,
			l->search_cpu_max_ms);
	else
		fputs(",,,", f);
	if (l != NULL && r->live)
		fprintf(f, ",%" PRIu64 ",%.4f,%.4f\n", l->timers, l->lateness_max_ms,
			l->lateness_p99_ms);
	else
		fputs(",,,\n", f);
}

static void
write_csv(FILE *f, const struct report *r)
{
	fputs("run,seed,policy,total_us,total,article_us,model_us,model_exact,speedup_vs_sync,"
	      "master_busy_us,master_walk_us,master_idle_us,utilisation,waits,wait_mean_us,"
	      "wait_p50_us,wait_p95_us,wait_max_us,master_moves,opponent_moves,ended_early,"
	      "white_wins,draws,black_wins,master_blocked_us,"
	      "search_cpu_s,search_cpu_mean_ms,search_cpu_max_ms,timers,lateness_max_ms,"
	      "lateness_p99_ms\n",
	      f);
	for (int run = 0; run < r->repeats; run++)
		for (int p = 0; p < r->npolicies; p++) {
			const struct sim_stats *st = cell(r, run, p);
			char total[32];

			duration_hms(st->total, total, sizeof(total));
			fprintf(f,
				"%d,%" PRIu64 ",%s,%" PRId64 ",%s,%" PRId64 ",%" PRId64 ",%d,%.4f,%" PRId64
				",%" PRId64 ",%" PRId64 ",%.6f,%" PRId64 ",%" PRId64 ",%" PRId64
				",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%d",
				run + 1, r->config->seed + (uint64_t)run, sim_policy_name(st->policy),
				st->total, total, st->article_total, st->model_total, st->model_exact,
				speedup(r, run, p), st->master_busy, st->master_walk, st->master_idle,
				st->utilisation, st->waits, st->wait_mean, st->wait_p50, st->wait_p95,
				st->wait_max, st->master_moves, st->opponent_moves, st->ended_early);
			/* No games with chess off: empty, as the JSON's results are null. */
			if (r->config->chess)
				fprintf(f, ",%d,%d,%d", st->white_wins, st->draws, st->black_wins);
			else
				fputs(",,,", f);
			csv_measured(f, r, run, st);
		}
}

static void
json_summary(FILE *f, const char *name, struct summary s, bool last)
{
	fprintf(f, "      \"%s\": {\"mean\": %.6g, \"min\": %.6g, \"max\": %.6g}%s\n", name, s.mean,
		s.min, s.max, last ? "" : ",");
}

/* The last member, "measured": real-time figures, the only part that varies between runs. */
static void
json_measured(FILE *f, const struct report *r)
{
	struct sim_loop_stats t;

	if (r->loop == NULL)
		return;
	loop_total(r, &t);
	fprintf(f, ",\n  \"measured\": {\n    \"clock\": \"%s\", \"speed\": ",
		r->live ? "live" : "virtual");
	if (r->live)
		fprintf(f, "%.6g", r->speed);
	else
		fputs("null", f);
	fprintf(f,
		", \"greedy\": %s,\n    \"master_searches\": %" PRIu64
		", \"search_cpu_s\": %.6f, \"search_cpu_mean_ms\": %.4f"
		", \"search_cpu_max_ms\": %.4f,\n    \"opponent_searches\": %" PRIu64
		", \"opponent_cpu_s\": %.6f,\n    \"loop\": ",
		t.greedy ? "true" : "false", t.master_searches, t.search_cpu_s, t.search_cpu_mean_ms,
		t.search_cpu_max_ms, t.opponent_searches, t.opponent_cpu_s);
	if (!r->live) {
		fputs("null\n  }", f);
		return;
	}
	fprintf(f,
		"{\"timers\": %" PRIu64 ", \"lateness_max_ms\": %.4f, \"lateness_p99_ms\": %.4f"
		", \"lateness_p50_ms\": %.4f, \"lateness_mean_ms\": %.4f,\n      \"slices\": %" PRIu64
		", \"search_waits\": %" PRIu64 ", \"search_wait_ms\": %.3f"
		", \"ahead_searches\": %" PRIu64 ", \"prepared\": %" PRIu64 ", \"prepare_s\": %.4f"
		", \"blocking_calls\": %" PRIu64 ", \"blocked_s\": %.4f}\n  }",
		t.timers, t.lateness_max_ms, t.lateness_p99_ms, t.lateness_p50_ms, t.lateness_mean_ms,
		t.slices, t.search_waits, t.search_wait_s * 1e3, t.ahead_searches, t.prepared,
		t.prepare_s, t.blocking_calls, t.blocked_s);
}

static void
write_json(FILE *f, const struct report *r)
{
	const struct sim_config *c = r->config;
	char tm[DIST_TEXT_MAX], to[DIST_TEXT_MAX], w[DIST_TEXT_MAX];

	dist_format(&c->master_think, tm, sizeof(tm));
	dist_format(&c->opponent_think, to, sizeof(to));
	dist_format(&c->walk, w, sizeof(w));
	fprintf(f, "{\n  \"simul\": \"%s\",\n  \"config\": {\n", SIMUL_VERSION);
	fprintf(f,
		"    \"boards\": %d, \"moves\": %d, \"master_think\": \"%s\", "
		"\"opponent_think\": \"%s\", \"walk\": \"%s\",\n"
		"    \"seed\": %" PRIu64 ", \"repeat\": %d, \"chess\": %s, \"master\": ",
		c->boards, c->moves, tm, to, w, c->seed, r->repeats, c->chess ? "true" : "false");
	json_string(f, c->master_profile);
	fputs(", \"opponents\": ", f);
	json_string(f, c->opponents);
	fprintf(f, ",\n    \"greedy\": %s, \"blocking_opponents\": [", c->greedy ? "true" : "false");
	for (int i = 0; i < c->nblocking; i++)
		fprintf(f, "%s%d", i ? ", " : "", c->blocking[i] + 1);
	fputs("]\n  },\n  \"runs\": [\n", f);
	for (int run = 0; run < r->repeats; run++)
		for (int p = 0; p < r->npolicies; p++) {
			const struct sim_stats *st = cell(r, run, p);
			char total[32], article[32], model[32];
			double sp = speedup(r, run, p);

			duration_hms(st->total, total, sizeof(total));
			duration_hms(st->article_total, article, sizeof(article));
			duration_hms(st->model_total, model, sizeof(model));
			fprintf(f, "    {\n      \"run\": %d, \"seed\": %" PRIu64 ", \"policy\": \"%s\",\n",
				run + 1, c->seed + (uint64_t)run, sim_policy_name(st->policy));
			fprintf(f,
				"      \"total_us\": %" PRId64 ", \"total\": \"%s\", \"article_us\": %" PRId64
				", \"article\": \"%s\",\n      \"model_us\": %" PRId64
				", \"model\": \"%s\", \"model_exact\": %s,\n      \"model_note\": ",
				st->total, total, st->article_total, article, st->model_total, model,
				st->model_exact ? "true" : "false");
			json_string(f, st->model_note);
			fputs(",\n      \"speedup_vs_sync\": ", f);
			if (sp > 0)
				fprintf(f, "%.6g", sp);
			else
				fputs("null", f);
			fprintf(f,
				",\n      \"master_busy_us\": %" PRId64 ", \"master_walk_us\": %" PRId64
				", \"master_idle_us\": %" PRId64 ", \"master_blocked_us\": %" PRId64
				", \"utilisation\": %.6f,\n",
				st->master_busy, st->master_walk, st->master_idle, st->master_blocked,
				st->utilisation);
			fprintf(f,
				"      \"wait\": {\"count\": %" PRId64 ", \"mean_us\": %" PRId64
				", \"p50_us\": %" PRId64 ", \"p95_us\": %" PRId64 ", \"max_us\": %" PRId64
				"},\n",
				st->waits, st->wait_mean, st->wait_p50, st->wait_p95, st->wait_max);
			fprintf(f,
				"      \"master_moves\": %" PRId64 ", \"opponent_moves\": %" PRId64
				", \"ended_early\": %d, \"moves_saved\": %" PRId64 ", \"early_boards\": ",
				st->master_moves, st->opponent_moves, st->ended_early, st->moves_saved);
			json_string(f, st->early_boards);
			fputs(",\n", f);
			if (c->chess)
				fprintf(f,
					"      \"results\": {\"white\": %d, \"draw\": %d, \"black\": %d},\n",
					st->white_wins, st->draws, st->black_wins);
			else
				fputs("      \"results\": null,\n", f);
			fputs("      \"board_finish_us\": ", f);
			if (r->finish == NULL) {
				fputs("null", f);
			} else {
				const simtime_t *fin =
					&r->finish[(size_t)(run * r->npolicies + p) * (size_t)c->boards];

				fputc('[', f);
				for (int b = 0; b < c->boards; b++)
					fprintf(f, "%s%" PRId64, b ? ", " : "", fin[b]);
				fputc(']', f);
			}
			fprintf(f, "\n    }%s\n",
				run == r->repeats - 1 && p == r->npolicies - 1 ? "" : ",");
		}
	fputs("  ],\n  \"summary\": [\n", f);
	for (int p = 0; p < r->npolicies; p++) {
		fprintf(f, "    {\n      \"policy\": \"%s\", \"runs\": %d,\n",
			sim_policy_name(cell(r, 0, p)->policy), r->repeats);
		json_summary(f, "total_us", summarise(r, p, FIG_TOTAL), false);
		json_summary(f, "utilisation", summarise(r, p, FIG_UTIL), false);
		json_summary(f, "wait_mean_us", summarise(r, p, FIG_WAIT_MEAN), false);
		json_summary(f, "wait_p95_us", summarise(r, p, FIG_WAIT_P95), false);
		json_summary(f, "speedup_vs_sync", summarise(r, p, FIG_SPEEDUP), true);
		fprintf(f, "    }%s\n", p == r->npolicies - 1 ? "" : ",");
	}
	fputs("  ]", f);
	json_measured(f, r);
	fputs("\n}\n", f);
}

int
report_write(FILE *f, enum report_format fmt, const struct report *r)
{
	switch (fmt) {
	case REPORT_JSON: write_json(f, r); break;
	case REPORT_CSV: write_csv(f, r); break;
	case REPORT_MARKDOWN: write_text(f, r, true); break;
	default: write_text(f, r, false); break;
	}
	return fflush(f) != 0 || ferror(f) ? -1 : 0;
}
