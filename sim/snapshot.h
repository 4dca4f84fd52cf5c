/*
 * Plain data the views draw from. sim_snapshot() fills the per-exhibition
 * figures in O(exhibitions) and copies no boards; a view asks for the boards
 * it actually draws with sim_board_view() (O(1) each), so a frame of 24
 * boards at 30 fps costs nothing and 100,000 boards are never copied.
 *
 * Pointers inside (positions, the span history) point into the sim and stay
 * valid until the next call that advances it (an event, step, fast-forward,
 * sim_free); read them, draw, let go.
 */
#ifndef SIMUL_SIM_SNAPSHOT_H
#define SIMUL_SIM_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/game.h"
#include "engine/notation.h"
#include "sim/sim.h"

enum sim_board_state {
	SIM_BOARD_WAITING,	/* for the master (his move is due) */
	SIM_BOARD_THINKING,	/* the opponent thinks */
	SIM_BOARD_FINISHED
};

enum sim_master_activity {
	SIM_MASTER_IDLE,	/* ready policy, no board ready: waits for any */
	SIM_MASTER_THINKING,	/* at board */
	SIM_MASTER_WALKING,	/* to board */
	SIM_MASTER_WAITING,	/* at board, for its opponent */
	SIM_MASTER_DONE
};

/* One stretch of the master's time, for the "CPU never waits" strip. */
struct sim_span {
	simtime_t			start, end;
	enum sim_master_activity	activity;	/* THINKING, WALKING, WAITING or IDLE */
};

struct sim_exhibition_view {
	enum sim_policy	policy;
	bool		finished;
	simtime_t	now;		/* clock now, or the total once finished */
	simtime_t	total_so_far;	/* = now while running */
	/*
	 * The model for the work left (every game still playing taken to M
	 * moves): with fixed times the final total from the first event on;
	 * the total itself once finished. model_total is the same figure.
	 */
	simtime_t	projected_total;
	simtime_t	model_total;
	simtime_t	article_total;	/* the closed form: N·M moves on every board */
	bool		model_exact;	/* finished and measured == model */
	int64_t		moves_played;	/* master moves */
	int64_t		moves_to_play;	/* played + still due (shrinks when games end early) */
	double		utilisation;	/* busy / now */
	int		boards;
	int		boards_finished;

	enum sim_master_activity master;	/* what he does now */
	int		master_board;		/* where (-1: none) */
	simtime_t	master_since, master_until;	/* until: -1 when open-ended (waiting) */

	/*
	 * The master's history, adjacent stretches of one activity merged, in
	 * time order. While the exhibition runs the last span is still open:
	 * its end is stale, draw it up to now. Past SIM_SPANS_MAX (32768) spans
	 * the history is halved in resolution (each pair merged, the longer
	 * activity kept), which a strip of a few hundred columns cannot show.
	 */
	const struct sim_span	*spans;
	size_t			nspans;

	/*
	 * master is WAITING at master_board because its opponent thinks inside
	 * a blocking call (--blocking-opponent): he can serve no other board
	 * until master_until. Kept a flag beside the activity, so views that
	 * switch over the activities go on working.
	 */
	bool		master_blocked;
	simtime_t	master_blocked_total;	/* so far */
	/*
	 * The stretches he was blocked, in time order, each inside a WAITING
	 * span of spans[] (activity WAITING; the last may end after now: it
	 * ends when the reply comes). At most boards x moves of them.
	 */
	const struct sim_span	*blocks;
	size_t			nblocks;
};

struct sim_snapshot {
	int		nexhibitions;
	struct sim_exhibition_view ex[SIM_EXHIBITIONS_MAX];
	simtime_t	now;		/* the clock's simulated now */
	double		speed;		/* live: simulated s per real s; 0 virtual */
	bool		live;
	bool		paused;
	bool		finished;	/* every exhibition */
	bool		greedy;		/* live: searches in one go (sim_set_greedy) */
	/* Measured real-time figures (lateness max/p99, search CPU): see sim_loop_stats(). */
	struct sim_loop_stats loop;
};

void sim_snapshot(const struct sim *s, struct sim_snapshot *snap);

struct sim_board_view {
	enum sim_board_state	state;
	int			move_number;	/* master moves made on this board */
	int			side_to_move;	/* WHITE = the master's turn */
	const struct position	*pos;		/* NULL with chess off */
	char			last_san[MOVE_TEXT_MAX];	/* "" before any move or chess off */
	simtime_t		ready_since;	/* WAITING: since when */
	simtime_t		think_start, think_end;	/* THINKING: opponent's think */
	enum game_result	result;
	enum game_termination	termination;
	simtime_t		finished_at;	/* -1 while running */
	const char		*opponent;	/* profile name */
	bool			blocking;	/* its opponent thinks in a blocking call */
};

int sim_board_view(const struct sim *s, int ex, int board, struct sim_board_view *out);

/*
 * The event loop of one exhibition, named as asyncio names it: the ready
 * queue (loop._ready: boards whose opponent has replied and that wait for
 * the master, oldest first; for the ready policy its own FIFO, for the
 * others the waiting boards by age) and the scheduled timers
 * (loop._scheduled: opponents' replies still due, soonest first). The
 * running callback is the master's activity in sim_exhibition_view. The
 * first SIM_LOOP_SHOWN of each, and how many there are. O(boards).
 */
enum { SIM_LOOP_SHOWN = 16 };

struct sim_loop_entry {
	int		board;		/* 0-based */
	simtime_t	t;		/* ready: since when it waits; timer: when it is due */
};

struct sim_loop_view {
	struct sim_loop_entry	ready[SIM_LOOP_SHOWN];
	int			nready, ready_total;
	struct sim_loop_entry	timers[SIM_LOOP_SHOWN];
	int			ntimers, timers_total;
};

int sim_loop_view(const struct sim *s, int ex, struct sim_loop_view *out);

#endif
