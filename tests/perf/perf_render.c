/*
 * The live view's costs, in three figures:
 *   1. render time per frame: snapshot, layout and drawing into the cell
 *      buffer, 24 boards x 2 exhibitions on 200x60 (target < 1 ms), the
 *      same with the loop panel on 200x60 and 120x40 (target < 1 ms), and
 *      1,000 boards (tiles, scrolled);
 *   2. startup to first frame of the real live view (target < 50 ms);
 *   3. CPU share of a live run at the default speed (target < 5% of one
 *      core), the live view running on a pseudo-terminal of 200x60 in a
 *      child process, measured with getrusage.
 * usage: perf_render [SECONDS]   (the live run's length, default 60)
 * Prints figures; never fails on speed.
 */
#include <locale.h>
#include <stdbool.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "engine/position.h"
#include "ui/commands.h"
#include "sim/realtime.h"
#include "ui/snapshot_view.h"

/* Mean µs per frame for a sim of `boards` boards, stepped to simulated `at`. */
static double
bench_frames(int boards, simtime_t at, int frames, bool loop_panel, int w, int h, int *mode)
{
	struct sim_config c;
	enum sim_policy pol[2] = { SIM_SYNC, SIM_READY };
	struct snapshot_view sv;
	struct layout lo;
	struct cellbuf cb;
	char err[256];
	struct sim *s;
	double t0, t;

	sim_config_defaults(&c);
	c.boards = boards;
	s = sim_new(&c, pol, 2, err, sizeof(err));
	if (s == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	while (sim_now(s) < at && sim_step(s) == 0)
		;
	snapshot_view_init(&sv, s);
	sv.vs.loop_panel = loop_panel;
	cellbuf_init(&cb, w, h);
	snapshot_view_frame(&sv, s, w, h, &lo, &cb);
	t0 = realtime_monotonic();
	for (int i = 0; i < frames; i++)
		snapshot_view_frame(&sv, s, w, h, &lo, &cb);
	t = realtime_monotonic() - t0;
	*mode = lo.mode;
	cellbuf_free(&cb);
	snapshot_view_free(&sv);
	sim_free(s);
	return t * 1e6 / frames;
}

/* The live view in a child on a 200x60 pty for `seconds`; parent drains its output. */
static void
bench_live(double seconds)
{
	struct winsize ws = { .ws_row = 60, .ws_col = 200 };
	char stats[] = "/tmp/simul_render_bench_XXXXXX";
	int fd, master, status;
	pid_t pid;
	double t0, wall;
	long bytes = 0;
	struct rusage ru;
	FILE *f;

	fd = mkstemp(stats);
	if (fd < 0) {
		perror("bench: mkstemp");
		return;
	}
	close(fd);
	t0 = realtime_monotonic();
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("bench: forkpty");
		return;
	}
	if (pid == 0) {
		char *argv[] = { "simul", NULL };

		setenv("TERM", "xterm-256color", 1);
		setenv("SIMUL_LIVE_STATS", stats, 1);
		setlocale(LC_ALL, "C.UTF-8");
		_exit(cmd_live(1, argv));
	}
	while (realtime_monotonic() - t0 < seconds) {
		char buf[65536];
		fd_set rd;
		struct timeval tv = { 0, 100000 };
		ssize_t n;

		FD_ZERO(&rd);
		FD_SET(master, &rd);
		if (select(master + 1, &rd, NULL, NULL, &tv) > 0) {
			n = read(master, buf, sizeof(buf));
			if (n <= 0)
				break;
			bytes += n;
		}
	}
	kill(pid, SIGTERM);
	/* Keep draining so the child can finish writing its last frame. */
	for (;;) {
		char buf[65536];

		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		if (read(master, buf, sizeof(buf)) <= 0)
			usleep(10000);
	}
	wall = realtime_monotonic() - t0;
	close(master);
	getrusage(RUSAGE_CHILDREN, &ru);
	{
		double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
			     (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
		char line[128];

		printf("live run at default speed, 200x60 pty: %.1f s wall, %.3f s CPU = %.2f%% of one core, %.1f KiB/s to the terminal\n",
		       wall, cpu, 100.0 * cpu / wall, (double)bytes / 1024.0 / wall);
		f = fopen(stats, "r");
		while (f != NULL && fgets(line, sizeof(line), f) != NULL)
			printf("  live %s", line);
		if (f != NULL)
			fclose(f);
	}
	unlink(stats);
}

int
main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 60.0;
	double us;
	int mode;

	engine_init();
	us = bench_frames(24, SIM_SECONDS(30 * 60), 2000, false, 200, 60, &mode);
	printf("render 24 boards x 2 exhibitions, 200x60 (%s): %.1f us per frame (target < 1000)\n",
	       mode == LAYOUT_DIAGRAMS ? "diagrams" : "tiles", us);
	us = bench_frames(24, SIM_SECONDS(30 * 60), 2000, true, 200, 60, &mode);
	printf("render 24 boards with the loop panel, 200x60 (%s): %.1f us per frame (target < 1000)\n",
	       mode == LAYOUT_DIAGRAMS ? "diagrams" : "tiles", us);
	us = bench_frames(24, SIM_SECONDS(30 * 60), 2000, true, 120, 40, &mode);
	printf("render 24 boards with the loop panel, 120x40 (%s): %.1f us per frame (target < 1000)\n",
	       mode == LAYOUT_DIAGRAMS ? "diagrams" : "tiles", us);
	us = bench_frames(1000, SIM_SECONDS(10 * 60), 500, false, 200, 60, &mode);
	printf("render 1000 boards x 2 exhibitions, 200x60 (%s): %.1f us per frame\n",
	       mode == LAYOUT_DIAGRAMS ? "diagrams" : "tiles", us);
	fflush(stdout);
	if (seconds > 0)
		bench_live(seconds);
	return 0;
}
