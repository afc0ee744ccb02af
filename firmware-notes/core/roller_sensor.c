/* roller_sensor.c: the firmware core (see the header for the pipeline). */
#include "roller_sensor.h"

#include <string.h>

#include "roller_battery.h"

/* ---- Configuration ---------------------------------------------------------------------- */

roller_config roller_sensor_honour(const roller_config *requested) {
  roller_config c = *requested;
  c.sample_rate_hz = roller_lsm6_nearest_rate_hz(requested->sample_rate_hz);
  return c; /* every protocol range exists on the LSM6DS3TR-C */
}

roller_result roller_sensor_honour_write(const uint8_t *bytes, size_t length, roller_config *honoured) {
  roller_config requested;
  roller_result r = roller_config_decode(bytes, length, &requested);
  if (r != ROLLER_OK) return r;
  *honoured = roller_sensor_honour(&requested);
  return ROLLER_OK;
}

/* ---- Small helpers ---------------------------------------------------------------------- */

static uint32_t now_us(const roller_sensor *s) { return s->hw->now_us(s->hw->ctx); }

static bool send_frame(void *ctx, const uint8_t *bytes, size_t n) {
  roller_sensor *s = (roller_sensor *)ctx;
  /* One frame, one notification: never hand the stack more than fits (it would split it). */
  if (!s->link.connected || n > s->link.att_payload_bytes) return false;
  return s->hw->notify(s->hw->ctx, ROLLER_CHANNEL_STREAM, bytes, n);
}

static void publish_config(roller_sensor *s) {
  uint8_t bytes[ROLLER_CONFIG_BYTES];
  if (roller_config_encode(&s->config, bytes, sizeof bytes) == (int)ROLLER_CONFIG_BYTES) {
    s->hw->notify(s->hw->ctx, ROLLER_CHANNEL_CONFIG, bytes, sizeof bytes);
  }
}

static uint16_t att_payload(const roller_sensor *s) {
  return s->link.connected && s->link.att_payload_bytes >= ROLLER_DEFAULT_ATT_PAYLOAD_BYTES
             ? s->link.att_payload_bytes
             : (uint16_t)ROLLER_DEFAULT_ATT_PAYLOAD_BYTES;
}

static void update_frame_target(roller_sensor *s) {
  uint8_t target = roller_batch_target_for(s->config.samples_per_frame, s->imu.rate_hz, s->link.interval_units,
                                           att_payload(s), s->one_notification_per_event);
  if (target == s->batch.target) return;
  roller_batch_set_target(&s->batch, target);
  if (s->imu_running) roller_lsm6_set_watermark(s->hw, target);
}

/* ---- Bias in flash ---------------------------------------------------------------------- */

static void put_u32le(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
}

