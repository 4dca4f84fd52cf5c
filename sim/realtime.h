/*
 * Real time, for measuring only: how long a run, a frame or a search took,
 * how late a timer fired. Model code never calls these; simulated time is
 * exact and comes from the clocks in sim.h.
 */
#ifndef SIMUL_SIM_REALTIME_H
#define SIMUL_SIM_REALTIME_H

/* Seconds on the monotonic clock (an arbitrary origin: take differences). */
double realtime_monotonic(void);
/* Seconds of CPU this thread has used. */
double realtime_thread_cpu(void);

#endif
