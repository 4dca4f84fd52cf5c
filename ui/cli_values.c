/*
 * The values behind the option kinds, each a small parser with the one
 * message shape ("\"0\" is not between 1 and 1000000"), public so a set()
 * function can use the same words: integers, seeds, counts with k/M,
 * sizes with K/M/G, durations (sim/dist.c's grammar) with a range, file
 * names, comma-separated lists, and the player profiles as words.
 */
#include "ui/cli.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/player.h"

int
cli_parse_int(const char *text, long lo, long hi, long *out, char *err, size_t errlen)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (end == text || *end != '\0' || isspace((unsigned char)text[0])) {
		snprintf(err, errlen, "\"%s\" is not a whole number", text);
		return -1;
	}
	if (errno != 0 || v < lo || v > hi) {
		snprintf(err, errlen, "\"%s\" is not between %ld and %ld", text, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

int
cli_parse_u64(const char *text, uint64_t *out, char *err, size_t errlen)
{
	char *end;
	unsigned long long v;

	/* strtoull takes "-1" as 2^64-1 and saturates on overflow: refuse both. */
	errno = 0;
	v = strtoull(text, &end, 10);
	if (!isdigit((unsigned char)text[0]) || *end != '\0' || errno != 0) {
		snprintf(err, errlen, "\"%s\" is not a number between 0 and %" PRIu64, text,
			 UINT64_MAX);
		return -1;
	}
	*out = (uint64_t)v;
	return 0;
}

int
cli_parse_double(const char *text, double lo, double hi, double *out, char *err, size_t errlen)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (end == text || *end != '\0' || errno != 0 || v != v) {
		snprintf(err, errlen, "\"%s\" is not a number", text);
		return -1;
	}
	if (v < lo || v > hi) {
		snprintf(err, errlen, "\"%s\" is not between %g and %g", text, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

int
cli_parse_duration(const char *text, simtime_t lo, simtime_t hi, simtime_t *out, char *err,
		   size_t errlen)
{
	simtime_t v;

	if (duration_parse(text, &v, err, errlen) < 0)
		return -1;
	if (v < lo || v > hi) {
		char a[DIST_TEXT_MAX], b[DIST_TEXT_MAX];

		duration_format(lo, a, sizeof(a));
		duration_format(hi, b, sizeof(b));
		snprintf(err, errlen, "\"%s\" is not between %s and %s", text, a, b);
		return -1;
	}
	*out = v;
	return 0;
}

int
cli_parse_path(const char *text, const char **out, char *err, size_t errlen)
{
	if (text[0] == '\0') {
		snprintf(err, errlen, "\"\" is not a file name");
		return -1;
	}
	*out = text;
	return 0;
}

/* The absolute directory of path (resolved) and its last name, in out. */
static void
resolve_path(const char *path, char *out, size_t len)
{
	char d[PATH_MAX], b[PATH_MAX], real[PATH_MAX];

	snprintf(d, sizeof(d), "%s", path);
	snprintf(b, sizeof(b), "%s", path);
	if (realpath(dirname(d), real) != NULL)
		snprintf(out, len, "%s/%s", real, basename(b));
	else
		snprintf(out, len, "%s", path);
}

bool
cli_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	bool ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;
	char ra[PATH_MAX + 1], rb[PATH_MAX + 1];

	/* Only a regular file is replaced; /dev/null and the like take both writers. */
	if (ha && hb)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && S_ISREG(sa.st_mode);
	if (ha != hb)
		return false;
	resolve_path(a, ra, sizeof(ra));
	resolve_path(b, rb, sizeof(rb));
	return strcmp(ra, rb) == 0;
}

/* Digits and one multiplier suffix from units ("k" 1000, ...); -1 on anything else. */
static int
parse_scaled(const char *text, const char *suffixes, const uint64_t *scale, uint64_t *out)
{
	char *end;
	unsigned long long v;
	const char *u;

	if (!isdigit((unsigned char)text[0]))
		return -1;
	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno != 0)
		return -1;
	if (*end != '\0') {
		if (end[1] != '\0' || (u = strchr(suffixes, *end)) == NULL)
			return -1;
		if (v > UINT64_MAX / scale[u - suffixes])
			return -1;
		v *= scale[u - suffixes];
	}
	*out = (uint64_t)v;
	return 0;
}

int
cli_parse_count(const char *text, uint64_t lo, uint64_t hi, uint64_t *out, char *err, size_t errlen)
{
	static const uint64_t scale[] = { 1000, 1000, 1000000 };

	if (parse_scaled(text, "kKM", scale, out) < 0) {
		snprintf(err, errlen, "\"%s\" is not a count (e.g. 100, 10k, 1M)", text);
		return -1;
	}
	if (*out < lo || *out > hi) {
		snprintf(err, errlen, "\"%s\" is not between %" PRIu64 " and %" PRIu64, text, lo, hi);
		return -1;
	}
	return 0;
}

/* "64K", "2G": the shortest exact way to write a size in the help's units. */
static void
size_text(uint64_t v, char *buf, size_t len)
{
	static const char units[] = "KMG";
	int u = -1;

	while (u < 2 && v != 0 && v % 1024 == 0) {
		v /= 1024;
		u++;
	}
	if (u < 0)
		snprintf(buf, len, "%" PRIu64, v);
	else
		snprintf(buf, len, "%" PRIu64 "%c", v, units[u]);
}

int
cli_parse_size(const char *text, uint64_t lo, uint64_t hi, uint64_t *out, char *err,
	       size_t errlen)
{
	static const uint64_t scale[] = { 1 << 10, 1 << 10, 1 << 20, 1 << 20, 1 << 30, 1 << 30 };

	if (parse_scaled(text, "KkMmGg", scale, out) < 0) {
		snprintf(err, errlen, "\"%s\" is not a size (e.g. 64K, 512M, 2G)", text);
		return -1;
	}
	if (*out < lo || *out > hi) {
		char a[32], b[32];

		size_text(lo, a, sizeof(a));
		size_text(hi, b, sizeof(b));
		snprintf(err, errlen, "\"%s\" is not between %s and %s", text, a, b);
		return -1;
	}
	return 0;
}

const char *
cli_profile_word(size_t i)
{
	size_t n;
	const struct player_profile *p = player_profiles(&n);

	return i < n ? p[i].name : NULL;
}

void
cli_words(const char *(*word)(size_t i), char *out, size_t len)
{
	size_t used = 0;
	const char *w;

	out[0] = '\0';
	for (size_t i = 0; (w = word(i)) != NULL && used < len; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%s", i ? ", " : "", w);
}

int
cli_each_item(const char *list, int (*item)(void *arg, const char *text, char *err, size_t errlen),
	      void *arg, char *err, size_t errlen)
{
	for (const char *p = list;; p++) {
		size_t n = strcspn(p, ",");
		char text[64];

		if (n == 0) {
			snprintf(err, errlen, "\"%s\" has an empty item", list);
			return -1;
		}
		snprintf(text, sizeof(text), "%.*s", (int)n, p);
		if (item(arg, text, err, errlen) < 0)
			return -1;
		p += n;
		if (*p == '\0')
			return 0;
	}
}
