/*
 * The man page and the bash completion are generated from the tables:
 * every command, every option (long and short), every value word, every
 * profile and every key of the live view must be in them.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"

#include "engine/player.h"
#include "ui/commands.h"
#include "ui/keys.h"

static char *
generate(void (*fn)(FILE *f))
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	cr_assert(not(eq(ptr, f, NULL)));
	fn(f);
	fclose(f);
	return text;
}

/* s as roff writes it: every "-" as "\-". */
static void
roff_dashes(const char *s, char *out, size_t len)
{
	size_t n = 0;

	for (; *s != '\0' && n + 3 < len; s++) {
		if (*s == '-')
			out[n++] = '\\';
		out[n++] = *s;
	}
	out[n] = '\0';
}

static void
assert_in(const char *text, const char *what, const char *where)
{
	cr_assert(not(eq(ptr, strstr(text, what), NULL)), "\"%s\" is not in the %s", what, where);
}

Test(cli_doc, every_option_in_man_and_completion)
{
	char *man = generate(cli_doc_man), *comp = generate(cli_doc_completion);
	size_t n;
	const struct command *cmd = commands(&n);

	cr_assert(ge(sz, n, 7));
	for (size_t c = 0; c < n; c++) {
		const struct cli_spec *spec = cmd[c].spec;
		char want[128], roff[256];

		snprintf(want, sizeof(want), ".SS \"simul %s", spec->name);
		assert_in(man, want, "man page");
		snprintf(want, sizeof(want), "\t%s)\n", spec->name);
		assert_in(comp, want, "completion");
		for (int t = 0; t < CLI_TABLES_MAX && spec->tables[t] != NULL; t++)
			for (size_t i = 0; i < spec->tables[t]->n; i++) {
				const struct cli_option *o = &spec->tables[t]->opts[i];
				const char *w;

				snprintf(roff, sizeof(roff), "\\fB\\-\\-");
				roff_dashes(o->name, roff + strlen(roff), sizeof(roff) - strlen(roff));
				assert_in(man, roff, "man page");
				snprintf(want, sizeof(want), "--%s ", o->name);
				assert_in(comp, want, "completion");
				if (o->short_name != 0) {
					snprintf(want, sizeof(want), "\\fB\\-%c\\fR", o->short_name);
					assert_in(man, want, "man page");
					snprintf(want, sizeof(want), "-%c ", o->short_name);
					assert_in(comp, want, "completion");
				}
				for (size_t k = 0; o->word != NULL && (w = o->word(k)) != NULL; k++)
					assert_in(comp, w, "completion");
			}
	}
	free(man);
	free(comp);
}

Test(cli_doc, profiles_keys_exit_status_and_environment_in_man)
{
	char *man = generate(cli_doc_man);
	size_t n;
	const struct player_profile *p = player_profiles(&n);
	char roff[128];

	for (size_t i = 0; i < n; i++)
		assert_in(man, p[i].name, "man page");
	for (size_t i = 0; i < key_table_len; i++) {
		snprintf(roff, sizeof(roff), ".B ");
		roff_dashes(key_table[i].ascii_name, roff + 3, sizeof(roff) - 3);
		assert_in(man, roff, "man page");
	}
	assert_in(man, ".SH \"EXIT STATUS\"", "man page");
	assert_in(man, ".B NO_COLOR", "man page");
	free(man);
}
