/*
 * An external UCI engine on the loop (see uci_engine.h for the protocol).
 * The struct owns the child's pid, both pipe ends we keep, a read buffer
 * of UCI_ENGINE_LINE_MAX bytes, a growing write buffer (commands are short
 * and the engine reads them at once; it only grows if the engine stops
 * reading), and four watchers whose callbacks find the engine back with
 * container_of.
 *
 * The child is forked, not posix_spawn'ed, because it must do three things
 * between fork and exec that posix_spawn cannot all do: its own process
 * group (so signals reach it and its helpers, and the terminal's Ctrl-C
 * does not), PR_SET_PDEATHSIG (it dies with us even on SIGKILL), and the
 * signal mask cleared (libev blocks signals it watches through signalfd,
 * and a mask survives exec). The program is looked up in PATH before the
 * fork, as execvp will, so "no such file" or "permission denied" is an
 * error here and now, and the fork never waits for the child's exec: a
 * thousand engines spawn without the loop stopping for each. An exec that
 * fails all the same (a broken binary) exits 127, reported like any exit.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <ev.h>

#include "engine/macros.h"
#include "sim/uci_engine.h"

enum uci_state {
	UCI_UCIOK,	/* sent "uci", waiting for uciok */
	UCI_READYOK,	/* sent the options and isready */
	UCI_IDLE,
	UCI_THINKING,
	UCI_STOPPING,	/* sent stop after a deadline or a cancel; bestmove frees it */
	UCI_TERMINATING,	/* sent SIGTERM; SIGKILL after the grace */
	UCI_DEAD,	/* reaped, or being waited for after a kill */
};

struct uci_engine {
	struct ev_loop	*loop;
	ev_io		rd, wr;
	ev_child	child;
	ev_timer	timer;		/* handshake, think, stop and kill deadlines */
	pid_t		pid;
	bool		reaped;
	int		to_fd, from_fd;	/* its stdin (we write), its stdout (we read) */
	enum uci_state	state;
	uci_engine_fn	*fn;
	void		*arg;
	FILE		*log;
	char		label[UCI_ENGINE_NAME_MAX];
	char		name[UCI_ENGINE_NAME_MAX];
	char		why[UCI_ENGINE_WHY_MAX];	/* what went wrong first, for DIED */
	char		rbuf[UCI_ENGINE_LINE_MAX];
	size_t		rlen;
	bool		dropping;	/* inside an over-long line */
	char		*wbuf;
	size_t		wlen, wcap;
	unsigned long	ignored;
	double		start_timeout;	/* s from spawn to readyok */
	struct uci_spec	spec;		/* its options, sent after uciok */
};

bool
uci_spec_is(const char *text)
{
	return strncmp(text, "uci:", 4) == 0;
}

int
uci_spec_parse(const char *text, struct uci_spec *out, char *err, size_t errlen)
{
	char *opts, *save = NULL;

	memset(out, 0, sizeof(*out));
	if (!uci_spec_is(text) || strlen(text + 4) >= sizeof(out->buf)) {
		snprintf(err, errlen, "\"%s\" is not an engine spec (uci:CMD?NAME=VALUE&...)", text);
		return -1;
	}
	strcpy(out->buf, text + 4);
	opts = strchr(out->buf, '?');
	if (opts != NULL)
		*opts++ = '\0';
	for (char *w = strtok_r(out->buf, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save)) {
		if (out->argc == UCI_ENGINE_ARGS_MAX) {
			snprintf(err, errlen, "\"%s\" has more than %d words", text,
				 UCI_ENGINE_ARGS_MAX);
			return -1;
		}
		out->argv[out->argc++] = w;
	}
	if (out->argc == 0) {
		snprintf(err, errlen, "\"%s\" names no command after uci:", text);
		return -1;
	}
	for (char *o = opts != NULL ? strtok_r(opts, "&", &save) : NULL; o != NULL;
	     o = strtok_r(NULL, "&", &save)) {
		char *eq = strchr(o, '=');

		if (eq == NULL || eq == o || out->nopts == UCI_ENGINE_OPTIONS_MAX) {
			snprintf(err, errlen, "\"%s\": option \"%s\" is not NAME=VALUE (at most %d)",
				 text, o, UCI_ENGINE_OPTIONS_MAX);
			return -1;
		}
		*eq = '\0';
		out->opt_name[out->nopts] = o;
		out->opt_value[out->nopts++] = eq + 1;
	}
	return 0;
}

