/* calibration_test.c: gyro bias at rest (core/roller_calibration.h). */
#include <string.h>

#include "../core/roller_calibration.h"
#include "roller_check.h"

static roller_calibration_outcome run(float spread, float g, unsigned n, float bias[3]) {
  roller_calibration k;
  unsigned i;
  roller_calibration_begin(&k, 0);
  for (i = 0; i < n; i++) {
    float s = (i % 2u) ? spread / 2 : -spread / 2;
    float gyro[3] = {0.5f + s, -1.25f, 2.0f}, accel[3] = {0, 0, g};
    roller_calibration_sample(&k, gyro, accel);
  }
  return roller_calibration_finish(&k, 104, bias);
}

static void outcomes(void) {
  roller_check c;
  float bias[3] = {9, 9, 9};
  roller_calibration k;
  memset(&c, 0, sizeof c);
  CHECK(&c, run(0.2f, 1.0f, 208, bias) == ROLLER_CALIBRATION_ACCEPTED, "still: accepted");
  CHECK(&c, bias[0] > 0.49f && bias[0] < 0.51f && bias[1] == -1.25f && bias[2] == 2.0f, "bias %f %f %f", (double)bias[0], (double)bias[1], (double)bias[2]);
  CHECK(&c, run(5.0f, 1.0f, 208, bias) == ROLLER_CALIBRATION_MOVED, "gyro spread 5 dps: moved");
  {
    roller_calibration t;
    float turning[3] = {50.0f, 0, 0}, up[3] = {0, 0, 1.0f};
    unsigned i;
    roller_calibration_begin(&t, 0);
    for (i = 0; i < 208; i++) roller_calibration_sample(&t, turning, up);
    CHECK(&c, roller_calibration_finish(&t, 104, bias) == ROLLER_CALIBRATION_MOVED, "a steady 50 dps turn taken as a bias");
  }
  CHECK(&c, run(0.2f, 1.3f, 208, bias) == ROLLER_CALIBRATION_NOT_LEVEL_G, "1.3 g: refused");
  CHECK(&c, run(0.2f, 1.0f, 50, bias) == ROLLER_CALIBRATION_TOO_FEW_SAMPLES, "0.5 s of samples: too few");
  roller_calibration_begin(&k, 0xFFFFFF00u);
  CHECK(&c, !roller_calibration_due(&k, 0xFFFFFF00u + 1999999u), "not due before 2 s");
  CHECK(&c, roller_calibration_due(&k, 0xFFFFFF00u + 2000000u), "due at 2 s, across the MCU clock's wrap");
  roller_test_report("calibration accepts a still sensor only", &c);
}

void calibration_suite(void) { outcomes(); }
