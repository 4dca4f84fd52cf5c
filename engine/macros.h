/*
 * The two macros every layer uses; they belong to no module, so they live
 * here rather than in a chess or simulation header.
 */
#ifndef SIMUL_ENGINE_MACROS_H
#define SIMUL_ENGINE_MACROS_H

#include <stddef.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
/* From a member (say an embedded libev watcher) back to the struct that holds it. */
#define container_of(ptr, type, member) ((type *)(void *)((char *)(ptr) - offsetof(type, member)))

#endif
