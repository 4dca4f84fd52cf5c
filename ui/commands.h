/*
 * The subcommands main() dispatches to. Each takes the arguments after its
 * own name (argv[0] is the subcommand) and returns the process exit code:
 * 0 success, 1 failure at run time, 2 bad usage. Each also publishes its
 * command line as a struct cli_spec, for --help, the man page and the
 * completion (ui/cli_doc.c).
 */
#ifndef SIMUL_UI_COMMANDS_H
#define SIMUL_UI_COMMANDS_H

#include "ui/cli.h"

int cmd_live(int argc, char **argv);	/* `simul` on a terminal */
int cmd_run(int argc, char **argv);	/* headless exhibitions */
int cmd_perft(int argc, char **argv);
int cmd_uci(int argc, char **argv);
int cmd_match(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_sweep(int argc, char **argv);	/* one parameter over a range */
int cmd_replay(int argc, char **argv);	/* a recorded live session */

extern const struct cli_spec cmd_live_spec;
extern const struct cli_spec cmd_run_spec;
extern const struct cli_spec cmd_perft_spec;
extern const struct cli_spec cmd_uci_spec;
extern const struct cli_spec cmd_match_spec;
extern const struct cli_spec cmd_bench_spec;
extern const struct cli_spec cmd_sweep_spec;
extern const struct cli_spec cmd_replay_spec;

struct command {
	const struct cli_spec	*spec;
	int			(*run)(int argc, char **argv);
};

/* Every subcommand, in the order simul --help lists them. */
const struct command *commands(size_t *n);

/* The man page (roff) and the bash completion, from the option tables. */
void cli_doc_man(FILE *f);
void cli_doc_completion(FILE *f);

/*
 * The signals that stop `run` and the live view the way q does, keeping
 * what was played (report, --pgn, --trace); the exit status is then
 * 128 + the signal's number, as a shell reports a death by that signal:
 * 130 SIGINT (Ctrl-C), 143 SIGTERM, 129 SIGHUP (terminal closed), 131
 * SIGQUIT (Ctrl-\).
 */
enum { UI_STOP_SIGNALS = 4 };
#define UI_STOP_SIGNALS_HELP "128+N stopped by signal N (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP, 131 SIGQUIT)"
extern const int ui_stop_signals[UI_STOP_SIGNALS];

#endif
