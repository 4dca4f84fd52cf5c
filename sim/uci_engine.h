/*
 * One external UCI engine: a child process in its own process group, its
 * stdin and stdout on non-blocking pipes watched by ev_io, its exit by an
 * ev_child, its deadlines by one ev_timer, all on the loop it is given
 * (the default loop: libev watches children only there). Nothing blocks:
 * a spawn does not wait for the child's exec, handshakes run side by side,
 * and a hung or dead engine only ever costs its own request.
 *
 * The protocol, from our side:
 *   start  -> "uci"; "id name X" is kept; "uciok" -> every "setoption",
 *             then "isready"; "readyok" -> ready (UCI_ENGINE_READY).
 *   go     -> "position ...", "go ..."; "bestmove M" -> UCI_ENGINE_MOVE.
 *   late   -> at the deadline: "stop"; no bestmove within the grace ->
 *             SIGTERM to the group; still there after another grace ->
 *             SIGKILL. The request is answered UCI_ENGINE_TIMEOUT at once.
 *   exit   -> EOF or the child's status: UCI_ENGINE_DIED (why says how).
 * Lines are read into a bounded buffer; an over-long line is dropped to its
 * end, and lines that mean nothing here are counted and logged.
 */
#ifndef SIMUL_SIM_UCI_ENGINE_H
#define SIMUL_SIM_UCI_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

struct ev_loop;
struct uci_engine;

enum {
	UCI_ENGINE_ARGS_MAX = 16,	/* words of the command */
	UCI_ENGINE_OPTIONS_MAX = 16,
	UCI_ENGINE_LINE_MAX = 4096,	/* longer lines are dropped */
	UCI_ENGINE_NAME_MAX = 64,
	UCI_ENGINE_WHY_MAX = 160,
};

#define UCI_ENGINE_GRACE	 0.5	/* s after stop, then after SIGTERM */

/*
 * A player spec "uci:CMD[?NAME=VALUE&NAME=VALUE...]": CMD is split on
 * spaces into the program and its arguments (no shell), the options after
 * '?' are sent as setoption. Quote the whole spec once for the shell:
 *   'uci:stockfish?Skill Level=3&Threads=1'
 */
struct uci_spec {
	char	buf[512];		/* the words and options point in here */
	char	*argv[UCI_ENGINE_ARGS_MAX + 1];
	int	argc;
	char	*opt_name[UCI_ENGINE_OPTIONS_MAX], *opt_value[UCI_ENGINE_OPTIONS_MAX];
	int	nopts;
};

/* True when text names an engine ("uci:..."). */
bool uci_spec_is(const char *text);
int uci_spec_parse(const char *text, struct uci_spec *out, char *err, size_t errlen);

enum uci_engine_event {
	UCI_ENGINE_READY,	/* handshake done (also after a restart) */
	UCI_ENGINE_MOVE,	/* text = the bestmove's move, as sent */
	UCI_ENGINE_TIMEOUT,	/* no bestmove by the deadline; text = why */
	UCI_ENGINE_DIED,	/* exited, crashed, or failed to start; text = why */
};

typedef void uci_engine_fn(struct uci_engine *e, enum uci_engine_event ev, const char *text,
			   void *arg);

/*
 * Spawns the engine and starts the handshake; fn hears how it ends. stderr
 * of the engine goes to err_fd (-1: /dev/null); log (may be NULL) gets
 * the lines ignored. NULL with the reason in err when it cannot even be
 * run (no such program, not executable, no memory). start_timeout is
 * the seconds it has from spawn to readyok.
 */
struct uci_engine *uci_engine_start(struct ev_loop *loop, const struct uci_spec *spec,
				    const char *label, double start_timeout, int err_fd, FILE *log, uci_engine_fn *fn,
				    void *arg, char *err, size_t errlen);
/*
 * Sends the position and the go command; the answer comes through fn within
 * timeout seconds or as UCI_ENGINE_TIMEOUT. -1 if it is not ready or busy.
 */
int uci_engine_go(struct uci_engine *e, const char *position, const char *go, double timeout);
/* Ready for a go: handshake done, no search running, alive. */
bool uci_engine_idle(const struct uci_engine *e);
bool uci_engine_alive(const struct uci_engine *e);
/* "id name", or the label until the engine said. */
const char *uci_engine_name(const struct uci_engine *e);
pid_t uci_engine_pid(const struct uci_engine *e);
/* Lines ignored so far: too long, or meaning nothing here. */
unsigned long uci_engine_ignored(const struct uci_engine *e);
/*
 * Ends it: "quit", closes the pipes, kills the process group and reaps the
 * child without waiting for the loop (nothing is left behind). NULL is fine.
 */
void uci_engine_free(struct uci_engine *e);

#endif
