/*
 * The live view's one key table. Each row is one binding the way a tmux
 * key binding carries its own note: the keys that trigger it, the name
 * help shows, the help text, the footer's labels (widest first) and the
 * handler. The switch that used to dispatch keys, the help overlay, the
 * footer, `simul live --help` and the man page are all generated from it,
 * so a key cannot be added in one place and forgotten in another.
 *
 * The handlers live in ui/live_keys.c beside the table; views see only the
 * descriptive columns and never call a handler.
 */
#ifndef SIMUL_UI_KEYS_H
#define SIMUL_UI_KEYS_H

#include <stddef.h>
#include <stdio.h>

struct live;
struct screen_input;

typedef void live_key_fn(struct live *lv, const struct screen_input *in);

/* Footer label forms, widest first: full, short, tight, bare ("" = the key alone). */
enum { KEY_FOOTER_FORMS = 4, KEY_CODES_MAX = 6 };

struct key_binding {
	int		codes[KEY_CODES_MAX];	/* characters or SCREEN_KEY_*; 0 ends */
	const char	*name;		/* as help shows it: "space", "+  -" */
	const char	*ascii_name;	/* when arrows and signs cannot be drawn */
	const char	*help;		/* one line for the help overlay and --help */
	const char	*ascii_help;	/* NULL: help is plain ASCII already */
	const char	*footer_name;	/* NULL: not in the footer */
	const char	*footer_ascii;
	const char	*footer[KEY_FOOTER_FORMS];
	live_key_fn	*fn;		/* NULL: shown, handled elsewhere (q, any key in help) */
};

extern const struct key_binding key_table[];
extern const size_t key_table_len;

/* The binding for code, or NULL. */
const struct key_binding *key_lookup(int code);
/* The keys as `simul live --help` lists them, one "  name  help" line each. */
void key_table_print(FILE *f);

#endif
