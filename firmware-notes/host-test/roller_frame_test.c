/*
 * Host test of the C codec (firmware-notes/codec/) against the golden vectors shared with the
 * TypeScript codec: sensor-protocol/vectors/protocol-v1.vectors (format in that file's header).
 *
 * Run as the first suite of the C tests (roller_check.h): main_host.c opens the file given on
 * the command line; main_cortex_m4.c reads a copy compiled into the image.
 *
 * For every vector both directions are checked byte for byte: decode(hex) gives the listed
 * values, and encoding the listed values gives the identical bytes. Reject vectors must be
 * refused with exactly the named reason. Frame vectors also check the physical-unit helpers
 * (phys -> raw reproduces the raw values; raw -> phys within 1e-4 of the phys line) and
 * that every cut of the frame is "truncated" and one extra byte is "length-mismatch".
 *
 * Prints one line per vector, each counted in the run's summary; a few API checks that no
 * vector covers run first and print their own lines. A malformed or empty vectors file is a
 * failed line of its own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/roller_frame.h"
#include "roller_check.h"

#define LINE_CAPACITY 16384 /* the 40-sample frame's hex line is ~1.5 KB */
#define MAX_PAYLOAD 1024
#define MAX_SAMPLES 64
#define PHYS_TOLERANCE 1e-4 /* float precision of the C helpers */
#define TIME_TOLERANCE_S 1e-6

/* ---- Vector model --------------------------------------------------------------------- */

typedef struct vector {
  char kind[32];
  char name[96];
  int line;
  int has_hex;
  uint8_t bytes[MAX_PAYLOAD];
  size_t n_bytes;
  int has_header;
  unsigned long long header[4]; /* version count sequence t0_us */
  size_t n_raw;
  long raw[MAX_SAMPLES][6];
  int has_config;
  long config[4]; /* rate accel gyro samples_per_frame */
  size_t n_phys;
  double phys[MAX_SAMPLES][7]; /* t ax ay az gx gy gz */
  int has_status;
  unsigned long long status[6];
  int has_control;
  size_t n_control;
  long control[2];
  char reject[32];
} vector;

/* ---- Failure collection (roller_check.h) ---------------------------------------------- */

typedef roller_check check;
#define fail roller_check_fail

static double absd(double x) { return x < 0 ? -x : x; }

static void hex_of(const uint8_t *b, size_t n, char *out, size_t out_size) {
  size_t i, at = 0;
  out[0] = '\0';
  for (i = 0; i < n && at + 4 < out_size; i++) at += (size_t)snprintf(out + at, out_size - at, i ? " %02X" : "%02X", b[i]);
  if (i < n && at + 4 < out_size) snprintf(out + at, out_size - at, " ...");
}

static void expect_bytes(check *c, const char *what, const uint8_t *got, int got_n, const uint8_t *want, size_t want_n) {
  char g[128], w[128];
  size_t i;
  if (got_n < 0) {
    fail(c, "%s: encode failed with %s", what, roller_result_name(got_n));
    return;
  }
  if ((size_t)got_n != want_n) {
    fail(c, "%s: %d bytes, expected %u", what, got_n, (unsigned)want_n);
    return;
  }
  for (i = 0; i < want_n; i++) {
    if (got[i] != want[i]) {
      hex_of(got + i, want_n - i < 8 ? want_n - i : 8, g, sizeof g);
      hex_of(want + i, want_n - i < 8 ? want_n - i : 8, w, sizeof w);
      fail(c, "%s: byte %u differs: got %s, expected %s", what, (unsigned)i, g, w);
      return;
    }
  }
}

static void expect_result(check *c, const char *what, int got, const char *want) {
  if (strcmp(roller_result_name(got), want) != 0) fail(c, "%s: got %s, expected %s", what, roller_result_name(got), want);
}

/* ---- Per-kind checks ------------------------------------------------------------------ */

