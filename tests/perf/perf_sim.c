/*
 * Simulation benchmark (figures, not a test): events per second and peak
 * memory of the virtual clock for 100,000 boards x 30 moves with chess off
 * (target < 2 s, < 1 KiB per board), and of the article preset with chess
 * on (target < 1 s). Each case runs in a child process so its peak RSS is
 * its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/position.h"
#include "sim/sim.h"
#include "sim/realtime.h"

static void
count_event(const struct sim_event *e, void *arg)
{
	(void)e;
	(*(long long *)arg)++;
}

static long
rss_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int
bench_case(const char *name, const struct sim_config *c, enum sim_policy p)
{
	char err[256];
	long base = rss_kib(), peak;
	double t0 = realtime_monotonic(), t1;
	long long events = 0;
	struct sim *s = sim_new(c, &p, 1, err, sizeof(err));
	struct sim_stats st;
	char total[32];

	if (s == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	sim_on_event(s, count_event, &events);
	sim_run_virtual(s);
	t1 = realtime_monotonic();
	peak = rss_kib();
	sim_stats(s, 0, &st);
	duration_hms(st.total, total, sizeof(total));
	printf("%-34s %-11s %9.3f s %12lld events %10.2f Mev/s  peak %7ld KiB (+%ld KiB, %.0f B/board)  total %s\n",
	       name, sim_policy_name(p), t1 - t0, events, (double)events / (t1 - t0) / 1e6, peak,
	       peak - base, 1024.0 * (double)(peak - base) / c->boards, total);
	sim_free(s);
	return 0;
}

static int
in_child(const char *name, const struct sim_config *c, enum sim_policy p)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int r = bench_case(name, c, p);

		fflush(stdout);
		_exit(r);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return 1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

int
main(void)
{
	struct sim_config c;
	char err[128];
	int rc = 0;

	engine_init();
	sim_config_defaults(&c);
	c.boards = 100000;
	c.chess = false;
	for (int p = 0; p < SIM_POLICY_NB; p++)
		rc |= in_child("100,000 boards x 30, chess off", &c, (enum sim_policy)p);
	sim_preset_apply(&c, "article", err, sizeof(err));
	for (int p = 0; p < SIM_POLICY_NB; p++)
		rc |= in_child("article preset, chess on", &c, (enum sim_policy)p);
	return rc;
}
