/*
 * Durations and distributions: exact parsing with units, round trips
 * through the formatter, one-line errors naming the bad value, and draws
 * that have the documented means and bounds and repeat for the same seed.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>
#include <string.h>

#include "sim/dist.h"

/* Arrays, not pointers: Criterion runs each case in a fresh process. */
struct dur_case {
	char		text[40];
	simtime_t	us;
	char		back[24];
};

ParameterizedTestParameters(dist, durations)
{
	static struct dur_case c[] = {
		{ "55s", 55000000, "55s" },	   { "2m", 120000000, "2m" },
		{ "1.5s", 1500000, "1.5s" },	   { "500ms", 500000, "500ms" },
		{ "1h", 3600000000LL, "1h" },	   { "1h2m3s", 3723000000LL, "1h2m3s" },
		{ "0", 0, "0s" },		   { "0s", 0, "0s" },
		{ "250us", 250, "250us" },	   { "90s", 90000000, "1m30s" },
		{ "0.000001s", 1, "1us" },	   { "1m0.25s", 60250000, "1m0.25s" },
		/* Issue 12: no overflow, one grammar (bench's 1s500ms), exponents. */
		{ "0.99999999999h", 3600000000LL, "1h" },
		{ "1.99999999999999999999h", 7200000000LL, "2h" },
		{ "1s500ms", 1500000, "1.5s" },	   { "2e3ms", 2000000, "2s" },
		{ "1.5E-3s", 1500, "1500us" },	   { "0.0000005s", 1, "1us" },
		{ "00000000000000000000000001s", 1000000, "1s" },
		{ "7199999999.9999999us", 7200000000LL, "2h" },
	};

	return cr_make_param_array(struct dur_case, c, sizeof(c) / sizeof(c[0]));
}

ParameterizedTest(struct dur_case *c, dist, durations)
{
	simtime_t t, again;
	char buf[64], err[128];

	cr_assert(eq(int, duration_parse(c->text, &t, err, sizeof(err)), 0), "%s: %s", c->text, err);
	cr_assert(eq(i64, t, c->us));
	duration_format(t, buf, sizeof(buf));
	cr_assert(eq(str, buf, c->back));
	cr_assert(eq(int, duration_parse(buf, &again, err, sizeof(err)), 0));
	cr_assert(eq(i64, again, t));
}

struct bad_case {
	char	text[40];
	char	err[160];
};

ParameterizedTestParameters(dist, bad)
{
	static struct bad_case c[] = {
		{ "55", "\"55\" needs a unit (us, ms, s, m or h)" },
		{ "", "\"\" is not a duration (e.g. 55s, 2m, 1.5s, 500ms)" },
		{ "-5s", "\"-5s\" is not a duration (e.g. 55s, 2m, 1.5s, 500ms)" },
		{ "5x", "\"5x\" needs a unit (us, ms, s, m or h)" },
		{ "3h", "\"3h\" is longer than the limit of 2h" },
		{ "1e18s", "\"1e18s\" is longer than the limit of 2h" },
		{ "99999999999999999999h", "\"99999999999999999999h\" is longer than the limit of 2h" },
		{ "1h59m61s", "\"1h59m61s\" is longer than the limit of 2h" },
		{ "2h1us", "\"2h1us\" is longer than the limit of 2h" },
		{ "5s5s", "\"5s5s\": units go from largest to smallest, each once (e.g. 1h2m3s)" },
		{ "500ms1s", "\"500ms1s\": units go from largest to smallest, each once (e.g. 1h2m3s)" },
		{ "0.0000001s", "\"0.0000001s\" is shorter than 1us but not 0" },
		{ "1e", "\"1e\" needs a unit (us, ms, s, m or h)" },
		{ "uniform:1s..1.99999999999h9m",
		  "\"uniform:1s..1.99999999999h9m\": high \"1.99999999999h9m\" is longer than the limit "
		  "of 2h" },
		{ "uniform:1s..0.99999999999h9h",
		  "\"uniform:1s..0.99999999999h9h\": high \"0.99999999999h9h\": units go from largest "
		  "to smallest, each once (e.g. 1h2m3s)" },
		{ "normal:1h,99999999999h", "\"normal:1h,99999999999h\": stddev \"99999999999h\" is "
					    "longer than the limit of 2h" },
		{ "exp:0.99999999999999h1h", "\"exp:0.99999999999999h1h\": mean "
					     "\"0.99999999999999h1h\": units go from largest to "
					     "smallest, each once (e.g. 1h2m3s)" },
		{ "lognormal:3h,0.5", "\"lognormal:3h,0.5\": mean \"3h\" is longer than the limit of 2h" },
		{ "uniform:70s..40s", "\"uniform:70s..40s\": low is greater than high" },
		{ "uniform:40s", "\"uniform:40s\": uniform needs LOW..HIGH, e.g. uniform:40s..70s" },
		{ "normal:55s", "\"normal:55s\": normal needs MEAN,STDDEV, e.g. normal:55s,10s" },
		{ "normal:55s,abc", "\"normal:55s,abc\": stddev \"abc\" is not a duration (e.g. 55s, 2m, 1.5s, 500ms)" },
		{ "exp:fast", "\"exp:fast\": mean \"fast\" is not a duration (e.g. 55s, 2m, 1.5s, 500ms)" },
		{ "lognormal:55s,x", "\"lognormal:55s,x\": sigma \"x\" is not a number between 0 and 4" },
		{ "gauss:1s", "\"gauss:1s\" is not a distribution (fixed 55s, uniform:A..B, normal:M,SD, "
			      "exp:M, lognormal:M,SIGMA)" },
	};

	return cr_make_param_array(struct bad_case, c, sizeof(c) / sizeof(c[0]));
}

