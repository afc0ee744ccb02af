/*
 * roller_frame.h: portable C99 codec for the Roller Companion sensor protocol v1.
 *
 * The same contract as the TypeScript codec in sensor-protocol/ (frame/frame-layout.ts,
 * frame/frame-codec.ts and the gatt/ files) and checked against the same golden vectors
 * (sensor-protocol/vectors/protocol-v1.vectors) by firmware-notes/host-test/.
 *
 * Rules of this module:
 * - No allocation, no I/O, no platform headers: only <stdint.h>, <stddef.h>, <stdbool.h>.
 * - Every multi-byte field is packed byte by byte, little-endian; no struct is ever cast
 *   onto a buffer, so it works on any CPU endianness and any struct padding.
 * - Decoders never write to their outputs unless they return ROLLER_OK.
 * - Decoders check in the same order as the TypeScript ones, so both reject a payload with
 *   the same reason; roller_result_name() gives that reason's TypeScript spelling.
 *
 * ---------------------------------------------------------------------------------------
 * GATT profile (primary service 52430001-8f5e-4b2a-9c3d-1e7f0a6b5c4d, local name "Roller")
 *
 * | characteristic | UUID                                 | properties   | payload          |
 * |----------------|--------------------------------------|--------------|------------------|
 * | IMU stream     | 52430002-8f5e-4b2a-9c3d-1e7f0a6b5c4d | notify       | IMU frame        |
 * | configuration  | 52430003-8f5e-4b2a-9c3d-1e7f0a6b5c4d | read, write  | 7 bytes          |
 * | control point  | 52430004-8f5e-4b2a-9c3d-1e7f0a6b5c4d | write        | 1-2 bytes        |
 * | status         | 52430005-8f5e-4b2a-9c3d-1e7f0a6b5c4d | read, notify | 9 bytes          |
 * | Battery Level  | 0x2A19 in Battery Service 0x180F     | read, notify | u8 percent       |
 * | Device Info    | 0x2A29/0x2A24/0x2A25/0x2A26/0x2A27 in 0x180A | read | UTF-8 strings  |
 *
 * ---------------------------------------------------------------------------------------
 * IMU frame (one notification on the IMU stream characteristic)
 *
 *  byte  0        1        2       3       4      5      6      7
 *      +--------+--------+---------------+-----------------------------+
 *      |version | count  |   sequence    |   t0: sensor time of        |
 *      |  = 1   | 1..40  |   u16 LE      |   sample 0, u32 LE, us      |
 *      +--------+--------+---------------+-----------------------------+
 *  8 + 12*i  (i = 0 .. count-1), all int16 little-endian:
 *      +-------+-------+-------+-------+-------+-------+
 *      |  ax   |  ay   |  az   |  gx   |  gy   |  gz   |
 *      +-------+-------+-------+-------+-------+-------+
 *
 * | offset    | size | field    | type   | meaning                                          |
 * |-----------|------|----------|--------|--------------------------------------------------|
 * | 0         | 1    | version  | u8     | frame format version, 1                          |
 * | 1         | 1    | count    | u8     | samples in this frame, 1 .. 40                   |
 * | 2         | 2    | sequence | u16 LE | +1 per frame sent, wraps 65535 -> 0              |
 * | 4         | 4    | t0       | u32 LE | sensor clock at sample 0, us, wraps every 2^32 us |
 * | 8 + 12*i  | 2    | ax       | i16 LE | specific force X, LSB = accel range / 32768 g    |
 * | 10 + 12*i | 2    | ay       | i16 LE | specific force Y                                 |
 * | 12 + 12*i | 2    | az       | i16 LE | specific force Z                                 |
 * | 14 + 12*i | 2    | gx       | i16 LE | angular rate X, LSB = gyro range / 32768 deg/s   |
 * | 16 + 12*i | 2    | gy       | i16 LE | angular rate Y                                   |
 * | 18 + 12*i | 2    | gz       | i16 LE | angular rate Z                                   |
 *
 * Sample i was taken at t0 + i * (10^6 / sample rate) us. The length must be exactly
 * 8 + 12 * count bytes (20 bytes for one sample, 488 bytes for 40).
 * Decode checks, in this order: length < 8 -> truncated; version != 1 -> bad-version;
 * count outside 1..40 -> bad-count; length < 8 + 12*count -> truncated;
 * length > 8 + 12*count -> length-mismatch.
 *
 * ---------------------------------------------------------------------------------------
 * Sensor configuration (read / write), 7 bytes
 *
 * | offset | size | field           | type   | values                                 |
 * |--------|------|-----------------|--------|----------------------------------------|
 * | 0      | 1    | config version  | u8     | 1                                      |
 * | 1      | 2    | sample rate     | u16 LE | 25 .. 420 Hz                           |
 * | 3      | 1    | accel range     | u8     | 2, 4, 8 or 16 (+/- g)                  |
 * | 4      | 2    | gyro range      | u16 LE | 125, 250, 500, 1000 or 2000 (+/- deg/s)|
 * | 6      | 1    | samples / frame | u8     | 1 .. 40                                |
 *
 * Decode: length < 7 -> truncated; version != 1 -> bad-version; any field out of its set
 * -> bad-value. Bytes after the seventh are ignored (as the TypeScript decoder does).
 *
 * ---------------------------------------------------------------------------------------
 * Status (read / notify), 9 bytes
 *
 * | offset | size | field           | type   | values                                        |
 * |--------|------|-----------------|--------|-----------------------------------------------|
 * | 0      | 1    | state           | u8     | 0 idle, 1 streaming, 2 calibrating, 3 error   |
 * | 1      | 1    | error code      | u8     | 0 none, 1 IMU not found, 2 IMU FIFO overflow, |
 * |        |      |                 |        | 3 low battery                                 |
 * | 2      | 1    | firmware major  | u8     |                                               |
 * | 3      | 1    | firmware minor  | u8     |                                               |
 * | 4      | 1    | firmware patch  | u8     |                                               |
 * | 5      | 4    | dropped samples | u32 LE | samples not sent since power-on               |
 *
 * Decode: length < 9 -> truncated; unknown state or error code -> bad-value. Bytes after the
 * ninth are ignored (as the TypeScript decoder does).
 *
 * ---------------------------------------------------------------------------------------
 * Control point (write with response)
 *
 * | opcode | command           | parameter                | total bytes |
 * |--------|-------------------|--------------------------|-------------|
 * | 0x01   | start streaming   | -                        | 1           |
 * | 0x02   | stop streaming    | -                        | 1           |
 * | 0x03   | identify (blink)  | u8 duration, 1 .. 30 s   | 2           |
 * | 0x04   | calibrate at rest | - (sensor must lie still)| 1           |
 *
 * Decode: no bytes -> empty; unknown opcode -> unknown-opcode (whatever the length);
 * wrong length for the opcode -> bad-length; identify duration outside 1..30 -> bad-value.
 */
