/*
 * Simulation benchmark (figures, not a test): what `simul run` costs end
 * to end, from parsing to the report on stdout, on the virtual clock.
 * Each case is cmd_run() itself in a child process (stdout to /dev/null),
 * so its CPU time and peak RSS (wait4's rusage) are the command's own,
 * report included. Chess off, policy ready, 30 moves, from 1,000 to
 * 1,000,000 boards (targets at 100k: < 0.4 s CPU, < 300 B per board at
 * peak RSS; at 1M: < 4 s), then the article preset with chess on.
 *
 * ns/move is the CPU beyond a 1-board run, per master move (each move is
 * four events: think, move, the opponent's think, the reply): flat from
 * 1k to 1M boards means every event costs the same however many wait.
 *
 * usage: perf_sim [max-boards]   (default 1000000)
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui/commands.h"

struct cost {
	double	cpu;	/* user + system seconds */
	long	rss;	/* peak, KiB */
};

static int
run_child(char **argv, int argc, struct cost *out)
{
	struct rusage ru;
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		if (null < 0 || dup2(null, STDOUT_FILENO) < 0)
			_exit(1);
		_exit(cmd_run(argc, argv));
	}
	if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	out->cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		   (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	out->rss = ru.ru_maxrss;
	return 0;
}

static int
chess_off(long boards, struct cost *out)
{
	char n[32];
	char *argv[] = { "run", "-q", "--json", "--chess", "off", "--policy", "ready",
			 "--moves", "30", "--boards", n, NULL };

	snprintf(n, sizeof(n), "%ld", boards);
	return run_child(argv, (int)(sizeof(argv) / sizeof(argv[0])) - 1, out);
}

int
main(int argc, char **argv)
{
	long max = argc > 1 ? atol(argv[1]) : 1000000;
	struct cost base, c;
	char *article[] = { "run", "-q", "--json", NULL };

	if (chess_off(1, &base) < 0) {
		fprintf(stderr, "perf_sim: simul run failed\n");
		return 1;
	}
	printf("simul run --chess off --policy ready --moves 30 --json, end to end:\n");
	printf("%10s %9s %11s %10s %9s\n", "boards", "CPU s", "peak KiB", "B/board", "ns/move");
	for (long boards = 1000; boards <= max; boards *= 10) {
		if (chess_off(boards, &c) < 0) {
			fprintf(stderr, "perf_sim: simul run --boards %ld failed\n", boards);
			return 1;
		}
		printf("%10ld %9.3f %11ld %10.0f %9.1f\n", boards, c.cpu, c.rss,
		       1024.0 * (double)c.rss / (double)boards,
		       (c.cpu - base.cpu) * 1e9 / ((double)boards * 30));
	}
	if (run_child(article, 3, &c) < 0) {
		fprintf(stderr, "perf_sim: simul run (article preset) failed\n");
		return 1;
	}
	printf("article preset, chess on, sync and ready: %.3f s CPU, peak %ld KiB\n", c.cpu, c.rss);
	return 0;
}
