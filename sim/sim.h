/*
 * The simulation's public face. A struct sim holds one or more exhibitions
 * (say sync and ready) that share one configuration, one seed and one clock:
 * the same boards, the same think-time draws and the same chess moves, played
 * under different master policies, so their totals can be compared.
 *
 * Two clocks drive the same model:
 *   - virtual: sim_run_virtual() processes every event in simulated-time
 *     order, as fast as the CPU allows;
 *   - live: sim_start_live() arms one libev timer on a loop the caller owns,
 *     at the real time the next event's simulated time maps to under a
 *     speed factor (simulated seconds per real second) that can change
 *     while running; pause, step and fast-forward work on it.
 * Events of all exhibitions are processed in one order, (simulated time,
 * exhibition index, sequence number), on either clock, so a trace is the
 * same byte for byte whichever clock ran it and at any speed.
 *
 * Views read plain data through sim/snapshot.h and change the run only
 * through the calls below. Nothing here prints or exits.
 *
 * Inside, calls go one way (each file calls only those below it):
 *
 *   sim.c, stats.c                 construction, results, snapshots
 *   clock_live.c  clock_virtual.c  the clocks: one timer + one idle watcher
 *        |                         (live), a plain loop (virtual)
 *   events.c                       next event time / ready? / process one
 *   master.c  board_task.c         the decisions of each event
 *   chess.c                        the move a decision plays
 *   thinking.c                     its search: in one go, in slices, or
 *   ahead.c                        ahead of the clock (which ply next)
 *   engine_play.c                  or an external engine's answer
 *   record.c  exhibition.c         the books: shared move records; queue,
 *                                  rings, waits, spans, the event hook
 *
 * The model never calls a clock: it schedules into its own queue, and the
 * clock re-arms its timer after every batch; a blocking opponent leaves
 * its think in the books for the live clock to really block on, and an
 * engine's answer wakes a held clock through the s->wake hook the clock
 * set. tests/check_sim_calls.py keeps it so.
 */
#ifndef SIMUL_SIM_SIM_H
#define SIMUL_SIM_SIM_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/game.h"
#include "engine/notation.h"
#include "sim/dist.h"

struct ev_loop;
struct sim;

/* Documented limits; cli and sim_config_check() enforce them. */
enum {
	SIM_BOARDS_MAX = 1000000,
	SIM_MOVES_MAX = 500,
	SIM_EXHIBITIONS_MAX = 4,	/* exhibitions in one struct sim */
	SIM_PROFILE_MAX = 256,		/* player profile name or uci:CMD spec, with NUL */
	SIM_OPPONENTS_MAX = 256,	/* opponents spec, with NUL */
	SIM_BLOCKING_MAX = 64		/* boards with a blocking opponent */
};

enum sim_policy {
	SIM_SYNC,		/* one game to its end, waiting through every think */
	SIM_ROUND_ROBIN,	/* fixed walking order, waits at a board not ready */
	SIM_READY,		/* the board ready longest; waits only if none is */
	SIM_POLICY_NB
};

/* "sync", "round-robin", "ready". */
const char *sim_policy_name(enum sim_policy p);
/* Also accepts "rr" and "async" (= ready). */
int sim_policy_parse(const char *text, enum sim_policy *out, char *err, size_t errlen);

struct sim_config {
	int		boards;		/* N, 1..SIM_BOARDS_MAX, default 24 */
	int		moves;		/* M master moves per game, 1..SIM_MOVES_MAX, default 30 */
	struct dist	master_think;	/* Tm, default 5s */
	struct dist	opponent_think;	/* To, default 55s */
	struct dist	walk;		/* between two different boards, default 0 */
	uint64_t	seed;		/* default 1 */
	bool		chess;		/* real games; false = pure timing model */
	char		master_profile[SIM_PROFILE_MAX];	/* engine/player.h profile */
	/* "club" (every board) or "club:20,beginner:4" (in board order; the last
	 * entry takes the boards left over). */
	char		opponents[SIM_OPPONENTS_MAX];
	/*
	 * Live clock only: the search runs in one go inside the timer's
	 * callback instead of in slices between loop iterations. Simulated
	 * results are the same either way; only the real loop stalls.
	 */
	bool		greedy;
	/*
	 * Boards (0-based) whose opponent thinks inside a blocking call: after
	 * the master moves there he can serve no board until the reply comes.
	 */
	int		blocking[SIM_BLOCKING_MAX];
	int		nblocking;
};

void sim_config_defaults(struct sim_config *c);
/* Limits and profile names; the message names the field, e.g. "boards: 0 is not between 1 and 1000000". */
int sim_config_check(const struct sim_config *c, char *err, size_t errlen);

struct sim_preset {
	const char	*name;
	const char	*summary;	/* one line for --preset list */
};

