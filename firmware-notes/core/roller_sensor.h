/*
 * roller_sensor.h: the firmware core of the Roller Companion sensor, protocol v1.
 *
 * Everything the reference firmware does that is not a peripheral: the IMU FIFO read and its
 * timestamps, rescaling to the protocol's LSB, frames under the MTU, the dropped-sample count,
 * the configuration and control point, calibration at rest, the status and the battery level.
 * It reaches the hardware only through roller_hw (roller_hw.h). Not thread-safe: call it from
 * one task (the board's loop); BLE callbacks decode with the pure functions below and post.
 *
 *   board loop                         core
 *   ----------                         ----
 *   setup        ------------------->  roller_sensor_init      (bias from flash, probe the IMU)
 *   config write  (callback: roller_sensor_honour_write answers at once; the loop then calls)
 *                 ------------------->  roller_sensor_apply_config
 *   control write (callback: roller_control_decode; the loop then calls)
 *                 ------------------->  roller_sensor_command
 *   connect, MTU, interval, disconnect  roller_sensor_link
 *   IMU interrupt or every 20 ms  ---->  roller_sensor_poll      (FIFO -> frames, timers, status)
 *
 *   FIFO words -> roller_lsm6_record -> roller_clock (t, gap) -> calibration / bias removal
 *              -> roller_phys_to_raw (protocol LSB) -> roller_batch (frames) -> hw notify
 */
#ifndef ROLLER_SENSOR_H
#define ROLLER_SENSOR_H

#include <stdbool.h>
#include <stdint.h>

#include "../codec/roller_frame.h"
#include "roller_batch.h"
#include "roller_calibration.h"
#include "roller_clock.h"
#include "roller_hw.h"
#include "roller_lsm6.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ROLLER_FIRMWARE_MAJOR 0u
#define ROLLER_FIRMWARE_MINOR 2u
#define ROLLER_FIRMWARE_PATCH 0u
#define ROLLER_FIRMWARE_REVISION_STRING "0.2.0"

#define ROLLER_BATTERY_PERIOD_US 60000000u
#define ROLLER_STATUS_DROPPED_PERIOD_US 1000000u /* at most one status notification a second for drops */
#define ROLLER_IDENTIFY_BLINK_US 250000u
#define ROLLER_SETTLE_S_DIVISOR 10u               /* samples discarded after a start: rate / 10 + 1 */
#define ROLLER_BIAS_MAGIC 0x52424931u             /* "RBI1" */
#define ROLLER_BIAS_RECORD_BYTES 16u              /* magic u32 LE, 3 x float32 LE (deg/s) */

/** The link as the board sees it. */
typedef struct roller_link {
  bool connected;
  uint16_t att_payload_bytes; /* MTU - 3 */
  uint16_t interval_units;    /* connection interval in 1.25 ms, 0 if unknown */
} roller_link;

typedef struct roller_sensor {
  const roller_hw *hw;
  roller_config config;        /* as honoured: rate = the chip's ODR */
  roller_lsm6_settings imu;
  bool one_notification_per_event; /* raise samples/frame to ceil(rate x interval) */
  bool imu_present;
  bool imu_running;
  bool streaming;
  bool fifo_overflow_seen;
  bool low_battery;
  roller_link link;
  roller_clock clock;
  roller_batch batch;
  roller_calibration calibration;
  int last_calibration;        /* roller_calibration_outcome of the last run, -1 if none */
  float gyro_bias_dps[3];
  uint16_t discard_remaining;
  bool identifying;
  uint32_t identify_until_us;
  uint32_t last_battery_us;
  uint8_t battery_percent;
  roller_status published;
  bool status_published_once;
  uint32_t last_status_us;
} roller_sensor;

/** The configuration this firmware honours for a valid request: the rate becomes a chip ODR. */
roller_config roller_sensor_honour(const roller_config *requested);
/**
 * A configuration write: decodes it (the codec's errors for an ATT error reply) and gives the
 * configuration that will be honoured, to answer with at once. Pure: pass it to
 * roller_sensor_apply_config from the loop.
 */
roller_result roller_sensor_honour_write(const uint8_t *bytes, size_t length, roller_config *honoured);

void roller_sensor_init(roller_sensor *s, const roller_hw *hw);
void roller_sensor_apply_config(roller_sensor *s, const roller_config *honoured);
/** A decoded control point command (start, stop, identify, calibrate). */
void roller_sensor_command(roller_sensor *s, const roller_control *command);
/** Connection, MTU or interval changed (call with the current values; unchanged calls are cheap). */
void roller_sensor_link_changed(roller_sensor *s, const roller_link *link);
/** The loop's step: reads the FIFO, ends a due calibration, blinks, reads the battery, publishes the status. */
void roller_sensor_poll(roller_sensor *s);
/** The status as it would be published now. */
roller_status roller_sensor_status(const roller_sensor *s);

#ifdef __cplusplus
}
#endif

#endif
