/*
 * sensor_test.c: the firmware core on the chip and link models (core/roller_sensor.h):
 * the stream a central receives, losses, configuration, control point, calibration, status.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/roller_sensor.h"
#include "roller_check.h"
#include "test_board.h"

static test_board board; /* large: static, not on the stack */

static double absd(double x) { return x < 0 ? -x : x; }

/** Checks the delivered samples from index `from`: times one period apart (within a tick). */
static unsigned count_gaps(const test_board *b, unsigned from, double period_us, unsigned *missing) {
  unsigned i, gaps = 0;
  *missing = 0;
  for (i = from + 1; i < b->n_samples; i++) {
    double step = (double)(uint32_t)(b->samples[i].t_us - b->samples[i - 1].t_us);
    if (step > 1.5 * period_us) {
      gaps++;
      *missing += (unsigned)(step / period_us + 0.5) - 1u;
    }
  }
  return gaps;
}

static void boot(void) {
  roller_check c;
  static const uint8_t config_104[7] = {0x01, 0x68, 0x00, 0x04, 0xF4, 0x01, 0x01};
  static const uint8_t status_idle[9] = {0x00, 0x00, ROLLER_FIRMWARE_MAJOR, ROLLER_FIRMWARE_MINOR, ROLLER_FIRMWARE_PATCH, 0, 0, 0, 0};
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  CHECK(&c, memcmp(board.config_value, config_104, 7) == 0, "config read-back at boot is not 01 68 00 04 F4 01 01");
  CHECK(&c, memcmp(board.status_value, status_idle, 9) == 0, "status at boot is not idle, no error, none dropped");
  CHECK(&c, board.battery_value == 65, "battery at 3.9 V: %u %%", board.battery_value);
  CHECK(&c, board.sensor.imu_present && !board.sensor.imu_running, "IMU found and powered down");
  roller_test_report("sensor boot: config read-back, status and battery as the firmware notes say", &c);
}

static void imu_missing(void) {
  roller_check c;
  roller_status st;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  board.chip.present = false;
  roller_sensor_init(&board.sensor, &board.hw);
  st = test_board_status(&board);
  CHECK(&c, st.state == ROLLER_STATE_ERROR && st.error == ROLLER_SENSOR_ERROR_IMU_NOT_FOUND, "status %u/%u", st.state, st.error);
  test_board_connect(&board, 0.015, 244);
  test_board_command(&board, ROLLER_OPCODE_START_STREAMING, 0);
  test_board_run(&board, 0.5, 0.02);
  CHECK(&c, board.frames == 0 && !board.sensor.streaming, "no stream without an IMU");
  roller_test_report("sensor without an IMU: error imu-not-found, start refused", &c);
}

static void stream(void) {
  roller_check c;
  unsigned missing, i, from;
  double period_us;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  board.motion.gyro_dps[0] = 100.0f; /* rolling at 100 deg/s about X */
  board.motion.accel_g[1] = 0.25f;
  test_board_connect(&board, 0.015, 244);
  CHECK(&c, test_board_write_config(&board, 100, 4, 500, 4) == ROLLER_OK, "config refused");
  test_board_command(&board, ROLLER_OPCODE_START_STREAMING, 0);
  test_board_run(&board, 10.0, 0.02);
  period_us = 1e6 / 104.0;
  CHECK(&c, board.bad_frames == 0, "%lu frames the app would reject", board.bad_frames);
  /* 10 s at 104 Hz, less ~100 ms of settling and the samples still in hand */
  CHECK(&c, board.n_samples > 1020 && board.n_samples <= 1040, "%u samples in 10 s at 104 Hz", board.n_samples);
  CHECK(&c, board.frames * 4 == board.n_samples, "4 samples per frame: %lu frames, %u samples", board.frames, board.n_samples);
  CHECK(&c, count_gaps(&board, 0, period_us, &missing) == 0, "gaps in a clean stream (%u missing)", missing);
  for (i = 1; i < board.n_samples; i++) {
    double step = (double)(uint32_t)(board.samples[i].t_us - board.samples[i - 1].t_us);
    if (absd(step - period_us) > 26.0) {
      CHECK(&c, 0, "sample %u: step %.0f us, expected %.0f within one 25 us tick", i, step, period_us);
      break;
    }
  }
  from = board.n_samples / 2;
  /* 100 dps at +/-500: 6553.6 LSB (chip rounding 5714 x 17.5 mdps = 99.995 dps -> 6553); 0.25 g at 4 g: 2048 */
  CHECK(&c, abs(board.samples[from].raw.gx - 6554) <= 2, "gx %d, expected ~6554", board.samples[from].raw.gx);
  CHECK(&c, abs(board.samples[from].raw.ay - 2048) <= 2 && abs(board.samples[from].raw.az - 8192) <= 3,
        "ay %d az %d", board.samples[from].raw.ay, board.samples[from].raw.az);
  CHECK(&c, board.sensor.batch.dropped == 0, "dropped %lu in a clean stream", (unsigned long)board.sensor.batch.dropped);
  CHECK(&c, test_board_status(&board).state == ROLLER_STATE_STREAMING, "status not streaming");
  roller_test_report("sensor stream: 104 Hz in frames of 4, evenly timed by the chip, values rescaled to the protocol", &c);
}