static uint32_t get_u32le(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void load_bias(roller_sensor *s) {
  uint8_t b[ROLLER_BIAS_RECORD_BYTES];
  float bias[3];
  int k;
  if (s->hw->store_load == NULL || !s->hw->store_load(s->hw->ctx, b, sizeof b)) return;
  if (get_u32le(b) != ROLLER_BIAS_MAGIC) return;
  for (k = 0; k < 3; k++) {
    uint32_t bits = get_u32le(b + 4 + 4 * k);
    memcpy(&bias[k], &bits, sizeof bits);
    if (!(bias[k] > -100.0f && bias[k] < 100.0f)) return; /* NaN or nonsense: keep 0 */
  }
  memcpy(s->gyro_bias_dps, bias, sizeof bias);
}

static void save_bias(roller_sensor *s) {
  uint8_t b[ROLLER_BIAS_RECORD_BYTES];
  int k;
  put_u32le(b, ROLLER_BIAS_MAGIC);
  for (k = 0; k < 3; k++) {
    uint32_t bits;
    memcpy(&bits, &s->gyro_bias_dps[k], sizeof bits);
    put_u32le(b + 4 + 4 * k, bits);
  }
  if (s->hw->store_save != NULL) s->hw->store_save(s->hw->ctx, b, sizeof b);
}

/* ---- IMU -------------------------------------------------------------------------------- */

static void imu_start(roller_sensor *s) {
  roller_clock_restart(&s->clock, now_us(s)); /* the chip's counter restarts at 0 now */
  roller_batch_flush(&s->batch);              /* a frame never spans a restart */
  roller_lsm6_start(s->hw, &s->imu, s->batch.target);
  s->discard_remaining = (uint16_t)(s->imu.rate_hz / ROLLER_SETTLE_S_DIVISOR + 1u); /* ~100 ms of gyro settling */
  s->imu_running = true;
}

static void imu_stop(roller_sensor *s) {
  roller_lsm6_stop(s->hw);
  s->imu_running = false;
}

static void on_record(roller_sensor *s, const roller_lsm6_record *r) {
  float gyro_dps[3], accel_g[3];
  float accel_range = (float)s->config.accel_range_g, gyro_range = (float)s->config.gyro_range_dps;
  roller_raw_sample out;
  int k;
  roller_clock_step step = roller_clock_sample(&s->clock, r->ticks, 1e6f / (float)s->imu.rate_hz, now_us(s));
  if (s->discard_remaining > 0u) {
    s->discard_remaining--;
    return;
  }
  /* Samples lost in the chip (FIFO overrun) are a gap in its timestamps; they count as dropped
   * only while streaming (a calibration while idle streams nothing). */
  if (s->streaming) roller_batch_gap(&s->batch, step.missing);
  for (k = 0; k < 3; k++) {
    gyro_dps[k] = (float)r->gyro[k] * s->imu.gyro_dps_per_lsb;
    accel_g[k] = (float)r->accel[k] * s->imu.accel_g_per_lsb;
  }
  if (s->calibration.active) roller_calibration_sample(&s->calibration, gyro_dps, accel_g);
  if (!s->streaming) return;
  /* chip LSB -> physical units -> protocol LSB (range / 32768), bias removed */
  out.ax = roller_phys_to_raw(accel_g[0], accel_range);
  out.ay = roller_phys_to_raw(accel_g[1], accel_range);
  out.az = roller_phys_to_raw(accel_g[2], accel_range);
  out.gx = roller_phys_to_raw(gyro_dps[0] - s->gyro_bias_dps[0], gyro_range);
  out.gy = roller_phys_to_raw(gyro_dps[1] - s->gyro_bias_dps[1], gyro_range);
  out.gz = roller_phys_to_raw(gyro_dps[2] - s->gyro_bias_dps[2], gyro_range);
  roller_batch_add(&s->batch, step.t_us, &out);
}

/** Reads every complete sample in the FIFO. */
static void drain_fifo(roller_sensor *s) {
  uint8_t st[4], b[ROLLER_LSM6_FIFO_BYTES_PER_SAMPLE];
  roller_lsm6_fifo_status status;
  roller_lsm6_record record;
  uint16_t words, pattern;
  if (!s->hw->imu_read(s->hw->ctx, ROLLER_LSM6_REG_FIFO_STATUS1, st, sizeof st)) return;
  status = roller_lsm6_fifo_status_decode(st);
  if (status.overrun && s->streaming) s->fifo_overflow_seen = true; /* the lost samples: timestamp gap */
  words = status.unread_words;
  pattern = status.pattern;
  /* After an overrun the oldest word may be anywhere in the pattern: skip to the next gyro X. */
  while (pattern != 0u && pattern < ROLLER_LSM6_FIFO_WORDS_PER_SAMPLE && words > 0u) {
    if (!s->hw->imu_read(s->hw->ctx, ROLLER_LSM6_REG_FIFO_DATA_OUT_L, b, 2)) return;
    words--;
    pattern++;
  }
  /* A burst read of FIFO_DATA_OUT returns consecutive FIFO words (the address rolls back). */
  while (words >= ROLLER_LSM6_FIFO_WORDS_PER_SAMPLE) {
    if (!s->hw->imu_read(s->hw->ctx, ROLLER_LSM6_REG_FIFO_DATA_OUT_L, b, sizeof b)) return;
    words = (uint16_t)(words - ROLLER_LSM6_FIFO_WORDS_PER_SAMPLE);
    record = roller_lsm6_record_decode(b);
    on_record(s, &record);
  }
}

/* ---- Status and battery ----------------------------------------------------------------- */

roller_status roller_sensor_status(const roller_sensor *s) {
  roller_status st;
  if (!s->imu_present) st.state = ROLLER_STATE_ERROR;
  else if (s->calibration.active) st.state = ROLLER_STATE_CALIBRATING;
  else if (s->streaming) st.state = ROLLER_STATE_STREAMING;
  else st.state = ROLLER_STATE_IDLE;
  if (!s->imu_present) st.error = ROLLER_SENSOR_ERROR_IMU_NOT_FOUND;
  else if (s->low_battery) st.error = ROLLER_SENSOR_ERROR_LOW_BATTERY;
  else if (s->fifo_overflow_seen) st.error = ROLLER_SENSOR_ERROR_FIFO_OVERFLOW;
  else st.error = ROLLER_SENSOR_ERROR_NONE;
  st.firmware_major = ROLLER_FIRMWARE_MAJOR;
  st.firmware_minor = ROLLER_FIRMWARE_MINOR;
  st.firmware_patch = ROLLER_FIRMWARE_PATCH;
  st.dropped_samples = s->batch.dropped;
  return st;
}

/** Updates the status value; notifies on a state/error change, at most once a second for drops. */
static void publish_status(roller_sensor *s, bool force) {
  roller_status st = roller_sensor_status(s);
  uint8_t bytes[ROLLER_STATUS_BYTES];
  uint32_t now = now_us(s);
  bool changed = !s->status_published_once || st.state != s->published.state || st.error != s->published.error;
  bool drops = s->status_published_once && st.dropped_samples != s->published.dropped_samples &&
               now - s->last_status_us >= ROLLER_STATUS_DROPPED_PERIOD_US;
  if (!force && !changed && !drops) return;
  if (roller_status_encode(&st, bytes, sizeof bytes) != (int)ROLLER_STATUS_BYTES) return;
  s->hw->notify(s->hw->ctx, ROLLER_CHANNEL_STATUS, bytes, sizeof bytes);
  s->published = st;
  s->status_published_once = true;
  s->last_status_us = now;
}

static void update_battery(roller_sensor *s) {
  float volts;
  if (s->hw->battery_adc == NULL) return;
  volts = roller_battery_volts(s->hw->battery_adc(s->hw->ctx));
  s->low_battery = roller_battery_low(volts, s->low_battery);
  s->battery_percent = roller_battery_percent(volts);
  s->hw->notify(s->hw->ctx, ROLLER_CHANNEL_BATTERY, &s->battery_percent, 1);
  s->last_battery_us = now_us(s);
}

static void update_identify(roller_sensor *s) {
  uint32_t now;
  if (!s->identifying || s->hw->set_led == NULL) return;
  now = now_us(s);
  if ((int32_t)(now - s->identify_until_us) >= 0) {
    s->identifying = false;
    s->hw->set_led(s->hw->ctx, false);
    return;
  }
  s->hw->set_led(s->hw->ctx, ((now / ROLLER_IDENTIFY_BLINK_US) & 1u) != 0u);
}

/* ---- Commands --------------------------------------------------------------------------- */

static void start_streaming(roller_sensor *s) {
  if (!s->imu_present) return;
  s->streaming = true;
  s->fifo_overflow_seen = false;
  update_frame_target(s);
  if (!s->imu_running) imu_start(s);
}

static void stop_streaming(roller_sensor *s) {
  if (s->imu_running && s->streaming) drain_fifo(s); /* samples taken before the stop still go out */
  roller_batch_flush(&s->batch);
  s->streaming = false;
  if (s->imu_running && !s->calibration.active) imu_stop(s);
}

static void begin_calibration(roller_sensor *s) {
  if (!s->imu_present || s->calibration.active) return;
  roller_calibration_begin(&s->calibration, now_us(s));
  if (!s->imu_running) imu_start(s); /* measured, not sent unless streaming */
}

static void finish_calibration_if_due(roller_sensor *s) {
  float bias[3];
  roller_calibration_outcome outcome;
  if (!roller_calibration_due(&s->calibration, now_us(s))) return;
  outcome = roller_calibration_finish(&s->calibration, s->imu.rate_hz, bias);
  s->last_calibration = (int)outcome;
  if (outcome == ROLLER_CALIBRATION_ACCEPTED) {
    memcpy(s->gyro_bias_dps, bias, sizeof bias);
    save_bias(s);
  } /* else keep the previous bias: v1 has no way to report why */
  if (!s->streaming && s->imu_running) imu_stop(s);
}

void roller_sensor_apply_config(roller_sensor *s, const roller_config *honoured) {
  bool restart = s->imu_running;
  if (restart && s->streaming) drain_fifo(s); /* samples at the old settings go out first */
  roller_batch_flush(&s->batch);
  s->config = *honoured;
  s->imu = roller_lsm6_settings_for(&s->config);
  publish_config(s);
  update_frame_target(s);
  if (restart) { /* new ODR and ranges; the sensor clock carries on */
    imu_stop(s);
    imu_start(s);
  }
}

void roller_sensor_command(roller_sensor *s, const roller_control *command) {
  switch (command->opcode) {
    case ROLLER_OPCODE_START_STREAMING: start_streaming(s); break;
    case ROLLER_OPCODE_STOP_STREAMING: stop_streaming(s); break;
    case ROLLER_OPCODE_IDENTIFY:
      s->identifying = true;
      s->identify_until_us = now_us(s) + 1000000u * command->identify_duration_s;
      break;
    case ROLLER_OPCODE_CALIBRATE_AT_REST: begin_calibration(s); break;
    default: break;
  }
  publish_status(s, false);
}

void roller_sensor_link_changed(roller_sensor *s, const roller_link *link) {
  bool was_connected = s->link.connected;
  s->link = *link;
  /* Frames still in hand cannot go out: counted as dropped; the app restarts the stream. */
  if (was_connected && !link->connected) stop_streaming(s);
  update_frame_target(s);
  publish_status(s, !was_connected && link->connected);
}

void roller_sensor_poll(roller_sensor *s) {
  if (s->imu_running) drain_fifo(s);
  finish_calibration_if_due(s);
  update_identify(s);
  if (now_us(s) - s->last_battery_us >= ROLLER_BATTERY_PERIOD_US) update_battery(s);
  publish_status(s, false);
}

void roller_sensor_init(roller_sensor *s, const roller_hw *hw) {
  memset(s, 0, sizeof *s);
  s->hw = hw;
  s->last_calibration = -1;
  roller_clock_init(&s->clock);
  roller_batch_init(&s->batch, send_frame, s);
  s->link.att_payload_bytes = (uint16_t)ROLLER_DEFAULT_ATT_PAYLOAD_BYTES;
  load_bias(s);
  s->config = roller_sensor_honour(&ROLLER_DEFAULT_CONFIG); /* 100 Hz is reported as 104 Hz */
  s->imu = roller_lsm6_settings_for(&s->config);
  s->imu_present = roller_lsm6_probe(hw);
  update_frame_target(s);
  publish_config(s);
  update_battery(s);
  publish_status(s, true);
}
