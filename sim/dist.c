/*
 * Parsing, formatting and sampling of durations and distributions. Text is
 * parsed with integer arithmetic (digits, not strtod) so "1.5s" is exactly
 * 1,500,000 µs; only the sampling of the continuous distributions uses
 * floating point, and its result is rounded to whole microseconds.
 */
#include "sim/dist.h"

#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unit {
	const char	*name;
	simtime_t	us;
	int		rank;	/* 0 for h: a duration's units go from rank 0 down */
};

/* Longest names first so "ms" is not read as "m" followed by junk. */
static const struct unit units[] = {
	{ "us", 1, 4 }, { "ms", 1000, 3 }, { "h", SIM_SECONDS(3600), 0 },
	{ "m", SIM_SECONDS(60), 1 }, { "s", SIM_US_PER_S, 2 },
};

enum {
	TERM_DIGITS = 32,	/* significant digits kept; more cannot change the µs */
	TERM_FRAC = 12,		/* fraction digits used: below 1 µs even for hours */
};

enum term_error { TERM_SYNTAX = -1, TERM_NO_UNIT = -2, TERM_TOO_LONG = -3 };

static int64_t
gcd64(int64_t a, int64_t b)
{
	while (b != 0) {
		int64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/*
 * The number of a term as decimal digits and the place of the point:
 * "1.5" is digits "15", point 1; "0.002" is "2", point -2; "2e3" is "2",
 * point 4. Nothing is multiplied here, so no input can overflow.
 */
struct term_number {
	char	digit[TERM_DIGITS];
	int	n;
	int	point;		/* digits before the decimal point (may be < 0 or > n) */
};

static int
term_number(const char **p, struct term_number *t)
{
	const char *s = *p;
	bool digits = false, leading = true;

	t->n = 0;
	t->point = 0;
	for (; isdigit((unsigned char)*s); s++, digits = true) {
		if (leading && *s == '0')
			continue;
		leading = false;
		if (t->n < TERM_DIGITS)
			t->digit[t->n++] = *s;
		t->point++;
	}
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++, digits = true) {
			if (leading && *s == '0') {
				t->point--;
				continue;
			}
			leading = false;
			if (t->n < TERM_DIGITS)
				t->digit[t->n++] = *s;
		}
	if (!digits)
		return TERM_SYNTAX;
	if ((*s == 'e' || *s == 'E') &&
	    (isdigit((unsigned char)s[1]) || ((s[1] == '-' || s[1] == '+') && isdigit((unsigned char)s[2])))) {
		int sign = s[1] == '-' ? -1 : 1, e = 0;

		for (s += isdigit((unsigned char)s[1]) ? 1 : 2; isdigit((unsigned char)*s); s++)
			if (e < 100000)
				e = e * 10 + (*s - '0');
		t->point += sign * e;
	}
	*p = s;
	return 0;
}

/* The digit at place k of the number (0 = first digit before the point). */
static int
term_digit(const struct term_number *t, int k)
{
	return k >= 0 && k < t->n ? t->digit[k] - '0' : 0;
}

/* One "<number><unit>" term at *p ("1.5s", "2e3ms"); advances *p. */
static int
duration_term(const char **p, simtime_t *out, int *rank)
{
	struct term_number t;
	int64_t whole = 0, frac = 0, scale = 1, g;

	if (term_number(p, &t) < 0)
		return TERM_SYNTAX;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t n = strlen(units[i].name);
		simtime_t us = units[i].us;

		if (strncmp(*p, units[i].name, n) != 0)
			continue;
		*p += n;
		*rank = units[i].rank;
		if (t.n == 0) {
			*out = 0;
			return 0;
		}
		/* 19 digits could overflow; anything that long is far past the limit. */
		if (t.point > 18)
			return TERM_TOO_LONG;
		for (int k = 0; k < t.point; k++)
			whole = whole * 10 + term_digit(&t, k);
		if (whole > DIST_SAMPLE_MAX / us)
			return TERM_TOO_LONG;
		for (int k = t.point; k < t.point + TERM_FRAC; k++) {
			frac = frac * 10 + term_digit(&t, k);
			scale *= 10;
		}
		/* frac * us / scale, rounded, without overflow: cancel the common factor first. */
		g = gcd64(us, scale);
		*out = whole * us + (frac * (us / g) + scale / g / 2) / (scale / g);
		if (*out == 0)
			*out = -1;	/* not zero, but below the microsecond */
		return 0;
	}
	return TERM_NO_UNIT;
}

