/*
 * Simulated time and think-time distributions.
 *
 * Simulated time is an exact count of microseconds (simtime_t), so sums of
 * think times never drift and the article's totals come out to the second.
 * A distribution is a small value parsed from text:
 *
 *	55s  2m  1.5s  500ms  1h2m3s	fixed
 *	uniform:40s..70s		every microsecond in [40 s, 70 s] equally likely
 *	normal:55s,10s			mean, standard deviation; truncated at 0
 *	exp:55s				exponential with that mean
 *	lognormal:55s,0.5		mean, sigma of the underlying normal
 *
 * Every draw comes from an rng the caller owns and is clamped to
 * [0, DIST_SAMPLE_MAX], so no sample can overflow an exhibition's total.
 */
#ifndef SIMUL_SIM_DIST_H
#define SIMUL_SIM_DIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/rng.h"

typedef int64_t simtime_t;	/* simulated microseconds */

#define SIM_US_PER_S	INT64_C(1000000)
#define SIM_SECONDS(s)	((simtime_t)(s) * SIM_US_PER_S)

/*
 * Largest duration a user may write and largest value a draw can return:
 * two hours. 1,000,000 boards x 500 moves x 2 plies x 2 h plus the walks still
 * fit in 63 bits of microseconds.
 */
#define DIST_SAMPLE_MAX	(SIM_SECONDS(7200))

enum { DIST_TEXT_MAX = 64 };	/* longest text dist_format() writes, with NUL */

enum dist_kind { DIST_FIXED, DIST_UNIFORM, DIST_NORMAL, DIST_EXP, DIST_LOGNORMAL };

struct dist {
	enum dist_kind	kind;
	simtime_t	a;	/* fixed value, uniform low, normal/exp/lognormal mean */
	simtime_t	b;	/* uniform high, normal standard deviation */
	double		sigma;	/* lognormal: sigma of log */
};

/*
 * "55s", "2m", "1.5s", "500ms", "250us", "1h", "1h2m3s", "0". A number needs
 * a unit (except 0); at most DIST_SAMPLE_MAX. Errors name the value, e.g.
 *   "55" needs a unit (us, ms, s, m or h)
 */
int duration_parse(const char *text, simtime_t *out, char *err, size_t errlen);
/* Shortest text that duration_parse reads back exactly: "55s", "1m30s", "1.5s". */
void duration_format(simtime_t t, char *buf, size_t len);
/* h:mm:ss, rounded to the nearest second: "1:00:55", "12:00:00". */
void duration_hms(simtime_t t, char *buf, size_t len);

int dist_parse(const char *text, struct dist *d, char *err, size_t errlen);
/* The text dist_parse reads back to the same distribution. */
void dist_format(const struct dist *d, char *buf, size_t len);
void dist_fixed(struct dist *d, simtime_t t);
bool dist_is_fixed(const struct dist *d);
/* The expected value of a draw (normal: of the untruncated normal). */
simtime_t dist_mean(const struct dist *d);
/* A draw, clamped to [0, DIST_SAMPLE_MAX]. Uses a bounded number of rng calls. */
simtime_t dist_sample(const struct dist *d, struct rng *r);

#endif