#ifndef ROLLER_FRAME_H
#define ROLLER_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- GATT profile --------------------------------------------------------------------- */

#define ROLLER_LOCAL_NAME "Roller"
#define ROLLER_SERVICE_UUID "52430001-8f5e-4b2a-9c3d-1e7f0a6b5c4d"
#define ROLLER_IMU_STREAM_CHAR_UUID "52430002-8f5e-4b2a-9c3d-1e7f0a6b5c4d"
#define ROLLER_SENSOR_CONFIG_CHAR_UUID "52430003-8f5e-4b2a-9c3d-1e7f0a6b5c4d"
#define ROLLER_CONTROL_POINT_CHAR_UUID "52430004-8f5e-4b2a-9c3d-1e7f0a6b5c4d"
#define ROLLER_STATUS_CHAR_UUID "52430005-8f5e-4b2a-9c3d-1e7f0a6b5c4d"

/** The 16 bits that differ between the protocol's 128-bit UUIDs (bytes 2-3 of the UUID). */
typedef enum roller_uuid_id {
  ROLLER_UUID_SERVICE = 0x0001,
  ROLLER_UUID_IMU_STREAM = 0x0002,
  ROLLER_UUID_SENSOR_CONFIG = 0x0003,
  ROLLER_UUID_CONTROL_POINT = 0x0004,
  ROLLER_UUID_STATUS = 0x0005
} roller_uuid_id;