/* All presets, "article" (the default) first. */
const struct sim_preset *sim_presets(size_t *n);
/* Sets c to the defaults with the preset's numbers on top. */
int sim_preset_apply(struct sim_config *c, const char *name, char *err, size_t errlen);

/*
 * The analytical model for fixed think times (the mean of each distribution
 * otherwise). With W the walk (0 for one board):
 *   sync        N*M*(Tm+To) + (N-1)*W
 *   round-robin (M-1)*max(N*(Tm+W), Tm+To) + (N-1)*(Tm+W) + Tm + To
 *   ready       (M-1)*max(N*(Tm+W), Tm+To+W) + (N-1)*(Tm+W) + Tm + To
 * The last Tm + To is why the article's "1 hour" is 1:00:55: the last
 * opponent still thinks 55 s after the master's last move.
 *
 * With k >= 1 blocking opponents, sync is unchanged (its master waits
 * through every think anyway), and both async policies become
 *   N*M*Tm + (N*M-1)*W + k*M*To + (board N blocks ? 0 : To)
 * The master is blocked k*To per round, which alone is at least Tm + To
 * more than the round's other boards need, so he never waits for a reply:
 * his own time line, thinks + walks + blocks, is the total, plus the last
 * board's reply when that board does not block (the walk order is board 1,
 * 2, ..., N; ready visits boards in the same order, since replies come
 * back in the order the moves went out). Round-robin with W > 0 and board
 * N not blocking may walk on after the last move to a board still
 * thinking; the model is then only a lower bound (not exact).
 *
 * Returns true when the model is exact for this config (fixed times; chess
 * may still end games early, which a run's statistics report).
 */
bool sim_model_total(const struct sim_config *c, enum sim_policy p, simtime_t *total);

/*
 * The model for the games as actually played: board b got moves[b] master
 * moves, and ends_on_master[b] says his last move ended it (mate or a draw
 * by rule: no reply). Sync is the sum of every visit, Σ m_b·(Tm+To) less
 * the replies that never came; the async policies follow the master visit
 * by visit (sim/model.c says how) with no event queue. With fixed times it
 * equals the measured total to the microsecond, chess on or off, blocking
 * opponents and walks included. -1 when out of memory.
 */
int sim_model_played(const struct sim_config *c, enum sim_policy p, const int *moves,
		     const bool *ends_on_master, simtime_t *total);

/* NULL on error (bad config, unknown profile) with the reason in err. */
struct sim *sim_new(const struct sim_config *c, const enum sim_policy *policies, int n,
		    char *err, size_t errlen);
/* Stops every watcher first; NULL is fine. */
void sim_free(struct sim *s);
/*
 * The bytes a struct sim of c with n exhibitions will hold at its peak,
 * reckoned from its allocations (sim/memory.c), to refuse what cannot fit.
 */
uint64_t sim_memory_estimate(const struct sim_config *c, int n);

/*
 * External engines (sim/engine_pool.h) play the sides the config names as
 * uci:CMD. The pool is the caller's and outlives the sim; its loop is the
 * one the engines' pipes are watched on, and the virtual clock runs it
 * while an event waits for an engine's answer. -1 with chess off.
 */
struct engine_pool;
int sim_use_engines(struct sim *s, struct engine_pool *p);
/* The side (White: the master) is played by an external engine. */
bool sim_board_engine(const struct sim *s, int board, bool master);
/* The player's name: an engine's "id name", else the profile (master: White). */
const char *sim_player_name(const struct sim *s, int board, bool master);
/* Why the board's engine lost (NULL: it did not), and at which ply. */
const char *sim_board_forfeit(const struct sim *s, int board, int *ply);

const struct sim_config *sim_config(const struct sim *s);
int sim_exhibitions(const struct sim *s);
enum sim_policy sim_exhibition_policy(const struct sim *s, int ex);

/* ---- events ---------------------------------------------------------- */

enum sim_event_kind {
	SIM_EV_MASTER_THINKS,		/* starts thinking at board; duration = drawn Tm */
	SIM_EV_MASTER_MOVES,		/* plays san at board */
	SIM_EV_MASTER_WALKS,		/* starts walking to board; duration = W */
	SIM_EV_MASTER_WAITS,		/* starts waiting at board (-1: for any board) */
	SIM_EV_MASTER_STOPS_WAITING,	/* duration = how long he waited */
	SIM_EV_OPPONENT_THINKS,		/* duration = drawn To */
	SIM_EV_OPPONENT_REPLIES,	/* plays san; the board waits for the master */
	SIM_EV_GAME_ENDS,		/* result and termination set */
	SIM_EV_EXHIBITION_ENDS,		/* board = -1; t = the exhibition's total */
	SIM_EV_KIND_NB
};

/* "master-thinks", "master-moves", ... (for traces). */
const char *sim_event_kind_name(enum sim_event_kind k);

