/* See xalloc.h: one line and abort(), never NULL. */
#include "engine/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

void
xalloc_fail(size_t size)
{
	fprintf(stderr, "simul: out of memory (%zu bytes)\n", size);
	abort();
}

static void *
xalloc_check(void *p, size_t size)
{
	if (p == NULL)
		xalloc_fail(size);
	return p;
}

void *
xmalloc(size_t size)
{
	return xalloc_check(malloc(size ? size : 1), size);
}

void *
xcalloc(size_t n, size_t size)
{
	if (n == 0 || size == 0)
		n = size = 1;
	return xalloc_check(calloc(n, size), n * size);
}

void *
xrealloc(void *ptr, size_t size)
{
	return xalloc_check(realloc(ptr, size ? size : 1), size);
}