/**
 * Initializer for a 128-bit protocol UUID in least-significant-byte-first order, the order
 * BLE stacks (Nordic SoftDevice, Bluefruit's BLEUuid, Zephyr BT_UUID_128_ENCODE output)
 * store it in. Example: static const uint8_t svc[16] = ROLLER_UUID128_LE_INIT(ROLLER_UUID_SERVICE);
 */
#define ROLLER_UUID128_LE_INIT(id)                                                               \
  {                                                                                              \
    0x4d, 0x5c, 0x6b, 0x0a, 0x7f, 0x1e, 0x3d, 0x9c, 0x2a, 0x4b, 0x5e, 0x8f,                      \
        (uint8_t)((unsigned)(id) & 0xffu), (uint8_t)(((unsigned)(id) >> 8) & 0xffu), 0x43, 0x52 \
  }

/** Writes the 128-bit UUID for `id` into out[16], least significant byte first. */
void roller_uuid128_le(roller_uuid_id id, uint8_t out[16]);

#define ROLLER_BATTERY_SERVICE_UUID16 0x180Fu
#define ROLLER_BATTERY_LEVEL_CHAR_UUID16 0x2A19u
#define ROLLER_DEVICE_INFO_SERVICE_UUID16 0x180Au
#define ROLLER_MANUFACTURER_NAME_CHAR_UUID16 0x2A29u
#define ROLLER_MODEL_NUMBER_CHAR_UUID16 0x2A24u
#define ROLLER_SERIAL_NUMBER_CHAR_UUID16 0x2A25u
#define ROLLER_FIRMWARE_REVISION_CHAR_UUID16 0x2A26u
#define ROLLER_HARDWARE_REVISION_CHAR_UUID16 0x2A27u

/** ATT payload of one notification with the default MTU of 23 (23 - 3). */
#define ROLLER_DEFAULT_ATT_PAYLOAD_BYTES 20u
/** Largest ATT payload of a notification (MTU 517 - 3). */
#define ROLLER_MAX_ATT_PAYLOAD_BYTES 514u

/* ---- Results -------------------------------------------------------------------------- */

/**
 * Outcome of a codec call. The decode reasons carry the TypeScript names (see
 * roller_result_name); ROLLER_ERR_BUFFER_TOO_SMALL and ROLLER_ERR_NULL_ARGUMENT are
 * caller errors of the C API only. Encoders return the byte count (> 0) or one of these.
 */
typedef enum roller_result {
  ROLLER_OK = 0,
  ROLLER_ERR_TRUNCATED = -1,       /* "truncated" */
  ROLLER_ERR_BAD_VERSION = -2,     /* "bad-version" */
  ROLLER_ERR_BAD_COUNT = -3,       /* "bad-count" */
  ROLLER_ERR_LENGTH_MISMATCH = -4, /* "length-mismatch" */
  ROLLER_ERR_BAD_VALUE = -5,       /* "bad-value" */
  ROLLER_ERR_EMPTY = -6,           /* "empty" */
  ROLLER_ERR_UNKNOWN_OPCODE = -7,  /* "unknown-opcode" */
  ROLLER_ERR_BAD_LENGTH = -8,      /* "bad-length" */
  ROLLER_ERR_BUFFER_TOO_SMALL = -9, /* "buffer-too-small" */
  ROLLER_ERR_NULL_ARGUMENT = -10   /* "null-argument" */
} roller_result;

/**
 * The reason's name as the TypeScript decoders spell it ("truncated", "bad-version", ...),
 * "ok" for ROLLER_OK (or any positive byte count), "unknown" for anything else.
 * Takes an int so an encoder's return value can be passed straight in.
 */
const char *roller_result_name(int result);

/* ---- IMU frame ------------------------------------------------------------------------ */

