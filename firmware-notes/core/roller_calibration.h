/*
 * roller_calibration.h: gyro bias from a rest period (control point 04, "calibrate at rest").
 *
 * Samples are collected for ROLLER_CALIBRATION_US; the bias (mean gyro per axis, deg/s) is
 * accepted only when the sensor lay still: at least one second of samples, every axis' gyro
 * spread (max - min) within ROLLER_CALIBRATION_MAX_GYRO_SPREAD_DPS and the accelerometer's
 * magnitude within ROLLER_CALIBRATION_MAX_ACCEL_ERROR_G of 1 g, and every axis' mean within
 * ROLLER_CALIBRATION_MAX_BIAS_DPS (a steady turn has no spread). Otherwise the previous bias stays.
 */
#ifndef ROLLER_CALIBRATION_H
#define ROLLER_CALIBRATION_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ROLLER_CALIBRATION_US 2000000u
#define ROLLER_CALIBRATION_MAX_GYRO_SPREAD_DPS 3.0f
#define ROLLER_CALIBRATION_MAX_ACCEL_ERROR_G 0.1f
/** Above the zero-rate levels of consumer gyros (0.5 .. 20 deg/s): a steady turn, not a bias. */
#define ROLLER_CALIBRATION_MAX_BIAS_DPS 25.0f

typedef enum roller_calibration_outcome {
  ROLLER_CALIBRATION_ACCEPTED = 0,
  ROLLER_CALIBRATION_TOO_FEW_SAMPLES = 1,
  ROLLER_CALIBRATION_MOVED = 2,        /* gyro spread too large */
  ROLLER_CALIBRATION_NOT_LEVEL_G = 3   /* accelerometer magnitude not 1 g: shaken or falling */
} roller_calibration_outcome;

typedef struct roller_calibration {
  bool active;
  uint32_t started_us;
  uint32_t count;
  float sum[3];
  float lo[3];
  float hi[3];
  float accel_error_max_g;
} roller_calibration;

void roller_calibration_begin(roller_calibration *c, uint32_t now_us);
void roller_calibration_sample(roller_calibration *c, const float gyro_dps[3], const float accel_g[3]);
/** True once the collection time has passed since begin. */
bool roller_calibration_due(const roller_calibration *c, uint32_t now_us);
/** Ends the collection; on ACCEPTED, bias_dps holds the new bias. */
roller_calibration_outcome roller_calibration_finish(roller_calibration *c, uint16_t rate_hz, float bias_dps[3]);

#ifdef __cplusplus
}
#endif

#endif
