/*
 * The one out-of-memory policy, in every layer. Where a caller has no way
 * on without the memory (a game record half written, a search without its
 * key stack, a view without its cells), it allocates with these: on
 * failure they print one line, "simul: out of memory (N bytes)", on stderr
 * and abort(), as htop's xmalloc does. That line is the only output engine/
 * ever makes outside a PGN FILE *.
 *
 * Where a caller can refuse and go on (sim_new for a million boards, the
 * shared move records, the wait samples), it uses plain malloc and its own
 * error path instead, and says what could not be had.
 */
#ifndef SIMUL_ENGINE_XALLOC_H
#define SIMUL_ENGINE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
/* n or size 0 still returns a unique pointer. */
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
/* The same end for an allocation made elsewhere (tt_init, search_new) that failed. */
_Noreturn void xalloc_fail(size_t size);

#endif