#define ROLLER_FRAME_VERSION 1u
#define ROLLER_FRAME_HEADER_BYTES 8u
#define ROLLER_SAMPLE_BYTES 12u
#define ROLLER_MAX_SAMPLES_PER_FRAME 40u
/** Bytes of a frame holding `count` samples. */
#define ROLLER_FRAME_BYTES(count) (ROLLER_FRAME_HEADER_BYTES + ROLLER_SAMPLE_BYTES * (count))
/** 488: the largest frame. */
#define ROLLER_FRAME_MAX_BYTES ROLLER_FRAME_BYTES(ROLLER_MAX_SAMPLES_PER_FRAME)
/** Full-scale value of the int16 sample fields: raw * range / 32768 is the physical value. */
#define ROLLER_INT16_FULL_SCALE 32768.0f

/** Frame header fields (the version byte is always ROLLER_FRAME_VERSION). */
typedef struct roller_frame_header {
  uint8_t count;     /* samples in the frame, 1 .. 40 */
  uint16_t sequence; /* frame counter, +1 per frame sent */
  uint32_t t0_us;    /* sensor clock at sample 0, us */
} roller_frame_header;

/** One sample in protocol LSB: accel LSB = range_g / 32768 g, gyro LSB = range_dps / 32768 deg/s. */
typedef struct roller_raw_sample {
  int16_t ax, ay, az; /* specific force, sensor frame */
  int16_t gx, gy, gz; /* angular rate, sensor frame, right-handed */
} roller_raw_sample;

/**
 * Encodes header->count samples into out. Returns the bytes written (8 + 12 * count) or
 * ROLLER_ERR_NULL_ARGUMENT, ROLLER_ERR_BAD_COUNT (count outside 1..40) or
 * ROLLER_ERR_BUFFER_TOO_SMALL. Nothing is written on error.
 */
int roller_frame_encode(const roller_frame_header *header, const roller_raw_sample *samples,
                        uint8_t *out, size_t out_size);

/**
 * Decodes one frame. On ROLLER_OK, *header and samples[0 .. count-1] are filled.
 * header and samples may be NULL to only validate; samples_capacity is the number of
 * roller_raw_sample elements samples can hold (ROLLER_ERR_BUFFER_TOO_SMALL if fewer than
 * the frame's count; checked after the frame itself is found valid).
 * bytes may be NULL only when length is 0.
 */
roller_result roller_frame_decode(const uint8_t *bytes, size_t length, roller_frame_header *header,
                                  roller_raw_sample *samples, size_t samples_capacity);

/** How many samples fit one notification of att_payload_bytes (MTU - 3), capped at 40; 0 if none. */
size_t roller_samples_per_frame_for(size_t att_payload_bytes);

/* ---- Physical units ------------------------------------------------------------------- */

/**
 * Physical value -> protocol int16: clamp(round(value / range * 32768)), computed in float.
 * Rounds halves up (toward +infinity) like JavaScript's Math.round, so it matches the
 * TypeScript toRaw(); NaN gives 0; a range that is not > 0 gives 0.
 * range is the configured full scale: accel range in g, or gyro range in deg/s.
 */
int16_t roller_phys_to_raw(float value, float range);

/** Protocol int16 -> physical value: raw * range / 32768 (exact in float for the protocol's ranges). */
float roller_raw_to_phys(int16_t raw, float range);

/**
 * A sensor chip's raw reading -> protocol int16, for chips whose LSB is not range / 32768
 * (e.g. LSM6DS3TR-C gyro at +/-500 deg/s: 17.5 mdps/LSB, so chip_units_per_lsb = 0.0175).
 * Same as roller_phys_to_raw((float)chip_raw * chip_units_per_lsb, range).
 */
int16_t roller_rescale_raw(int32_t chip_raw, float chip_units_per_lsb, float range);

/* ---- Sensor configuration ------------------------------------------------------------- */

#define ROLLER_CONFIG_VERSION 1u
#define ROLLER_CONFIG_BYTES 7u
#define ROLLER_MIN_SAMPLE_RATE_HZ 25u
#define ROLLER_MAX_SAMPLE_RATE_HZ 420u

typedef struct roller_config {
  uint16_t sample_rate_hz;   /* 25 .. 420 Hz */
  uint8_t accel_range_g;     /* 2, 4, 8 or 16 (+/- g) */
  uint16_t gyro_range_dps;   /* 125, 250, 500, 1000 or 2000 (+/- deg/s) */
  uint8_t samples_per_frame; /* 1 .. 40 */
} roller_config;

