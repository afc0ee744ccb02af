/*
 * test_board.h: roller_hw on the test doubles — the chip model (../doubles/lsm6_model.h), the
 * link model (../doubles/link_model.h), a settable clock, a flash store, an LED and a battery
 * ADC — plus the frames the link delivered, decoded back into timed samples.
 */
#ifndef TEST_BOARD_H
#define TEST_BOARD_H

#include "../core/roller_sensor.h"
#include "../doubles/link_model.h"
#include "../doubles/lsm6_model.h"

#define TEST_BOARD_MAX_SAMPLES 12800u

/** Motion fed to the chip: constant specific force and rate, plus an optional rate about X. */
typedef struct test_motion {
  float accel_g[3];
  float gyro_dps[3];
} test_motion;

typedef struct test_sample {
  uint32_t t_us;     /* t0 + i * 1e6 / rate, as the app computes it */
  uint16_t sequence;
  roller_raw_sample raw;
} test_sample;

typedef struct test_board {
  lsm6_model chip;
  link_model link;
  test_motion motion;
  double now_s;
  uint32_t mcu_offset_us; /* the MCU clock reads now_s * 1e6 + offset (tests its wrap) */
  uint8_t store[ROLLER_BIAS_RECORD_BYTES];
  bool stored;
  unsigned store_writes;
  bool led;
  unsigned led_changes;
  uint16_t battery_counts;
  uint8_t config_value[ROLLER_CONFIG_BYTES];
  uint8_t status_value[ROLLER_STATUS_BYTES];
  unsigned status_updates;
  uint8_t battery_value;
  roller_hw hw;
  roller_sensor sensor;
  uint16_t rate_hz_for_decode; /* the read-back rate the "app" decodes with */
  test_sample samples[TEST_BOARD_MAX_SAMPLES];
  unsigned n_samples;
  unsigned long frames, bad_frames;
} test_board;

/** Chip, link (15 ms, ATT payload 244), battery at 3.9 V; the core is initialised on it. */
void test_board_init(test_board *b);
/** Connects the link (as the board would report it) with this interval and payload. */
void test_board_connect(test_board *b, double interval_s, uint16_t att_payload_bytes);
void test_board_disconnect(test_board *b);
/** Writes configuration bytes as the app would; returns the codec result. */
roller_result test_board_write_config(test_board *b, uint16_t rate_hz, uint8_t accel_g, uint16_t gyro_dps, uint8_t per_frame);
void test_board_command(test_board *b, uint8_t opcode, uint8_t parameter);
/** Runs time forward by `seconds`, polling the core every poll_s (0: never polls). */
void test_board_run(test_board *b, double seconds, double poll_s);
/** The current status, decoded from the characteristic's value. */
roller_status test_board_status(const test_board *b);

#endif
