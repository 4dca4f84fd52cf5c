/*
 * The bench models on small ladders: every model finishes every move of
 * every board with plausible counters, the master's work sums to the same
 * checksum everywhere, and caps (processes, threads, memory, time, Ctrl-C)
 * end a cell as a reported limit with no child left behind.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/bench/bench.h"
#include "tests/test_asan.h"

static void
small_config(struct bench_config *cfg, uint32_t boards)
{
	bench_config_default(cfg);
	cfg->boards = boards;
	cfg->moves = 5;
	cfg->master_work = 200;
	cfg->think_us = 1000;
	cfg->workers = 2;
	cfg->time_cap_ms = 20000;
}

static uint64_t
expected_checksum(const struct bench_config *cfg)
{
	uint64_t sum = 0;

	for (uint32_t b = 0; b < cfg->boards; b++)
		for (uint32_t m = 0; m < cfg->moves; m++)
			sum += bench_burn(cfg->master_work, bench_move_seed(b, m));
	return sum;
}

/* No child of ours is left: neither running nor a zombie. */
static void
assert_no_children(void)
{
	errno = 0;
	cr_assert(eq(int, waitpid(-1, NULL, WNOHANG), -1));
	cr_assert(eq(int, errno, ECHILD));
}

struct model_case {
	enum bench_model	model;
	uint32_t		boards;
};

