/*
 * The table of subcommands: main() dispatches on it, simul --help lists
 * it, and the man page and the completion walk it.
 */
#include "engine/macros.h"
#include "ui/commands.h"

static const struct command command_table[] = {
	{ &cmd_live_spec, cmd_live },	{ &cmd_run_spec, cmd_run },
	{ &cmd_perft_spec, cmd_perft }, { &cmd_uci_spec, cmd_uci },
	{ &cmd_match_spec, cmd_match }, { &cmd_bench_spec, cmd_bench },
	{ &cmd_sweep_spec, cmd_sweep }, { &cmd_replay_spec, cmd_replay },
};

const struct command *
commands(size_t *n)
{
	*n = ARRAY_LEN(command_table);
	return command_table;
}
