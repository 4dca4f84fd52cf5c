/*
 * Durations, distributions and presets (sim/dist.c, sim/config.c). Text
 * either parses or is rejected with a reason; a parsed duration lies in
 * [0, DIST_SAMPLE_MAX] and its own text reads back exactly; a parsed
 * distribution's own text reads back to it, and its draws stay in
 * [0, DIST_SAMPLE_MAX] (a uniform one inside its bounds).
 */
#include "tests/fuzz/fuzz.h"

#include "sim/dist.h"
#include "sim/sim.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), err[256] = "", back[DIST_TEXT_MAX];
	struct sim_config c;
	struct dist d, e;
	struct rng r;
	simtime_t t, u;

	if (duration_parse(text, &t, err, sizeof(err)) == 0) {
		fuzz_check(t >= 0 && t <= DIST_SAMPLE_MAX, "duration in range");
		duration_format(t, back, sizeof(back));
		fuzz_check(duration_parse(back, &u, err, sizeof(err)) == 0 && u == t,
			   "duration text reads back exactly");
	} else {
		fuzz_check(err[0] != '\0', "a rejected duration says why");
	}
	err[0] = '\0';
	if (dist_parse(text, &d, err, sizeof(err)) == 0) {
		dist_format(&d, back, sizeof(back));
		fuzz_check(dist_parse(back, &e, err, sizeof(err)) == 0, "distribution text reads back");
		fuzz_check(e.kind == d.kind && e.a == d.a && e.b == d.b, "same distribution back");
		rng_seed(&r, size);
		for (int i = 0; i < 16; i++) {
			t = dist_sample(&d, &r);
			fuzz_check(t >= 0 && t <= DIST_SAMPLE_MAX, "draw in range");
			fuzz_check(d.kind != DIST_UNIFORM || (t >= d.a && t <= d.b),
				   "uniform draw inside its bounds");
		}
	} else {
		fuzz_check(err[0] != '\0', "a rejected distribution says why");
	}
	sim_config_defaults(&c);
	err[0] = '\0';
	if (sim_preset_apply(&c, text, err, sizeof(err)) == 0)
		fuzz_check(sim_config_check(&c, err, sizeof(err)) == 0, "a preset is a valid config");
	else
		fuzz_check(err[0] != '\0', "a rejected preset says why");
	free(text);
	return 0;
}