struct sim_event {
	simtime_t		t;		/* simulated µs of the event */
	int			ex;		/* exhibition index */
	int			board;		/* 0-based; -1 for none */
	enum sim_event_kind	kind;
	simtime_t		duration;	/* drawn or waited, see the kinds */
	int			ply;		/* ply of a move (0 = master's first) */
	char			san[MOVE_TEXT_MAX];	/* the move; "" with chess off */
	enum game_result	result;		/* SIM_EV_GAME_ENDS */
	enum game_termination	termination;
	/*
	 * MASTER_WAITS / MASTER_STOPS_WAITING at a blocking board: he is
	 * blocked inside its opponent's think (WAITS' duration = that To).
	 */
	bool			blocked;
};

typedef void sim_event_fn(const struct sim_event *e, void *arg);

/* One hook (NULL to remove); called synchronously as each event happens. */
void sim_on_event(struct sim *s, sim_event_fn *fn, void *arg);

/* ---- clocks ---------------------------------------------------------- */

/* Runs every exhibition to its end on the virtual clock. */
void sim_run_virtual(struct sim *s);
/*
 * Chess on, before a virtual clock runs: every board's game searched
 * first on up to threads threads (boards spread over them), into the
 * record the clock then replays. The same moves, events and totals as
 * without it, in less wall time. Stops after the plies in hand when
 * *stop (may be NULL) becomes nonzero, keeping them. Does nothing (0)
 * with chess off, fewer than 2 threads or boards, an external engine
 * playing, or a move already chosen; else the threads it used.
 */
int sim_prepare_games(struct sim *s, int threads, const volatile sig_atomic_t *stop);

/*
 * Runs on loop from simulated time now, at speed simulated seconds per real
 * second (> 0). The loop is the caller's; the caller runs it. Returns -1 if
 * already live. With chess on, the loop's idle time searches the games
 * ahead of the clock; a clock too fast for the searches left is held at
 * now (sim_loop_stats: preparing, prepare_pct) while they are searched
 * ahead, a few seconds at most, the loop's other watchers running as ever.
 */
int sim_start_live(struct sim *s, struct ev_loop *loop, double speed);
/*
 * The real clock: nothing is simulated. Runs on loop like the live clock,
 * but each event is processed at its real time (wall clock x speed), never
 * before it is due: a late timer, a stalled callback or a blocking call
 * makes everything after it later, and an engine's move (go movetime = its
 * think time / speed) comes when the engine answers, holding its own board
 * only. The results are measured, not exact. Once per sim, before any
 * other clock ran; -1 otherwise.
 */
int sim_start_real(struct sim *s, struct ev_loop *loop, double speed);
/* Stops every watcher; the sim keeps its state (and can run virtually on). */
void sim_stop_live(struct sim *s);
void sim_pause(struct sim *s, bool paused);
bool sim_paused(const struct sim *s);
/* Re-anchors so simulated time continues smoothly at the new rate. */
void sim_set_speed(struct sim *s, double speed);
double sim_speed(const struct sim *s);
/*
 * Live clock: the search for a move runs in slices between loop iterations
 * (false, the default) or in one go inside the timer's callback (true),
 * stalling the loop. Either way the moves, events and totals are the same.
 */
void sim_set_greedy(struct sim *s, bool greedy);
/*
 * For a class: a greedy master's move inside a timer's callback then
 * lasts at least seconds of real time (0, the default: as long as its
 * search). The work is scaled, not slept (the same search again, its
 * result discarded), so moves and totals do not change; only the stall.
 */
void sim_set_greedy_stall(struct sim *s, double seconds);
bool sim_greedy(const struct sim *s);
/*
 * The blocking pitfall at run time: board's opponent thinks inside a
 * blocking call from its next reply on (on) or no longer (off), in every
 * exhibition; the config's list follows, so the model and a restart agree.
 * On the live clock the callback then really sleeps through that think.
 * -1 when board is out of range or SIM_BLOCKING_MAX boards already block.
 */
int sim_set_blocking(struct sim *s, int board, bool on);
bool sim_blocking(const struct sim *s, int board);
/* Processes exactly one next event (any clock, paused or not); -1 when none is left. */
int sim_step(struct sim *s);
/* Finishes exhibition ex at once; the results are those a full run gives. */
void sim_fast_forward(struct sim *s, int ex);
/* ex = -1: all exhibitions. */
bool sim_finished(const struct sim *s, int ex);
/* The clock's simulated now: the live clock's reading, or the last event's time. */
simtime_t sim_now(const struct sim *s);
/* Simulated time of the next event in clock order, -1 when none is left. */
simtime_t sim_next_time(const struct sim *s);

/* ---- results --------------------------------------------------------- */