static void overrun(void) {
  roller_check c;
  unsigned missing, before;
  roller_status st;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  test_board_connect(&board, 0.015, 244);
  board.link.queue_capacity = 16; /* room for the burst of a full FIFO: 227 samples in 12 frames */
  board.link.per_event = 6;
  (void)test_board_write_config(&board, 200, 4, 500, 19);
  test_board_command(&board, ROLLER_OPCODE_START_STREAMING, 0);
  test_board_run(&board, 2.0, 0.02);
  before = board.n_samples;
  test_board_run(&board, 3.0, 0); /* the loop blocked for 3 s: 624 samples into a FIFO of 227 */
  test_board_run(&board, 2.0, 0.02);
  st = test_board_status(&board);
  { unsigned g = count_gaps(&board, before > 0 ? before - 1 : 0, 1e6 / 208.0, &missing); CHECK(&c, g == 1, "%u gaps (%u missing), expected one", g, missing); }
  CHECK(&c, abs((int)missing - (int)board.sensor.batch.dropped) <= 1 && missing > 380 && missing < 420,
        "gap of %u samples, %lu counted as dropped", missing, (unsigned long)board.sensor.batch.dropped);
  CHECK(&c, st.error == ROLLER_SENSOR_ERROR_FIFO_OVERFLOW && st.dropped_samples == board.sensor.batch.dropped,
        "status error %u, dropped %lu", st.error, (unsigned long)st.dropped_samples);
  CHECK(&c, board.bad_frames == 0, "rejected frames after the overrun");
  roller_test_report("sensor FIFO overrun: one gap in the timestamps, every lost sample counted, status fifo-overflow", &c);
}

static void slow_link(void) {
  roller_check c;
  unsigned missing;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  test_board_connect(&board, 0.030, 20); /* default MTU: 1 sample per frame, 30 ms interval */
  board.link.per_event = 2;               /* 66 notifications/s for 208 per second */
  (void)test_board_write_config(&board, 200, 4, 500, 4);
  test_board_command(&board, ROLLER_OPCODE_START_STREAMING, 0);
  test_board_run(&board, 5.0, 0.01);
  CHECK(&c, board.sensor.batch.target == 1, "MTU 23 must cap frames at 1 sample, got %u", board.sensor.batch.target);
  count_gaps(&board, 0, 1e6 / 208.0, &missing);
  CHECK(&c, board.sensor.batch.dropped > 500, "a link slower than the stream drops: %lu", (unsigned long)board.sensor.batch.dropped);
  /* the last refusals are not followed by a delivered sample yet, so no gap shows them */
  CHECK(&c, missing <= board.sensor.batch.dropped && board.sensor.batch.dropped - missing < 16u,
        "gaps show %u missing, firmware counted %lu", missing, (unsigned long)board.sensor.batch.dropped);
  CHECK(&c, board.link.refused == board.sensor.batch.dropped, "refused %lu vs dropped %lu", board.link.refused,
        (unsigned long)board.sensor.batch.dropped);
  roller_test_report("sensor on a slow link: frames capped by the MTU, refused notifications counted", &c);
}

static void disconnect(void) {
  roller_check c;
  roller_status st;
  unsigned n;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  test_board_connect(&board, 0.015, 244);
  (void)test_board_write_config(&board, 100, 4, 500, 3);
  test_board_command(&board, ROLLER_OPCODE_START_STREAMING, 0);
  test_board_run(&board, 1.013, 0.02);
  test_board_disconnect(&board);
  st = test_board_status(&board);
  CHECK(&c, !board.sensor.streaming && !board.sensor.imu_running, "streaming stops and the IMU sleeps");
  CHECK(&c, st.state == ROLLER_STATE_IDLE, "state %u", st.state);
  n = board.n_samples;
  test_board_run(&board, 1.0, 0.02);
  CHECK(&c, board.n_samples == n, "samples after the disconnect");
  test_board_connect(&board, 0.015, 244);
  test_board_command(&board, ROLLER_OPCODE_START_STREAMING, 0);
  test_board_run(&board, 1.0, 0.02);
  CHECK(&c, board.n_samples > n + 80, "stream resumes after reconnecting: %u -> %u", n, board.n_samples);
  CHECK(&c, (uint32_t)(board.samples[n].t_us - board.samples[n - 1].t_us) > 900000u, "time runs on across the gap");
  CHECK(&c, board.samples[n].sequence == (uint16_t)(board.samples[n - 1].sequence + 1u), "sequence continues");
  roller_test_report("sensor disconnect: stream stops, frames in hand counted, resumes with a gap in time", &c);
}

