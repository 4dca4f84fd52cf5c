/*
 * simul bench: the same exhibition workload run four ways (one process per
 * board, one thread per board, one libev loop, W loops in W processes) so
 * that a class can rebuild the article's processes / threads / async table
 * with figures from its own machine.
 *
 * The workload: N boards, M moves each. A move is a master move (a
 * deterministic busy loop of master_work iterations) followed by the
 * opponent's reply, which comes think_us later (a wait) and optionally costs
 * think_work iterations of CPU (the CPU-heavy variant). Each waiting board
 * records how late its wake-up came against its due time.
 *
 * Every cell (one model, one N) runs in its own forked child, in its own
 * process group, under a memory cap (RLIMIT_AS) and a time cap; the child
 * sends a struct bench_report up a pipe and the parent adds what only the
 * parent can see (wall time, rusage of the whole subtree). A model that
 * cannot reach N says why in the result; nothing here prints or exits.
 */
#ifndef SIMUL_SIM_BENCH_BENCH_H
#define SIMUL_SIM_BENCH_BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "sim/histogram.h"

enum bench_model {
	BENCH_PROCESSES,
	BENCH_THREADS,
	BENCH_ASYNC,
	BENCH_HYBRID,
	BENCH_MODEL_COUNT
};

enum bench_status {
	BENCH_OK,		/* every board played every move */
	BENCH_CAP,		/* one of simul's caps: --max-*, a quarter of pid_max, --mem-cap */
	BENCH_LIMIT,		/* the system's: fork/pthread_create refused, out of memory */
	BENCH_TIMEOUT,		/* simul's time cap killed the cell */
	BENCH_FAILED,		/* crashed or broke its protocol: a bug */
	BENCH_INTERRUPTED	/* Ctrl-C (or SIGTERM/SIGHUP) during the cell */
};

/* Defaults: safe on a shared 2-core, 8 GiB machine. */
#define BENCH_DEFAULT_MOVES		30
#define BENCH_DEFAULT_MASTER_WORK	1000		/* iterations, about 1 µs */
#define BENCH_DEFAULT_THINK_US		10000
#define BENCH_DEFAULT_MAX_PROCS		2000
#define BENCH_DEFAULT_MAX_THREADS	10000
#define BENCH_DEFAULT_MEM_CAP		(2ULL << 30)	/* address space per process */
#define BENCH_DEFAULT_TIME_CAP_MS	60000
#define BENCH_DEFAULT_STACK		(64U << 10)
#define BENCH_HEAVY_BOARDS		100
#define BENCH_HEAVY_WORK		300000		/* iterations per reply */

struct bench_config {
	uint32_t	boards;
	uint32_t	moves;		/* per board */
	uint64_t	master_work;	/* busy-loop iterations per master move */
	uint64_t	think_us;	/* opponent's wait per reply */
	uint64_t	think_work;	/* opponent's CPU iterations per reply */
	uint32_t	workers;	/* hybrid: processes, 0 = number of CPUs */
	uint32_t	max_procs;	/* board processes one cell may fork */
	uint32_t	max_threads;	/* board threads one cell may create */
	uint64_t	mem_cap;	/* RLIMIT_AS bytes per process, 0 = none */
	uint64_t	time_cap_ms;	/* wall time per cell, 0 = none */
	uint32_t	stack_size;	/* per board thread */
	uint64_t	pid_quarter;	/* the quarter of pid_max/threads-max applied, 0 = none */
};

/*
 * The machine's free memory at one moment, as the bench reads it: the
 * median of five back-to-back readings of MemAvailable plus the free pages
 * the kernel keeps on its per-CPU lists (/proc/zoneinfo "count"). Those
 * lists hold hundreds of MiB on a large machine and are not in MemAvailable,
 * so a few thousand new tasks come out of them without MemAvailable moving:
 * without them, 2 000 threads "cost" a third of what they do.
 */
struct bench_sys {
	uint64_t	kib;		/* 0 when /proc/meminfo cannot be read */
	uint64_t	kernel_kib;	/* KernelStack + PageTables + SUnreclaim */
	int64_t		t_ns;		/* bench_now_ns() when read */
};

struct bench_result {
	enum bench_model	model;
	uint32_t		boards;
	enum bench_status	status;
	char			error[160];	/* why, when status != BENCH_OK */
	uint32_t		workers;	/* hybrid's W; 1 for the others */
	double			wall_s;		/* fork of the cell to its reaping */
	double			cpu_s;		/* user + system of the whole subtree */
	uint64_t		maxrss_kib;	/* largest single process (wait4) */
	uint64_t		mem_kib;	/* peak, summed over processes */
	uint64_t		base_kib;	/* the same before any board existed */
	int			mem_pss;	/* mem_kib is PSS (else RSS) */
	double			bytes_per_board;
	uint64_t		csw_voluntary;
	uint64_t		csw_involuntary;
	uint64_t		lat_samples;	/* wake-ups measured */
	uint64_t		lat_p50_us;
	uint64_t		lat_p99_us;
	uint64_t		lat_max_us;
	uint64_t		moves_done;	/* master moves answered */
	uint32_t		boards_finished;
	uint64_t		checksum;	/* of the master's work: equal across models */
	double			play_s;		/* first master move to the last reply */
	double			floor_s;	/* moves x think: no board can finish sooner */
	/* The machine's side (struct bench_sys): free memory before any board
	 * (in the cell), with every board alive, and the drift of the machine
	 * around the cell (read by the parent before the fork and after the
	 * reaping) interpolated over the interval between the first two. */
	uint64_t		sys_before_kib;
	uint64_t		sys_alive_kib;
	double			sys_drift_kib;		/* subtracted: others' use meanwhile */
	double			sys_bytes_per_board;	/* 0 when unmeasured */
	int			sys_noisy;		/* |drift| > signal / 4: not shown */
	/* The kernel's own counters of the same readings (KernelStack,
	 * PageTables, SUnreclaim): what a task costs beyond its PSS, and much
	 * steadier than free memory on a machine others are using. */
	double			kernel_bytes_per_board;
};

