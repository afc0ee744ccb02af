/*
 * roller_check.h: the tiny test framework of the C tests (codec vectors and core modules),
 * the same on the host and on the Cortex-M4 under QEMU.
 *
 * A test fills a roller_check with CHECK(...) and reports it once: one line per test,
 * "ok   <name>" or "FAIL <name>: <first failure> (and N more)". roller_test_summary() prints
 * the last line, "N passed, M failed", which the harness (run.mjs) reads.
 */
#ifndef ROLLER_CHECK_H
#define ROLLER_CHECK_H

#include <stdio.h>

typedef struct roller_check {
  int failures;
  char first[512];
} roller_check;

void roller_check_fail(roller_check *c, const char *fmt, ...);
#define CHECK(c, cond, ...)                            \
  do {                                                 \
    if (!(cond)) roller_check_fail((c), __VA_ARGS__);  \
  } while (0)

/** Prints the test's line and counts it; returns 1 if it failed. */
int roller_test_report(const char *name, const roller_check *c);
int roller_test_failed_count(void);
/** Prints "N passed, M failed"; returns 0 when nothing failed and something ran. */
int roller_test_summary(void);

/* Suites: each file registers one function that reports its tests. */
void roller_frame_vectors_suite(FILE *vectors, const char *source);
void lsm6_suite(void);
void clock_suite(void);
void batch_suite(void);
void calibration_suite(void);
void battery_suite(void);
void lsm6_model_suite(void);
void sensor_suite(void);

/** Every suite in order; the vectors come from `vectors` (a file or an embedded copy). */
void roller_run_all(FILE *vectors, const char *source);

#endif
