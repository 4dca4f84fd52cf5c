/*
 * The external engines of a run: one process for the master when he is an
 * engine (his requests queue, as a master thinks at one board at a time)
 * and one per board whose opponent is an engine. The pool is made before
 * anything runs, from the config's player specs, and outlives the sims of
 * a --repeat: engines start once (a few per core at a time, on the
 * loop, each with its own start deadline) and each
 * request names its board and ply, so answers meant for a sim that is
 * gone are dropped.
 *
 * Faults reach the requester as answers (timeout, died) and, when asked
 * to, a dead engine is replaced by a new process that takes the request
 * it failed over from the same position.
 */
#ifndef SIMUL_SIM_ENGINE_POOL_H
#define SIMUL_SIM_ENGINE_POOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/sim.h"
#include "sim/uci_engine.h"

struct ev_loop;
struct engine_pool;

enum engine_limit_kind { ENGINE_LIMIT_NODES, ENGINE_LIMIT_DEPTH, ENGINE_LIMIT_MOVETIME };

/* --engine-limit "nodes=N|depth=D|movetime=T[,margin=T][,start=T]". */
struct engine_limit {
	enum engine_limit_kind	kind;
	int64_t			value;		/* nodes, plies, or µs */
	simtime_t		margin;		/* real µs past the limit before it is late */
	simtime_t		start;		/* real µs from spawn to readyok */
};

#define ENGINE_LIMIT_HELP \
	"nodes=N|depth=D|movetime=T[,margin=T][,start=T] (nodes=20000,margin=5s,start=5s)"

void engine_limit_defaults(struct engine_limit *l);
int engine_limit_parse(const char *text, struct engine_limit *out, char *err, size_t errlen);
/* The go command for a limit ("go nodes 20000"). */
void engine_limit_go(const struct engine_limit *l, char *buf, size_t len);

struct engine_pool_options {
	struct engine_limit	limit;
	bool			restart;	/* a dead engine's place is taken by a new one */
	const char		*log;		/* engines' stderr and ignored lines; NULL: none */
};

/* True when the config names an engine as master or opponent. */
bool engine_pool_needed(const struct sim_config *c);
/*
 * Parses the specs, checks the file-descriptor limit, starts every engine
 * and runs loop until all are ready. NULL with one line in err naming the
 * spec when one cannot start (missing, not executable, dies, no uciok
 * within the limit's start time, 5 s unless set).
 */
struct engine_pool *engine_pool_new(struct ev_loop *loop, const struct sim_config *c,
				    const struct engine_pool_options *o, char *err, size_t errlen);
/* Kills and reaps every engine; NULL is fine. */
void engine_pool_free(struct engine_pool *p);

struct ev_loop *engine_pool_loop(const struct engine_pool *p);
const struct engine_limit *engine_pool_limit(const struct engine_pool *p);
int engine_pool_size(const struct engine_pool *p);
/* Slot of the master's engine or of board's opponent's, -1 for a profile. */
int engine_pool_master_slot(const struct engine_pool *p);
int engine_pool_opponent_slot(const struct engine_pool *p, int board);
/* The engine's "id name" (its spec until it said). */
const char *engine_pool_name(const struct engine_pool *p, int slot);
const char *engine_pool_spec(const struct engine_pool *p, int slot);
pid_t engine_pool_pid(const struct engine_pool *p, int slot);

enum engine_answer { ENGINE_MOVE, ENGINE_TIMEOUT, ENGINE_DIED };

typedef void engine_answer_fn(void *arg, int board, int ply, enum engine_answer a,
			      const char *text);

/* Stops the answers to arg (a sim being freed) unless another has taken over. */
void engine_pool_detach(struct engine_pool *p, void *arg);
/* Whose answers these are from now on; the requests of the one before are dropped. */
void engine_pool_attach(struct engine_pool *p, engine_answer_fn *fn, void *arg);
/*
 * Queues "position" + "go" for (board, ply) on slot; the answer comes through
 * the attached fn, possibly before this returns (the engine is dead).
 * timeout is real seconds. -1 out of memory.
 */
int engine_pool_request(struct engine_pool *p, int slot, int board, int ply, const char *position,
			const char *go, double timeout);
/* Lines ignored and restarts, over all engines. */
unsigned long engine_pool_ignored(const struct engine_pool *p);
int engine_pool_restarts(const struct engine_pool *p);

#endif