struct sim_stats {
	enum sim_policy	policy;
	bool		finished;
	simtime_t	total;		/* end of the last game (so far: time of the last event) */
	simtime_t	master_busy;	/* thinking */
	simtime_t	master_walk;
	simtime_t	master_idle;	/* total - busy - walk: waiting, or done early */
	double		utilisation;	/* busy / total */
	int64_t		waits;		/* times an opponent waited for the master */
	simtime_t	wait_mean, wait_p50, wait_p95, wait_max;
	int64_t		master_moves, opponent_moves;
	int64_t		moves_to_play;	/* master moves: played + still due */
	int		white_wins, black_wins, draws, unfinished;
	int		ended_early;	/* games ended by a chess rule before move M */
	simtime_t	first_finish, last_finish;	/* of the games */
	/*
	 * Two references beside the measured total: the article's closed form
	 * (N·M moves on every board, sim_model_total) and the model for the
	 * games as played (sim_model_played; while running, for the work left
	 * with every game taken to M moves). model_exact: measured == model.
	 */
	simtime_t	article_total;
	simtime_t	model_total;
	bool		model_exact;
	int64_t		moves_saved;	/* N·M less the master moves the games had */
	char		early_boards[120];	/* "3, 7, 12" (1-based): games ended early */
	char		model_note[200];	/* why measurement and model differ, or "" */
	simtime_t	master_blocked;	/* inside a blocking opponent's think (part of idle) */
};

/* Cost: a few counting passes over the waits (O(w), no copy); for reports, not every frame. */
int sim_stats(const struct sim *s, int ex, struct sim_stats *out);
/* Simulated time the board's game ended, -1 while it runs. */
simtime_t sim_board_finish(const struct sim *s, int ex, int board);
/* The game of a board (NULL with chess off); same moves in every exhibition. */
const struct game *sim_game(const struct sim *s, int ex, int board);
/* Simulated think time of each ply of that game (n = game->n); NULL with chess off. */
const simtime_t *sim_game_think_times(const struct sim *s, int ex, int board);
/* Profile names that played the board (master is White). */
const char *sim_board_opponent(const struct sim *s, int board);

/*
 * Real-time figures, measured, never fed into the model: how the loop kept
 * up on the live clock and what the searches cost in CPU (on either clock).
 * They vary from run to run, unlike everything above.
 */
struct sim_loop_stats {
	bool		live;		/* the live clock ran; lateness figures are 0 otherwise */
	bool		greedy;		/* searches run in one go (now) */
	/*
	 * Lateness: for each event processed from the loop, the real time it
	 * was processed minus the real time its simulated time maps to. It
	 * grows when a callback stalls the loop (a greedy search, a blocking
	 * call) and when an event waits for its search to finish.
	 */
	uint64_t	timers;		/* samples: events processed from the loop */
	double		lateness_max_ms;
	double		lateness_p99_ms;	/* log histogram: within ~3%, never above max */
	double		lateness_p50_ms;
	double		lateness_mean_ms;
	double		lateness_last_ms;	/* the latest sample, for a live header */
	uint64_t	search_waits;	/* events held back until their search finished */
	double		search_wait_s;	/* real time they were held back */
	uint64_t	slices;		/* search slices run between loop iterations */
	uint64_t	blocking_calls;	/* live blocking opponent: real blocking sleeps */
	double		blocked_s;	/* real time spent in them */
	/* CPU (this thread's) of the engine's searches; each move is searched once per sim. */
	uint64_t	master_searches;
	double		search_cpu_s;	/* the master's searches, total */
	double		search_cpu_mean_ms, search_cpu_max_ms;	/* per master move */
	uint64_t	opponent_searches;
	double		opponent_cpu_s;
	/*
	 * Searching ahead of the clock: searches started before their player
	 * sat down; and the hold at the start while the games were searched
	 * ahead because the clock was too fast for them ("preparing games").
	 */
	uint64_t	ahead_searches;
	bool		preparing;	/* held now */
	int		prepare_pct;	/* its progress, 0..100 */
	double		prepare_s;	/* real seconds held */
	uint64_t	prepared;	/* plies searched while held */
	/*
	 * Held now since this many real seconds (0: not held) because the
	 * event due next plays a move still being searched: the searches
	 * are slower than the clock (a strong player at a high speed).
	 */
	double		search_wait_now_s;
	/* Real clock: where the measured total's excess over the model came from. */
	bool		real;
	double		lateness_sum_s;	/* real: every event's lateness, summed */
	uint64_t	engine_replies;	/* engine moves the clock waited for past due */
	double		engine_overrun_s;	/* simulated: their answers past due, summed */
};

/* O(1) (a fixed histogram of a few hundred buckets): fine for every frame. */
void sim_loop_stats(const struct sim *s, struct sim_loop_stats *out);
/* Forgets the lateness samples (e.g. after the greedy switch flips), keeps CPU figures. */
void sim_loop_stats_reset(struct sim *s);

#endif
