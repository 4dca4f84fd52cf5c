/*
 * Command-line options (ui/cli.c and every command's table): the first
 * byte picks a command, the rest is its argv, one word a line. The
 * harness calls the parser (cli_getopt), never a command's main, so
 * nothing prints or exits; an error must come with one line of reason.
 * Each table's context is a zeroed block, the exhibition's its defaults.
 */
#include "tests/fuzz/fuzz.h"

#include "ui/cli.h"
#include "ui/commands.h"

enum { FUZZ_ARGS_MAX = 64, FUZZ_CTX_BYTES = 1 << 16 };

static const struct cli_spec *const fuzz_specs[] = {
	&cmd_run_spec, &cmd_live_spec, &cmd_perft_spec, &cmd_uci_spec,
	&cmd_match_spec, &cmd_bench_spec, &cmd_sweep_spec,
};

static _Alignas(max_align_t) unsigned char fuzz_ctx[CLI_TABLES_MAX][FUZZ_CTX_BYTES];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct cli_spec *spec;
	char *text, *word, *nl, err[512] = "";
	char *argv[FUZZ_ARGS_MAX + 1];
	void *ctx[CLI_TABLES_MAX];
	struct cli_options o;
	int argc = 0, rc;

	if (size == 0)
		return 0;
	spec = fuzz_specs[data[0] % (sizeof(fuzz_specs) / sizeof(fuzz_specs[0]))];
	text = fuzz_text(data + 1, size - 1);
	argv[argc++] = (char *)(spec->name != NULL ? spec->name : "simul");
	for (word = text; word != NULL && argc < FUZZ_ARGS_MAX; word = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(word, '\n');
		if (nl != NULL)
			*nl = '\0';
		argv[argc++] = word;
	}
	argv[argc] = NULL;
	cli_options_defaults(&o);
	for (int i = 0; i < CLI_TABLES_MAX; i++) {
		memset(fuzz_ctx[i], 0, sizeof(fuzz_ctx[i]));
		ctx[i] = spec->tables[i] == &cli_exhibition_table ? (void *)&o : fuzz_ctx[i];
	}
	rc = cli_getopt(spec, ctx, argc, argv, err, sizeof(err));
	fuzz_check(rc == 0 || rc == 1 || (rc == -1 && err[0] != '\0' && strchr(err, '\n') == NULL),
		   "an option error is one line");
	free(text);
	return 0;
}
