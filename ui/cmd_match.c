/* Placeholder until its issue lands: says so and fails as bad usage. */
#include <stdio.h>

#include "ui/commands.h"

int
cmd_match(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "simul: 'match' is not built yet\n");
	return 2;
}
