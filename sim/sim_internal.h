/*
 * Inside the simulation (sim/ only; views use sim.h and snapshot.h).
 *
 * A struct sim owns its exhibitions and, with chess on, one move record per
 * board that every exhibition replays: a board's game depends only on the
 * seed, never on when the master gets to it, so the engine chooses each
 * move once and the other exhibitions replay it.
 *
 * An exhibition owns N board tasks and one master, allocated once (the
 * queue and rings index them), an event queue with at most one
 * pending event per task, the ready queue of the ready policy, a doubly
 * linked ring of the boards still playing, and what statistics need: every
 * opponent's wait for the master and the master's activity spans.
 */
#ifndef SIMUL_SIM_SIM_INTERNAL_H
#define SIMUL_SIM_SIM_INTERNAL_H

#include <ev.h>
#include <stddef.h>

#include "engine/player.h"
#include "sim/event_queue.h"
#include "sim/histogram.h"
#include "sim/samples.h"
#include "sim/sim.h"
#include "sim/snapshot.h"

/* Spans kept before the history is halved in resolution (the strip is ~200 columns). */
enum { SIM_SPANS_MAX = 1 << 15 };

struct exhibition;

/* One per board per exhibition: kept small, a million of them fit in 72 MB. */
struct board_task {
	simtime_t		ready_at;	/* since when it waits for the master */
	simtime_t		think_start;	/* opponent's think */
	simtime_t		think_end;
	simtime_t		finished_at;	/* -1 while playing */
	int			index;
	int			master_moves;	/* master moves made here */
	int			prev, next;	/* ring of boards still playing */
	uint8_t			state;		/* enum sim_board_state */
	uint8_t			result;		/* enum game_result */
	uint8_t			termination;	/* enum game_termination */
	bool			blocking;	/* its opponent thinks in a blocking call */
	simtime_t		parked;		/* real clock: its event, held for an engine; -1 */
	char			last_san[MOVE_TEXT_MAX];	/* chess on */
};

struct master {
	struct exhibition	*ex;
	simtime_t		parked;		/* real clock: his move, held for his engine; -1 */
	enum sim_master_activity activity;
	int			board;		/* where he thinks, waits or walks to */
	int			at;		/* where he stands (-1 before the first move) */
	int			last;		/* last board he moved at (round-robin) */
	simtime_t		since, until;	/* of the activity; until -1 open-ended */
	simtime_t		busy, walked;	/* completed */
	bool			blocked;	/* WAITING inside a blocking opponent's think */
	simtime_t		blocked_total;	/* completed */
	int64_t			walks;		/* walk draws so far (their rng stream index) */
	bool			started;	/* has made his first choice */
};

/* The model for the work left, as of events processed: a snapshot asks every frame. */
struct model_cache {
	uint64_t		events;		/* ex->events it was computed at */
	simtime_t		total;
	bool			valid;
};

struct exhibition {
	struct sim		*sim;
	int			index;
	enum sim_policy		policy;
	struct board_task	*boards;
	struct game		*games;		/* chess on: one per board, else NULL */
	struct master		master;
	struct event_queue	queue;
	int			*ready;		/* ring buffer of board indices, capacity N */
	int			ready_head, ready_len;
	int			active_head;	/* a playing board, -1 when none */
	int			active;		/* boards still playing */
	simtime_t		now;		/* time of the last event processed */
	uint64_t		events;		/* processed so far */
	struct model_cache	*projection;	/* mutable from const views; see stats.c */
	bool			finished;
	simtime_t		total;
	int64_t			master_moves, opponent_moves, moves_to_play;
	int			ended_early;
	struct samples		waits;		/* each opponent's wait for the master */
	struct sim_span		*spans;
	size_t			nspans, capspans;
	struct sim_span		*blocks;	/* the master's blocked stretches */
	size_t			nblocks, capblocks;
};

