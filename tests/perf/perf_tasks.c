/*
 * What one idle thread or one idle process costs the machine, measured
 * without simul: a plain program that starts N tasks blocked on a pipe and
 * reads /proc/meminfo before, while they are alive and after they are gone.
 * It is the cross-check for `simul bench`'s per-board figures: PSS (what
 * the bench has always shown) misses the kernel's side of a task, its
 * kernel stack, task struct, page tables and VMAs, which MemAvailable sees.
 *
 * MemAvailable alone misses most of it: the kernel keeps free pages on
 * per-CPU lists (/proc/zoneinfo "count", hundreds of MiB on a large
 * machine) that are not in MemFree, and new tasks are served from them
 * first. Free memory here is MemAvailable plus those lists.
 *
 * The machine is shared, so free memory moves by itself. Each round runs
 * in a fresh child (no thread stacks cached by glibc from a previous round)
 * and reads the median of five samples at each point; the figure for a
 * round is alive - (before + after) / 2, which cancels a steady drift, and
 * the drift itself (after - before) is printed as the round's noise. The
 * result is the median round. KernelStack, PageTables and SUnreclaim, the
 * kernel's own counters, are printed beside it: they move much less with
 * other people's builds.
 *
 * usage: perf_tasks [N [ROUNDS [STACK_KIB]]]   (2000 tasks, 5 rounds, 64 KiB
 * stacks as in `simul bench`). Prints figures; never fails on them.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { FIELD_AVAIL, FIELD_KSTACK, FIELD_PTABLES, FIELD_SUNRECL, NFIELDS };

static const char *const field_name[NFIELDS] = {
	"MemAvailable:", "KernelStack:", "PageTables:", "SUnreclaim:",
};

struct sample {
	long long	kib[NFIELDS];
};

static void
meminfo(struct sample *s)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[256];

	memset(s, 0, sizeof(*s));
	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL)
		for (int i = 0; i < NFIELDS; i++)
			if (strncmp(line, field_name[i], strlen(field_name[i])) == 0)
				s->kib[i] = atoll(line + strlen(field_name[i]));
	fclose(f);
	/* Free pages on the per-CPU lists are free too. */
	f = fopen("/proc/zoneinfo", "r");
	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		const char *p = line + strspn(line, " ");

		if (strncmp(p, "count:", 6) == 0)
			s->kib[FIELD_AVAIL] += atoll(p + 6) * (sysconf(_SC_PAGESIZE) / 1024);
	}
	fclose(f);
}

static int
cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* Field by field, the median of five back-to-back samples. */
static void
meminfo_median(struct sample *out)
{
	struct sample s[5];

	for (int k = 0; k < 5; k++)
		meminfo(&s[k]);
	for (int i = 0; i < NFIELDS; i++) {
		long long v[5];

		for (int k = 0; k < 5; k++)
			v[k] = s[k].kib[i];
		qsort(v, 5, sizeof(v[0]), cmp_ll);
		out->kib[i] = v[2];
	}
}

static int hold[2];	/* tasks block reading hold[0] until it closes */

static void *
thread_main(void *arg)
{
	char c;

	(void)arg;
	while (read(hold[0], &c, 1) < 0 && errno == EINTR)
		continue;
	return NULL;
}

/* One round in this fresh child: N tasks alive, their sample sent up fd. */
static void __attribute__((noreturn))
round_child(int threads, int n, size_t stack, int fd)
{
	pthread_t *tid = calloc((size_t)n, sizeof(*tid));
	pid_t *pid = calloc((size_t)n, sizeof(*pid));
	pthread_attr_t attr;
	struct sample alive;
	int made = 0;

	if (tid == NULL || pid == NULL || pipe(hold) != 0)
		_exit(3);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, stack);
	for (; made < n; made++) {
		if (threads && pthread_create(&tid[made], &attr, thread_main, NULL) != 0)
			break;
		if (!threads) {
			pid[made] = fork();
			if (pid[made] < 0)
				break;
			if (pid[made] == 0) {
				close(hold[1]);
				thread_main(NULL);
				_exit(0);
			}
		}
	}
	usleep(200000);	/* every task has run to its read() */
	meminfo_median(&alive);
	close(hold[1]);
	for (int i = 0; i < made; i++) {
		if (threads)
			pthread_join(tid[i], NULL);
		else
			waitpid(pid[i], NULL, 0);
	}
	if (write(fd, &alive, sizeof(alive)) != (ssize_t)sizeof(alive) ||
	    write(fd, &made, sizeof(made)) != (ssize_t)sizeof(made))
		_exit(3);
	_exit(0);
}