static void check_frame(const vector *v, check *c) {
  roller_frame_header h;
  roller_raw_sample s[ROLLER_MAX_SAMPLES_PER_FRAME];
  roller_frame_header want_h;
  roller_raw_sample want_s[ROLLER_MAX_SAMPLES_PER_FRAME];
  uint8_t out[MAX_PAYLOAD + 1];
  roller_config cfg;
  roller_result r;
  size_t i, k, cut;
  int n;

  if (!v->has_hex || !v->has_header || !v->has_config || v->n_raw == 0) {
    fail(c, "frame vector needs hex, header, raw and config lines");
    return;
  }
  if (v->header[0] != ROLLER_FRAME_VERSION) fail(c, "header version %llu is not %u", v->header[0], ROLLER_FRAME_VERSION);
  if (v->header[1] != v->n_raw) fail(c, "header count %llu but %u raw lines", v->header[1], (unsigned)v->n_raw);
  if (v->n_raw > ROLLER_MAX_SAMPLES_PER_FRAME) {
    fail(c, "%u raw lines: more than a frame holds", (unsigned)v->n_raw);
    return;
  }
  if (v->n_phys != v->n_raw) fail(c, "%u phys lines for %u raw lines", (unsigned)v->n_phys, (unsigned)v->n_raw);

  want_h.count = (uint8_t)v->n_raw;
  want_h.sequence = (uint16_t)v->header[2];
  want_h.t0_us = (uint32_t)v->header[3];
  for (i = 0; i < v->n_raw; i++) {
    want_s[i].ax = (int16_t)v->raw[i][0];
    want_s[i].ay = (int16_t)v->raw[i][1];
    want_s[i].az = (int16_t)v->raw[i][2];
    want_s[i].gx = (int16_t)v->raw[i][3];
    want_s[i].gy = (int16_t)v->raw[i][4];
    want_s[i].gz = (int16_t)v->raw[i][5];
  }

  /* decode: hex -> values */
  r = roller_frame_decode(v->bytes, v->n_bytes, &h, s, ROLLER_MAX_SAMPLES_PER_FRAME);
  if (r != ROLLER_OK) {
    fail(c, "decode refused the frame: %s", roller_result_name(r));
  } else {
    if (h.count != want_h.count) fail(c, "decoded count %u, expected %u", h.count, want_h.count);
    if (h.sequence != want_h.sequence) fail(c, "decoded sequence %u, expected %u", h.sequence, want_h.sequence);
    if (h.t0_us != want_h.t0_us) fail(c, "decoded t0 %lu, expected %lu", (unsigned long)h.t0_us, (unsigned long)want_h.t0_us);
    for (i = 0; i < h.count && i < v->n_raw; i++) {
      const int16_t got[6] = {s[i].ax, s[i].ay, s[i].az, s[i].gx, s[i].gy, s[i].gz};
      for (k = 0; k < 6; k++) {
        if (got[k] != v->raw[i][k]) fail(c, "sample %u field %u: decoded %d, expected %ld", (unsigned)i, (unsigned)k, got[k], v->raw[i][k]);
      }
    }
  }

  /* encode: values -> identical hex */
  n = roller_frame_encode(&want_h, want_s, out, sizeof out);
  expect_bytes(c, "encode", out, n, v->bytes, v->n_bytes);
  n = roller_frame_encode(&want_h, want_s, out, v->n_bytes - 1u);
  expect_result(c, "encode into a buffer one byte short", n, "buffer-too-small");

  /* every cut is truncated, one byte more is a length mismatch, too small a sample array is refused */
  for (cut = 0; cut < v->n_bytes; cut++) {
    r = roller_frame_decode(v->bytes, cut, NULL, NULL, 0);
    if (r != ROLLER_ERR_TRUNCATED) {
      fail(c, "first %u bytes: got %s, expected truncated", (unsigned)cut, roller_result_name(r));
      break;
    }
  }
  memcpy(out, v->bytes, v->n_bytes);
  out[v->n_bytes] = 0xAA;
  expect_result(c, "one trailing byte", roller_frame_decode(out, v->n_bytes + 1u, NULL, NULL, 0), "length-mismatch");
  expect_result(c, "sample array one short", roller_frame_decode(v->bytes, v->n_bytes, &h, s, v->n_raw - 1u), "buffer-too-small");

  /* physical units, read with the vector's configuration */
  cfg.sample_rate_hz = (uint16_t)v->config[0];
  cfg.accel_range_g = (uint8_t)v->config[1];
  cfg.gyro_range_dps = (uint16_t)v->config[2];
  cfg.samples_per_frame = (uint8_t)v->config[3];
  if (roller_config_validate(&cfg) != ROLLER_OK) {
    fail(c, "the vector's config line is not a valid configuration");
    return;
  }
  for (i = 0; i < v->n_phys && i < v->n_raw; i++) {
    double t = (double)v->header[3] / 1e6 + (double)i / (double)cfg.sample_rate_hz;
    if (absd(t - v->phys[i][0]) > TIME_TOLERANCE_S) fail(c, "sample %u: phys time %.9f, expected %.9f", (unsigned)i, v->phys[i][0], t);
    for (k = 0; k < 6; k++) {
      float range = k < 3 ? (float)cfg.accel_range_g : (float)cfg.gyro_range_dps;
      int16_t raw = roller_phys_to_raw((float)v->phys[i][k + 1], range);
      float phys = roller_raw_to_phys((int16_t)v->raw[i][k], range);
      if (raw != v->raw[i][k]) fail(c, "sample %u field %u: phys %.9f -> raw %d, expected %ld", (unsigned)i, (unsigned)k, v->phys[i][k + 1], raw, v->raw[i][k]);
      if (absd((double)phys - v->phys[i][k + 1]) > PHYS_TOLERANCE) fail(c, "sample %u field %u: raw %ld -> phys %.9f, expected %.9f", (unsigned)i, (unsigned)k, v->raw[i][k], (double)phys, v->phys[i][k + 1]);
    }
  }
}

