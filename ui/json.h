/*
 * The one piece of JSON writing the report writers share: a string,
 * quoted and escaped. Each writer lays out its own objects with fprintf.
 */
#ifndef SIMUL_UI_JSON_H
#define SIMUL_UI_JSON_H

#include <stdio.h>

/* "s" with quote and backslash escaped and control characters as \u00XX. */
void json_string(FILE *f, const char *s);

#endif
