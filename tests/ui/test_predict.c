/*
 * Predict mode: guesses parse the way people say them (12h, 45m, 1:00:55),
 * bad ones are refused with the value named, the prompt reads two lines
 * (asking again after a bad one, Enter skips), and the comparison puts
 * the guess beside the model and the measurement with the right error.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"

#include "ui/predict.h"

static simtime_t
parse_ok(const char *text)
{
	simtime_t t = -1;
	char err[256];

	cr_assert(eq(int, predict_parse(text, &t, err, sizeof(err)), 0), "%s: %s", text, err);
	return t;
}

Test(predict, durations_people_say)
{
	cr_assert(eq(i64, parse_ok("12h"), SIM_SECONDS(43200)));
	cr_assert(eq(i64, parse_ok("45m"), SIM_SECONDS(2700)));
	cr_assert(eq(i64, parse_ok("1h30m"), SIM_SECONDS(5400)));
	cr_assert(eq(i64, parse_ok("3655s"), SIM_SECONDS(3655)));
	cr_assert(eq(i64, parse_ok("1.5h"), SIM_SECONDS(5400)));
	cr_assert(eq(i64, parse_ok("1:00:55"), SIM_SECONDS(3655)));
	cr_assert(eq(i64, parse_ok("12:00:00"), SIM_SECONDS(43200)));
	cr_assert(eq(i64, parse_ok("45:00"), SIM_SECONDS(2700)));
	cr_assert(eq(i64, parse_ok("500ms"), 500000));
	cr_assert(eq(i64, parse_ok("200h"), SIM_SECONDS(720000)));
}

Test(predict, bad_guesses_name_the_value)
{
	static const char *const bad[] = { "", "12", "h", "12x", "1:60:00", "1:00:75", "1::2",
					   "-5m", "5m3", "1:2:3:4", "100001h", ":30" };
	simtime_t t;
	char err[256];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[64];

		err[0] = '\0';
		cr_assert(eq(int, predict_parse(bad[i], &t, err, sizeof(err)), -1), "%s", bad[i]);
		snprintf(want, sizeof(want), "\"%s\"", bad[i]);
		cr_assert(strstr(err, want) != NULL, "%s: %s", bad[i], err);
	}
}

/* The prompt fed input; its questions land in output. */
static int
ask(const char *input, char *output, size_t len, struct predict *p)
{
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	FILE *out = fmemopen(output, len - 1, "w");
	struct sim_config c;
	int rc;

	sim_config_defaults(&c);
	rc = predict_ask(in, out, &c, p);
	fclose(out);
	fclose(in);
	return rc;
}

Test(predict, prompt_asks_again_and_skips)
{
	char output[4096] = "";
	struct predict p;

	cr_assert(eq(int, ask("soon\n12h\n\n", output, sizeof(output), &p), 0));
	cr_assert(p.sync_set);
	cr_assert(eq(i64, p.sync, SIM_SECONDS(43200)));
	cr_assert(not(p.async_set));
	cr_assert(strstr(output, "\"soon\" is not a duration") != NULL, "%s", output);
	cr_assert(strstr(output, "24 boards x 30 moves, master 5s, opponents 55s") != NULL);
}

Test(predict, prompt_stops_at_end_of_input)
{
	char output[4096] = "";
	struct predict p;

	cr_assert(eq(int, ask("1h\n", output, sizeof(output), &p), -1));
	cr_assert(p.sync_set);
}

Test(predict, comparison_beside_model_and_measurement)
{
	struct sim_stats st[2] = { { .policy = SIM_SYNC, .total = SIM_SECONDS(43200),
				     .model_total = SIM_SECONDS(43200) },
				   { .policy = SIM_READY, .total = SIM_SECONDS(3655),
				     .model_total = SIM_SECONDS(3655) } };
	struct predict p = { true, true, SIM_SECONDS(43200), SIM_SECONDS(2700) };
	char output[4096] = "";
	FILE *out = fmemopen(output, sizeof(output) - 1, "w");

	predict_print(out, &p, st, 2);
	fclose(out);
	cr_assert(strstr(output, "sync           12:00:00   12:00:00   12:00:00   exact\n") != NULL,
		  "%s", output);
	cr_assert(strstr(output, "ready           0:45:00    1:00:55    1:00:55   0:15:55 short "
				 "(-26.1%)\n") != NULL, "%s", output);
}

Test(predict, nothing_without_a_guess)
{
	struct sim_stats st = { .policy = SIM_SYNC, .total = 1 };
	struct predict p = { 0 };
	char output[256] = "";
	FILE *out = fmemopen(output, sizeof(output) - 1, "w");

	predict_print(out, &p, &st, 1);
	fclose(out);
	cr_assert(eq(str, output, ""));
}