ParameterizedTestParameters(bench, every_model_finishes)
{
	static struct model_case cases[] = {
		{ BENCH_PROCESSES, 10 }, { BENCH_PROCESSES, 100 },
		{ BENCH_THREADS, 10 },	 { BENCH_THREADS, 100 },
		{ BENCH_ASYNC, 10 },	 { BENCH_ASYNC, 100 },
		{ BENCH_HYBRID, 10 },	 { BENCH_HYBRID, 100 },
	};

	return cr_make_param_array(struct model_case, cases, sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(struct model_case *c, bench, every_model_finishes, .timeout = 30)
{
	struct bench_config cfg;
	struct bench_result r;

	small_config(&cfg, c->boards);
	cr_assert(eq(int, bench_run_cell(c->model, &cfg, &r), 0));
	cr_assert(eq(int, r.status, BENCH_OK), "%s N=%u: %s", bench_model_name(c->model),
	    c->boards, r.error);
	cr_assert(eq(u32, r.boards_finished, c->boards));
	cr_assert(eq(u64, r.moves_done, (uint64_t)c->boards * cfg.moves));
	cr_assert(eq(u64, r.lat_samples, (uint64_t)c->boards * cfg.moves));
	cr_assert(eq(u64, r.checksum, expected_checksum(&cfg)));
	cr_assert(gt(u64, r.mem_kib, 0));
	cr_assert(gt(u64, r.maxrss_kib, 0));
	cr_assert(ge(u64, r.mem_kib, r.base_kib));
	/* Every model waits for its opponents' 1 ms thinks: it must block. */
	cr_assert(gt(u64, r.csw_voluntary, 0));
	cr_assert(le(u64, r.lat_p50_us, r.lat_p99_us));
	cr_assert(le(u64, r.lat_p99_us, r.lat_max_us));
	cr_assert(gt(dbl, r.wall_s, 0.004));	/* at least 5 thinks of 1 ms in a row */
	/* The games take at least their thinks, one after another per board,
	 * and the floor is exactly those thinks. */
	cr_assert(eq(dbl, r.floor_s, 0.005));
	cr_assert(ge(dbl, r.play_s, r.floor_s));
	cr_assert(le(dbl, r.play_s, r.wall_s));
	/* The machine's free memory was read before and with the boards alive. */
	cr_assert(gt(u64, r.sys_before_kib, 0));
	cr_assert(gt(u64, r.sys_alive_kib, 0));
	cr_assert(eq(u32, r.workers, c->model == BENCH_HYBRID ? 2U : 1U));
	assert_no_children();
}

Test(bench, process_cap_is_a_limit_not_a_crash, .timeout = 30)
{
	struct bench_config cfg;
	struct bench_result r;

	small_config(&cfg, 10);
	cfg.max_procs = 5;
	cr_assert(eq(int, bench_run_cell(BENCH_PROCESSES, &cfg, &r), 0));
	cr_assert(eq(int, r.status, BENCH_CAP));
	cr_assert(eq(str, r.error, "process 6 of 10 > --max-procs 5"));
	cr_assert(eq(u32, r.boards_finished, 0));
	assert_no_children();
}

Test(bench, thread_cap_is_a_limit_not_a_crash, .timeout = 30)
{
	struct bench_config cfg;
	struct bench_result r;

	small_config(&cfg, 10);
	cfg.max_threads = 5;
	cr_assert(eq(int, bench_run_cell(BENCH_THREADS, &cfg, &r), 0));
	cr_assert(eq(int, r.status, BENCH_CAP));
	cr_assert(eq(str, r.error, "thread 6 of 10 > --max-threads 5"));
	assert_no_children();
}

/* A real failure to make a thread: the address space cap runs out of stacks,
 * and that is simul's cap (--mem-cap), not the system's limit. */
Test(bench, memory_cap_stops_thread_creation, .timeout = 30)
{
	struct bench_config cfg;
	struct bench_result r;
	unsigned long vm_pages = 0;
	FILE *f;

	if (TEST_ASAN)
		cr_skip_test("RLIMIT_AS is not applied under AddressSanitizer");
	f = fopen("/proc/self/statm", "r");
	cr_assert(not(eq(ptr, f, NULL)));
	cr_assert(eq(int, fscanf(f, "%lu", &vm_pages), 1));
	fclose(f);
	small_config(&cfg, 2000);
	cfg.mem_cap = (uint64_t)vm_pages * (uint64_t)sysconf(_SC_PAGESIZE) + (16U << 20);
	cr_assert(eq(int, bench_run_cell(BENCH_THREADS, &cfg, &r), 0));
	cr_assert(eq(int, r.status, BENCH_CAP), "%s", r.error);
	cr_assert(not(eq(ptr, strstr(r.error, "thread stack (mmap): "), NULL)), "%s", r.error);
	cr_assert(not(eq(ptr, strstr(r.error, "(address space at --mem-cap)"), NULL)), "%s",
	    r.error);
	assert_no_children();
}

Test(bench, time_cap_kills_the_whole_group, .timeout = 30)
{
	struct bench_config cfg;
	struct bench_result r;

	small_config(&cfg, 20);
	cfg.think_us = 2000000;
	cfg.time_cap_ms = 300;
	cr_assert(eq(int, bench_run_cell(BENCH_PROCESSES, &cfg, &r), 0));
	cr_assert(eq(int, r.status, BENCH_TIMEOUT));
	cr_assert(not(eq(ptr, strstr(r.error, "time cap"), NULL)), "%s", r.error);
	cr_assert(lt(dbl, r.wall_s, 1.5));
	assert_no_children();
}

Test(bench, sigint_kills_the_cell_and_is_remembered, .timeout = 30)
{
	struct bench_config cfg;
	struct bench_result r, next;
	pid_t helper;

	small_config(&cfg, 10);
	cfg.think_us = 3000000;
	helper = fork();
	cr_assert(ge(int, helper, 0));
	if (helper == 0) {
		usleep(200000);
		kill(getppid(), SIGINT);
		_exit(0);
	}
	cr_assert(eq(int, bench_run_cell(BENCH_HYBRID, &cfg, &r), 0));
	cr_assert(eq(int, waitpid(helper, NULL, 0), helper));
	cr_assert(eq(int, r.status, BENCH_INTERRUPTED), "%s", r.error);
	cr_assert(lt(dbl, r.wall_s, 2.0));
	cr_assert(bench_interrupted());
	assert_no_children();
	/* The ladder stops: the next cell does not even start. */
	cr_assert(eq(int, bench_run_cell(BENCH_ASYNC, &cfg, &next), 0));
	cr_assert(eq(int, next.status, BENCH_INTERRUPTED));
}

Test(bench, precheck_refuses_above_the_cap)
{
	struct bench_config cfg;
	struct bench_result r;

	bench_config_default(&cfg);
	cfg.boards = 10000;
	cr_assert(eq(int, bench_precheck(BENCH_PROCESSES, &cfg, &r), 1));
	cr_assert(eq(int, r.status, BENCH_CAP));
	cr_assert(eq(str, r.error, "10000 processes > 2000, --max-procs"));
	cr_assert(eq(int, bench_precheck(BENCH_THREADS, &cfg, &r), 0));
	cr_assert(eq(int, bench_precheck(BENCH_ASYNC, &cfg, &r), 0));
}

/* A cap lowered by the quarter rule says so: it is simul's, not the system's. */
Test(bench, precheck_names_the_quarter_rule)
{
	struct bench_limits lim = { .pid_max = 32768, .threads_max = 192729, .quarter = 8192 };
	struct bench_config cfg;
	struct bench_result r;

	bench_config_default(&cfg);
	bench_limits_apply(&lim, &cfg);
	cfg.boards = 10000;
	cr_assert(eq(int, bench_precheck(BENCH_THREADS, &cfg, &r), 1));
	cr_assert(eq(int, r.status, BENCH_CAP));
	cr_assert(eq(str, r.error, "10000 threads > 8192, a quarter of the system's pids"));
	cr_assert(eq(int, strcmp(bench_status_name(r.status), "simul cap"), 0));
	cfg.boards = 8000;
	cr_assert(eq(int, bench_precheck(BENCH_THREADS, &cfg, &r), 0));
	/* The processes cap (2000) was below the quarter: the option is named. */
	cfg.boards = 5000;
	cr_assert(eq(int, bench_precheck(BENCH_PROCESSES, &cfg, &r), 1));
	cr_assert(eq(str, r.error, "5000 processes > 2000, --max-procs"));
	cr_assert(eq(int, strcmp(bench_status_name(BENCH_LIMIT), "system limit"), 0));
}

/* The machine's side: the interval's share of the drift around the cell is
 * others' doing and comes off; a drift as large as a quarter of the signal
 * makes the figure noisy. */
Test(bench, sys_memory_per_board_from_four_readings)
{
	struct bench_sys before = { 1000000, 50000, 2000000000 };
	struct bench_sys alive = { 968000, 73000, 3000000000 };
	struct bench_sys p0 = { 1000400, 50000, 1000000000 }, p1 = { 1004400, 50100, 11000000000 };
	struct bench_result r;

	memset(&r, 0, sizeof(r));
	/* others freed 4000 KiB over 10 s, 400 of them in the 1 s measured */
	bench_sys_derive(&r, 1000, &before, &alive, &p0, &p1);
	cr_assert(eq(u64, r.sys_before_kib, 1000000));
	cr_assert(eq(u64, r.sys_alive_kib, 968000));
	cr_assert(eq(dbl, r.sys_drift_kib, 400.0));
	cr_assert(eq(dbl, r.sys_bytes_per_board, (32000.0 + 400.0) * 1024 / 1000));
	cr_assert(eq(int, r.sys_noisy, 0));
	/* the kernel's counters: 23000 KiB grown, 10 of them others' */
	cr_assert(eq(dbl, r.kernel_bytes_per_board, (23000.0 - 10.0) * 1024 / 1000));
	p1.kib = p0.kib - 9000;	/* more than a quarter of 32 MiB moved meanwhile */
	memset(&r, 0, sizeof(r));
	bench_sys_derive(&r, 1000, &before, &alive, &p0, &p1);
	cr_assert(eq(int, r.sys_noisy, 1));
	/* No reading (no /proc): nothing derived, nothing claimed. */
	p0.kib = 0;
	memset(&r, 0, sizeof(r));
	bench_sys_derive(&r, 1000, &before, &alive, &p0, &p1);
	cr_assert(eq(dbl, r.sys_bytes_per_board, 0.0));
}

Test(bench, sys_reading_is_within_the_machine)
{
	struct bench_sys s;
	unsigned long long total = 0;
	char line[256];
	FILE *f = fopen("/proc/meminfo", "r");

	cr_assert(not(eq(ptr, f, NULL)));
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "MemTotal: %llu", &total) == 1)
			break;
	fclose(f);
	bench_sys_read(&s);
	cr_assert(gt(u64, s.kib, 0));
	cr_assert(le(u64, s.kib, total));
	cr_assert(gt(i64, s.t_ns, 0));
}

