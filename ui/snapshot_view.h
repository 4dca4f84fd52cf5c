/*
 * From the simulation to the view model: a snapshot_view owns a view_state
 * and fills it from sim/snapshot.h once per frame. Headers come from
 * sim_snapshot (O(exhibitions)); boards are filled only for those the
 * layout shows (plus the focused one and the master's), so a frame costs
 * the same for 24 boards or 100,000.
 *
 * The controller sets the screen's own fields of sv->vs (focus, help, zoom,
 * ascii, colour, narration); snapshot_view_frame overwrites the rest.
 */
#ifndef SIMUL_UI_SNAPSHOT_VIEW_H
#define SIMUL_UI_SNAPSHOT_VIEW_H

#include "sim/sim.h"
#include "sim/snapshot.h"
#include "ui/layout.h"

struct snapshot_view {
	struct view_state	vs;
	struct view_exhibition	ex[SIM_EXHIBITIONS_MAX];
	struct view_board	*boards[SIM_EXHIBITIONS_MAX];	/* [nboards] each */
	int			nboards;
	struct sim_snapshot	snap;
	char			note[SIM_EXHIBITIONS_MAX][200];	/* model vs measured */
	bool			noted[SIM_EXHIBITIONS_MAX];
};

/* Sizes the board arrays for s (aborts on out of memory). */
void snapshot_view_init(struct snapshot_view *sv, const struct sim *s);
void snapshot_view_free(struct snapshot_view *sv);
/* After a restart: new board count, notes forgotten; screen fields kept. */
void snapshot_view_reset(struct snapshot_view *sv, const struct sim *s);
/* Fills from s, lays out a w×h frame into lo and draws it into cb (resized to w×h). */
void snapshot_view_frame(struct snapshot_view *sv, const struct sim *s, int w, int h,
			 struct layout *lo, struct cellbuf *cb);

#endif
