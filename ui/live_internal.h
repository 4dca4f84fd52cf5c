/*
 * What the live view's two files share: struct live, the one object a run
 * owns (the simulation and its config, the screen, the frame buffer, the
 * view model, and the watchers it adds to the loop), and the few calls the
 * key handling (ui/live_keys.c) makes back into the controller (ui/live.c).
 * Private to those two files; the rest of ui/ sees ui/live.h.
 */
#ifndef SIMUL_UI_LIVE_INTERNAL_H
#define SIMUL_UI_LIVE_INTERNAL_H

#include <ev.h>
#include <stdbool.h>

#include "sim/sim.h"
#include "ui/commands.h"
#include "ui/live.h"
#include "ui/screen.h"
#include "ui/snapshot_view.h"

struct live {
	struct ev_loop		*loop;
	struct sim		*sim;
	struct engine_pool	*engines;	/* uci: players, for every restart; NULL none */
	bool			real;		/* --clock real: nothing simulated */
	struct sim_config	config;
	enum sim_policy		policies[SIM_EXHIBITIONS_MAX];
	int			npolicies;
	struct live_options	opt;
	double			speed;
	struct screen		screen;
	struct cellbuf		cb;
	struct layout		lo;
	struct snapshot_view	sv;
	ev_io			input;
	ev_timer		frame;
	ev_signal		stop[UI_STOP_SIGNALS], sigwinch;	/* stop: ui/commands.h */
	bool			dirty;
	bool			quiet;		/* replaying or fast-forwarding: no narration */
	int			exit_code;
	simtime_t		think[SIM_EXHIBITIONS_MAX];	/* master's last think time */
	struct sim_event	last;		/* last narrated event */
	double			started;	/* monotonic seconds at live_run */
	double			first_frame_ms;	/* -1 until drawn */
	long			frames;
	double			render_s;	/* time spent building frames */
	double			notice_until;	/* monotonic seconds; the notice goes then */
	/*
	 * The real loop's figures over a rolling window: the current one and
	 * the one before (each LIVE_WINDOW_S long), shown as the worse of the
	 * two, so a stall stays on screen a few seconds and then goes.
	 */
	double			window_start;	/* monotonic seconds */
	double			last_tick;	/* the frame timer's last callback */
	double			stall_ms[2];	/* longest gap between frame ticks: now, before */
	double			late_max_ms, late_p99_ms;	/* the window before */
};

/* ui/live.c */
/* Narration: newest line first; older lines move down and the oldest drops. */
void live_say(struct live *lv, const char *text);
/* The answer to a key: above the narration, for a few seconds. */
void live_notice(struct live *lv, const char *text);
/* Forgets the real loop's figures (after a speed change or a greedy switch). */
void live_window_reset(struct live *lv);
/* Leaves the loop; live_run cleans up and returns code. */
void live_quit(struct live *lv, int code);
/*
 * A new simulation from lv->config and lv->policies, replayed without
 * narration to replay_to; -1 with a notice when the config is refused.
 */
int live_restart(struct live *lv, simtime_t replay_to);

/*
 * Everything but the terminal and the watchers: the sim from o, the view
 * model, the frame buffer, on loop (not started). -1 with err when o is
 * refused; live_close then cleans up what was made. Tests drive a live
 * through these and live_key, without a screen.
 */
int live_open(struct live *lv, const struct cli_options *o, const struct live_options *lopt,
	      struct ev_loop *loop, char *err, size_t errlen);
void live_close(struct live *lv);

/* ui/live_keys.c: one key or click, already read from the screen. */
void live_key(struct live *lv, const struct screen_input *in);

#endif
