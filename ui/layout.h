/*
 * The live view's model and layout. struct view_state is everything one
 * frame shows, as plain values the controller (ui/live.c) copies out of the
 * simulation's snapshot: per exhibition a header, the master's busy/wait
 * spans and the boards; for the screen the speed, pause, focus, overlays and
 * the narration. Views draw only from it, so tests build one by hand.
 *
 * layout_compute turns a terminal size into rectangles: a top bar, one panel
 * per exhibition side by side (header, strip, boards), a summary when an
 * asynchronous exhibition has finished, the status line and the key footer.
 * Boards are chess diagrams when every board fits as one, else tiles of
 * three, two or one line (the tallest with which every board fits), and
 * one-line tiles scrolled so the focused board stays visible when even
 * those do not fit. Below the
 * minimum size the layout says so and the view shows only that message.
 */
#ifndef SIMUL_UI_LAYOUT_H
#define SIMUL_UI_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "engine/notation.h"
#include "engine/position.h"
#include "sim/snapshot.h"
#include "ui/cellbuf.h"

enum { VIEW_MAX_EX = 4, VIEW_STATUS_LINES = 3, VIEW_TEXT = 160 };

/*
 * Lateness above this is drawn loud: 50 ms is three missed frames at the
 * default rate, where a class starts to see the view jerk.
 */
#define VIEW_LATE_LOUD_MS 50.0

enum view_board_state {
	VIEW_BOARD_WAITING,		/* the opponent has replied; waits for the master */
	VIEW_BOARD_MASTER_THINKS,	/* the master is at this board, thinking */
	VIEW_BOARD_OPPONENT_THINKS,
	VIEW_BOARD_FINISHED
};

enum view_master {
	VIEW_MASTER_IDLE,	/* no board is ready: waits for any */
	VIEW_MASTER_THINKING,	/* at master_board */
	VIEW_MASTER_WALKING,	/* to master_board */
	VIEW_MASTER_WAITING,	/* at master_board, for its opponent's reply */
	VIEW_MASTER_DONE
};

struct view_board {
	int			number;		/* 1-based, as the PGN Board tag */
	enum view_board_state	state;
	const struct position	*pos;		/* NULL: no chess, an empty board */
	char			last_san[MOVE_TEXT_MAX];
	int			move_number;	/* master moves made here */
	int			side;		/* WHITE: the master's turn */
	simtime_t		since;		/* state entered (waiting, thinking) */
	simtime_t		until;		/* opponent's reply due (OPPONENT_THINKS) */
	char			result[8];	/* "1-0", ... once finished, else "" */
	const struct game	*game;		/* for the move list; NULL if none */
	const char		*opponent;	/* profile name, or NULL */
	bool			blocking;	/* its opponent thinks inside a blocking call */
};

/*
 * The master's history comes straight from the simulation (struct sim_span,
 * thinking/walking count as busy, waiting/idle as waiting): copying up to
 * 32768 spans a frame would cost more than drawing them.
 */
struct view_exhibition {
	char			policy[24];	/* "sync", "round-robin", "ready" */
	bool			is_sync;
	simtime_t		now;		/* its clock: stops when it finishes */
	simtime_t		projected;	/* total it is heading for: the model for the work left */
	simtime_t		model;		/* the model for the games as played so far, -1 if none */
	simtime_t		article;	/* the closed form, N·M moves on every board; -1 if none */
	bool			finished;
	int64_t			moves_played;	/* master moves */
	int64_t			moves_total;
	double			utilisation;	/* master busy / elapsed, 0..1 */
	enum view_master	master;
	int			master_board;	/* 1-based; 0 when none */
	simtime_t		master_since;	/* when the current activity began */
	simtime_t		master_until;	/* when it ends; -1 open-ended */
	const struct view_board	*boards;	/* [nboards]; only those shown need be filled */
	int			nboards;
	const struct sim_span	*spans;		/* the last one is open while running */
	size_t			nspans;
	const char		*note;		/* why model and measurement differ, or NULL */
	/*
	 * WAITING at master_board inside its opponent's blocking call: he
	 * can serve no other board until master_until.
	 */
	bool			master_blocked;
	simtime_t		blocked_total;	/* so far */
	const struct sim_span	*blocks;	/* stretches blocked, inside WAITING spans */
	size_t			nblocks;
	/* The loop panel (filled only while it is shown): queue, timers, what changed and why. */
	struct sim_loop_view	loop;
	int			loop_board;	/* 1-based board of the last event, 0 none */
	char			loop_why[VIEW_TEXT];	/* that event in one plain sentence */
};

/* The run's numbers for the model screen (the means when think times vary). */
struct view_model {
	int			n, m;		/* boards, master moves per game */
	simtime_t		tm, to, w;	/* master think, opponent think, walk */
	bool			fixed;		/* all three fixed: the formulas are exact */
};