Test(bench, quarter_rule_beats_allow_large)
{
	struct bench_limits lim = { .pid_max = 32768, .threads_max = 192729, .quarter = 8192 };
	struct bench_config cfg;

	bench_config_default(&cfg);
	cfg.max_procs = UINT32_MAX;	/* what --allow-large asks for */
	cfg.max_threads = UINT32_MAX;
	bench_limits_apply(&lim, &cfg);
	cr_assert(eq(u32, cfg.max_procs, 8192));
	cr_assert(eq(u32, cfg.max_threads, 8192));
	bench_limits_read(&lim);
	cr_assert(gt(u32, lim.quarter, 0));
	cr_assert(le(u64, (uint64_t)lim.quarter * 4, lim.pid_max != 0 ? lim.pid_max : 32768));
}

Test(bench, histogram_quantiles)
{
	static struct histogram h, g;

	for (uint64_t v = 1; v <= 1000; v++)
		histogram_add(&h, v);
	cr_assert(eq(u64, h.count, 1000));
	cr_assert(eq(u64, h.max, 1000));
	cr_assert(ge(u64, histogram_quantile(&h, 0.5), 485));
	cr_assert(le(u64, histogram_quantile(&h, 0.5), 515));
	cr_assert(ge(u64, histogram_quantile(&h, 0.99), 960));
	cr_assert(le(u64, histogram_quantile(&h, 0.99), 1000));
	cr_assert(eq(u64, histogram_quantile(&h, 1.0), 1000));
	histogram_add(&g, 7);
	cr_assert(eq(u64, histogram_quantile(&g, 0.99), 7));	/* exact below 64 µs */
	histogram_add(&g, 5000000);
	histogram_merge(&h, &g);
	cr_assert(eq(u64, h.count, 1002));
	cr_assert(eq(u64, h.max, 5000000));
}

Test(bench, model_names_round_trip)
{
	for (int m = 0; m < BENCH_MODEL_COUNT; m++) {
		enum bench_model back;

		cr_assert(eq(int, bench_model_parse(bench_model_name((enum bench_model)m), &back), 0));
		cr_assert(eq(int, (int)back, m));
	}
	enum bench_model x;
	cr_assert(eq(int, bench_model_parse("fibers", &x), -1));
}
