/*
 * The subcommands main() dispatches to. Each takes the arguments after its
 * own name (argv[0] is the subcommand) and returns the process exit code:
 * 0 success, 1 failure at run time, 2 bad usage.
 */
#ifndef SIMUL_UI_COMMANDS_H
#define SIMUL_UI_COMMANDS_H

int cmd_live(int argc, char **argv);	/* `simul` on a terminal */
int cmd_run(int argc, char **argv);	/* headless exhibitions */
int cmd_perft(int argc, char **argv);
int cmd_uci(int argc, char **argv);
int cmd_match(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_sweep(int argc, char **argv);	/* one parameter over a range */

#endif
