/*
 * The parser behind every subcommand: a spec's tables become one
 * getopt_long table (long option i returns CLI_VAL0 + i, so a short and a
 * long name reach the same entry), each value goes through its option's
 * kind and then its set(), and every failure becomes one line naming the
 * option by its long name, whatever the user typed (-n, --boa, --boards=).
 * Two passes: options marked early (--preset) first, then the rest in the
 * order given, so a preset is the base the other options edit.
 */
#include "ui/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum {
	CLI_OPTIONS_MAX = 96,	/* options in one command, --help included */
	CLI_VAL0 = 256,		/* getopt_long's val for long option 0: past every char */
};

/* The spec's options flattened, with the table (and so the ctx) of each. */
struct cli_flat {
	const struct cli_option	*opt[CLI_OPTIONS_MAX];
	int			 table[CLI_OPTIONS_MAX];
	int			 n;
	int			 help;	/* index of the implicit --help */
};

static const struct cli_option cli_help_option = {
	"help", 'h', NULL, "this help, then exit", NULL, .kind = CLI_FLAG,
};

static int
find_word(const struct cli_option *opt, const char *text, size_t n)
{
	const char *w;

	for (size_t i = 0; (w = opt->word(i)) != NULL; i++)
		if (strlen(w) == n && strncmp(w, text, n) == 0)
			return (int)i;
	return -1;
}

static int
bad_word(const struct cli_option *opt, const char *text, size_t n, char *err, size_t errlen)
{
	char words[256];

	cli_words(opt->word, words, sizeof(words));
	snprintf(err, errlen, "\"%.*s\" is not a %s (%s)", (int)n, text,
		 opt->noun != NULL ? opt->noun : "choice", words);
	return -1;
}

struct list_ctx {
	const struct cli_option	*opt;
	const char		*list;
	struct cli_list		*out;
};

static int
list_item(void *arg, const char *text, char *err, size_t errlen)
{
	struct list_ctx *lc = arg;
	int w = find_word(lc->opt, text, strlen(text));

	if (w < 0)
		return bad_word(lc->opt, text, strlen(text), err, errlen);
	for (int i = 0; i < lc->out->n; i++)
		if (lc->out->item[i] == w) {
			snprintf(err, errlen, "\"%s\" names %s twice", lc->list, text);
			return -1;
		}
	if (lc->out->n == CLI_LIST_MAX) {
		snprintf(err, errlen, "\"%s\" names more than %d", lc->list, CLI_LIST_MAX);
		return -1;
	}
	lc->out->item[lc->out->n++] = w;
	return 0;
}

static int
parse_list(const struct cli_option *opt, const char *text, struct cli_list *out, char *err,
	   size_t errlen)
{
	struct list_ctx lc = { opt, text, out };

	out->n = 0;
	return cli_each_item(text, list_item, &lc, err, errlen);
}

/* Reads value by opt's kind into ctx, then calls set(); 0 or -1 with the reason. */
static int
cli_apply(const struct cli_option *opt, void *ctx, const char *value, char *err, size_t errlen)
{
	char *field = (char *)ctx + opt->off;
	uint64_t u;
	long l;
	int w;

	switch (opt->kind) {
	case CLI_CUSTOM:
		break;
	case CLI_FLAG:
		*(bool *)field = true;
		break;
	case CLI_INT:
		if (cli_parse_int(value, (long)opt->lo, (long)opt->hi, &l, err, errlen) < 0)
			return -1;
		*(long *)field = l;
		break;
	case CLI_COUNT:
		if (cli_parse_count(value, (uint64_t)opt->lo, (uint64_t)opt->hi, &u, err, errlen) < 0)
			return -1;
		*(uint64_t *)field = u;
		break;
	case CLI_SIZE:
		if (cli_parse_size(value, (uint64_t)opt->lo, (uint64_t)opt->hi, &u, err, errlen) < 0)
			return -1;
		*(uint64_t *)field = u;
		break;
	case CLI_UINT64:
		if (cli_parse_u64(value, (uint64_t *)field, err, errlen) < 0)
			return -1;
		break;
	case CLI_DURATION:
		if (cli_parse_duration(value, opt->lo, opt->hi, (simtime_t *)field, err, errlen) < 0)
			return -1;
		break;
	case CLI_DIST:
		if (dist_parse(value, (struct dist *)field, err, errlen) < 0)
			return -1;
		break;
	case CLI_PATH:
		if (cli_parse_path(value, (const char **)field, err, errlen) < 0)
			return -1;
		break;
	case CLI_CHOICE:
		if ((w = find_word(opt, value, strlen(value))) < 0)
			return bad_word(opt, value, strlen(value), err, errlen);
		*(int *)field = w;
		break;
	case CLI_LIST:
		if (parse_list(opt, value, (struct cli_list *)field, err, errlen) < 0)
			return -1;
		break;
	}
	return opt->set != NULL ? opt->set(ctx, value, err, errlen) : 0;
}

