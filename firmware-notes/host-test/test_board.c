/* test_board.c: roller_hw on the chip and link models (see test_board.h). */
#include "test_board.h"

#include "../core/roller_battery.h"

#include <math.h>
#include <string.h>

static test_board *of(void *ctx) { return (test_board *)ctx; }

static bool hw_write(void *ctx, uint8_t reg, uint8_t value) { return lsm6_model_write(&of(ctx)->chip, reg, value); }
static bool hw_read(void *ctx, uint8_t reg, uint8_t *buf, size_t n) { return lsm6_model_read(&of(ctx)->chip, reg, buf, n); }
static uint32_t hw_now(void *ctx) {
  test_board *b = of(ctx);
  return (uint32_t)(unsigned long long)floor(b->now_s * 1e6) + b->mcu_offset_us;
}

static bool hw_notify(void *ctx, roller_channel channel, const uint8_t *bytes, size_t n) {
  test_board *b = of(ctx);
  switch (channel) {
    case ROLLER_CHANNEL_STREAM: return link_model_notify(&b->link, bytes, n);
    case ROLLER_CHANNEL_STATUS:
      if (n == sizeof b->status_value) memcpy(b->status_value, bytes, n);
      b->status_updates++;
      return true;
    case ROLLER_CHANNEL_CONFIG:
      if (n == sizeof b->config_value) memcpy(b->config_value, bytes, n);
      return true;
    case ROLLER_CHANNEL_BATTERY:
      if (n == 1) b->battery_value = bytes[0];
      return true;
    default: return false;
  }
}

static bool hw_load(void *ctx, uint8_t *buf, size_t n) {
  test_board *b = of(ctx);
  if (!b->stored || n != sizeof b->store) return false;
  memcpy(buf, b->store, n);
  return true;
}

static bool hw_save(void *ctx, const uint8_t *buf, size_t n) {
  test_board *b = of(ctx);
  if (n != sizeof b->store) return false;
  memcpy(b->store, buf, n);
  b->stored = true;
  b->store_writes++;
  return true;
}

static void hw_led(void *ctx, bool on) {
  test_board *b = of(ctx);
  if (on != b->led) b->led_changes++;
  b->led = on;
}

static uint16_t hw_battery(void *ctx) { return of(ctx)->battery_counts; }

static void motion(void *ctx, double t_s, float accel_g[3], float gyro_dps[3]) {
  const test_motion *m = &of(ctx)->motion;
  int k;
  (void)t_s;
  for (k = 0; k < 3; k++) {
    accel_g[k] = m->accel_g[k];
    gyro_dps[k] = m->gyro_dps[k];
  }
}

static void deliver(void *ctx, double t_s, const uint8_t *bytes, size_t n) {
  test_board *b = of(ctx);
  roller_frame_header h;
  roller_raw_sample s[ROLLER_MAX_SAMPLES_PER_FRAME];
  unsigned i;
  (void)t_s;
  if (roller_frame_decode(bytes, n, &h, s, ROLLER_MAX_SAMPLES_PER_FRAME) != ROLLER_OK) {
    b->bad_frames++;
    return;
  }
  b->frames++;
  for (i = 0; i < h.count && b->n_samples < TEST_BOARD_MAX_SAMPLES; i++) {
    test_sample *out = &b->samples[b->n_samples++];
    out->t_us = h.t0_us + (uint32_t)((double)i * 1e6 / (double)b->rate_hz_for_decode + 0.5);
    out->sequence = h.sequence;
    out->raw = s[i];
  }
}

void test_board_init(test_board *b) {
  memset(b, 0, sizeof *b);
  lsm6_model_init(&b->chip, motion, b);
  link_model_init(&b->link, 0.015, 244, deliver, b);
  b->link.connected = false;
  b->motion.accel_g[2] = 1.0f;
  b->battery_counts = (uint16_t)(3.9f / ROLLER_BATTERY_DIVIDER / 2.4f * 4096.0f);
  b->hw.ctx = b;
  b->hw.imu_write = hw_write;
  b->hw.imu_read = hw_read;
  b->hw.now_us = hw_now;
  b->hw.notify = hw_notify;
  b->hw.store_load = hw_load;
  b->hw.store_save = hw_save;
  b->hw.set_led = hw_led;
  b->hw.battery_adc = hw_battery;
  b->rate_hz_for_decode = 104;
  roller_sensor_init(&b->sensor, &b->hw);
}

void test_board_connect(test_board *b, double interval_s, uint16_t att_payload_bytes) {
  roller_link link;
  b->link.connected = true;
  b->link.interval_s = interval_s;
  b->link.att_payload_bytes = att_payload_bytes;
  b->link.next_event_s = b->now_s + interval_s;
  link.connected = true;
  link.att_payload_bytes = att_payload_bytes;
  link.interval_units = (uint16_t)(interval_s / 0.00125 + 0.5);
  roller_sensor_link_changed(&b->sensor, &link);
}

void test_board_disconnect(test_board *b) {
  roller_link link;
  link_model_disconnect(&b->link);
  link.connected = false;
  link.att_payload_bytes = (uint16_t)ROLLER_DEFAULT_ATT_PAYLOAD_BYTES;
  link.interval_units = 0;
  roller_sensor_link_changed(&b->sensor, &link);
}

roller_result test_board_write_config(test_board *b, uint16_t rate_hz, uint8_t accel_g, uint16_t gyro_dps, uint8_t per_frame) {
  roller_config want, honoured;
  uint8_t bytes[ROLLER_CONFIG_BYTES];
  roller_result r;
  want.sample_rate_hz = rate_hz;
  want.accel_range_g = accel_g;
  want.gyro_range_dps = gyro_dps;
  want.samples_per_frame = per_frame;
  if (roller_config_encode(&want, bytes, sizeof bytes) < 0) return ROLLER_ERR_BAD_VALUE;
  r = roller_sensor_honour_write(bytes, sizeof bytes, &honoured);
  if (r != ROLLER_OK) return r;
  roller_sensor_apply_config(&b->sensor, &honoured);
  b->rate_hz_for_decode = honoured.sample_rate_hz; /* the app decodes with the read-back */
  return ROLLER_OK;
}

void test_board_command(test_board *b, uint8_t opcode, uint8_t parameter) {
  roller_control c;
  c.opcode = opcode;
  c.identify_duration_s = parameter;
  roller_sensor_command(&b->sensor, &c);
}

void test_board_run(test_board *b, double seconds, double poll_s) {
  double end = b->now_s + seconds, step = poll_s > 0.0 ? poll_s : seconds;
  while (b->now_s < end - 1e-12) {
    double next = b->now_s + step;
    if (next > end) next = end;
    b->now_s = next;
    lsm6_model_advance(&b->chip, next);
    if (poll_s > 0.0) roller_sensor_poll(&b->sensor);
    link_model_advance(&b->link, next);
  }
}

roller_status test_board_status(const test_board *b) {
  roller_status s;
  memset(&s, 0, sizeof s);
  (void)roller_status_decode(b->status_value, sizeof b->status_value, &s);
  return s;
}
