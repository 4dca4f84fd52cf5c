/*
 * Each distribution's exact support and its shape, not only its mean.
 * Support: a uniform range a few microseconds wide draws every value in
 * it, both ends included, and nothing else; exp and lognormal reach
 * DIST_SAMPLE_MAX exactly (the clamp) and never pass it; a normal never
 * goes below 0; a fixed one never moves. Shape: a chi-square
 * goodness-of-fit over equal-probability bins, computed here from each
 * distribution's CDF, on a fixed seed. With 20 bins (19 degrees of
 * freedom) a correct sampler stays under 43.82, the 0.1 % critical value;
 * a sampler that misses a value, skews a tail or uses the wrong sigma
 * lands in the hundreds or thousands.
 */
#include <math.h>

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"

#include "sim/dist.h"

enum { SHAPE_DRAWS = 100000, SHAPE_BINS = 20 };
#define CHI2_19_P001 43.82

static struct dist
parse(const char *text)
{
	struct dist d;
	char err[128] = "";

	cr_assert(eq(int, dist_parse(text, &d, err, sizeof(err)), 0), "%s: %s", text, err);
	return d;
}

/* Draws n values of text and counts each value in [lo, hi]; fails on one outside. */
static void
support(const char *text, simtime_t lo, simtime_t hi, int n, int *count)
{
	struct dist d = parse(text);
	struct rng r;

	rng_seed(&r, 12345);
	for (simtime_t v = lo; v <= hi; v++)
		count[v - lo] = 0;
	for (int i = 0; i < n; i++) {
		simtime_t x = dist_sample(&d, &r);

		cr_assert(x >= lo && x <= hi, "%s drew %lld", text, (long long)x);
		count[x - lo]++;
	}
}

Test(dist_shape, uniform_two_microseconds_draws_both_ends)
{
	int count[2];

	support("uniform:1us..2us", 1, 2, 1000, count);
	cr_assert(count[0] > 400 && count[1] > 400, "1 µs %d times, 2 µs %d times", count[0],
		  count[1]);
}

Test(dist_shape, uniform_small_range_draws_every_value)
{
	int count[4];

	support("uniform:10us..13us", 10, 13, 4000, count);
	for (int i = 0; i < 4; i++)
		cr_assert(count[i] > 800, "%d µs drawn %d times of 4000", 10 + i, count[i]);
}

Test(dist_shape, fixed_never_moves)
{
	int count[1];

	support("55s", SIM_SECONDS(55), SIM_SECONDS(55), 1000, count);
	cr_assert(eq(int, count[0], 1000));
}

/* The largest of n draws, all checked to lie in [0, DIST_SAMPLE_MAX]. */
static simtime_t
max_draw(const char *text, int n)
{
	struct dist d = parse(text);
	struct rng r;
	simtime_t max = -1;

	rng_seed(&r, 99);
	for (int i = 0; i < n; i++) {
		simtime_t x = dist_sample(&d, &r);

		cr_assert(x >= 0 && x <= DIST_SAMPLE_MAX, "%s drew %lld", text, (long long)x);
		if (x > max)
			max = x;
	}
	return max;
}

Test(dist_shape, long_tails_clamp_at_the_maximum)
{
	/* P(exp with mean 2 h > 2 h) = 1/e: the clamp is reached, never passed. */
	cr_assert(eq(i64, max_draw("exp:2h", 1000), DIST_SAMPLE_MAX));
	cr_assert(eq(i64, max_draw("lognormal:2h,2", 1000), DIST_SAMPLE_MAX));
	cr_assert(max_draw("normal:1s,10s", 1000) > 0);
}

/* Standard normal CDF. */
static double
phi(double z)
{
	return 0.5 * erfc(-z / sqrt(2.0));
}

/* Chi-square of SHAPE_DRAWS draws of text against cdf, in equal-probability bins. */
static double
chi_square(const char *text, double (*cdf)(const struct dist *d, double x))
{
	struct dist d = parse(text);
	struct rng r;
	int count[SHAPE_BINS] = { 0 };
	double expect = (double)SHAPE_DRAWS / SHAPE_BINS, chi2 = 0;

	rng_seed(&r, 2024);
	for (int i = 0; i < SHAPE_DRAWS; i++) {
		double u = cdf(&d, (double)dist_sample(&d, &r));
		int bin = (int)(u * SHAPE_BINS);

		count[bin < 0 ? 0 : bin >= SHAPE_BINS ? SHAPE_BINS - 1 : bin]++;
	}
	for (int b = 0; b < SHAPE_BINS; b++)
		chi2 += (count[b] - expect) * (count[b] - expect) / expect;
	return chi2;
}

static double
cdf_uniform(const struct dist *d, double x)
{
	/* Integers a..b, each 1/(b-a+1): the bin of x's own slot. */
	return (x - (double)d->a + 0.5) / ((double)(d->b - d->a) + 1.0);
}

static double
cdf_normal(const struct dist *d, double x)
{
	/* Truncated at 0, as the sampler does by rejection. */
	double lo = phi(-(double)d->a / (double)d->b);

	return (phi((x - (double)d->a) / (double)d->b) - lo) / (1.0 - lo);
}

static double
cdf_exp(const struct dist *d, double x)
{
	return 1.0 - exp(-x / (double)d->a);
}

static double
cdf_lognormal(const struct dist *d, double x)
{
	double mu = log((double)d->a) - d->sigma * d->sigma / 2.0;

	return x <= 0 ? 0 : phi((log(x) - mu) / d->sigma);
}

Test(dist_shape, goodness_of_fit)
{
	const struct {
		const char	*text;
		double		(*cdf)(const struct dist *d, double x);
	} cases[] = {
		{ "uniform:1us..20us", cdf_uniform },
		{ "uniform:40s..70s", cdf_uniform },
		{ "normal:55s,10s", cdf_normal },
		{ "normal:5s,10s", cdf_normal },
		{ "exp:55s", cdf_exp },
		{ "lognormal:55s,0.5", cdf_lognormal },
		{ "lognormal:10s,1.5", cdf_lognormal },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		double chi2 = chi_square(cases[i].text, cases[i].cdf);

		cr_assert(chi2 < CHI2_19_P001, "%s: chi-square %.1f over 19 degrees of freedom",
			  cases[i].text, chi2);
	}
}