static void config_changes(void) {
  roller_check c;
  roller_config honoured;
  static const uint8_t bad_rate[7] = {0x01, 0x10, 0x00, 0x04, 0xF4, 0x01, 0x01};
  unsigned before, missing;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  test_board_connect(&board, 0.015, 244);
  (void)test_board_write_config(&board, 100, 4, 500, 2);
  test_board_command(&board, ROLLER_OPCODE_START_STREAMING, 0);
  test_board_run(&board, 1.0, 0.02);
  CHECK(&c, roller_sensor_honour_write(bad_rate, 7, &honoured) == ROLLER_ERR_BAD_VALUE, "16 Hz accepted");
  CHECK(&c, roller_sensor_honour_write(bad_rate, 6, &honoured) == ROLLER_ERR_TRUNCATED, "6 bytes accepted");
  before = board.n_samples;
  CHECK(&c, test_board_write_config(&board, 400, 8, 2000, 8) == ROLLER_OK, "400 Hz refused");
  CHECK(&c, board.config_value[1] == 0xA0 && board.config_value[2] == 0x01, "read-back rate %u, expected 416",
        board.config_value[1] | (board.config_value[2] << 8));
  CHECK(&c, board.chip.regs[0x10] == 0x6C && board.chip.regs[0x11] == 0x6C, "chip not at 416 Hz / 8 g / 2000 dps");
  CHECK(&c, board.sensor.batch.count == 0 && board.link.queue_count > 0, "samples at the old rate not sent before the change");
  before = board.n_samples;
  test_board_run(&board, 1.0, 0.01);
  CHECK(&c, board.n_samples > before + 350, "416 Hz stream: %u samples in 1 s", board.n_samples - before);
  CHECK(&c, count_gaps(&board, board.n_samples - 300u, 1e6 / 416.0, &missing) == 0, "gaps at 416 Hz");
  CHECK(&c, board.sensor.batch.dropped == 0, "a configuration change is not a loss: %lu", (unsigned long)board.sensor.batch.dropped);
  CHECK(&c, abs(board.samples[board.n_samples - 1].raw.az - 4096) <= 2, "1 g at 8 g: %d", board.samples[board.n_samples - 1].raw.az);
  roller_test_report("sensor configuration: validated, rate honoured as the chip's ODR (416 Hz), applied while streaming", &c);
}

static void calibration(void) {
  roller_check c;
  roller_status st;
  static test_board second;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  board.motion.gyro_dps[0] = 1.5f; /* a biased gyro at rest */
  board.motion.gyro_dps[2] = -0.7f;
  test_board_connect(&board, 0.015, 244);
  test_board_command(&board, ROLLER_OPCODE_CALIBRATE_AT_REST, 0);
  test_board_run(&board, 0.1, 0.02);
  st = test_board_status(&board);
  CHECK(&c, st.state == ROLLER_STATE_CALIBRATING, "state %u while calibrating", st.state);
  test_board_run(&board, 2.0, 0.02);
  CHECK(&c, board.sensor.last_calibration == ROLLER_CALIBRATION_ACCEPTED, "outcome %d", board.sensor.last_calibration);
  CHECK(&c, absd(board.sensor.gyro_bias_dps[0] - 1.5) < 0.02 && absd(board.sensor.gyro_bias_dps[2] + 0.7) < 0.02,
        "bias %f %f", (double)board.sensor.gyro_bias_dps[0], (double)board.sensor.gyro_bias_dps[2]);
  CHECK(&c, board.store_writes == 1 && !board.sensor.imu_running && board.n_samples == 0, "stored, IMU off, nothing streamed");
  test_board_command(&board, ROLLER_OPCODE_START_STREAMING, 0);
  test_board_run(&board, 1.0, 0.02);
  CHECK(&c, board.n_samples > 0 && abs(board.samples[board.n_samples - 1].raw.gx) <= 2, "bias not removed: gx %d",
        board.n_samples ? board.samples[board.n_samples - 1].raw.gx : 0);
  /* the bias survives a power cycle through the store */
  memcpy(&second, &board, sizeof second);
  second.hw.ctx = &second;
  roller_sensor_init(&second.sensor, &second.hw);
  CHECK(&c, absd(second.sensor.gyro_bias_dps[0] - 1.5) < 0.02, "bias not loaded at boot");
  /* moving during calibration keeps the old bias */
  board.motion.gyro_dps[0] = 50.0f;
  test_board_command(&board, ROLLER_OPCODE_CALIBRATE_AT_REST, 0);
  test_board_run(&board, 2.1, 0.02);
  board.motion.gyro_dps[0] = 1.5f;
  CHECK(&c, board.sensor.last_calibration == ROLLER_CALIBRATION_ACCEPTED || board.store_writes == 1, "store written");
  CHECK(&c, absd(board.sensor.gyro_bias_dps[0] - 1.5) < 0.02, "a calibration while rolling replaced the bias");
  CHECK(&c, board.sensor.streaming && board.sensor.imu_running, "streaming stopped by a calibration");
  roller_test_report("sensor calibration at rest: bias measured, stored, loaded at boot, subtracted; refused when moving", &c);
}