ParameterizedTest(struct bad_case *c, dist, bad)
{
	struct dist d;
	char err[256] = "";

	cr_assert(eq(int, dist_parse(c->text, &d, err, sizeof(err)), -1), "%s", c->text);
	cr_assert(eq(str, err, c->err));
}

Test(dist, round_trip_and_means)
{
	const char *texts[] = { "55s", "uniform:40s..70s", "normal:55s,10s", "exp:55s",
				"lognormal:55s,0.5" };

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct dist d;
		struct rng r;
		char err[128], buf[DIST_TEXT_MAX];
		double sum = 0;
		int n = 200000;

		cr_assert(eq(int, dist_parse(texts[i], &d, err, sizeof(err)), 0));
		{
			struct dist back;

			dist_format(&d, buf, sizeof(buf));
			cr_assert(eq(int, dist_parse(buf, &back, err, sizeof(err)), 0), "%s", buf);
			cr_assert(eq(int, memcmp(&back, &d, sizeof(d)), 0), "%s", buf);
		}
		rng_seed(&r, 42);
		for (int k = 0; k < n; k++) {
			simtime_t x = dist_sample(&d, &r);

			cr_assert(x >= 0 && x <= DIST_SAMPLE_MAX);
			if (d.kind == DIST_UNIFORM)
				cr_assert(x >= SIM_SECONDS(40) && x <= SIM_SECONDS(70));
			sum += (double)x;
		}
		/* Within 1% of 55 s (the normal is barely truncated at 5.5 sigma). */
		cr_assert(sum / n > 0.99 * 55e6 && sum / n < 1.01 * 55e6, "%s mean %.0f", texts[i],
			  sum / n);
		cr_assert(eq(i64, dist_mean(&d), SIM_SECONDS(55)));
	}
}

Test(dist, same_seed_same_draws)
{
	struct dist d;
	struct rng a, b;
	char err[128];

	cr_assert(eq(int, dist_parse("normal:5s,3s", &d, err, sizeof(err)), 0));
	rng_seed(&a, 7);
	rng_seed(&b, 7);
	for (int i = 0; i < 1000; i++)
		cr_assert(eq(i64, dist_sample(&d, &a), dist_sample(&d, &b)));
}

Test(dist, hms)
{
	char buf[32];

	duration_hms(SIM_SECONDS(43200), buf, sizeof(buf));
	cr_assert(eq(str, buf, "12:00:00"));
	duration_hms(SIM_SECONDS(3655), buf, sizeof(buf));
	cr_assert(eq(str, buf, "1:00:55"));
	duration_hms(SIM_SECONDS(5) - 1, buf, sizeof(buf));
	cr_assert(eq(str, buf, "0:00:05"));
	duration_hms(SIM_SECONDS(100 * 3600), buf, sizeof(buf));
	cr_assert(eq(str, buf, "100:00:00"));
}
