/* roller_calibration.c: gyro bias at rest (see the header). */
#include "roller_calibration.h"

#include <math.h>

void roller_calibration_begin(roller_calibration *c, uint32_t now_us) {
  int k;
  c->active = true;
  c->started_us = now_us;
  c->count = 0;
  c->accel_error_max_g = 0.0f;
  for (k = 0; k < 3; k++) c->sum[k] = c->lo[k] = c->hi[k] = 0.0f;
}

void roller_calibration_sample(roller_calibration *c, const float gyro_dps[3], const float accel_g[3]) {
  int k;
  float norm, error;
  if (!c->active) return;
  for (k = 0; k < 3; k++) {
    c->sum[k] += gyro_dps[k];
    if (c->count == 0u || gyro_dps[k] < c->lo[k]) c->lo[k] = gyro_dps[k];
    if (c->count == 0u || gyro_dps[k] > c->hi[k]) c->hi[k] = gyro_dps[k];
  }
  norm = sqrtf(accel_g[0] * accel_g[0] + accel_g[1] * accel_g[1] + accel_g[2] * accel_g[2]);
  error = fabsf(norm - 1.0f);
  if (error > c->accel_error_max_g) c->accel_error_max_g = error;
  c->count++;
}

bool roller_calibration_due(const roller_calibration *c, uint32_t now_us) {
  return c->active && now_us - c->started_us >= ROLLER_CALIBRATION_US;
}

roller_calibration_outcome roller_calibration_finish(roller_calibration *c, uint16_t rate_hz, float bias_dps[3]) {
  int k;
  c->active = false;
  if (c->count == 0u || c->count < (uint32_t)rate_hz) return ROLLER_CALIBRATION_TOO_FEW_SAMPLES;
  for (k = 0; k < 3; k++) {
    if (c->hi[k] - c->lo[k] > ROLLER_CALIBRATION_MAX_GYRO_SPREAD_DPS) return ROLLER_CALIBRATION_MOVED;
  }
  if (c->accel_error_max_g > ROLLER_CALIBRATION_MAX_ACCEL_ERROR_G) return ROLLER_CALIBRATION_NOT_LEVEL_G;
  for (k = 0; k < 3; k++) {
    float mean = c->sum[k] / (float)c->count;
    if (fabsf(mean) > ROLLER_CALIBRATION_MAX_BIAS_DPS) return ROLLER_CALIBRATION_MOVED;
  }
  for (k = 0; k < 3; k++) bias_dps[k] = c->sum[k] / (float)c->count;
  return ROLLER_CALIBRATION_ACCEPTED;
}