/* The shared per-board move record (chess on). */
struct board_record {
	move_t			*moves;
	simtime_t		*times;		/* think time of each ply */
	int			nmoves, ntimes, cap;
	const struct player_profile *opponent;
	/* A search in flight for ply nmoves (thinking.c), at most one per board. */
	struct think		*think;
	int			think_prev, think_next;	/* queue of boards with one, -1 ends */
	simtime_t		think_due;	/* when its move is due (the queue's order); AHEAD_DUE */
	double			think_cpu;	/* CPU seconds it used so far */
	/* External engines (engine_play.c). */
	int			engine;		/* the opponent's engine slot, -1 for a profile */
	bool			asked;		/* an engine was asked for ply nmoves */
	int			forfeit_ply;	/* the side to move there lost, -1 none */
	uint8_t			forfeit_term;	/* enum game_termination */
	char			*forfeit_why;	/* what the engine did, for the summary */
	/* Searching ahead (ahead.c). */
	bool			ahead_queued;	/* in the ahead queue */
	bool			ahead_over;	/* the game is over: no ply left to search */
	int			played;		/* plies an exhibition has played (greedy replays) */
};

/*
 * Searching ahead of the clock (ahead.c): the boards in the order their
 * next unsearched ply is planned to be due, from the config's means.
 */
struct ahead_entry {
	simtime_t		due;		/* planned, of the board's ply nmoves when queued */
	int			board;
};

struct ahead {
	struct ahead_entry	*heap;		/* min-heap on (due, board); NULL until first used */
	int			n;
	int64_t			plies_cut;	/* plies games over early will never play */
};

/* The due of a search started ahead of its player's think: after every other search. */
#define AHEAD_DUE INT64_MAX

/*
 * Searches in flight on the live clock: a queue of boards, linked through
 * their records, earliest due move first; the live clock's idle watcher
 * runs one slice per loop iteration while the queue is not empty (the
 * article's sleep(0)).
 */
/* The engine's searches a sim ran and their CPU seconds (this thread's, per search). */
struct search_tally {
	uint64_t		master_searches, opponent_searches;
	double			master_cpu, master_cpu_max, opponent_cpu;
};

/* One search of ply's move (even: the master's) that took cpu seconds. */
void search_tally_add(struct search_tally *t, int ply, double cpu);

struct thinking {
	int			head, tail;	/* boards, -1 when none */
	int			wanted;		/* the board the next event waits for, -1 */
	bool			greedy;		/* no slices: searches run in one go */
	bool			in_timer;	/* live: inside a timer's callback (greedy stalls there) */
	uint64_t		greedy_repeats;	/* searches run again to make a greedy stall plain */
	double			greedy_stall;	/* real seconds a greedy master's move lasts at least */
	uint64_t		slices;
	struct search_tally	searched;
	struct ahead		ahead;
	uint64_t		ahead_searches;	/* started before their player sat down */
};

struct sim {
	struct sim_config	config;
	int			nex;
	struct exhibition	ex[SIM_EXHIBITIONS_MAX];
	struct board_record	*records;	/* chess on, else NULL */
	const struct player_profile *master_profile;
	const struct player_profile **opponents;	/* per board */
	sim_event_fn		*hook;
	void			*hook_arg;
	simtime_t		now;		/* last event processed in clock order */
	simtime_t		blocking_call;	/* the event just processed blocks this long, 0 none */

	/* live clock */
	struct ev_loop		*loop;		/* NULL: not live */
	ev_timer		timer;		/* at the head of the model's queue */
	simtime_t		timer_at;	/* the simulated time it is armed for */
	ev_idle			idle;		/* search slices between loop iterations */
	double			speed;		/* simulated s per real s */
	bool			paused;
	ev_tstamp		anchor_real;	/* real time at which ... */
	simtime_t		anchor_sim;	/* ... the clock read this */
	simtime_t		live_limit;	/* the clock has asked to advance this far */
	bool			stalled;	/* the next event waits for its search */
	bool			was_live;
	/* Held at the start while the games are searched ahead (clock_live.c). */
	bool			preparing;
	ev_tstamp		prepare_since;	/* real */
	double			prepare_s;	/* real seconds held so far */
	uint64_t		prepared;	/* plies searched while held */
	int64_t			prepare_from;	/* s->recorded when the hold began */
	double			prepare_cpu;	/* the searches' CPU seconds then */
	int			prepare_pct;	/* how far the hold has come, 0..100 */
	int64_t			recorded;	/* plies stored in the records, all boards */
	ev_tstamp		stalled_since;	/* real */