int
duration_parse(const char *text, simtime_t *out, char *err, size_t errlen)
{
	const char *p = text;
	simtime_t total = 0;
	int last_rank = -1;

	if (strcmp(text, "0") == 0) {
		*out = 0;
		return 0;
	}
	if (*p == '\0') {
		snprintf(err, errlen, "\"\" is not a duration (e.g. 55s, 2m, 1.5s, 500ms)");
		return -1;
	}
	while (*p != '\0') {
		simtime_t t;
		int rank, rc = duration_term(&p, &t, &rank);

		if (rc == TERM_NO_UNIT) {
			snprintf(err, errlen, "\"%s\" needs a unit (us, ms, s, m or h)", text);
			return -1;
		}
		if (rc == TERM_SYNTAX) {
			snprintf(err, errlen, "\"%s\" is not a duration (e.g. 55s, 2m, 1.5s, 500ms)",
				 text);
			return -1;
		}
		/* "5s5s" is more likely a slip than 10 s: each unit once, largest first. */
		if (rank <= last_rank) {
			snprintf(err, errlen,
				 "\"%s\": units go from largest to smallest, each once (e.g. 1h2m3s)",
				 text);
			return -1;
		}
		last_rank = rank;
		if (rc == TERM_TOO_LONG || (t > 0 && total > DIST_SAMPLE_MAX - t)) {
			snprintf(err, errlen, "\"%s\" is longer than the limit of 2h", text);
			return -1;
		}
		if (t < 0) {
			snprintf(err, errlen, "\"%s\" is shorter than 1us but not 0", text);
			return -1;
		}
		total += t;
	}
	*out = total;
	return 0;
}

void
duration_format(simtime_t t, char *buf, size_t len)
{
	int64_t h, m, s, frac;
	size_t used = 0;

	if (t == 0) {
		snprintf(buf, len, "0s");
		return;
	}
	if (t < SIM_US_PER_S) {
		if (t % 1000 == 0)
			snprintf(buf, len, "%" PRId64 "ms", t / 1000);
		else
			snprintf(buf, len, "%" PRId64 "us", t);
		return;
	}
	h = t / SIM_SECONDS(3600);
	m = t / SIM_SECONDS(60) % 60;
	s = t / SIM_US_PER_S % 60;
	frac = t % SIM_US_PER_S;
	buf[0] = '\0';
	if (h > 0 && used < len)
		used += (size_t)snprintf(buf + used, len - used, "%" PRId64 "h", h);
	if (m > 0 && used < len)
		used += (size_t)snprintf(buf + used, len - used, "%" PRId64 "m", m);
	if ((s > 0 || frac > 0) && used < len) {
		if (frac == 0) {
			snprintf(buf + used, len - used, "%" PRId64 "s", s);
		} else {
			char f[8];

			/* Six digits, trailing zeros dropped: 1.5s, 1.000001s. */
			snprintf(f, sizeof(f), "%06" PRId64, frac);
			for (int i = 5; i > 0 && f[i] == '0'; i--)
				f[i] = '\0';
			snprintf(buf + used, len - used, "%" PRId64 ".%ss", s, f);
		}
	}
}

void
duration_hms(simtime_t t, char *buf, size_t len)
{
	int64_t s = (t + SIM_US_PER_S / 2) / SIM_US_PER_S;

	if (t < 0)
		s = 0;
	snprintf(buf, len, "%" PRId64 ":%02" PRId64 ":%02" PRId64, s / 3600, s / 60 % 60, s % 60);
}

void
dist_fixed(struct dist *d, simtime_t t)
{
	memset(d, 0, sizeof(*d));
	d->kind = DIST_FIXED;
	d->a = t;
}

bool
dist_is_fixed(const struct dist *d)
{
	return d->kind == DIST_FIXED || (d->kind == DIST_UNIFORM && d->a == d->b);
}

simtime_t
dist_mean(const struct dist *d)
{
	if (d->kind == DIST_UNIFORM)
		return d->a + (d->b - d->a) / 2;
	return d->a;
}

/* Parses one duration out of a copy of part of the text, for the error's sake. */
static int
dist_duration(const char *start, size_t n, const char *whole, const char *what, simtime_t *out,
	      char *err, size_t errlen)
{
	char buf[64], sub[160];

	if (n >= sizeof(buf)) {
		snprintf(err, errlen, "\"%s\": %s is too long", whole, what);
		return -1;
	}
	memcpy(buf, start, n);
	buf[n] = '\0';
	if (duration_parse(buf, out, sub, sizeof(sub)) < 0) {
		snprintf(err, errlen, "\"%s\": %s %s", whole, what, sub);
		return -1;
	}
	return 0;
}