struct view_state {
	char			title[VIEW_TEXT];	/* the exhibition in one line */
	char			title_short[48];	/* when the line is too narrow for title */
	unsigned		beat;		/* frames drawn: the heartbeat turns with it */
	bool			finished;	/* every exhibition is over */
	simtime_t		now;		/* the shared simulated clock */
	double			speed;		/* simulated seconds per real second */
	bool			paused;
	bool			ascii;		/* letters for pieces, +-| frames */
	bool			color;		/* square colours carry meaning */
	bool			help;		/* overlay shown */
	bool			zoom;		/* focused board large */
	bool			summary;	/* an async exhibition finished */
	bool			greedy;		/* the search runs without yielding */
	bool			preparing;	/* the clock is held while games are searched ahead */
	int			prepare_pct;	/* how far that is */
	bool			searching;	/* the clock waits for a search slower than it */
	bool			has_lateness;	/* live clock: the loop's lateness is measured */
	double			late_max_ms, late_p99_ms;	/* real ms, the last few seconds */
	double			stall_ms;	/* longest gap between two frames, same window */
	bool			details;	/* d: the details line */
	bool			loop_panel;	/* l: the event loop under each panel */
	bool			model_screen;	/* m: the formulas with this run's numbers */
	struct view_model	model;
	char			early[256];	/* "4 games ended early (boards ...)", or "" */
	bool			stepping;	/* s was pressed: the loop panel shows by itself */
	int			focus_ex;	/* focused exhibition and board index */
	int			focus_board;
	int			scroll[VIEW_MAX_EX];	/* first tile row shown */
	char			status[VIEW_STATUS_LINES][VIEW_TEXT];	/* newest first */
	/*
	 * The answer to a key (greedy on, speed, policy), shown above the
	 * narration until the controller clears it: at speed, events would
	 * push it out of sight in a fraction of a second. "" when none.
	 */
	char			notice[VIEW_TEXT];
	const struct view_exhibition	*ex;
	int			nex;
};

enum layout_mode { LAYOUT_TILES, LAYOUT_DIAGRAMS };

struct layout_panel {
	struct ui_rect	rect;		/* the whole panel */
	struct ui_rect	header;
	struct ui_rect	strip;
	struct ui_rect	boards;
	struct ui_rect	loop;		/* the event loop; h == 0 hidden, 1 one line */
	int		cols, rows;	/* cells across, and rows visible */
	int		cell_w, cell_h;	/* one board's cell, with the gap below it */
	int		draw_h;		/* lines a board draws: cell_h less the gap */
	int		first;		/* index of the first board shown */
	int		total_rows;	/* rows all boards would take */
};

struct layout {
	int			w, h;
	bool			too_small;
	int			min_w, min_h;
	enum layout_mode	mode;
	struct ui_rect		top;
	struct ui_rect		legend;		/* what every mark and colour means; h == 0: none */
	struct ui_rect		details;	/* the real loop's figures; h == 0 when not shown */
	struct layout_panel	panel[VIEW_MAX_EX];
	int			npanels;
	struct ui_rect		summary;	/* h == 0 when not shown */
	struct ui_rect		status;
	struct ui_rect		footer;
};

/*
 * Lays out vs on a w×h screen. Also clamps vs->scroll so the focused board
 * is visible (which is why vs is not const).
 */
void layout_compute(struct view_state *vs, int w, int h, struct layout *out);
/* Draws the whole frame: panels, overlays, or the too-small message. */
void layout_render(const struct view_state *vs, const struct layout *lo, struct cellbuf *cb);
/* The board under screen cell (x, y): 0 with its exhibition and index, or -1. */
int layout_hit(const struct view_state *vs, const struct layout *lo, int x, int y, int *ex,
	       int *board);
/* What each part of the view needs, for `simul live --help`. */
void layout_sizes_print(FILE *f);
/* Boards per row in the focused panel, for the arrow keys. */
int layout_columns(const struct layout *lo, int ex);

/* Short duration for sentences: "5 s", "1.5 s", "2 min 5 s". */
void view_fmt_short(simtime_t us, char *out, size_t len);
/* A few columns for tiles: "55s", "2:30", "12m", "1h02", "12h30". */
void view_fmt_compact(simtime_t us, char *out, size_t len);

/* Panels, in their own files. */
void header_view_top(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs);
/* One line saying what every mark and colour of the boards and strips means. */
void header_view_legend(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs);
/* The details line (d): the real loop's stall and lateness, and that the totals do not care. */
void header_view_details(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs);
void header_view_draw(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		      const struct view_exhibition *ex);
void strip_view_draw(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		     const struct view_exhibition *ex);
void board_view_diagram(struct cellbuf *cb, int x, int y, const struct view_state *vs,
			const struct view_exhibition *ex, const struct view_board *b, bool focused);
/* A tile of r.h lines, 1 to TILE_MAX_H. */
void board_view_tile(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		     const struct view_exhibition *ex, const struct view_board *b, bool focused);
void board_view_large(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		      const struct view_exhibition *ex, const struct view_board *b);
void help_view_draw(struct cellbuf *cb, const struct view_state *vs);
void model_view_draw(struct cellbuf *cb, const struct view_state *vs);
/* The event loop of one exhibition: running callback, ready queue, timers, why. */
void loop_view_draw(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		    const struct view_exhibition *ex);
/* Event e as the loop sees it, in one plain sentence, asyncio's words. */
void loop_view_why(const struct sim_event *e, enum sim_policy policy, char *out, size_t len);
void help_view_too_small(struct cellbuf *cb, const struct layout *lo, bool ascii);
void status_view_draw(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs);
void status_view_footer(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs);
void status_view_summary(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs);
/*
 * One sentence for the narration: what event e means, and why the policy
 * made the master do it. think is the master's last think time on that
 * board (for "played Nf3 after 5 s").
 */
void status_view_narrate(const struct sim_event *e, enum sim_policy policy, simtime_t think,
			 char *out, size_t len);

/* Board metrics the layout and the board view share. */
enum {
	DIAGRAM_W = 10,		/* 8 squares + a blank either side */
	DIAGRAM_H = 11,		/* label, 8 ranks, info line, gap */
	TILE_MIN_W = 19,
	TILE_MAX_H = 3,		/* number line, clock line, recent moves */
	PANEL_HEADER_H = 4,
	PANEL_MIN_W = 29
};

#endif