static void check_config(const vector *v, check *c) {
  roller_config got, want;
  uint8_t out[16];
  roller_result r;
  size_t cut;
  if (!v->has_hex || !v->has_config) {
    fail(c, "config vector needs hex and config lines");
    return;
  }
  want.sample_rate_hz = (uint16_t)v->config[0];
  want.accel_range_g = (uint8_t)v->config[1];
  want.gyro_range_dps = (uint16_t)v->config[2];
  want.samples_per_frame = (uint8_t)v->config[3];
  r = roller_config_decode(v->bytes, v->n_bytes, &got);
  if (r != ROLLER_OK) {
    fail(c, "decode refused the configuration: %s", roller_result_name(r));
  } else if (got.sample_rate_hz != want.sample_rate_hz || got.accel_range_g != want.accel_range_g ||
             got.gyro_range_dps != want.gyro_range_dps || got.samples_per_frame != want.samples_per_frame) {
    fail(c, "decoded %u Hz, %u g, %u dps, %u per frame; expected %ld %ld %ld %ld", got.sample_rate_hz, got.accel_range_g,
         got.gyro_range_dps, got.samples_per_frame, v->config[0], v->config[1], v->config[2], v->config[3]);
  }
  expect_bytes(c, "encode", out, roller_config_encode(&want, out, sizeof out), v->bytes, v->n_bytes);
  for (cut = 0; cut < v->n_bytes; cut++) {
    r = roller_config_decode(v->bytes, cut, &got);
    if (r != ROLLER_ERR_TRUNCATED) {
      fail(c, "first %u bytes: got %s, expected truncated", (unsigned)cut, roller_result_name(r));
      break;
    }
  }
}