static void moving_calibration_detail(void) {
  roller_check c;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  board.motion.gyro_dps[0] = 30.0f;
  test_board_command(&board, ROLLER_OPCODE_CALIBRATE_AT_REST, 0);
  test_board_run(&board, 0.3, 0.02);
  board.motion.gyro_dps[0] = 0.0f; /* rolled then stopped: the spread is large */
  test_board_run(&board, 2.0, 0.02);
  CHECK(&c, board.sensor.last_calibration == ROLLER_CALIBRATION_MOVED, "outcome %d", board.sensor.last_calibration);
  CHECK(&c, board.store_writes == 0 && board.sensor.gyro_bias_dps[0] == 0.0f, "bias changed");
  CHECK(&c, board.sensor.batch.dropped == 0, "an idle calibration counted drops");
  roller_test_report("sensor calibration while moving: refused, previous bias kept", &c);
}

static void control_and_identify(void) {
  roller_check c;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  test_board_command(&board, ROLLER_OPCODE_IDENTIFY, 2);
  test_board_run(&board, 1.0, 0.02);
  CHECK(&c, board.led_changes >= 3, "LED blinked %u times in 1 s", board.led_changes);
  test_board_run(&board, 1.5, 0.02);
  CHECK(&c, !board.led && !board.sensor.identifying, "LED still on after the identify time");
  test_board_command(&board, ROLLER_OPCODE_STOP_STREAMING, 0);
  CHECK(&c, !board.sensor.imu_running && test_board_status(&board).state == ROLLER_STATE_IDLE, "stop while idle changed the state");
  roller_test_report("sensor control point: identify blinks for its duration, stop while idle is harmless", &c);
}

static void chip_counter_wrap(void) {
  roller_check c;
  unsigned missing;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  board.mcu_offset_us = 0xFFFFFFFFu - 200000000u; /* the MCU clock wraps 200 s in */
  test_board_connect(&board, 0.030, 244);
  (void)test_board_write_config(&board, 25, 4, 500, 4);
  test_board_command(&board, ROLLER_OPCODE_START_STREAMING, 0);
  test_board_run(&board, 450.0, 0.1); /* past the chip counter's 419.43 s wrap */
  CHECK(&c, board.n_samples > 11500, "%u samples in 450 s at 26 Hz", board.n_samples);
  CHECK(&c, count_gaps(&board, 0, 1e6 / 26.0, &missing) == 0, "gaps across the wraps (%u missing)", missing);
  CHECK(&c, board.sensor.batch.dropped == 0 && board.bad_frames == 0, "losses across the wraps");
  roller_test_report("sensor clock across the chip counter's and the MCU clock's wrap: no gap", &c);
}

static void status_rate(void) {
  roller_check c;
  unsigned updates;
  memset(&c, 0, sizeof c);
  test_board_init(&board);
  test_board_connect(&board, 0.030, 20);
  board.link.per_event = 1;
  (void)test_board_write_config(&board, 200, 4, 500, 1);
  test_board_command(&board, ROLLER_OPCODE_START_STREAMING, 0);
  test_board_run(&board, 0.5, 0.01);
  updates = board.status_updates;
  test_board_run(&board, 5.0, 0.01);
  CHECK(&c, board.sensor.batch.dropped > 0, "no drops on a saturated link");
  CHECK(&c, board.status_updates - updates >= 4 && board.status_updates - updates <= 6,
        "%u status updates in 5 s of growing drops, expected one a second", board.status_updates - updates);
  roller_test_report("sensor status: growing drops published at most once a second", &c);
}

void sensor_suite(void) {
  boot();
  imu_missing();
  stream();
  overrun();
  slow_link();
  disconnect();
  config_changes();
  calibration();
  moving_calibration_detail();
  control_and_identify();
  chip_counter_wrap();
  status_rate();
}
