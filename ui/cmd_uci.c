/* Placeholder until its issue lands: says so and fails as bad usage. */
#include <stdio.h>

#include "ui/commands.h"

int
cmd_uci(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "simul: 'uci' is not built yet\n");
	return 2;
}