static void check_status(const vector *v, check *c) {
  roller_status got, want;
  uint8_t out[16];
  roller_result r;
  size_t cut;
  if (!v->has_hex || !v->has_status) {
    fail(c, "status vector needs hex and status lines");
    return;
  }
  want.state = (uint8_t)v->status[0];
  want.error = (uint8_t)v->status[1];
  want.firmware_major = (uint8_t)v->status[2];
  want.firmware_minor = (uint8_t)v->status[3];
  want.firmware_patch = (uint8_t)v->status[4];
  want.dropped_samples = (uint32_t)v->status[5];
  r = roller_status_decode(v->bytes, v->n_bytes, &got);
  if (r != ROLLER_OK) {
    fail(c, "decode refused the status: %s", roller_result_name(r));
  } else if (got.state != want.state || got.error != want.error || got.firmware_major != want.firmware_major ||
             got.firmware_minor != want.firmware_minor || got.firmware_patch != want.firmware_patch ||
             got.dropped_samples != want.dropped_samples) {
    fail(c, "decoded %u %u %u.%u.%u %lu; expected %llu %llu %llu.%llu.%llu %llu", got.state, got.error, got.firmware_major,
         got.firmware_minor, got.firmware_patch, (unsigned long)got.dropped_samples, v->status[0], v->status[1], v->status[2],
         v->status[3], v->status[4], v->status[5]);
  }
  expect_bytes(c, "encode", out, roller_status_encode(&want, out, sizeof out), v->bytes, v->n_bytes);
  for (cut = 0; cut < v->n_bytes; cut++) {
    r = roller_status_decode(v->bytes, cut, &got);
    if (r != ROLLER_ERR_TRUNCATED) {
      fail(c, "first %u bytes: got %s, expected truncated", (unsigned)cut, roller_result_name(r));
      break;
    }
  }
}

static void check_control(const vector *v, check *c) {
  roller_control got, want;
  uint8_t out[8];
  roller_result r;
  if (!v->has_hex || !v->has_control) {
    fail(c, "control vector needs hex and control lines");
    return;
  }
  want.opcode = (uint8_t)v->control[0];
  want.identify_duration_s = v->n_control > 1 ? (uint8_t)v->control[1] : 0u;
  r = roller_control_decode(v->bytes, v->n_bytes, &got);
  if (r != ROLLER_OK) {
    fail(c, "decode refused the command: %s", roller_result_name(r));
  } else if (got.opcode != want.opcode || got.identify_duration_s != want.identify_duration_s) {
    fail(c, "decoded opcode %u parameter %u; expected %u %u", got.opcode, got.identify_duration_s, want.opcode, want.identify_duration_s);
  }
  expect_bytes(c, "encode", out, roller_control_encode(&want, out, sizeof out), v->bytes, v->n_bytes);
}

static void check_reject(const vector *v, check *c) {
  roller_frame_header h;
  roller_raw_sample s[ROLLER_MAX_SAMPLES_PER_FRAME];
  roller_config cfg;
  roller_status st;
  roller_control ctl;
  int r;
  if (!v->has_hex || v->reject[0] == '\0') {
    fail(c, "reject vector needs hex and reject lines");
    return;
  }
  if (strcmp(v->kind, "frame-reject") == 0) {
    r = roller_frame_decode(v->bytes, v->n_bytes, &h, s, ROLLER_MAX_SAMPLES_PER_FRAME);
  } else if (strcmp(v->kind, "config-reject") == 0) {
    r = roller_config_decode(v->bytes, v->n_bytes, &cfg);
  } else if (strcmp(v->kind, "status-reject") == 0) {
    r = roller_status_decode(v->bytes, v->n_bytes, &st);
  } else {
    r = roller_control_decode(v->bytes, v->n_bytes, &ctl);
  }
  expect_result(c, "decode", r, v->reject);
}

static void run_vector(const vector *v, check *c) {
  if (strcmp(v->kind, "frame") == 0) check_frame(v, c);
  else if (strcmp(v->kind, "config") == 0) check_config(v, c);
  else if (strcmp(v->kind, "status") == 0) check_status(v, c);
  else if (strcmp(v->kind, "control") == 0) check_control(v, c);
  else if (strcmp(v->kind, "frame-reject") == 0 || strcmp(v->kind, "config-reject") == 0 ||
           strcmp(v->kind, "status-reject") == 0 || strcmp(v->kind, "control-reject") == 0) check_reject(v, c);
  else fail(c, "unknown vector kind \"%s\"", v->kind);
}

/* ---- Vector file parsing -------------------------------------------------------------- */

static int parse_long(const char *tok, long *out) {
  char *end;
  long v = strtol(tok, &end, 10);
  if (end == tok || *end != '\0') return 0;
  *out = v;
  return 1;
}

