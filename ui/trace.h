/*
 * The --trace file: every simulation event, as CSV (one row per event) or
 * as Chrome trace-event JSON, where each exhibition is a process and its
 * master and boards are threads, so the master's thinking and waiting and
 * each board's waiting and thinking open as swimlanes in Perfetto or
 * chrome://tracing. Timestamps are the simulated microseconds themselves.
 */
#ifndef SIMUL_UI_TRACE_H
#define SIMUL_UI_TRACE_H

#include <stdio.h>

#include "sim/sim.h"

enum trace_format { TRACE_CSV, TRACE_CHROME };

struct trace;

/* Writes the header now; the caller owns f. run names the repeat (0-based). */
struct trace *trace_new(FILE *f, enum trace_format fmt, const struct sim_config *c);
/* Starts a new sim (a repeat): boards and policies for the Chrome metadata. */
int trace_begin_run(struct trace *t, const struct sim *s, int run);
/* A sim_event_fn: pass the struct trace as its argument. */
void trace_event(const struct sim_event *e, void *arg);
/* Writes the footer; -1 on a write error. Frees t. */
int trace_finish(struct trace *t);

#endif
