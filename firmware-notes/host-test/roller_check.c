/* roller_test.c: counters and report lines of the C tests (see roller_check.h). */
#include "roller_check.h"

#include <stdarg.h>

static int passed_count, failed_count;

void roller_check_fail(roller_check *c, const char *fmt, ...) {
  va_list args;
  if (c->failures == 0) {
    va_start(args, fmt);
    vsnprintf(c->first, sizeof c->first, fmt, args);
    va_end(args);
  }
  c->failures++;
}

int roller_test_report(const char *name, const roller_check *c) {
  if (c->failures == 0) {
    printf("ok   %s\n", name);
    passed_count++;
    return 0;
  }
  printf("FAIL %s: %s", name, c->first);
  if (c->failures > 1) printf(" (and %d more)", c->failures - 1);
  printf("\n");
  failed_count++;
  return 1;
}

int roller_test_failed_count(void) { return failed_count; }

int roller_test_summary(void) {
  printf("%d passed, %d failed\n", passed_count, failed_count);
  return failed_count == 0 && passed_count > 0 ? 0 : 1;
}

void roller_run_all(FILE *vectors, const char *source) {
  roller_frame_vectors_suite(vectors, source);
  lsm6_suite();
  lsm6_model_suite();
  clock_suite();
  batch_suite();
  calibration_suite();
  battery_suite();
  sensor_suite();
}
