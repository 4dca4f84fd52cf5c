/*
 * The simulation's random numbers: xoshiro256** seeded through splitmix64,
 * so any 64-bit seed (0 included) gives a good, reproducible stream. Every
 * random draw in sim/ comes from an rng that the caller owns; there is no
 * global state and no rand().
 */
#ifndef SIMUL_SIM_RNG_H
#define SIMUL_SIM_RNG_H

#include <stdint.h>

struct rng {
	uint64_t	s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* Uniform in [0, 1) with 53 random bits. */
double rng_unit(struct rng *r);
/* Uniform in [0, n), without modulo bias; n > 0. */
uint64_t rng_below(struct rng *r, uint64_t n);
/* Derives an independent seed for stream `index` of seed (boards, repeats). */
uint64_t rng_derive(uint64_t seed, uint64_t index);

#endif