static void uci_send(struct uci_engine *e, const char *line);

static void
uci_kill(struct uci_engine *e, int sig)
{
	/* The whole group: an engine may run helpers. Never a reaped pid (it may be reused). */
	if (!e->reaped && e->pid > 0)
		kill(-e->pid, sig);
}

static void
uci_arm(struct uci_engine *e, double after)
{
	ev_timer_stop(e->loop, &e->timer);
	ev_timer_set(&e->timer, after, 0.);
	ev_timer_start(e->loop, &e->timer);
}

/* Something went wrong: remember the first why, make sure it ends, report on reaping. */
static void
uci_fail(struct uci_engine *e, const char *why)
{
	if (e->why[0] == '\0')
		snprintf(e->why, sizeof(e->why), "%s", why);
	if (e->state == UCI_DEAD)
		return;
	e->state = UCI_DEAD;
	ev_io_stop(e->loop, &e->rd);
	ev_io_stop(e->loop, &e->wr);
	ev_timer_stop(e->loop, &e->timer);
	uci_kill(e, SIGKILL);
}

static void
uci_line_log(struct uci_engine *e, const char *what, const char *line)
{
	e->ignored++;
	if (e->log != NULL)
		fprintf(e->log, "simul: %s: ignored %s: %.120s\n", e->label, what, line);
}

static bool
word_is(const char *line, const char *word)
{
	size_t n = strlen(word);

	return strncmp(line, word, n) == 0 && (line[n] == '\0' || line[n] == ' ');
}

static void
uci_handshake_done(struct uci_engine *e)
{
	char line[UCI_ENGINE_LINE_MAX];

	for (int i = 0; i < e->spec.nopts; i++) {
		snprintf(line, sizeof(line), "setoption name %s value %s", e->spec.opt_name[i],
			 e->spec.opt_value[i]);
		uci_send(e, line);
	}
	uci_send(e, "isready");
	e->state = UCI_READYOK;
}

static void
uci_bestmove(struct uci_engine *e, const char *line)
{
	char move[16] = "";

	/* "bestmove e2e4 ponder e7e5": the first word after it, whatever it is. */
	sscanf(line + 8, "%15s", move);
	ev_timer_stop(e->loop, &e->timer);
	if (e->state == UCI_THINKING) {
		e->state = UCI_IDLE;
		e->fn(e, UCI_ENGINE_MOVE, move, e->arg);
	} else if (e->state == UCI_STOPPING) {
		/* It heard the stop: alive and free again, its late move is not wanted. */
		e->state = UCI_IDLE;
		e->fn(e, UCI_ENGINE_READY, "", e->arg);
	}
}

static void
uci_line(struct uci_engine *e, char *line)
{
	size_t n = strlen(line);

	if (n > 0 && line[n - 1] == '\r')
		line[n - 1] = '\0';
	if (line[0] == '\0')
		return;
	if (word_is(line, "id")) {
		if (strncmp(line, "id name ", 8) == 0)
			snprintf(e->name, sizeof(e->name), "%s", line + 8);
	} else if (word_is(line, "uciok")) {
		if (e->state == UCI_UCIOK)
			uci_handshake_done(e);
	} else if (word_is(line, "readyok")) {
		if (e->state == UCI_READYOK) {
			ev_timer_stop(e->loop, &e->timer);
			e->state = UCI_IDLE;
			e->fn(e, UCI_ENGINE_READY, "", e->arg);
		}
	} else if (word_is(line, "bestmove")) {
		uci_bestmove(e, line);
	} else if (!word_is(line, "info") && !word_is(line, "option") &&
		   !word_is(line, "copyprotection") && !word_is(line, "registration")) {
		uci_line_log(e, "line", line);
	}
}

