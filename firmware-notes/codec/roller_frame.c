/*
 * roller_frame.c: portable C99 codec for the Roller Companion sensor protocol v1.
 * Byte tables and the check order of every decoder are in roller_frame.h.
 */
#include "roller_frame.h"

/* ---- Little-endian byte packing (no struct casts, no alignment assumptions) ----------- */

static void put_u16le(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t)(v & 0xffu);
  p[1] = (uint8_t)((v >> 8) & 0xffu);
}

static void put_u32le(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v & 0xffu);
  p[1] = (uint8_t)((v >> 8) & 0xffu);
  p[2] = (uint8_t)((v >> 16) & 0xffu);
  p[3] = (uint8_t)((v >> 24) & 0xffu);
}

static void put_i16le(uint8_t *p, int16_t v) {
  /* int16 -> uint16 conversion is defined (modulo 2^16) and gives two's complement bits. */
  put_u16le(p, (uint16_t)v);
}

static uint16_t get_u16le(const uint8_t *p) {
  return (uint16_t)((uint16_t)p[0] | (uint16_t)((uint16_t)p[1] << 8));
}

static uint32_t get_u32le(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static int16_t get_i16le(const uint8_t *p) {
  /* Two's complement by arithmetic, so no implementation-defined uint16 -> int16 cast. */
  int32_t u = (int32_t)get_u16le(p);
  return (int16_t)(u >= 0x8000 ? u - 0x10000 : u);
}

/* ---- GATT profile --------------------------------------------------------------------- */

void roller_uuid128_le(roller_uuid_id id, uint8_t out[16]) {
  static const uint8_t base[16] = ROLLER_UUID128_LE_INIT(0);
  size_t i;
  if (out == NULL) return;
  for (i = 0; i < 16u; i++) out[i] = base[i];
  out[12] = (uint8_t)((unsigned)id & 0xffu);
  out[13] = (uint8_t)(((unsigned)id >> 8) & 0xffu);
}

/* ---- Results -------------------------------------------------------------------------- */

const char *roller_result_name(int result) {
  if (result >= 0) return "ok";
  switch (result) {
    case ROLLER_ERR_TRUNCATED: return "truncated";
    case ROLLER_ERR_BAD_VERSION: return "bad-version";
    case ROLLER_ERR_BAD_COUNT: return "bad-count";
    case ROLLER_ERR_LENGTH_MISMATCH: return "length-mismatch";
    case ROLLER_ERR_BAD_VALUE: return "bad-value";
    case ROLLER_ERR_EMPTY: return "empty";
    case ROLLER_ERR_UNKNOWN_OPCODE: return "unknown-opcode";
    case ROLLER_ERR_BAD_LENGTH: return "bad-length";
    case ROLLER_ERR_BUFFER_TOO_SMALL: return "buffer-too-small";
    case ROLLER_ERR_NULL_ARGUMENT: return "null-argument";
    default: return "unknown";
  }
}

/* ---- IMU frame ------------------------------------------------------------------------ */

#define OFFSET_VERSION 0u
#define OFFSET_COUNT 1u
#define OFFSET_SEQUENCE 2u
#define OFFSET_T0_US 4u

int roller_frame_encode(const roller_frame_header *header, const roller_raw_sample *samples,
                        uint8_t *out, size_t out_size) {
  size_t i, needed;
  uint8_t *p;
  if (header == NULL || samples == NULL || out == NULL) return ROLLER_ERR_NULL_ARGUMENT;
  if (header->count < 1u || header->count > ROLLER_MAX_SAMPLES_PER_FRAME) return ROLLER_ERR_BAD_COUNT;
  needed = ROLLER_FRAME_BYTES((size_t)header->count);
  if (out_size < needed) return ROLLER_ERR_BUFFER_TOO_SMALL;

  out[OFFSET_VERSION] = (uint8_t)ROLLER_FRAME_VERSION;
  out[OFFSET_COUNT] = header->count;
  put_u16le(out + OFFSET_SEQUENCE, header->sequence);
  put_u32le(out + OFFSET_T0_US, header->t0_us);
  p = out + ROLLER_FRAME_HEADER_BYTES;
  for (i = 0; i < header->count; i++, p += ROLLER_SAMPLE_BYTES) {
    put_i16le(p + 0, samples[i].ax);
    put_i16le(p + 2, samples[i].ay);
    put_i16le(p + 4, samples[i].az);
    put_i16le(p + 6, samples[i].gx);
    put_i16le(p + 8, samples[i].gy);
    put_i16le(p + 10, samples[i].gz);
  }
  return (int)needed;
}

roller_result roller_frame_decode(const uint8_t *bytes, size_t length, roller_frame_header *header,
                                  roller_raw_sample *samples, size_t samples_capacity) {
  uint8_t count;
  size_t i, expected;
  const uint8_t *p;
  if (bytes == NULL && length > 0u) return ROLLER_ERR_NULL_ARGUMENT;
  /* Same order as decodeFrame in sensor-protocol/frame/frame-codec.ts. */
  if (length < ROLLER_FRAME_HEADER_BYTES) return ROLLER_ERR_TRUNCATED;
  if (bytes[OFFSET_VERSION] != ROLLER_FRAME_VERSION) return ROLLER_ERR_BAD_VERSION;
  count = bytes[OFFSET_COUNT];
  if (count < 1u || count > ROLLER_MAX_SAMPLES_PER_FRAME) return ROLLER_ERR_BAD_COUNT;
  expected = ROLLER_FRAME_BYTES((size_t)count);
  if (length < expected) return ROLLER_ERR_TRUNCATED;
  if (length > expected) return ROLLER_ERR_LENGTH_MISMATCH;
  if (samples != NULL && samples_capacity < count) return ROLLER_ERR_BUFFER_TOO_SMALL;

  if (header != NULL) {
    header->count = count;
    header->sequence = get_u16le(bytes + OFFSET_SEQUENCE);
    header->t0_us = get_u32le(bytes + OFFSET_T0_US);
  }
  if (samples != NULL) {
    p = bytes + ROLLER_FRAME_HEADER_BYTES;
    for (i = 0; i < count; i++, p += ROLLER_SAMPLE_BYTES) {
      samples[i].ax = get_i16le(p + 0);
      samples[i].ay = get_i16le(p + 2);
      samples[i].az = get_i16le(p + 4);
      samples[i].gx = get_i16le(p + 6);
      samples[i].gy = get_i16le(p + 8);
      samples[i].gz = get_i16le(p + 10);
    }
  }
  return ROLLER_OK;
}

size_t roller_samples_per_frame_for(size_t att_payload_bytes) {
  size_t fit;
  if (att_payload_bytes < ROLLER_FRAME_HEADER_BYTES) return 0u;
  fit = (att_payload_bytes - ROLLER_FRAME_HEADER_BYTES) / ROLLER_SAMPLE_BYTES;
  return fit > ROLLER_MAX_SAMPLES_PER_FRAME ? (size_t)ROLLER_MAX_SAMPLES_PER_FRAME : fit;
}

/* ---- Physical units ------------------------------------------------------------------- */

int16_t roller_phys_to_raw(float value, float range) {
  float scaled;
  int32_t r;
  if (!(range > 0.0f)) return 0; /* also false for a NaN range */
  scaled = (value / range) * ROLLER_INT16_FULL_SCALE;
  if (scaled != scaled) return 0; /* NaN */
  /* Clamp first: Math.round(x) >= 32768 exactly when x >= 32767.5, and <= -32768 when x <= -32768.5. */
  if (scaled >= 32767.5f) return 32767;
  if (scaled <= -32768.5f) return -32768;
  /* floor(scaled), then round half up: the JavaScript Math.round rule. |scaled| < 2^16, so the
   * int32 conversion is exact and scaled - floor is exactly representable in float. */
  r = (int32_t)scaled; /* truncates toward zero */
  if ((float)r > scaled) r -= 1;
  if (scaled - (float)r >= 0.5f) r += 1;
  return (int16_t)r;
}

float roller_raw_to_phys(int16_t raw, float range) {
  /* range / 32768 is a power of two times 1 or 125 for every protocol range, so this is exact. */
  return (float)raw * (range / ROLLER_INT16_FULL_SCALE);
}

int16_t roller_rescale_raw(int32_t chip_raw, float chip_units_per_lsb, float range) {
  return roller_phys_to_raw((float)chip_raw * chip_units_per_lsb, range);
}

/* ---- Sensor configuration ------------------------------------------------------------- */

const roller_config ROLLER_DEFAULT_CONFIG = ROLLER_DEFAULT_CONFIG_INIT;

static bool accel_range_allowed(unsigned g) {
  return g == 2u || g == 4u || g == 8u || g == 16u;
}

static bool gyro_range_allowed(unsigned dps) {
  return dps == 125u || dps == 250u || dps == 500u || dps == 1000u || dps == 2000u;
}

roller_result roller_config_validate(const roller_config *config) {
  if (config == NULL) return ROLLER_ERR_NULL_ARGUMENT;
  if (config->sample_rate_hz < ROLLER_MIN_SAMPLE_RATE_HZ || config->sample_rate_hz > ROLLER_MAX_SAMPLE_RATE_HZ) {
    return ROLLER_ERR_BAD_VALUE;
  }
  if (!accel_range_allowed(config->accel_range_g)) return ROLLER_ERR_BAD_VALUE;
  if (!gyro_range_allowed(config->gyro_range_dps)) return ROLLER_ERR_BAD_VALUE;
  if (config->samples_per_frame < 1u || config->samples_per_frame > ROLLER_MAX_SAMPLES_PER_FRAME) {
    return ROLLER_ERR_BAD_VALUE;
  }
  return ROLLER_OK;
}

int roller_config_encode(const roller_config *config, uint8_t *out, size_t out_size) {
  roller_result valid;
  if (config == NULL || out == NULL) return ROLLER_ERR_NULL_ARGUMENT;
  valid = roller_config_validate(config);
  if (valid != ROLLER_OK) return valid;
  if (out_size < ROLLER_CONFIG_BYTES) return ROLLER_ERR_BUFFER_TOO_SMALL;
  out[0] = (uint8_t)ROLLER_CONFIG_VERSION;
  put_u16le(out + 1, config->sample_rate_hz);
  out[3] = config->accel_range_g;
  put_u16le(out + 4, config->gyro_range_dps);
  out[6] = config->samples_per_frame;
  return (int)ROLLER_CONFIG_BYTES;
}

roller_result roller_config_decode(const uint8_t *bytes, size_t length, roller_config *config) {
  roller_config candidate;
  roller_result valid;
  if ((bytes == NULL && length > 0u) || config == NULL) return ROLLER_ERR_NULL_ARGUMENT;
  if (length < ROLLER_CONFIG_BYTES) return ROLLER_ERR_TRUNCATED;
  if (bytes[0] != ROLLER_CONFIG_VERSION) return ROLLER_ERR_BAD_VERSION;
  candidate.sample_rate_hz = get_u16le(bytes + 1);
  candidate.accel_range_g = bytes[3];
  candidate.gyro_range_dps = get_u16le(bytes + 4);
  candidate.samples_per_frame = bytes[6];
  valid = roller_config_validate(&candidate);
  if (valid != ROLLER_OK) return valid;
  *config = candidate;
  return ROLLER_OK;
}

/* ---- Status --------------------------------------------------------------------------- */

const char *roller_state_name(uint8_t state) {
  switch (state) {
    case ROLLER_STATE_IDLE: return "idle";
    case ROLLER_STATE_STREAMING: return "streaming";
    case ROLLER_STATE_CALIBRATING: return "calibrating";
    case ROLLER_STATE_ERROR: return "error";
    default: return NULL;
  }
}

const char *roller_sensor_error_name(uint8_t error) {
  switch (error) {
    case ROLLER_SENSOR_ERROR_NONE: return "none";
    case ROLLER_SENSOR_ERROR_IMU_NOT_FOUND: return "imu-not-found";
    case ROLLER_SENSOR_ERROR_FIFO_OVERFLOW: return "fifo-overflow";
    case ROLLER_SENSOR_ERROR_LOW_BATTERY: return "low-battery";
    default: return NULL;
  }
}

int roller_status_encode(const roller_status *status, uint8_t *out, size_t out_size) {
  if (status == NULL || out == NULL) return ROLLER_ERR_NULL_ARGUMENT;
  if (roller_state_name(status->state) == NULL || roller_sensor_error_name(status->error) == NULL) {
    return ROLLER_ERR_BAD_VALUE;
  }
  if (out_size < ROLLER_STATUS_BYTES) return ROLLER_ERR_BUFFER_TOO_SMALL;
  out[0] = status->state;
  out[1] = status->error;
  out[2] = status->firmware_major;
  out[3] = status->firmware_minor;
  out[4] = status->firmware_patch;
  put_u32le(out + 5, status->dropped_samples);
  return (int)ROLLER_STATUS_BYTES;
}

roller_result roller_status_decode(const uint8_t *bytes, size_t length, roller_status *status) {
  if ((bytes == NULL && length > 0u) || status == NULL) return ROLLER_ERR_NULL_ARGUMENT;
  if (length < ROLLER_STATUS_BYTES) return ROLLER_ERR_TRUNCATED;
  if (roller_state_name(bytes[0]) == NULL) return ROLLER_ERR_BAD_VALUE;
  if (roller_sensor_error_name(bytes[1]) == NULL) return ROLLER_ERR_BAD_VALUE;
  status->state = bytes[0];
  status->error = bytes[1];
  status->firmware_major = bytes[2];
  status->firmware_minor = bytes[3];
  status->firmware_patch = bytes[4];
  status->dropped_samples = get_u32le(bytes + 5);
  return ROLLER_OK;
}

/* ---- Control point -------------------------------------------------------------------- */

static size_t control_length(uint8_t opcode) {
  switch (opcode) {
    case ROLLER_OPCODE_START_STREAMING:
    case ROLLER_OPCODE_STOP_STREAMING:
    case ROLLER_OPCODE_CALIBRATE_AT_REST: return 1u;
    case ROLLER_OPCODE_IDENTIFY: return 2u;
    default: return 0u; /* unknown opcode */
  }
}

static bool identify_duration_allowed(uint8_t seconds) {
  return seconds >= 1u && seconds <= ROLLER_IDENTIFY_MAX_S;
}

int roller_control_encode(const roller_control *control, uint8_t *out, size_t out_size) {
  size_t n;
  if (control == NULL || out == NULL) return ROLLER_ERR_NULL_ARGUMENT;
  n = control_length(control->opcode);
  if (n == 0u) return ROLLER_ERR_UNKNOWN_OPCODE;
  if (control->opcode == ROLLER_OPCODE_IDENTIFY && !identify_duration_allowed(control->identify_duration_s)) {
    return ROLLER_ERR_BAD_VALUE;
  }
  if (out_size < n) return ROLLER_ERR_BUFFER_TOO_SMALL;
  out[0] = control->opcode;
  if (n == 2u) out[1] = control->identify_duration_s;
  return (int)n;
}

roller_result roller_control_decode(const uint8_t *bytes, size_t length, roller_control *control) {
  size_t n;
  if ((bytes == NULL && length > 0u) || control == NULL) return ROLLER_ERR_NULL_ARGUMENT;
  /* Same order as decodeControlCommand in sensor-protocol/gatt/control-point.ts. */
  if (length == 0u) return ROLLER_ERR_EMPTY;
  n = control_length(bytes[0]);
  if (n == 0u) return ROLLER_ERR_UNKNOWN_OPCODE;
  if (length != n) return ROLLER_ERR_BAD_LENGTH;
  if (bytes[0] == ROLLER_OPCODE_IDENTIFY && !identify_duration_allowed(bytes[1])) return ROLLER_ERR_BAD_VALUE;
  control->opcode = bytes[0];
  control->identify_duration_s = n == 2u ? bytes[1] : 0u;
  return ROLLER_OK;
}