static int parse_ull(const char *tok, unsigned long long *out) {
  char *end;
  unsigned long long v;
  if (tok[0] == '-') return 0;
  v = strtoull(tok, &end, 10);
  if (end == tok || *end != '\0') return 0;
  *out = v;
  return 1;
}

static int parse_double(const char *tok, double *out) {
  char *end;
  double v = strtod(tok, &end);
  if (end == tok || *end != '\0') return 0;
  *out = v;
  return 1;
}

static int parse_hex_byte(const char *tok, uint8_t *out) {
  char *end;
  unsigned long v;
  if (strlen(tok) == 0 || strlen(tok) > 2) return 0;
  v = strtoul(tok, &end, 16);
  if (*end != '\0' || v > 0xffu) return 0;
  *out = (uint8_t)v;
  return 1;
}

#define MAX_TOKENS 1100

/* Splits line in place on spaces and tabs; returns the token count, or -1 if there are too many. */
static int tokenize(char *line, char **tokens) {
  int n = 0;
  char *p = line;
  while (*p != '\0') {
    while (*p == ' ' || *p == '\t') *p++ = '\0';
    if (*p == '\0') break;
    if (n == MAX_TOKENS) return -1;
    tokens[n++] = p;
    while (*p != '\0' && *p != ' ' && *p != '\t') p++;
  }
  return n;
}

/* Parses one content line into the vector being read; returns an error message or NULL. */
static const char *parse_field(vector *v, char **tok, int n) {
  int i;
  const char *key = tok[0];
  if (strcmp(key, "hex") == 0) {
    if (n - 1 > MAX_PAYLOAD) return "hex line longer than the test's payload buffer";
    for (i = 1; i < n; i++) {
      if (!parse_hex_byte(tok[i], &v->bytes[i - 1])) return "bad hex byte";
    }
    v->n_bytes = (size_t)(n - 1);
    v->has_hex = 1;
  } else if (strcmp(key, "header") == 0) {
    if (n != 5) return "header takes 4 values";
    for (i = 0; i < 4; i++) {
      if (!parse_ull(tok[i + 1], &v->header[i])) return "bad header value";
    }
    v->has_header = 1;
  } else if (strcmp(key, "raw") == 0) {
    if (n != 7) return "raw takes 6 values";
    if (v->n_raw == MAX_SAMPLES) return "too many raw lines";
    for (i = 0; i < 6; i++) {
      if (!parse_long(tok[i + 1], &v->raw[v->n_raw][i])) return "bad raw value";
    }
    v->n_raw++;
  } else if (strcmp(key, "config") == 0) {
    if (n != 5) return "config takes 4 values";
    for (i = 0; i < 4; i++) {
      if (!parse_long(tok[i + 1], &v->config[i])) return "bad config value";
    }
    v->has_config = 1;
  } else if (strcmp(key, "phys") == 0) {
    if (n != 8) return "phys takes 7 values";
    if (v->n_phys == MAX_SAMPLES) return "too many phys lines";
    for (i = 0; i < 7; i++) {
      if (!parse_double(tok[i + 1], &v->phys[v->n_phys][i])) return "bad phys value";
    }
    v->n_phys++;
  } else if (strcmp(key, "status") == 0) {
    if (n != 7) return "status takes 6 values";
    for (i = 0; i < 6; i++) {
      if (!parse_ull(tok[i + 1], &v->status[i])) return "bad status value";
    }
    v->has_status = 1;
  } else if (strcmp(key, "control") == 0) {
    if (n < 2 || n > 3) return "control takes 1 or 2 values";
    for (i = 1; i < n; i++) {
      if (!parse_long(tok[i], &v->control[i - 1])) return "bad control value";
    }
    v->n_control = (size_t)(n - 1);
    v->has_control = 1;
  } else if (strcmp(key, "reject") == 0) {
    if (n != 2 || strlen(tok[1]) >= sizeof v->reject) return "reject takes one reason";
    strcpy(v->reject, tok[1]);
  } else {
    return "unknown line";
  }
  return NULL;
}

/* ---- API checks no vector covers ------------------------------------------------------ */

