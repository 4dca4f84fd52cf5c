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
};

/* Longest names first so "ms" is not read as "m" followed by junk. */
static const struct unit units[] = {
	{ "us", 1 }, { "ms", 1000 }, { "h", SIM_SECONDS(3600) }, { "m", SIM_SECONDS(60) },
	{ "s", SIM_US_PER_S },
};

/* One "<digits>[.<digits>]<unit>" term at *p; advances *p. */
static int
duration_term(const char **p, simtime_t *out)
{
	const char *s = *p;
	int64_t whole = 0, frac = 0, scale = 1;
	bool digits = false;

	while (isdigit((unsigned char)*s)) {
		if (whole > INT64_C(100000000))
			return -1;
		whole = whole * 10 + (*s++ - '0');
		digits = true;
	}
	if (*s == '.') {
		s++;
		while (isdigit((unsigned char)*s)) {
			if (scale < INT64_C(1000000000000)) {
				frac = frac * 10 + (*s - '0');
				scale *= 10;
			}
			s++;
			digits = true;
		}
	}
	if (!digits)
		return -1;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t n = strlen(units[i].name);

		if (strncmp(s, units[i].name, n) == 0) {
			/* Round the fraction to the nearest microsecond. */
			*out = whole * units[i].us + (frac * units[i].us + scale / 2) / scale;
			*p = s + n;
			return 0;
		}
	}
	return -2;
}

int
duration_parse(const char *text, simtime_t *out, char *err, size_t errlen)
{
	const char *p = text;
	simtime_t total = 0;

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
		int rc = duration_term(&p, &t);

		if (rc == -2) {
			snprintf(err, errlen, "\"%s\" needs a unit (us, ms, s, m or h)", text);
			return -1;
		}
		if (rc < 0) {
			snprintf(err, errlen, "\"%s\" is not a duration (e.g. 55s, 2m, 1.5s, 500ms)",
				 text);
			return -1;
		}
		total += t;
		if (total > DIST_SAMPLE_MAX)
			break;
	}
	if (total > DIST_SAMPLE_MAX) {
		snprintf(err, errlen, "\"%s\" is longer than the limit of 2h", text);
		return -1;
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
