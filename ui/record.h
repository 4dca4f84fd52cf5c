/*
 * Record and replay a live session, so a teacher can prepare a
 * demonstration at home and show it in class without typing. A recording
 * is a text file: a format line and the simul version, the exhibition as
 * command-line arguments (regenerated from the config, so presets and
 * defaults are spelled out), every key with the real seconds since the
 * start and the simulated time it was pressed at (a click with its cell,
 * the screen's size recorded once), and at the end the
 * seed and each exhibition's state when the session ended:
 *
 *	simul-recording 1
 *	simul 0.1.0
 *	arg --boards
 *	arg 8
 *	size 160 50
 *	key 1.520000 91200000 32 0 0
 *	end 9.000000 540000000
 *	seed 1
 *	state sync 0 540000000 9 0
 *
 * `simul replay FILE` plays it in the live view at the recorded pace
 * (--speed X: X times faster; the simulation's speed scales with it so
 * every key lands at the same simulated time); --headless plays it with no
 * screen and no waiting and checks the final state against the recording.
 * A recording of another format or by another simul version is refused,
 * never replayed wrongly: the games could differ.
 */
#ifndef SIMUL_UI_RECORD_H
#define SIMUL_UI_RECORD_H

#include <stdbool.h>
#include <stddef.h>

struct live;
struct screen_input;
struct record;
struct replay;

enum { RECORD_FORMAT = 1 };

/* Creates the file (atomically: it appears on record_close); NULL with err. */
struct record *record_open(const char *path, char *err, size_t errlen);
/* The exhibition, once the live view is set up: its config, policies and speed. */
void record_begin(struct record *r, const struct live *lv);
/* A key, as the view is about to handle it. */
void record_key(struct record *r, const struct live *lv, const struct screen_input *in);
/* The end state; commits the file. -1 with err when it could not be written. */
int record_close(struct record *r, const struct live *lv, char *err, size_t errlen);
/* Without a live view (a refused config): removes the file. */
void record_abort(struct record *r);

/* ui/cmd_replay.c drives these. */
struct replay *replay_load(const char *path, char *err, size_t errlen);
void replay_free(struct replay *rp);
/* The recorded command line (argv[0] is "live"). */
int replay_argc(const struct replay *rp);
char **replay_argv(const struct replay *rp);
/* Live view: keys fed from a timer on lv's loop, pace times the recorded pace. */
void replay_start(struct replay *rp, struct live *lv, double pace);
void replay_stop(struct replay *rp, struct live *lv);
/*
 * Headless: every key at its simulated time, no waiting; prints the end
 * state and whether it matches the recording. 0 same, 1 different.
 */
int replay_headless(struct replay *rp, struct live *lv);

#endif