static void
uci_read_cb(struct ev_loop *loop, ev_io *w, int revents)
{
	struct uci_engine *e = container_of(w, struct uci_engine, rd);
	ssize_t got;

	(void)loop, (void)revents;
	got = read(e->from_fd, e->rbuf + e->rlen, sizeof(e->rbuf) - 1 - e->rlen);
	if (got < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (got <= 0) {
		/* EOF: it is gone or going; ev_child says how. A closed stdout alone gets a kill. */
		ev_io_stop(e->loop, &e->rd);
		if (e->state != UCI_DEAD) {
			uci_arm(e, UCI_ENGINE_GRACE);
			e->state = UCI_TERMINATING;
		}
		return;
	}
	e->rlen += (size_t)got;
	e->rbuf[e->rlen] = '\0';
	for (;;) {
		char *nl = memchr(e->rbuf, '\n', e->rlen);
		size_t used;

		if (nl == NULL)
			break;
		*nl = '\0';
		used = (size_t)(nl - e->rbuf) + 1;
		if (e->dropping)
			e->dropping = false;	/* the tail of an over-long line */
		else
			uci_line(e, e->rbuf);
		/* A callback may have freed nothing but changed state; the buffer is still ours. */
		memmove(e->rbuf, e->rbuf + used, e->rlen - used);
		e->rlen -= used;
		e->rbuf[e->rlen] = '\0';
		if (e->state == UCI_DEAD)
			return;
	}
	if (e->rlen == sizeof(e->rbuf) - 1) {
		if (!e->dropping)
			uci_line_log(e, "over-long line", e->rbuf);
		e->dropping = true;
		e->rlen = 0;
	}
}

static void
uci_flush(struct uci_engine *e)
{
	while (e->wlen > 0) {
		ssize_t put = write(e->to_fd, e->wbuf, e->wlen);

		if (put < 0 && errno == EINTR)
			continue;
		if (put < 0 && errno == EAGAIN) {
			ev_io_start(e->loop, &e->wr);
			return;
		}
		if (put < 0) {
			/* EPIPE: it stopped reading, so it is exiting; EOF and ev_child follow. */
			e->wlen = 0;
			break;
		}
		memmove(e->wbuf, e->wbuf + put, e->wlen - (size_t)put);
		e->wlen -= (size_t)put;
	}
	ev_io_stop(e->loop, &e->wr);
}

static void
uci_write_cb(struct ev_loop *loop, ev_io *w, int revents)
{
	(void)loop, (void)revents;
	uci_flush(container_of(w, struct uci_engine, wr));
}

static void
uci_send(struct uci_engine *e, const char *line)
{
	size_t n = strlen(line) + 1;

	if (e->state == UCI_DEAD)
		return;
	if (e->wlen + n > e->wcap) {
		size_t cap = e->wcap ? e->wcap : 256;
		char *p;

		while (cap < e->wlen + n)
			cap *= 2;
		p = realloc(e->wbuf, cap);
		if (p == NULL) {
			uci_fail(e, "out of memory for its input");
			return;
		}
		e->wbuf = p;
		e->wcap = cap;
	}
	memcpy(e->wbuf + e->wlen, line, n - 1);
	e->wbuf[e->wlen + n - 1] = '\n';
	e->wlen += n;
	if (!ev_is_active(&e->wr))
		uci_flush(e);
}

static void
uci_timer_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct uci_engine *e = container_of(w, struct uci_engine, timer);
	enum uci_state was;

	(void)loop, (void)revents;
	switch (e->state) {
	case UCI_UCIOK:
	case UCI_READYOK:
		/*
		 * Judge what it sent, not what the loop has not read yet: after
		 * a thousand spawns the answer may sit in the pipe while the
		 * timer is due in the same iteration.
		 */
		was = e->state;
		if (ev_is_active(&e->rd))
			uci_read_cb(loop, &e->rd, EV_READ);
		if (e->state == UCI_READYOK && was == UCI_UCIOK)
			uci_arm(e, e->start_timeout);	/* it got on: isready's turn */
		if (e->state != was)
			break;
		snprintf(e->why, sizeof(e->why), "no %s within %g s",
			 e->state == UCI_UCIOK ? "uciok" : "readyok", e->start_timeout);
		uci_fail(e, e->why);
		break;
	case UCI_THINKING:
		e->state = UCI_STOPPING;
		uci_send(e, "stop");
		uci_arm(e, UCI_ENGINE_GRACE);
		e->fn(e, UCI_ENGINE_TIMEOUT, "no bestmove within its limit", e->arg);
		break;
	case UCI_STOPPING:
		snprintf(e->why, sizeof(e->why), "ignored stop, terminated");
		e->state = UCI_TERMINATING;
		uci_kill(e, SIGTERM);
		uci_arm(e, UCI_ENGINE_GRACE);
		break;
	default:
		uci_fail(e, e->why[0] != '\0' ? e->why : "closed its output, killed");
		break;
	}
}