	/* real clock: events are processed at their real time, no earlier than due */
	bool			real;
	simtime_t		floor;		/* the reading an event is processed at, at least */
	uint64_t		engine_replies;	/* engine moves waited for on the real clock */
	simtime_t		engine_overrun;	/* their answers past due, summed (simulated µs) */

	/* external engines, NULL when none play */
	struct engine_pool	*engines;
	/*
	 * Set by the live clock while it runs: an answer came from outside
	 * the model (an engine's pipe), so a held clock may go on. A hook, so
	 * the model never calls a clock by name.
	 */
	void			(*wake)(struct sim *s, int board);
	int			master_engine;	/* slot, -1 */

	/* measured, never fed into the model */
	struct thinking		thinking;
	struct histogram	lateness;	/* µs, one sample per event from the loop */
	uint64_t		search_waits, blocking_calls;
	double			search_wait, blocked;	/* real seconds */
};

/* config.c */
struct sim_opponent_entry {
	char			text[SIM_OPPONENTS_MAX];	/* profile name or uci:CMD */
	int			first, count;	/* boards */
};
/* Entries in board order; their number, or -1 with err. out may be NULL. */
int sim_opponents_split(const char *spec, int boards, struct sim_opponent_entry *out, char *err,
			size_t errlen);
/* The stand-in profile of an external engine's side ("uci"). */
extern const struct player_profile sim_engine_profile;
int sim_opponents_parse(const char *spec, int boards, const struct player_profile **out,
			char *err, size_t errlen);

/*
 * The core's files, each calling only those below it (sim.h has the picture):
 * clock_live.c, clock_virtual.c -> events.c -> master.c, board_task.c ->
 * chess.c -> thinking.c -> ahead.c -> record.c; the tasks and events.c -> exhibition.c.
 */

/* exhibition.c: the books master and board tasks write. */
int exhibition_init(struct exhibition *ex, struct sim *s, int index, enum sim_policy p);
void exhibition_free(struct exhibition *ex);
void exhibition_schedule(struct exhibition *ex, int task, simtime_t t);
/* Tells the hook, if any; san is a whole MOVE_TEXT_MAX buffer (copied as is) or NULL. */
void exhibition_emit(struct exhibition *ex, enum sim_event_kind kind, int board, simtime_t t,
		     simtime_t duration, int ply, const char san[MOVE_TEXT_MAX]);
void exhibition_board_finished(struct exhibition *ex, struct board_task *bt, simtime_t t);
void exhibition_span(struct exhibition *ex, enum sim_master_activity a, simtime_t t);
/* The master is blocked from start to end; -1 out of memory (the strip then misses it). */
int exhibition_block(struct exhibition *ex, simtime_t start, simtime_t end);
void exhibition_record_wait(struct exhibition *ex, simtime_t w);
int exhibition_next_active(const struct exhibition *ex, int after);
void exhibition_ready_push(struct exhibition *ex, int board);
int exhibition_ready_pop(struct exhibition *ex);
/* A draw of d for stream (board, ply): the same under every policy and clock. */
simtime_t exhibition_draw(const struct exhibition *ex, const struct dist *d, uint64_t stream,
			  uint64_t index);

/*
 * events.c: what a clock needs of the model. The next event in clock order
 * ((time, exhibition, seq)), -1 when none is left; whether it can be
 * processed now (false while its move is searched in slices: the live clock
 * then holds); processing it (sets s->now; a search in flight finishes in
 * one go). events_process_of processes exhibition ex's next event alone.
 */
simtime_t events_next_time(const struct sim *s);
bool events_next_ready(struct sim *s);
int events_process_next(struct sim *s);
int events_process_of(struct sim *s, int ex);
/*
 * Real clock: the next event waits for an engine, not for the clock: take
 * it out of the order until events_unpark puts it back at its real time.
 */
void events_park_next(struct sim *s);
/* The next event plays an engine's move. */
bool events_next_engine(const struct sim *s);
/* Board's engine answered: its held events go back in at max(due, t). */
void events_unpark(struct sim *s, int board, simtime_t t);


/* board_task.c */
void board_task_step(struct exhibition *ex, struct board_task *bt, simtime_t t);