/* Per-task KiB of each field for one round; the MemAvailable drift in *noise. */
static int
round_run(int threads, int n, size_t stack, double per[NFIELDS], double *noise)
{
	struct sample before, alive, after;
	int p[2], made = 0;
	pid_t c;

	if (pipe(p) != 0)
		return -1;
	meminfo_median(&before);
	c = fork();
	if (c == 0) {
		close(p[0]);
		round_child(threads, n, stack, p[1]);
	}
	close(p[1]);
	if (c < 0 || read(p[0], &alive, sizeof(alive)) != (ssize_t)sizeof(alive) ||
	    read(p[0], &made, sizeof(made)) != (ssize_t)sizeof(made) || made == 0) {
		close(p[0]);
		if (c > 0)
			waitpid(c, NULL, 0);
		return -1;
	}
	close(p[0]);
	waitpid(c, NULL, 0);
	usleep(300000);	/* the kernel frees task structs and stacks after an RCU grace period */
	meminfo_median(&after);
	for (int i = 0; i < NFIELDS; i++) {
		double mid = (double)(before.kib[i] + after.kib[i]) / 2;

		/* MemAvailable falls as tasks use memory; the others rise. */
		per[i] = (i == FIELD_AVAIL ? mid - (double)alive.kib[i] : (double)alive.kib[i] - mid) /
		    made;
	}
	*noise = (double)(after.kib[FIELD_AVAIL] - before.kib[FIELD_AVAIL]) / made;
	return made;
}

static int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
measure(int threads, int n, int rounds, size_t stack)
{
	double per[64][NFIELDS], noise[64], col[64], med[NFIELDS];
	int ok = 0, made = 0;

	for (int r = 0; r < rounds && r < 64; r++) {
		int m = round_run(threads, n, stack, per[ok], &noise[ok]);

		if (m > 0) {
			made = m;
			printf("  round %d: %d %s, free memory %.1f KiB each (drift %+.1f KiB each)\n",
			    r + 1, m, threads ? "threads" : "processes", per[ok][FIELD_AVAIL],
			    noise[ok]);
			ok++;
		}
	}
	if (ok == 0) {
		printf("%s: no round completed\n", threads ? "threads" : "processes");
		return;
	}
	for (int i = 0; i < NFIELDS; i++) {
		for (int r = 0; r < ok; r++)
			col[r] = per[r][i];
		qsort(col, (size_t)ok, sizeof(col[0]), cmp_d);
		med[i] = col[ok / 2];
	}
	for (int r = 0; r < ok; r++)
		col[r] = noise[r] < 0 ? -noise[r] : noise[r];
	qsort(col, (size_t)ok, sizeof(col[0]), cmp_d);
	printf("%s (%d, median of %d rounds): free memory %.1f KiB per task (median |drift| "
	       "%.1f); KernelStack %.1f, PageTables %.1f, SUnreclaim %.1f KiB\n",
	    threads ? "threads" : "processes", made, ok, med[FIELD_AVAIL], col[ok / 2],
	    med[FIELD_KSTACK], med[FIELD_PTABLES], med[FIELD_SUNRECL]);
}

int
main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 2000;
	int rounds = argc > 2 ? atoi(argv[2]) : 5;
	size_t stack = (size_t)(argc > 3 ? atoi(argv[3]) : 64) << 10;

	if (n <= 0 || rounds <= 0 || stack < 16384) {
		fprintf(stderr, "usage: perf_tasks [N [ROUNDS [STACK_KIB]]]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	measure(1, n, rounds, stack);
	measure(0, n, rounds, stack);
	return 0;
}
