/*
 * JSON strings for ui/report.c and ui/bench_export.c. Our texts are
 * ASCII or UTF-8; bytes from 0x80 up pass through, as JSON allows.
 */
#include "ui/json.h"

void
json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}
