/* roller_lsm6.c: LSM6DS3TR-C settings, FIFO record decoding and the register sequences (see the header). */
#include "roller_lsm6.h"

typedef struct odr_choice {
  uint16_t hz;
  uint8_t code;
} odr_choice;

/* ODR_XL / ODR_G / ODR_FIFO codes. 12.5 Hz is below the protocol's 25 Hz minimum. */
static const odr_choice ODR_CHOICES[] = {{26u, 0x2u}, {52u, 0x3u}, {104u, 0x4u}, {208u, 0x5u}, {416u, 0x6u}};
#define ODR_COUNT (sizeof ODR_CHOICES / sizeof ODR_CHOICES[0])

static const odr_choice *nearest_odr(uint16_t hz) {
  const odr_choice *best = &ODR_CHOICES[0];
  size_t i;
  for (i = 1; i < ODR_COUNT; i++) {
    unsigned d_best = hz > best->hz ? (unsigned)(hz - best->hz) : (unsigned)(best->hz - hz);
    unsigned d = hz > ODR_CHOICES[i].hz ? (unsigned)(hz - ODR_CHOICES[i].hz) : (unsigned)(ODR_CHOICES[i].hz - hz);
    if (d <= d_best) best = &ODR_CHOICES[i];
  }
  return best;
}

uint16_t roller_lsm6_nearest_rate_hz(uint16_t hz) { return nearest_odr(hz)->hz; }

roller_lsm6_settings roller_lsm6_settings_for(const roller_config *config) {
  roller_lsm6_settings s;
  const odr_choice *odr = nearest_odr(config->sample_rate_hz);
  uint8_t fs_xl, fs_g;
  s.rate_hz = odr->hz;
  s.odr_code = odr->code;
  switch (config->accel_range_g) { /* FS_XL: 00 2 g, 10 4 g, 11 8 g, 01 16 g */
    case 2: fs_xl = 0x0u; s.accel_g_per_lsb = 0.061e-3f; break;
    case 8: fs_xl = 0x3u; s.accel_g_per_lsb = 0.244e-3f; break;
    case 16: fs_xl = 0x1u; s.accel_g_per_lsb = 0.488e-3f; break;
    default: fs_xl = 0x2u; s.accel_g_per_lsb = 0.122e-3f; break;
  }
  switch (config->gyro_range_dps) { /* bits 3:1 = FS_G[1:0], FS_125 */
    case 125: fs_g = 0x1u; s.gyro_dps_per_lsb = 4.375e-3f; break;
    case 250: fs_g = 0x0u; s.gyro_dps_per_lsb = 8.75e-3f; break;
    case 1000: fs_g = 0x4u; s.gyro_dps_per_lsb = 35.0e-3f; break;
    case 2000: fs_g = 0x6u; s.gyro_dps_per_lsb = 70.0e-3f; break;
    default: fs_g = 0x2u; s.gyro_dps_per_lsb = 17.5e-3f; break;
  }
  s.ctrl1_xl = (uint8_t)((odr->code << 4) | (fs_xl << 2));
  s.ctrl2_g = (uint8_t)((odr->code << 4) | (fs_g << 1));
  return s;
}

static int16_t le16(const uint8_t *p) {
  int32_t u = (int32_t)((uint32_t)p[0] | ((uint32_t)p[1] << 8));
  return (int16_t)(u >= 0x8000 ? u - 0x10000 : u);
}

roller_lsm6_record roller_lsm6_record_decode(const uint8_t b[ROLLER_LSM6_FIFO_BYTES_PER_SAMPLE]) {
  roller_lsm6_record r;
  int k;
  for (k = 0; k < 3; k++) {
    r.gyro[k] = le16(b + 2 * k);
    r.accel[k] = le16(b + 6 + 2 * k);
  }
  /* word 6: TS[15:8], TS[23:16]; word 7: unused, TS[7:0] */
  r.ticks = ((uint32_t)b[13] << 16) | ((uint32_t)b[12] << 8) | (uint32_t)b[15];
  return r;
}

roller_lsm6_fifo_status roller_lsm6_fifo_status_decode(const uint8_t b[4]) {
  roller_lsm6_fifo_status s;
  s.unread_words = (uint16_t)(((b[1] & 0x07u) << 8) | b[0]);
  s.pattern = (uint16_t)(((b[3] & 0x03u) << 8) | b[2]);
  s.watermark = (b[1] & ROLLER_LSM6_FIFO_STATUS2_WATERMARK) != 0u;
  s.overrun = (b[1] & ROLLER_LSM6_FIFO_STATUS2_OVER_RUN) != 0u;
  return s;
}