/* master.c */
void master_step(struct master *m, simtime_t t);
/* A board became ready or finished: the master may stop waiting. */
void master_board_changed(struct master *m, int board, simtime_t t);

/*
 * chess.c: plays the ply's move (choosing it once for all exhibitions) and
 * copies its SAN to the board's last_san; true when the game is over. Chess
 * off: nothing, false.
 */
bool chess_play(struct exhibition *ex, int board, int ply, char san[MOVE_TEXT_MAX]);
/* The ply's player starts thinking: on the live clock his search may start now. */
void chess_begin(struct exhibition *ex, int board, int ply, simtime_t due);
/* False while the move the task's event at due plays is still being searched. */
bool chess_event_ready(struct exhibition *ex, int task, simtime_t due);
/* Ends the game at the move limit: material count, else a draw. */
void chess_adjudicate(struct game *g);

/* thinking.c: searches, sliced on the live clock, CPU measured. */
void thinking_init(struct sim *s);
void thinking_free(struct sim *s);
/* Starts the search for (board, ply) in slices, if the live clock runs cooperatively. */
void thinking_begin(struct sim *s, int board, int ply, const struct game *g, simtime_t due);
/* False (and the search started) while (board, ply) is searched in slices. */
bool thinking_ready(struct sim *s, int board, int ply, const struct game *g, simtime_t due);
/* The move, searched now in one go if it has to be. */
move_t thinking_move(struct sim *s, int board, int ply, const struct game *g);
/*
 * One slice of the search the clock waits for, else of the earliest due
 * one, else starts a search ahead of a ply the plan has due by horizon;
 * false when there was nothing to do.
 */
bool thinking_run_slice(struct sim *s, simtime_t horizon);
/* A search ahead is planned by horizon (the clock keeps its idle watcher on). */
bool thinking_ahead_pending(const struct sim *s, simtime_t horizon);
/*
 * Greedy, in a timer's callback: the ply's move, searched ahead, is played
 * for the first time; a greedy loop searches it there again, result discarded.
 */
void thinking_replayed(struct sim *s, int board, int ply, const struct game *g);

/* ahead.c: which ply to search ahead of the clock. */
/* Queues board for its next ply (no-op when queued, over, or before first use). */
void ahead_queue(struct sim *s, int board);
/* Board's game is over: its plies left are cut from the work. */
void ahead_over(struct sim *s, int board);
/* Takes the board whose next ply is planned soonest, by horizon; -1 none. */
int ahead_next(struct sim *s, simtime_t horizon);
bool ahead_pending(const struct sim *s, simtime_t horizon);
/* Plies not yet searched of games not known to be over. */
int64_t ahead_plies_left(const struct sim *s);
/* When the plan has the fastest exhibition's last move due. */
simtime_t ahead_plan_end(const struct sim *s);
void ahead_free(struct sim *s);
/* True while searches are in flight that slices should advance. */
bool thinking_sliced(const struct sim *s);

/* record.c: the shared move records. */
/* Who plays the ply, and the seed of his choice. */
const struct player_profile *record_player(const struct sim *s, int board, int ply,
					   uint64_t *seed);
/* Stores a chosen move in the record; -1 when out of memory. */
int record_store(struct sim *s, int board, int ply, move_t m);
void record_time(struct sim *s, int board, int ply, simtime_t t);

/* model.c: the model for the work left (sim_model_played from ex as it is now). */
int model_project(const struct exhibition *ex, simtime_t *total);

/* The board whose engine's move the task's pending event plays, else -1. */
int chess_event_engine(const struct exhibition *ex, int task);

/* engine_play.c: external engines as players. */
/* The ply is an engine's to play. */
bool engine_play_side(const struct sim *s, int board, int ply);
/* Asks the engine for (board, ply) if nobody has yet; the answer goes into the record. */
void engine_play_begin(struct sim *s, int board, int ply, simtime_t due);
/* The answer is in (a move in the record, or a forfeit); asks if need be. */
bool engine_play_ready(struct sim *s, int board, int ply, simtime_t due);
/* Runs the loop until the answer is in. */
void engine_play_wait(struct sim *s, int board, int ply);
void engine_play_free(struct sim *s);

#endif
