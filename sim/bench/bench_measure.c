/*
 * What every model measures with (besides the lateness histogram,
 * sim/histogram.h, fixed size, so recording three million wake-ups costs
 * no memory per board): the master's
 * deterministic CPU burn, the monotonic clock, and this process's memory as
 * the kernel accounts it (proportional set size where smaps_rollup exists,
 * so pages shared by forked boards are counted once, not once per board).
 */
#include <errno.h>
#include <inttypes.h>
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

void
bench_report_limit(struct bench_report *r, const char *what, int err, uint32_t started)
{
	r->status = BENCH_LIMIT;
	snprintf(r->error, sizeof(r->error), "%s: %s after %" PRIu32 " boards", what,
	    err != 0 ? strerror(err) : "cap", started);
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