static int
cli_flatten(const struct cli_spec *spec, struct cli_flat *f)
{
	f->n = 0;
	for (int t = 0; t < CLI_TABLES_MAX && spec->tables[t] != NULL; t++)
		for (size_t i = 0; i < spec->tables[t]->n; i++) {
			if (f->n == CLI_OPTIONS_MAX - 1)
				return -1;
			f->opt[f->n] = &spec->tables[t]->opts[i];
			f->table[f->n++] = t;
		}
	f->help = f->n;
	f->opt[f->n] = &cli_help_option;
	f->table[f->n++] = -1;
	return 0;
}

/* getopt_long's tables: "-:" (in order, report a missing value) and the short names. */
static void
cli_getopt_tables(const struct cli_flat *f, struct option *longopts, char *shortopts)
{
	char *s = shortopts;

	*s++ = '-';
	*s++ = ':';
	for (int i = 0; i < f->n; i++) {
		const struct cli_option *o = f->opt[i];

		longopts[i] = (struct option){ o->name, o->metavar != NULL ? required_argument
									 : no_argument,
					       NULL, CLI_VAL0 + i };
		if (o->short_name != 0) {
			*s++ = o->short_name;
			if (o->metavar != NULL)
				*s++ = ':';
		}
	}
	longopts[f->n] = (struct option){ 0 };
	*s = '\0';
}

static int
cli_short_index(const struct cli_flat *f, int c)
{
	for (int i = 0; i < f->n; i++)
		if (f->opt[i]->short_name == c)
			return i;
	return -1;
}

/* The message for getopt's '?': unknown, ambiguous, or a value given to a flag. */
static void
cli_unknown(const struct cli_flat *f, const char *arg, char *err, size_t errlen)
{
	size_t n = strcspn(arg + 2, "="), used;
	int matches = 0;

	if (optopt != 0) {
		/* A short option: argv[optind - 1] may not be its word while a bundle goes on. */
		snprintf(err, errlen, "-%c: unknown option (try --help)", optopt);
		return;
	}
	for (int i = 0; i < f->n; i++)
		matches += strncmp(f->opt[i]->name, arg + 2, n) == 0;
	if (matches < 2) {
		snprintf(err, errlen, "--%.*s: unknown option (try --help)", (int)n, arg + 2);
		return;
	}
	used = (size_t)snprintf(err, errlen, "--%.*s: ambiguous, could be", (int)n, arg + 2);
	for (int i = 0, k = 0; i < f->n && used < errlen; i++)
		if (strncmp(f->opt[i]->name, arg + 2, n) == 0)
			used += (size_t)snprintf(err + used, errlen - used, "%s --%s",
						 k++ ? "," : "", f->opt[i]->name);
}