static int api_checks(void) {
  int failed = 0;
  check c;
  char text[40];
  uint8_t uuid[16], buf[ROLLER_FRAME_MAX_BYTES];
  size_t i;
  static const uint8_t service_init[16] = ROLLER_UUID128_LE_INIT(ROLLER_UUID_SERVICE);
  static const struct { size_t att; size_t want; } spf[] = {
      {0, 0}, {7, 0}, {19, 0}, {20, 1}, {31, 1}, {32, 2}, {185 - 3, 14}, {244, 19}, {488, 40}, {514, 40}, {4096, 40}};
  static const struct { roller_uuid_id id; const char *text; } uuids[] = {
      {ROLLER_UUID_SERVICE, ROLLER_SERVICE_UUID},
      {ROLLER_UUID_IMU_STREAM, ROLLER_IMU_STREAM_CHAR_UUID},
      {ROLLER_UUID_SENSOR_CONFIG, ROLLER_SENSOR_CONFIG_CHAR_UUID},
      {ROLLER_UUID_CONTROL_POINT, ROLLER_CONTROL_POINT_CHAR_UUID},
      {ROLLER_UUID_STATUS, ROLLER_STATUS_CHAR_UUID}};

  /* samples_per_frame_for mirrors samplesPerFrameFor in frame-layout.ts */
  memset(&c, 0, sizeof c);
  for (i = 0; i < sizeof spf / sizeof spf[0]; i++) {
    size_t got = roller_samples_per_frame_for(spf[i].att);
    if (got != spf[i].want) fail(&c, "%u payload bytes: %u samples, expected %u", (unsigned)spf[i].att, (unsigned)got, (unsigned)spf[i].want);
  }
  failed += roller_test_report("api samples_per_frame_for", &c);

  /* UUID bytes, least significant first, spell the UUID strings */
  memset(&c, 0, sizeof c);
  for (i = 0; i < sizeof uuids / sizeof uuids[0]; i++) {
    roller_uuid128_le(uuids[i].id, uuid);
    snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", uuid[15], uuid[14],
             uuid[13], uuid[12], uuid[11], uuid[10], uuid[9], uuid[8], uuid[7], uuid[6], uuid[5], uuid[4], uuid[3], uuid[2],
             uuid[1], uuid[0]);
    if (strcmp(text, uuids[i].text) != 0) fail(&c, "uuid %04x: %s, expected %s", (unsigned)uuids[i].id, text, uuids[i].text);
  }
  roller_uuid128_le(ROLLER_UUID_SERVICE, uuid);
  if (memcmp(uuid, service_init, 16) != 0) fail(&c, "ROLLER_UUID128_LE_INIT differs from roller_uuid128_le");
  failed += roller_test_report("api uuid128_le", &c);

  /* rounding and clamping follow JavaScript's Math.round, as toRaw() in frame-codec.ts */
  memset(&c, 0, sizeof c);
  {
    static const struct { float value, range; int want; } cases[] = {
        {2.5f / 32768.0f * 4.0f, 4.0f, 3},     /* +2.5 LSB -> 3 */
        {-2.5f / 32768.0f * 4.0f, 4.0f, -2},   /* -2.5 LSB -> -2 (half rounds up) */
        {-0.5f / 32768.0f * 4.0f, 4.0f, 0},    /* -0.5 LSB -> 0 */
        {1.0f, 4.0f, 8192},                    /* 1 g at +/-4 g */
        {-16.0f, 16.0f, -32768},               /* negative full scale */
        {16.0f, 16.0f, 32767},                 /* positive full scale clamps */
        {1e9f, 500.0f, 32767},                 /* far out of range */
        {-1e9f, 500.0f, -32768},
        {17.5f, 500.0f, 1147},                 /* 1146.88 LSB */
        {1.0f, 0.0f, 0},                       /* no range */
    };
    /* NaN and infinities from the C library, not from a division a sanitizer would flag */
    float nan_value = (float)strtod("nan", NULL), inf_value = (float)strtod("inf", NULL);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      int16_t got = roller_phys_to_raw(cases[i].value, cases[i].range);
      if (got != cases[i].want) fail(&c, "phys_to_raw(%g, %g) = %d, expected %d", (double)cases[i].value, (double)cases[i].range, got, cases[i].want);
    }
    if (roller_phys_to_raw(nan_value, 4.0f) != 0) fail(&c, "phys_to_raw(NaN) is not 0");
    if (roller_phys_to_raw(inf_value, 4.0f) != 32767) fail(&c, "phys_to_raw(+inf) is not 32767");
    if (roller_phys_to_raw(-inf_value, 4.0f) != -32768) fail(&c, "phys_to_raw(-inf) is not -32768");
    if (roller_phys_to_raw(1.0f, nan_value) != 0) fail(&c, "phys_to_raw with a NaN range is not 0");
    if (roller_rescale_raw(1000, 0.0175f, 500.0f) != 1147) fail(&c, "rescale_raw(1000 LSB at 17.5 mdps) is not 1147");
    if (roller_raw_to_phys(-32768, 2000.0f) != -2000.0f) fail(&c, "raw_to_phys(-32768, 2000) is not -2000");
  }
  failed += roller_test_report("api phys_to_raw rounding and clamping", &c);

  /* encoders refuse what the format cannot carry; names cover every result */
  memset(&c, 0, sizeof c);
  {
    roller_frame_header h = {0, 0, 0};
    roller_raw_sample s[ROLLER_MAX_SAMPLES_PER_FRAME + 1];
    roller_config cfg = ROLLER_DEFAULT_CONFIG_INIT;
    roller_status st = {4, 0, 1, 0, 0, 0};
    roller_control ctl = {ROLLER_OPCODE_IDENTIFY, 0};
    memset(s, 0, sizeof s);
    expect_result(&c, "frame count 0", roller_frame_encode(&h, s, buf, sizeof buf), "bad-count");
    h.count = ROLLER_MAX_SAMPLES_PER_FRAME + 1;
    expect_result(&c, "frame count 41", roller_frame_encode(&h, s, buf, sizeof buf), "bad-count");
    h.count = ROLLER_MAX_SAMPLES_PER_FRAME;
    if (roller_frame_encode(&h, s, buf, sizeof buf) != (int)ROLLER_FRAME_MAX_BYTES) fail(&c, "40-sample frame is not 488 bytes");
    expect_result(&c, "frame NULL samples", roller_frame_encode(&h, NULL, buf, sizeof buf), "null-argument");
    expect_result(&c, "frame decode NULL bytes", roller_frame_decode(NULL, 3, NULL, NULL, 0), "null-argument");
    expect_result(&c, "frame decode NULL empty", roller_frame_decode(NULL, 0, NULL, NULL, 0), "truncated");
    if (roller_config_validate(&ROLLER_DEFAULT_CONFIG) != ROLLER_OK) fail(&c, "default config is not valid");
    cfg.samples_per_frame = 41;
    expect_result(&c, "config 41 per frame", roller_config_encode(&cfg, buf, sizeof buf), "bad-value");
    cfg.samples_per_frame = 1;
    expect_result(&c, "config short buffer", roller_config_encode(&cfg, buf, 6), "buffer-too-small");
    expect_result(&c, "status state 4", roller_status_encode(&st, buf, sizeof buf), "bad-value");
    st.state = ROLLER_STATE_STREAMING;
    st.error = 4;
    expect_result(&c, "status error 4", roller_status_encode(&st, buf, sizeof buf), "bad-value");
    expect_result(&c, "identify 0 s", roller_control_encode(&ctl, buf, sizeof buf), "bad-value");
    ctl.identify_duration_s = 31;
    expect_result(&c, "identify 31 s", roller_control_encode(&ctl, buf, sizeof buf), "bad-value");
    ctl.opcode = 0x09;
    expect_result(&c, "opcode 9", roller_control_encode(&ctl, buf, sizeof buf), "unknown-opcode");
    for (i = 0; i <= 10; i++) {
      if (strcmp(roller_result_name(-(int)i), "unknown") == 0) fail(&c, "result %d has no name", -(int)i);
    }
    expect_result(&c, "name of -99", -99, "unknown");
    for (i = 0; i < 4; i++) {
      if (roller_state_name((uint8_t)i) == NULL || roller_sensor_error_name((uint8_t)i) == NULL) fail(&c, "code %u has no name", (unsigned)i);
    }
  }
  failed += roller_test_report("api encoder refusals and names", &c);

  return failed;
}