static void
uci_child_cb(struct ev_loop *loop, ev_child *w, int revents)
{
	struct uci_engine *e = container_of(w, struct uci_engine, child);
	char why[UCI_ENGINE_WHY_MAX + 64];
	int st = w->rstatus;

	(void)revents;
	ev_child_stop(loop, w);
	e->reaped = true;
	if (WIFSIGNALED(st))
		snprintf(why, sizeof(why), "killed by signal %d (%s)%s%s", WTERMSIG(st),
			 strsignal(WTERMSIG(st)), e->why[0] ? " after: " : "", e->why);
	else
		snprintf(why, sizeof(why), "exited with status %d%s%s", WEXITSTATUS(st),
			 e->why[0] ? " after: " : "", e->why);
	uci_fail(e, why);
	memcpy(e->why, why, sizeof(e->why) - 1);
	e->why[sizeof(e->why) - 1] = '\0';
	e->fn(e, UCI_ENGINE_DIED, e->why, e->arg);
}

/* In the child, between fork and exec: only async-signal-safe calls. */
static void
uci_child_exec(const struct uci_spec *spec, int in, int out, int err_fd, pid_t parent)
{
	sigset_t none;
	struct sigaction dfl = { .sa_handler = SIG_DFL };

	setpgid(0, 0);
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(127);	/* the parent died before prctl took hold */
#else
	(void)parent;
#endif
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	for (int sig = 1; sig < NSIG; sig++)
		sigaction(sig, &dfl, NULL);
	if (err_fd < 0)
		err_fd = open("/dev/null", O_WRONLY);
	if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || (err_fd >= 0 && dup2(err_fd, 2) < 0))
		_exit(127);
	execvp(spec->argv[0], spec->argv);
	_exit(127);
}

/* 0 when file is a regular file we may execute, else -1 with errno set. */
static int
uci_runnable(const char *file)
{
	struct stat st;

	if (stat(file, &st) < 0)
		return -1;
	if (!S_ISREG(st.st_mode) || access(file, X_OK) < 0) {
		errno = EACCES;
		return -1;
	}
	return 0;
}

/* Finds prog as execvp will (a name with a slash as it is, else along PATH); -1 and why in err. */
static int
uci_find_program(const char *prog, char *err, size_t errlen)
{
	const char *path = getenv("PATH");
	int why = ENOENT;

	if (strchr(prog, '/') != NULL) {
		if (uci_runnable(prog) == 0)
			return 0;
		why = errno;
	} else {
		/* execvp's default when PATH is unset; an empty entry is the current folder. */
		for (const char *dir = path != NULL ? path : "/bin:/usr/bin"; dir != NULL;) {
			const char *colon = strchr(dir, ':');
			int len = colon != NULL ? (int)(colon - dir) : (int)strlen(dir);
			char file[4096];

			snprintf(file, sizeof(file), "%.*s%s%s", len, dir, len > 0 ? "/" : "", prog);
			if (uci_runnable(file) == 0)
				return 0;
			if (errno == EACCES)
				why = EACCES;	/* as execvp: one that is there but not runnable says so */
			dir = colon != NULL ? colon + 1 : NULL;
		}
	}
	snprintf(err, errlen, "cannot run %s: %s", prog, strerror(why));
	return -1;
}

