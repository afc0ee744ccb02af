/* lsm6_test.c: LSM6DS3TR-C settings, FIFO record and status decoding (core/roller_lsm6.h). */
#include <string.h>

#include "../core/roller_lsm6.h"
#include "roller_check.h"

static void rates(void) {
  roller_check c;
  static const struct { uint16_t ask, want; } cases[] = {
      {25, 26}, {26, 26}, {39, 52}, {100, 104}, {104, 104}, {150, 104}, {156, 208}, {200, 208},
      {300, 208}, {312, 416}, {400, 416}, {420, 416}};
  unsigned i;
  memset(&c, 0, sizeof c);
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint16_t got = roller_lsm6_nearest_rate_hz(cases[i].ask);
    CHECK(&c, got == cases[i].want, "%u Hz -> %u Hz, expected %u", cases[i].ask, got, cases[i].want);
  }
  roller_test_report("lsm6 nearest ODR (400 Hz is honoured as 416 Hz, not 208)", &c);
}

static void settings(void) {
  roller_check c;
  roller_config cfg = {100, 4, 500, 1};
  roller_lsm6_settings s;
  memset(&c, 0, sizeof c);
  s = roller_lsm6_settings_for(&cfg);
  CHECK(&c, s.rate_hz == 104 && s.odr_code == 4, "100 Hz: %u Hz code %u", s.rate_hz, s.odr_code);
  CHECK(&c, s.ctrl1_xl == 0x48, "CTRL1_XL at 104 Hz, 4 g: 0x%02X, expected 0x48", s.ctrl1_xl);
  CHECK(&c, s.ctrl2_g == 0x44, "CTRL2_G at 104 Hz, 500 dps: 0x%02X, expected 0x44", s.ctrl2_g);
  CHECK(&c, s.gyro_dps_per_lsb == 17.5e-3f && s.accel_g_per_lsb == 0.122e-3f, "sensitivities at 4 g / 500 dps");
  cfg.accel_range_g = 16;
  cfg.gyro_range_dps = 125;
  cfg.sample_rate_hz = 25;
  s = roller_lsm6_settings_for(&cfg);
  CHECK(&c, s.ctrl1_xl == 0x24, "CTRL1_XL at 26 Hz, 16 g: 0x%02X, expected 0x24", s.ctrl1_xl);
  CHECK(&c, s.ctrl2_g == 0x22, "CTRL2_G at 26 Hz, 125 dps: 0x%02X, expected 0x22", s.ctrl2_g);
  cfg.accel_range_g = 8;
  cfg.gyro_range_dps = 2000;
  cfg.sample_rate_hz = 400;
  s = roller_lsm6_settings_for(&cfg);
  CHECK(&c, s.ctrl1_xl == 0x6C && s.ctrl2_g == 0x6C, "416 Hz, 8 g, 2000 dps: 0x%02X 0x%02X", s.ctrl1_xl, s.ctrl2_g);
  CHECK(&c, s.accel_g_per_lsb == 0.244e-3f && s.gyro_dps_per_lsb == 70e-3f, "sensitivities at 8 g / 2000 dps");
  roller_test_report("lsm6 register values and sensitivities per range", &c);
}

static void record(void) {
  roller_check c;
  /* gyro 1, -2, 300; accel -32768, 32767, 8192; TS = 0xABCDEF in the chip's byte order */
  static const uint8_t b[18] = {0x01, 0x00, 0xFE, 0xFF, 0x2C, 0x01, 0x00, 0x80, 0xFF, 0x7F, 0x00, 0x20,
                                0xCD, 0xAB, 0x00, 0xEF, 0x05, 0x00};
  roller_lsm6_record r = roller_lsm6_record_decode(b);
  memset(&c, 0, sizeof c);
  CHECK(&c, r.gyro[0] == 1 && r.gyro[1] == -2 && r.gyro[2] == 300, "gyro %d %d %d", r.gyro[0], r.gyro[1], r.gyro[2]);
  CHECK(&c, r.accel[0] == -32768 && r.accel[1] == 32767 && r.accel[2] == 8192, "accel %d %d %d", r.accel[0], r.accel[1], r.accel[2]);
  CHECK(&c, r.ticks == 0xABCDEFu, "ticks 0x%06lX, expected 0xABCDEF", (unsigned long)r.ticks);
  roller_test_report("lsm6 FIFO record: gyro, accel, timestamp TS[15:8] TS[23:16] - TS[7:0]", &c);
}

static void status(void) {
  roller_check c;
  static const uint8_t b[4] = {0x34, 0xC2, 0x05, 0x01}; /* 0x234 words, WaterM, OVER_RUN, pattern 0x105 */
  roller_lsm6_fifo_status s = roller_lsm6_fifo_status_decode(b);
  memset(&c, 0, sizeof c);
  CHECK(&c, s.unread_words == 0x234, "unread %u", s.unread_words);
  CHECK(&c, s.pattern == 0x105, "pattern %u", s.pattern);
  CHECK(&c, s.watermark && s.overrun, "flags");
  roller_test_report("lsm6 FIFO_STATUS1..4", &c);
}

void lsm6_suite(void) {
  rates();
  settings();
  record();
  status();
}