int
dist_parse(const char *text, struct dist *d, char *err, size_t errlen)
{
	const char *colon = strchr(text, ':');
	const char *args, *sep;
	simtime_t x, y;

	memset(d, 0, sizeof(*d));
	if (colon == NULL) {
		d->kind = DIST_FIXED;
		return duration_parse(text, &d->a, err, errlen);
	}
	args = colon + 1;
	if (strncmp(text, "uniform:", 8) == 0) {
		sep = strstr(args, "..");
		if (sep == NULL) {
			snprintf(err, errlen, "\"%s\": uniform needs LOW..HIGH, e.g. uniform:40s..70s", text);
			return -1;
		}
		if (dist_duration(args, (size_t)(sep - args), text, "low", &x, err, errlen) < 0 ||
		    dist_duration(sep + 2, strlen(sep + 2), text, "high", &y, err, errlen) < 0)
			return -1;
		if (x > y) {
			snprintf(err, errlen, "\"%s\": low is greater than high", text);
			return -1;
		}
		d->kind = DIST_UNIFORM;
		d->a = x;
		d->b = y;
		return 0;
	}
	if (strncmp(text, "exp:", 4) == 0) {
		if (dist_duration(args, strlen(args), text, "mean", &x, err, errlen) < 0)
			return -1;
		d->kind = DIST_EXP;
		d->a = x;
		return 0;
	}
	if (strncmp(text, "normal:", 7) == 0 || strncmp(text, "lognormal:", 10) == 0) {
		bool logn = text[0] == 'l';

		sep = strchr(args, ',');
		if (sep == NULL) {
			snprintf(err, errlen, "\"%s\": %s", text,
				 logn ? "lognormal needs MEAN,SIGMA, e.g. lognormal:55s,0.5"
				      : "normal needs MEAN,STDDEV, e.g. normal:55s,10s");
			return -1;
		}
		if (dist_duration(args, (size_t)(sep - args), text, "mean", &x, err, errlen) < 0)
			return -1;
		if (!logn) {
			if (dist_duration(sep + 1, strlen(sep + 1), text, "stddev", &y, err, errlen) < 0)
				return -1;
			d->kind = DIST_NORMAL;
			d->a = x;
			d->b = y;
			return 0;
		} else {
			char *end;
			double sg = strtod(sep + 1, &end);

			if (end == sep + 1 || *end != '\0' || !(sg >= 0.0 && sg <= 4.0)) {
				snprintf(err, errlen, "\"%s\": sigma \"%s\" is not a number between 0 and 4",
					 text, sep + 1);
				return -1;
			}
			d->kind = DIST_LOGNORMAL;
			d->a = x;
			d->sigma = sg;
			return 0;
		}
	}
	snprintf(err, errlen,
		 "\"%s\" is not a distribution (fixed 55s, uniform:A..B, normal:M,SD, exp:M, "
		 "lognormal:M,SIGMA)",
		 text);
	return -1;
}

void
dist_format(const struct dist *d, char *buf, size_t len)
{
	char x[24], y[24];

	duration_format(d->a, x, sizeof(x));
	duration_format(d->b, y, sizeof(y));
	switch (d->kind) {
	case DIST_FIXED:
		snprintf(buf, len, "%s", x);
		break;
	case DIST_UNIFORM:
		snprintf(buf, len, "uniform:%s..%s", x, y);
		break;
	case DIST_NORMAL:
		snprintf(buf, len, "normal:%s,%s", x, y);
		break;
	case DIST_EXP:
		snprintf(buf, len, "exp:%s", x);
		break;
	case DIST_LOGNORMAL:
		snprintf(buf, len, "lognormal:%s,%g", x, d->sigma);
		break;
	}
}

/* A standard normal draw (Box-Muller, one value of the pair). */
static double
gauss(struct rng *r)
{
	double u = 1.0 - rng_unit(r);	/* (0, 1]: log() stays finite */
	double v = rng_unit(r);

	return sqrt(-2.0 * log(u)) * cos(2.0 * M_PI * v);
}

static simtime_t
clamp_us(double x)
{
	if (!(x > 0.0))
		return 0;
	if (x >= (double)DIST_SAMPLE_MAX)
		return DIST_SAMPLE_MAX;
	return (simtime_t)llround(x);
}

simtime_t
dist_sample(const struct dist *d, struct rng *r)
{
	switch (d->kind) {
	case DIST_FIXED:
		return d->a;
	case DIST_UNIFORM:
		return d->a + (simtime_t)rng_below(r, (uint64_t)(d->b - d->a) + 1);
	case DIST_NORMAL:
		/*
		 * Truncation by rejection keeps the shape above 0; after 64 misses
		 * (a mean many deviations below 0) the draw is 0.
		 */
		for (int i = 0; i < 64; i++) {
			double x = (double)d->a + (double)d->b * gauss(r);

			if (x >= 0.0)
				return clamp_us(x);
		}
		return 0;
	case DIST_EXP:
		return clamp_us(-(double)d->a * log(1.0 - rng_unit(r)));
	case DIST_LOGNORMAL: {
		double mu;

		if (d->a == 0)
			return 0;
		/* Chosen so the mean of the draws is d->a, as written. */
		mu = log((double)d->a) - d->sigma * d->sigma / 2.0;
		return clamp_us(exp(mu + d->sigma * gauss(r)));
	}
	}
	return d->a;
}