/* One getopt pass; only the early options, or only the others, are applied. */
static int
cli_pass(const struct cli_flat *f, void *const *ctx, int argc, char **argv, bool early,
	 bool *help, char *err, size_t errlen)
{
	struct option longopts[CLI_OPTIONS_MAX + 1];
	char shortopts[2 * CLI_OPTIONS_MAX + 3];
	int seen[CLI_OPTIONS_MAX] = { 0 };
	int c;

	cli_getopt_tables(f, longopts, shortopts);
	optind = 0;	/* glibc: start afresh */
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		int i = c >= CLI_VAL0 ? c - CLI_VAL0 : c == ':' || c == '?' ? -1 : cli_short_index(f, c);
		const struct cli_option *o;
		char why[320];

		if (c == 1) {
			snprintf(err, errlen, "\"%s\": unexpected argument (try --help)", optarg);
			return -1;
		}
		if (c == ':') {
			o = f->opt[optopt >= CLI_VAL0 ? optopt - CLI_VAL0 : cli_short_index(f, optopt)];
			snprintf(err, errlen, "--%s: needs a value (%s)", o->name, o->metavar);
			return -1;
		}
		if (c == '?' && optopt >= CLI_VAL0) {
			const char *eq = strchr(argv[optind - 1], '=');

			snprintf(err, errlen, "--%s: takes no value (got \"%s\")",
				 f->opt[optopt - CLI_VAL0]->name, eq != NULL ? eq + 1 : "");
			return -1;
		}
		if (i < 0) {
			cli_unknown(f, argv[optind - 1], err, errlen);
			return -1;
		}
		o = f->opt[i];
		if (i == f->help) {
			*help = true;
			continue;
		}
		if (o->early != early)
			continue;
		for (int j = 0; j < f->n && o->one_of != NULL; j++)
			if (j != i && seen[j] && f->opt[j]->one_of != NULL &&
			    strcmp(f->opt[j]->one_of, o->one_of) == 0) {
				snprintf(err, errlen, "--%s: cannot be used with --%s (pick one)", o->name,
					 f->opt[j]->name);
				return -1;
			}
		seen[i] = 1;
		why[0] = '\0';
		if (cli_apply(o, ctx[f->table[i]], optarg, why, sizeof(why)) < 0) {
			snprintf(err, errlen, "--%s: %s", o->name, why);
			return -1;
		}
	}
	if (optind < argc) {
		snprintf(err, errlen, "\"%s\": unexpected argument (try --help)", argv[optind]);
		return -1;
	}
	return 0;
}

int
cli_getopt(const struct cli_spec *spec, void *const *ctx, int argc, char **argv, char *err,
	   size_t errlen)
{
	struct cli_flat f;
	bool help = false;

	if (cli_flatten(spec, &f) < 0) {
		snprintf(err, errlen, "too many options in one command (a bug)");
		return -1;
	}
	if (cli_pass(&f, ctx, argc, argv, true, &help, err, errlen) < 0)
		return -1;
	if (help)
		return 1;
	if (cli_pass(&f, ctx, argc, argv, false, &help, err, errlen) < 0)
		return -1;
	if (spec->check != NULL && spec->check(ctx, err, errlen) < 0)
		return -1;
	return 0;
}

int
cli_flush_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "simul: writing stdout: %s\n", strerror(errno != 0 ? errno : EIO));
		return 1;
	}
	return 0;
}

int
cli_main(const struct cli_spec *spec, void *const *ctx, int argc, char **argv)
{
	char err[512];
	int rc = cli_getopt(spec, ctx, argc, argv, err, sizeof(err));

	if (rc < 0) {
		fprintf(stderr, "simul: %s\n", err);
		return 2;
	}
	if (rc == 1) {
		cli_usage(stdout, spec);
		return cli_flush_stdout();
	}
	return -1;
}

void
cli_option_label(const struct cli_option *opt, char *buf, size_t len)
{
	const char *mv = opt->metavar;

	if (opt->short_name != 0)
		snprintf(buf, len, "-%c, --%s%s%s", opt->short_name, opt->name, mv ? " " : "",
			 mv ? mv : "");
	else
		snprintf(buf, len, "    --%s%s%s", opt->name, mv ? " " : "", mv ? mv : "");
}

static void
help_line(FILE *f, const struct cli_option *opt)
{
	char left[64];

	cli_option_label(opt, left, sizeof(left));
	if (strlen(left) > 28)
		fprintf(f, "  %s\n  %-28s %s\n", left, "", opt->help);
	else
		fprintf(f, "  %-28s %s\n", left, opt->help);
}

void
cli_usage(FILE *f, const struct cli_spec *spec)
{
	fprintf(f, "usage: simul%s%s %s\n\n%s\n", spec->name ? " " : "", spec->name ? spec->name : "",
		spec->synopsis, spec->about);
	for (int t = 0; t < CLI_TABLES_MAX && spec->tables[t] != NULL; t++) {
		fprintf(f, "\n%s:\n", spec->tables[t]->title);
		for (size_t i = 0; i < spec->tables[t]->n; i++)
			help_line(f, &spec->tables[t]->opts[i]);
	}
	help_line(f, &cli_help_option);
	if (spec->notes != NULL) {
		fputc('\n', f);
		spec->notes(f);
	}
}