static int
uci_spawn(struct uci_engine *e, int err_fd, char *err, size_t errlen)
{
	int in[2] = { -1, -1 }, out[2] = { -1, -1 };
	pid_t parent = getpid();

	if (uci_find_program(e->spec.argv[0], err, errlen) < 0)
		return -1;
	if (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0) {
		snprintf(err, errlen, "cannot make pipes: %s", strerror(errno));
		goto fail;
	}
	e->pid = fork();
	if (e->pid < 0) {
		snprintf(err, errlen, "cannot fork: %s", strerror(errno));
		goto fail;
	}
	if (e->pid == 0)
		uci_child_exec(&e->spec, in[0], out[1], err_fd, parent);
	/* Both sides set the group, so it exists whichever runs first. */
	setpgid(e->pid, e->pid);
	close(in[0]);
	close(out[1]);
	e->to_fd = in[1];
	e->from_fd = out[0];
	fcntl(e->to_fd, F_SETFL, fcntl(e->to_fd, F_GETFL) | O_NONBLOCK);
	fcntl(e->from_fd, F_SETFL, fcntl(e->from_fd, F_GETFL) | O_NONBLOCK);
	return 0;
fail:
	for (int i = 0; i < 2; i++) {
		if (in[i] >= 0)
			close(in[i]);
		if (out[i] >= 0)
			close(out[i]);
	}
	return -1;
}

struct uci_engine *
uci_engine_start(struct ev_loop *loop, const struct uci_spec *spec, const char *label,
		 double start_timeout, int err_fd, FILE *log, uci_engine_fn *fn, void *arg, char *err, size_t errlen)
{
	struct uci_engine *e = calloc(1, sizeof(*e));

	if (e == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	e->loop = loop;
	e->fn = fn;
	e->arg = arg;
	e->log = log;
	e->to_fd = e->from_fd = -1;
	e->spec = *spec;
	/* The copy's pointers must point into the copy's buffer. */
	for (int i = 0; i < spec->argc; i++)
		e->spec.argv[i] = e->spec.buf + (spec->argv[i] - spec->buf);
	for (int i = 0; i < spec->nopts; i++) {
		e->spec.opt_name[i] = e->spec.buf + (spec->opt_name[i] - spec->buf);
		e->spec.opt_value[i] = e->spec.buf + (spec->opt_value[i] - spec->buf);
	}
	snprintf(e->label, sizeof(e->label), "%s", label);
	snprintf(e->name, sizeof(e->name), "%s", label);
	if (uci_spawn(e, err_fd, err, errlen) < 0) {
		uci_engine_free(e);
		return NULL;
	}
	ev_io_init(&e->rd, uci_read_cb, e->from_fd, EV_READ);
	ev_io_init(&e->wr, uci_write_cb, e->to_fd, EV_WRITE);
	ev_timer_init(&e->timer, uci_timer_cb, 0., 0.);
	/* Started before the loop runs again, so its exit cannot be missed. */
	ev_child_init(&e->child, uci_child_cb, e->pid, 0);
	ev_child_start(loop, &e->child);
	ev_io_start(loop, &e->rd);
	e->state = UCI_UCIOK;
	/* Its 5 s count from its own spawn, not from before a thousand others were forked. */
	ev_now_update(loop);
	e->start_timeout = start_timeout;
	uci_arm(e, start_timeout);
	uci_send(e, "uci");
	return e;
}

int
uci_engine_go(struct uci_engine *e, const char *position, const char *go, double timeout)
{
	if (e->state != UCI_IDLE)
		return -1;
	uci_send(e, position);
	uci_send(e, go);
	e->state = UCI_THINKING;
	uci_arm(e, timeout);
	return 0;
}

bool
uci_engine_idle(const struct uci_engine *e)
{
	return e->state == UCI_IDLE;
}

bool
uci_engine_alive(const struct uci_engine *e)
{
	return e->state != UCI_DEAD && e->state != UCI_TERMINATING;
}

const char *
uci_engine_name(const struct uci_engine *e)
{
	return e->name;
}

pid_t
uci_engine_pid(const struct uci_engine *e)
{
	return e->pid;
}

unsigned long
uci_engine_ignored(const struct uci_engine *e)
{
	return e->ignored;
}

void
uci_engine_free(struct uci_engine *e)
{
	if (e == NULL)
		return;
	if (e->loop != NULL) {
		ev_io_stop(e->loop, &e->rd);
		ev_io_stop(e->loop, &e->wr);
		ev_timer_stop(e->loop, &e->timer);
		ev_child_stop(e->loop, &e->child);
	}
	if (e->to_fd >= 0)
		close(e->to_fd);
	if (e->from_fd >= 0)
		close(e->from_fd);
	/* No grace here: the run is over, and a reaped child is the promise. */
	if (!e->reaped && e->pid > 0) {
		uci_kill(e, SIGKILL);
		while (waitpid(e->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	free(e->wbuf);
	free(e);
}
