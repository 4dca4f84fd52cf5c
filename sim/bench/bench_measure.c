/*
 * What every model measures with (besides the lateness histogram,
 * sim/histogram.h, fixed size, so recording three million wake-ups costs
 * no memory per board): the master's
 * deterministic CPU burn, the monotonic clock, this process's memory as
 * the kernel accounts it (proportional set size where smaps_rollup exists,
 * so pages shared by forked boards are counted once, not once per board),
 * and the machine's free memory, which also sees what PSS cannot: a task's
 * kernel stack, task struct and page tables.
 */
#include <errno.h>
#include <stdlib.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sim/bench/bench.h"

uint64_t
bench_burn(uint64_t iters, uint64_t seed)
{
	uint64_t x = seed * 0x9e3779b97f4a7c15ULL + 1;

	/* Each step depends on the last: no vectorising, no skipping. */
	for (uint64_t i = 0; i < iters; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
	}
	return x;
}

uint64_t
bench_move_seed(uint32_t board, uint32_t move)
{
	return ((uint64_t)board << 32) | move;
}

int64_t
bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t
bench_sleep_until(int64_t due_ns)
{
	struct timespec ts = { .tv_sec = due_ns / 1000000000, .tv_nsec = due_ns % 1000000000 };
	int64_t late;

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		continue;
	late = bench_now_ns() - due_ns;
	return late > 0 ? late : 0;
}

static int
bench_mem_pss(uint64_t *kib)
{
	FILE *f = fopen("/proc/self/smaps_rollup", "r");
	char line[256];
	int found = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "Pss: %" SCNu64, kib) == 1) {
			found = 0;
			break;
		}
	}
	fclose(f);
	return found;
}

int
bench_mem_self(uint64_t *kib, int *pss)
{
	FILE *f;
	uint64_t size, rss;
	long page = sysconf(_SC_PAGESIZE);

	if (bench_mem_pss(kib) == 0) {
		*pss = 1;
		return 0;
	}
	*pss = 0;
	f = fopen("/proc/self/statm", "r");
	if (f == NULL)
		return -1;
	if (fscanf(f, "%" SCNu64 " %" SCNu64, &size, &rss) != 2) {
		fclose(f);
		return -1;
	}
	fclose(f);
	*kib = rss * (uint64_t)(page > 0 ? page : 4096) / 1024;
	return 0;
}

/*
 * Sums the numbers of the lines of path that start (after blanks) with one
 * of keys, into sum[i] for key i; -1 when the file cannot be read.
 */
static int
bench_proc_sums(const char *path, const char *const *keys, int nkeys, int64_t *sum)
{
	FILE *f = fopen(path, "r");
	char line[256];

	if (f == NULL)
		return -1;
	memset(sum, 0, (size_t)nkeys * sizeof(*sum));
	while (fgets(line, sizeof(line), f) != NULL) {
		const char *p = line;

		while (*p == ' ')
			p++;
		for (int i = 0; i < nkeys; i++)
			if (strncmp(p, keys[i], strlen(keys[i])) == 0)
				sum[i] += strtoll(p + strlen(keys[i]), NULL, 10);
	}
	fclose(f);
	return 0;
}

static int
bench_cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

void
bench_sys_read(struct bench_sys *out)
{
	enum { SAMPLES = 5 };
	static const char *const keys[] = { "MemAvailable:", "KernelStack:", "PageTables:",
		"SUnreclaim:" };
	static const char *const pcp_key[] = { "count:" };	/* per-CPU lists, in pages */
	long page = sysconf(_SC_PAGESIZE);
	uint64_t v[SAMPLES], kv[SAMPLES];

	out->t_ns = bench_now_ns();
	out->kib = out->kernel_kib = 0;
	for (int k = 0; k < SAMPLES; k++) {
		int64_t m[4], pcp = 0;

		if (bench_proc_sums("/proc/meminfo", keys, 4, m) < 0 || m[0] <= 0)
			return;
		if (bench_proc_sums("/proc/zoneinfo", pcp_key, 1, &pcp) < 0)
			pcp = 0;
		v[k] = (uint64_t)m[0] + (uint64_t)pcp * (uint64_t)(page > 0 ? page : 4096) / 1024;
		kv[k] = (uint64_t)(m[1] + m[2] + m[3]);
	}
	qsort(v, SAMPLES, sizeof(v[0]), bench_cmp_u64);
	qsort(kv, SAMPLES, sizeof(kv[0]), bench_cmp_u64);
	out->kib = v[SAMPLES / 2];
	out->kernel_kib = kv[SAMPLES / 2];
}

void
bench_sys_derive(struct bench_result *r, uint32_t n, const struct bench_sys *before,
    const struct bench_sys *alive, const struct bench_sys *p0, const struct bench_sys *p1)
{
	double cost, span;

	r->sys_before_kib = before->kib;
	r->sys_alive_kib = alive->kib;
	if (n == 0 || before->kib == 0 || alive->kib == 0 || p0->kib == 0 || p1->kib == 0 ||
	    p1->t_ns <= p0->t_ns)
		return;
	/* What the rest of the machine freed (or took, < 0) while the boards
	 * came to life, assuming its drift was steady across the cell. */
	span = (double)(alive->t_ns - before->t_ns) / (double)(p1->t_ns - p0->t_ns);
	r->sys_drift_kib = ((double)p1->kib - (double)p0->kib) * span;
	cost = (double)before->kib - (double)alive->kib + r->sys_drift_kib;
	r->sys_bytes_per_board = cost * 1024.0 / n;
	/* The kernel's counters grow where free memory falls. */
	r->kernel_bytes_per_board = ((double)alive->kernel_kib - (double)before->kernel_kib -
	    ((double)p1->kernel_kib - (double)p0->kernel_kib) * span) * 1024.0 / n;
	/* The whole cell's drift is the uncertainty: a steady drift cancels,
	 * a burst inside the interval does not. */
	r->sys_noisy = cost <= 0 || fabs((double)p1->kib - (double)p0->kib) > cost / 4;
}

void
bench_report_limit(struct bench_report *r, const struct bench_config *cfg, const char *what,
    int err, uint32_t started)
{
	/* Under --mem-cap, running out of memory is the cap's doing: the
	 * address space is full long before this machine's memory is. */
	int capped = err == ENOMEM && bench_mem_cap_applies(cfg);

	r->status = capped ? BENCH_CAP : BENCH_LIMIT;
	snprintf(r->error, sizeof(r->error), "%s: %s after %" PRIu32 " boards%s", what,
	    strerror(err), started, capped ? " (address space at --mem-cap)" : "");
}

int
bench_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
bench_read_all(int fd, void *buf, size_t len)
{
	char *p = buf;

	while (len > 0) {
		ssize_t n = read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}