/** 100 Hz, +/-4 g, +/-500 deg/s, one sample per frame (fits the default 20-byte ATT payload). */
#define ROLLER_DEFAULT_CONFIG_INIT {100u, 4u, 500u, 1u}
extern const roller_config ROLLER_DEFAULT_CONFIG;

/** ROLLER_OK if every field is in its allowed set, else ROLLER_ERR_BAD_VALUE (or NULL_ARGUMENT). */
roller_result roller_config_validate(const roller_config *config);
/** Returns 7 or ROLLER_ERR_NULL_ARGUMENT / ROLLER_ERR_BAD_VALUE / ROLLER_ERR_BUFFER_TOO_SMALL. */
int roller_config_encode(const roller_config *config, uint8_t *out, size_t out_size);
/** Errors: truncated, bad-version, bad-value (and NULL_ARGUMENT). */
roller_result roller_config_decode(const uint8_t *bytes, size_t length, roller_config *config);

/* ---- Status --------------------------------------------------------------------------- */

#define ROLLER_STATUS_BYTES 9u

typedef enum roller_state {
  ROLLER_STATE_IDLE = 0,
  ROLLER_STATE_STREAMING = 1,
  ROLLER_STATE_CALIBRATING = 2,
  ROLLER_STATE_ERROR = 3
} roller_state;

typedef enum roller_sensor_error {
  ROLLER_SENSOR_ERROR_NONE = 0,
  ROLLER_SENSOR_ERROR_IMU_NOT_FOUND = 1,
  ROLLER_SENSOR_ERROR_FIFO_OVERFLOW = 2,
  ROLLER_SENSOR_ERROR_LOW_BATTERY = 3
} roller_sensor_error;

typedef struct roller_status {
  uint8_t state;            /* roller_state */
  uint8_t error;            /* roller_sensor_error */
  uint8_t firmware_major;
  uint8_t firmware_minor;
  uint8_t firmware_patch;
  uint32_t dropped_samples; /* since power-on */
} roller_status;

/** Returns 9 or ROLLER_ERR_NULL_ARGUMENT / ROLLER_ERR_BAD_VALUE / ROLLER_ERR_BUFFER_TOO_SMALL. */
int roller_status_encode(const roller_status *status, uint8_t *out, size_t out_size);
/** Errors: truncated, bad-value (and NULL_ARGUMENT). */
roller_result roller_status_decode(const uint8_t *bytes, size_t length, roller_status *status);
/** "idle", "streaming", "calibrating", "error", or NULL for an unknown code. */
const char *roller_state_name(uint8_t state);
/** "none", "imu-not-found", "fifo-overflow", "low-battery", or NULL for an unknown code. */
const char *roller_sensor_error_name(uint8_t error);

/* ---- Control point -------------------------------------------------------------------- */

#define ROLLER_CONTROL_MAX_BYTES 2u
#define ROLLER_IDENTIFY_MAX_S 30u

typedef enum roller_opcode {
  ROLLER_OPCODE_START_STREAMING = 0x01,
  ROLLER_OPCODE_STOP_STREAMING = 0x02,
  ROLLER_OPCODE_IDENTIFY = 0x03,
  ROLLER_OPCODE_CALIBRATE_AT_REST = 0x04
} roller_opcode;

typedef struct roller_control {
  uint8_t opcode;              /* roller_opcode */
  uint8_t identify_duration_s; /* 1 .. 30 for ROLLER_OPCODE_IDENTIFY; 0 for the others */
} roller_control;

/** Returns 1 or 2, or ROLLER_ERR_UNKNOWN_OPCODE / BAD_VALUE / BUFFER_TOO_SMALL / NULL_ARGUMENT. */
int roller_control_encode(const roller_control *control, uint8_t *out, size_t out_size);
/** Errors: empty, unknown-opcode, bad-length, bad-value (and NULL_ARGUMENT). */
roller_result roller_control_decode(const uint8_t *bytes, size_t length, roller_control *control);

#ifdef __cplusplus
}
#endif

#endif /* ROLLER_FRAME_H */
