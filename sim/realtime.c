/* Both clocks are POSIX; neither can fail with a valid clock id. */
#include "sim/realtime.h"

#include <time.h>

static double
realtime_read(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double
realtime_monotonic(void)
{
	return realtime_read(CLOCK_MONOTONIC);
}

double
realtime_thread_cpu(void)
{
	return realtime_read(CLOCK_THREAD_CPUTIME_ID);
}