bool roller_lsm6_probe(const roller_hw *hw) {
  uint8_t who = 0, ctrl3 = ROLLER_LSM6_CTRL3_C_SW_RESET;
  int tries;
  if (!hw->imu_read(hw->ctx, ROLLER_LSM6_REG_WHO_AM_I, &who, 1) || who != ROLLER_LSM6_WHO_AM_I) return false;
  if (!hw->imu_write(hw->ctx, ROLLER_LSM6_REG_CTRL3_C, ROLLER_LSM6_CTRL3_C_SW_RESET)) return false;
  /* SW_RESET clears itself when the reset is done (about 50 us) */
  for (tries = 0; tries < 100 && (ctrl3 & ROLLER_LSM6_CTRL3_C_SW_RESET) != 0u; tries++) {
    if (!hw->imu_read(hw->ctx, ROLLER_LSM6_REG_CTRL3_C, &ctrl3, 1)) return false;
  }
  if ((ctrl3 & ROLLER_LSM6_CTRL3_C_SW_RESET) != 0u) return false;
  return hw->imu_write(hw->ctx, ROLLER_LSM6_REG_CTRL3_C, ROLLER_LSM6_CTRL3_C_BDU | ROLLER_LSM6_CTRL3_C_IF_INC);
}

bool roller_lsm6_set_watermark(const roller_hw *hw, uint8_t samples) {
  unsigned words = (unsigned)(samples < 1u ? 1u : samples) * ROLLER_LSM6_FIFO_WORDS_PER_SAMPLE;
  bool ok = hw->imu_write(hw->ctx, ROLLER_LSM6_REG_FIFO_CTRL1, (uint8_t)(words & 0xFFu));
  return hw->imu_write(hw->ctx, ROLLER_LSM6_REG_FIFO_CTRL2,
                       (uint8_t)(ROLLER_LSM6_FIFO_CTRL2_TIMER_PEDO_FIFO_EN | ((words >> 8) & 0x07u))) && ok;
}

bool roller_lsm6_start(const roller_hw *hw, const roller_lsm6_settings *s, uint8_t watermark_samples) {
  void *c = hw->ctx;
  bool ok = hw->imu_write(c, ROLLER_LSM6_REG_FIFO_CTRL5, ROLLER_LSM6_FIFO_MODE_BYPASS); /* empties the FIFO */
  ok = hw->imu_write(c, ROLLER_LSM6_REG_CTRL1_XL, s->ctrl1_xl) && ok;
  ok = hw->imu_write(c, ROLLER_LSM6_REG_CTRL2_G, s->ctrl2_g) && ok;
  ok = hw->imu_write(c, ROLLER_LSM6_REG_WAKE_UP_DUR, ROLLER_LSM6_WAKE_UP_DUR_TIMER_HR) && ok;
  ok = hw->imu_write(c, ROLLER_LSM6_REG_CTRL10_C, ROLLER_LSM6_CTRL10_C_TIMER_EN | ROLLER_LSM6_CTRL10_C_FUNC_EN) && ok;
  ok = roller_lsm6_set_watermark(hw, watermark_samples) && ok;
  ok = hw->imu_write(c, ROLLER_LSM6_REG_FIFO_CTRL3,
                     (uint8_t)((ROLLER_LSM6_FIFO_DECIMATION_NONE << 3) | ROLLER_LSM6_FIFO_DECIMATION_NONE)) && ok;
  ok = hw->imu_write(c, ROLLER_LSM6_REG_FIFO_CTRL4, (uint8_t)(ROLLER_LSM6_FIFO_DECIMATION_NONE << 3)) && ok;
  ok = hw->imu_write(c, ROLLER_LSM6_REG_INT1_CTRL, ROLLER_LSM6_INT1_CTRL_FTH) && ok;
  ok = hw->imu_write(c, ROLLER_LSM6_REG_TIMESTAMP2, ROLLER_LSM6_TIMESTAMP_RESET) && ok;
  return hw->imu_write(c, ROLLER_LSM6_REG_FIFO_CTRL5,
                       (uint8_t)((s->odr_code << 3) | ROLLER_LSM6_FIFO_MODE_CONTINUOUS)) && ok;
}

bool roller_lsm6_stop(const roller_hw *hw) {
  bool ok = hw->imu_write(hw->ctx, ROLLER_LSM6_REG_INT1_CTRL, 0);
  ok = hw->imu_write(hw->ctx, ROLLER_LSM6_REG_FIFO_CTRL5, ROLLER_LSM6_FIFO_MODE_BYPASS) && ok;
  ok = hw->imu_write(hw->ctx, ROLLER_LSM6_REG_CTRL1_XL, 0) && ok;
  return hw->imu_write(hw->ctx, ROLLER_LSM6_REG_CTRL2_G, 0) && ok;
}