/* The system's task limits and the caps a run will use. */
struct bench_limits {
	uint64_t	pid_max;	/* /proc/sys/kernel/pid_max, 0 if unknown */
	uint64_t	threads_max;	/* /proc/sys/kernel/threads-max */
	uint32_t	quarter;	/* a quarter of the smaller of the two */
};

const char *bench_model_name(enum bench_model m);
/* Accepts the names bench_model_name gives; -1 on anything else. */
int bench_model_parse(const char *s, enum bench_model *out);
const char *bench_status_name(enum bench_status s);

void bench_config_default(struct bench_config *cfg);
/*
 * Reads the system limits and clamps cfg's process and thread caps to a
 * quarter of pid_max and threads-max whatever was asked: a ladder that eats
 * every pid makes every other program on the machine fail to start.
 */
void bench_limits_read(struct bench_limits *lim);
void bench_limits_apply(const struct bench_limits *lim, struct bench_config *cfg);
unsigned bench_cpu_count(void);

/*
 * Runs one cell in a child process and fills *out. Returns 0 whenever the
 * result says what happened (limits, crashes and timeouts included), -1 only
 * when the cell could not be started at all (out->error says why). SIGINT,
 * SIGTERM and SIGHUP kill the cell's process group while it runs and mark
 * the result interrupted; bench_interrupted() stays true afterwards.
 */
int bench_run_cell(enum bench_model model, const struct bench_config *cfg,
    struct bench_result *out);
/*
 * The reason a cell cannot run without starting it (N above a cap), so a
 * ladder does not fork 2 000 processes just to learn that 10 000 won't fit.
 * Returns 1 and fills out as BENCH_LIMIT when it cannot; 0 when it may.
 */
int bench_precheck(enum bench_model model, const struct bench_config *cfg,
    struct bench_result *out);
int bench_interrupted(void);
/* Whether cfg's --mem-cap is set and applied (it is not under AddressSanitizer). */
int bench_mem_cap_applies(const struct bench_config *cfg);

/* ---- shared by the models (sim/bench_*.c) and their tests ---- */

/* What a model's child sends its parent: fixed size, one write. */
struct bench_report {
	enum bench_status	status;
	char			error[160];
	uint32_t		workers;
	uint64_t		moves_done;
	uint32_t		boards_finished;
	uint64_t		checksum;
	uint64_t		mem_kib;
	uint64_t		base_kib;
	int			mem_pss;
	struct bench_sys	sys_before;	/* before any board existed */
	struct bench_sys	sys_alive;	/* every board alive */
	int64_t			play_ns;
	struct histogram	lat;
};

/* The master's (or opponent's) CPU cost: iters dependent xorshift steps. */
uint64_t bench_burn(uint64_t iters, uint64_t seed);
/* Seed of board b's move m: the same in every model, so checksums match. */
uint64_t bench_move_seed(uint32_t board, uint32_t move);
/* Monotonic clock in ns. */
int64_t bench_now_ns(void);
/* Sleeps until the monotonic time due_ns; returns how late it woke (>= 0). */
int64_t bench_sleep_until(int64_t due_ns);
/* This process's memory now: PSS from smaps_rollup, else RSS from statm. */
int bench_mem_self(uint64_t *kib, int *pss);
/* The machine's free memory now (struct bench_sys); kib 0 when unknown. */
void bench_sys_read(struct bench_sys *out);
/*
 * Fills r's sys_* figures for n boards from the readings in the cell
 * (before, alive) and the parent's around it (p0 before the fork, p1 after
 * the reaping, once the kernel has freed the tasks).
 */
void bench_sys_derive(struct bench_result *r, uint32_t n, const struct bench_sys *before,
    const struct bench_sys *alive, const struct bench_sys *p0, const struct bench_sys *p1);
/* Whole-buffer pipe I/O, retrying EINTR and short transfers; 0 or -1. */
int bench_write_all(int fd, const void *buf, size_t len);
int bench_read_all(int fd, void *buf, size_t len);
/*
 * Formats "what: strerror(errno) after n boards" into r->error: simul's cap
 * (BENCH_CAP) when out of memory under --mem-cap, else the system's limit.
 */
void bench_report_limit(struct bench_report *r, const struct bench_config *cfg, const char *what,
    int err, uint32_t started);

/* The models, each run inside the cell's child. Fill *r; 0 or -1. */
int bench_processes_run(const struct bench_config *cfg, struct bench_report *r);
int bench_threads_run(const struct bench_config *cfg, struct bench_report *r);
int bench_async_run(const struct bench_config *cfg, struct bench_report *r);
/* One libev loop over boards [first, first + count): async and hybrid workers. */
int bench_async_shard(const struct bench_config *cfg, uint32_t first, uint32_t count,
    struct bench_report *r);
int bench_hybrid_run(const struct bench_config *cfg, struct bench_report *r);

#endif
