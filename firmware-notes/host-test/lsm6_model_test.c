/* lsm6_model_test.c: the chip model behaves as the datasheet says the chip does (doubles/lsm6_model.h). */
#include <string.h>

#include "../core/roller_lsm6.h"
#include "../doubles/lsm6_model.h"
#include "roller_check.h"

static void still(void *ctx, double t_s, float a[3], float g[3]) {
  (void)ctx;
  (void)t_s;
  a[0] = 0; a[1] = 0; a[2] = 1.0f;
  g[0] = 17.5f; g[1] = 0; g[2] = -35.0f;
}

static bool model_write(void *ctx, uint8_t reg, uint8_t value) { return lsm6_model_write((lsm6_model *)ctx, reg, value); }
static bool model_read(void *ctx, uint8_t reg, uint8_t *buf, size_t n) { return lsm6_model_read((lsm6_model *)ctx, reg, buf, n); }

static void started(lsm6_model *m, uint8_t watermark_samples) {
  roller_config cfg = {100, 4, 500, 1};
  roller_lsm6_settings s = roller_lsm6_settings_for(&cfg);
  roller_hw hw;
  memset(&hw, 0, sizeof hw);
  lsm6_model_init(m, still, NULL);
  hw.ctx = m;
  hw.imu_write = model_write;
  hw.imu_read = model_read;
  (void)roller_lsm6_probe(&hw);
  (void)roller_lsm6_start(&hw, &s, watermark_samples);
}

static void samples(void) {
  roller_check c;
  static lsm6_model m;
  uint8_t st[4], b[18];
  roller_lsm6_record r0, r1;
  memset(&c, 0, sizeof c);
  started(&m, 4);
  lsm6_model_advance(&m, 0.030); /* 104 Hz: 3 samples */
  CHECK(&c, m.samples_taken == 3, "30 ms at 104 Hz: %lu samples", m.samples_taken);
  CHECK(&c, !lsm6_model_int1(&m), "below the watermark");
  lsm6_model_advance(&m, 0.040);
  CHECK(&c, lsm6_model_int1(&m), "INT1 at 4 samples (36 words)");
  (void)lsm6_model_read(&m, ROLLER_LSM6_REG_FIFO_STATUS1, st, 4);
  CHECK(&c, st[0] == 36 && (st[1] & 0x80u) && st[2] == 0, "status %02X %02X %02X", st[0], st[1], st[2]);
  (void)lsm6_model_read(&m, ROLLER_LSM6_REG_FIFO_DATA_OUT_L, b, 18);
  r0 = roller_lsm6_record_decode(b);
  (void)lsm6_model_read(&m, ROLLER_LSM6_REG_FIFO_DATA_OUT_L, b, 18);
  r1 = roller_lsm6_record_decode(b);
  CHECK(&c, r0.gyro[0] == 1000 && r0.gyro[2] == -2000 && r0.accel[2] == 8197, "chip LSB: %d %d %d", r0.gyro[0], r0.gyro[2], r0.accel[2]);
  CHECK(&c, r0.ticks == 384 && r1.ticks == 769, "ticks %lu %lu (25 us each)", (unsigned long)r0.ticks, (unsigned long)r1.ticks);
  roller_test_report("chip model: ODR, sensitivity, watermark, burst reads, timestamps", &c);
}

static void overrun(void) {
  roller_check c;
  static lsm6_model m;
  uint8_t st[4];
  roller_lsm6_fifo_status s;
  memset(&c, 0, sizeof c);
  started(&m, 1);
  lsm6_model_advance(&m, 3.0); /* 312 samples = 2808 words into 2048 */
  (void)lsm6_model_read(&m, ROLLER_LSM6_REG_FIFO_STATUS1, st, 4);
  s = roller_lsm6_fifo_status_decode(st);
  CHECK(&c, s.overrun, "overrun flagged");
  CHECK(&c, s.unread_words == 2047, "unread %u", s.unread_words);
  CHECK(&c, s.pattern == (2808u - 2048u) % 9u, "pattern %u, expected %u", s.pattern, (2808u - 2048u) % 9u);
  roller_test_report("chip model: overrun overwrites the oldest words, pattern follows", &c);
}

void lsm6_model_suite(void) {
  samples();
  overrun();
}