/* ---- Main ----------------------------------------------------------------------------- */

static char line_buffer[LINE_CAPACITY];
static char file_error_message[256];

/* A malformed vectors file: remembered, printed as a failed entry, and the run stops reading. */
static void file_problem(const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  vsnprintf(file_error_message, sizeof file_error_message, fmt, args);
  va_end(args);
}
static char *tokens[MAX_TOKENS];
static vector current;

static void report(const vector *v, const check *c, int *passed, int *failed) {
  char name[200];
  if (c->failures == 0) snprintf(name, sizeof name, "%s %s", v->kind, v->name);
  else snprintf(name, sizeof name, "%s %s (line %d)", v->kind, v->name, v->line);
  if (roller_test_report(name, c)) (*failed)++;
  else (*passed)++;
}

void roller_frame_vectors_suite(FILE *f, const char *source) {
  int line_no = 0, in_vector = 0, passed = 0, failed = 0, file_error = 0;
  check c;

  (void)api_checks();

  while (fgets(line_buffer, sizeof line_buffer, f) != NULL) {
    size_t len = strlen(line_buffer);
    char *p = line_buffer;
    int n;
    const char *error;
    line_no++;
    if (len > 0 && line_buffer[len - 1] != '\n' && !feof(f)) {
      file_problem("line %d: longer than %d characters", line_no, LINE_CAPACITY - 1);
      file_error = 1;
      break;
    }
    while (len > 0 && (line_buffer[len - 1] == '\n' || line_buffer[len - 1] == '\r')) line_buffer[--len] = '\0';
    while (*p == ' ' || *p == '\t') p++;
    if (*p == '\0' || *p == '#') continue;
    n = tokenize(p, tokens);
    if (n < 0) {
      file_problem("line %d: too many values", line_no);
      file_error = 1;
      break;
    }
    if (strcmp(tokens[0], "vector") == 0) {
      if (in_vector) {
        file_problem("line %d: vector inside vector %s", line_no, current.name);
        file_error = 1;
        break;
      }
      memset(&current, 0, sizeof current);
      memset(&c, 0, sizeof c);
      current.line = line_no;
      if (n != 3 || strlen(tokens[1]) >= sizeof current.kind || strlen(tokens[2]) >= sizeof current.name) {
        file_problem("line %d: expected \"vector <kind> <name>\"", line_no);
        file_error = 1;
        break;
      }
      strcpy(current.kind, tokens[1]);
      strcpy(current.name, tokens[2]);
      in_vector = 1;
      continue;
    }
    if (!in_vector) {
      file_problem("line %d: \"%s\" outside a vector block", line_no, tokens[0]);
      file_error = 1;
      break;
    }
    if (strcmp(tokens[0], "end") == 0) {
      if (c.failures == 0) run_vector(&current, &c);
      report(&current, &c, &passed, &failed);
      in_vector = 0;
      continue;
    }
    error = parse_field(&current, tokens, n);
    if (error != NULL) fail(&c, "line %d: %s", line_no, error);
  }
#ifndef ROLLER_VECTORS_IN_MEMORY /* picolibc's fmemopen flags its end as an error; memory cannot fail */
  if (!file_error && ferror(f)) {
    file_problem("error reading %s", source);
    file_error = 1;
  }
#else
  (void)source;
#endif
  if (!file_error && in_vector) {
    file_problem("the file ends inside vector %s", current.name);
    file_error = 1;
  }
  if (!file_error && passed + failed == 0) {
    file_problem("no vectors read");
    file_error = 1;
  }
  if (file_error) {
    memset(&c, 0, sizeof c);
    fail(&c, "%s", file_error_message);
    roller_test_report("vectors file", &c);
  }
}
