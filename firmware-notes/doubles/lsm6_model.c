/* lsm6_model.c: register-level LSM6DS3TR-C model (see the header). */
#include "lsm6_model.h"

#include <math.h>
#include <string.h>

#include "../core/roller_lsm6.h"

#define CTRL3_C_DEFAULT 0x04u /* IF_INC */

static void reset_registers(lsm6_model *m) {
  memset(m->regs, 0, sizeof m->regs);
  m->regs[ROLLER_LSM6_REG_WHO_AM_I] = ROLLER_LSM6_WHO_AM_I;
  m->regs[ROLLER_LSM6_REG_CTRL3_C] = CTRL3_C_DEFAULT;
  m->head = m->count = m->pattern_head = 0;
  m->overrun = false;
  m->low_byte_read = false;
}

void lsm6_model_init(lsm6_model *m, lsm6_model_imu_fn imu, void *imu_ctx) {
  memset(m, 0, sizeof *m);
  m->imu = imu;
  m->imu_ctx = imu_ctx;
  m->present = true;
  reset_registers(m);
}

static double rate_of_code(unsigned code) { return code == 0u ? 0.0 : 13.0 * (double)(1u << (code - 1u)); }

static double chip_scale(const lsm6_model *m) { return 1.0 + m->clock_ppm * 1e-6; }

static unsigned pattern_words(const lsm6_model *m) {
  bool ts = (m->regs[ROLLER_LSM6_REG_FIFO_CTRL2] & ROLLER_LSM6_FIFO_CTRL2_TIMER_PEDO_FIFO_EN) != 0u &&
            ((m->regs[ROLLER_LSM6_REG_FIFO_CTRL4] >> 3) & 0x7u) != 0u;
  return ts ? 9u : 6u;
}

double lsm6_model_fifo_rate_hz(const lsm6_model *m) {
  uint8_t c5 = m->regs[ROLLER_LSM6_REG_FIFO_CTRL5];
  if ((c5 & 0x7u) != ROLLER_LSM6_FIFO_MODE_CONTINUOUS) return 0.0;
  if ((m->regs[ROLLER_LSM6_REG_CTRL1_XL] >> 4) == 0u || (m->regs[ROLLER_LSM6_REG_CTRL2_G] >> 4) == 0u) return 0.0;
  return rate_of_code((c5 >> 3) & 0xFu) * chip_scale(m);
}

static void push_word(lsm6_model *m, uint16_t w) {
  if (m->count == LSM6_MODEL_FIFO_WORDS) { /* continuous mode: the oldest word is overwritten */
    m->head = (m->head + 1u) % LSM6_MODEL_FIFO_WORDS;
    m->count--;
    m->pattern_head = (m->pattern_head + 1u) % pattern_words(m);
    m->overrun = true;
    m->low_byte_read = false;
    m->words_overwritten++;
  }
  m->fifo[(m->head + m->count) % LSM6_MODEL_FIFO_WORDS] = w;
  m->count++;
}

static uint16_t to_chip(float value, float per_lsb) {
  float r = roundf(value / per_lsb);
  int32_t v = r > 32767.0f ? 32767 : r < -32768.0f ? -32768 : (int32_t)r;
  return (uint16_t)(v & 0xFFFF);
}

static float accel_per_lsb(uint8_t ctrl1) {
  switch ((ctrl1 >> 2) & 0x3u) {
    case 0: return 0.061e-3f;
    case 1: return 0.488e-3f;
    case 2: return 0.122e-3f;
    default: return 0.244e-3f;
  }
}

static float gyro_per_lsb(uint8_t ctrl2) {
  if (ctrl2 & 0x02u) return 4.375e-3f;
  switch ((ctrl2 >> 2) & 0x3u) {
    case 0: return 8.75e-3f;
    case 1: return 17.5e-3f;
    case 2: return 35.0e-3f;
    default: return 70.0e-3f;
  }
}

static void take_sample(lsm6_model *m, double t_s) {
  float a[3] = {0, 0, 0}, g[3] = {0, 0, 0};
  float ga = gyro_per_lsb(m->regs[ROLLER_LSM6_REG_CTRL2_G]), aa = accel_per_lsb(m->regs[ROLLER_LSM6_REG_CTRL1_XL]);
  uint32_t ticks = 0;
  int k;
  if (m->imu != NULL) m->imu(m->imu_ctx, t_s, a, g);
  if (m->regs[ROLLER_LSM6_REG_CTRL10_C] & ROLLER_LSM6_CTRL10_C_TIMER_EN) {
    double tick_s = (m->regs[ROLLER_LSM6_REG_WAKE_UP_DUR] & ROLLER_LSM6_WAKE_UP_DUR_TIMER_HR) ? 25e-6 : 6.4e-3;
    double chip_elapsed = (t_s - m->counter_zero_s) * chip_scale(m);
    ticks = (uint32_t)((unsigned long long)floor(chip_elapsed / tick_s + 1e-9) & ROLLER_LSM6_TICK_MASK);
  }
  for (k = 0; k < 3; k++) push_word(m, to_chip(g[k], ga));
  for (k = 0; k < 3; k++) push_word(m, to_chip(a[k], aa));
  if (pattern_words(m) == 9u) {
    push_word(m, (uint16_t)(((ticks >> 8) & 0xFFu) | (((ticks >> 16) & 0xFFu) << 8))); /* TS[15:8], TS[23:16] */
    push_word(m, (uint16_t)((ticks & 0xFFu) << 8));                                    /* unused, TS[7:0] */
    push_word(m, 0u);                                                                  /* steps */
  }
  m->samples_taken++;
}

void lsm6_model_advance(lsm6_model *m, double t_s) {
  double rate = lsm6_model_fifo_rate_hz(m);
  if (t_s < m->now_s) return;
  if (rate > 0.0) {
    while (m->next_sample_s <= t_s) {
      take_sample(m, m->next_sample_s);
      m->next_sample_s += 1.0 / rate;
    }
  }
  m->now_s = t_s;
}

bool lsm6_model_write(lsm6_model *m, uint8_t reg, uint8_t value) {
  double before, after;
  if (!m->present || reg >= sizeof m->regs) return false;
  if (reg == ROLLER_LSM6_REG_CTRL3_C && (value & ROLLER_LSM6_CTRL3_C_SW_RESET)) {
    reset_registers(m); /* SW_RESET clears itself */
    return true;
  }
  if (reg == ROLLER_LSM6_REG_TIMESTAMP2) {
    if (value == ROLLER_LSM6_TIMESTAMP_RESET) m->counter_zero_s = m->now_s;
    return true;
  }
  if (reg == ROLLER_LSM6_REG_WHO_AM_I || (reg >= ROLLER_LSM6_REG_FIFO_STATUS1 && reg <= ROLLER_LSM6_REG_FIFO_DATA_OUT_H)) {
    return true; /* read-only: ignored */
  }
  before = lsm6_model_fifo_rate_hz(m);
  m->regs[reg] = value;
  after = lsm6_model_fifo_rate_hz(m);
  if (reg == ROLLER_LSM6_REG_FIFO_CTRL5 && (value & 0x7u) == ROLLER_LSM6_FIFO_MODE_BYPASS) {
    m->head = m->count = m->pattern_head = 0; /* bypass empties the FIFO */
    m->overrun = false;
    m->low_byte_read = false;
  }
  if (after > 0.0 && (before == 0.0 || before != after)) m->next_sample_s = m->now_s + 1.0 / after;
  return true;
}

static uint16_t threshold_words(const lsm6_model *m) {
  return (uint16_t)(((m->regs[ROLLER_LSM6_REG_FIFO_CTRL2] & 0x07u) << 8) | m->regs[ROLLER_LSM6_REG_FIFO_CTRL1]);
}

static bool watermark(const lsm6_model *m) {
  uint16_t fth = threshold_words(m);
  return fth > 0u && m->count >= fth;
}

bool lsm6_model_int1(const lsm6_model *m) {
  return (m->regs[ROLLER_LSM6_REG_INT1_CTRL] & ROLLER_LSM6_INT1_CTRL_FTH) != 0u && watermark(m);
}

static uint8_t read_fifo_byte(lsm6_model *m, bool high) {
  uint16_t w;
  if (m->count == 0u) return 0u;
  w = m->fifo[m->head];
  if (!high) {
    m->low_byte_read = true;
    return (uint8_t)(w & 0xFFu);
  }
  /* the high byte completes the word: the next word becomes the output */
  m->head = (m->head + 1u) % LSM6_MODEL_FIFO_WORDS;
  m->count--;
  m->pattern_head = (m->pattern_head + 1u) % pattern_words(m);
  m->low_byte_read = false;
  m->overrun = false;
  return (uint8_t)(w >> 8);
}

static uint8_t read_register(lsm6_model *m, uint8_t reg) {
  unsigned diff = m->count > 2047u ? 2047u : m->count; /* DIFF_FIFO has 11 bits */
  switch (reg) {
    case ROLLER_LSM6_REG_FIFO_STATUS1: return (uint8_t)(diff & 0xFFu);
    case ROLLER_LSM6_REG_FIFO_STATUS1 + 1u:
      return (uint8_t)((watermark(m) ? ROLLER_LSM6_FIFO_STATUS2_WATERMARK : 0u) |
                       (m->overrun ? ROLLER_LSM6_FIFO_STATUS2_OVER_RUN : 0u) |
                       (m->count == 0u ? ROLLER_LSM6_FIFO_STATUS2_EMPTY : 0u) | ((diff >> 8) & 0x07u));
    case ROLLER_LSM6_REG_FIFO_STATUS1 + 2u: return (uint8_t)(m->pattern_head & 0xFFu);
    case ROLLER_LSM6_REG_FIFO_STATUS1 + 3u: return (uint8_t)((m->pattern_head >> 8) & 0x03u);
    case ROLLER_LSM6_REG_FIFO_DATA_OUT_L: return read_fifo_byte(m, false);
    case ROLLER_LSM6_REG_FIFO_DATA_OUT_H: return read_fifo_byte(m, true);
    default: return reg < sizeof m->regs ? m->regs[reg] : 0u;
  }
}

bool lsm6_model_read(lsm6_model *m, uint8_t reg, uint8_t *buf, size_t n) {
  size_t i;
  bool inc = (m->regs[ROLLER_LSM6_REG_CTRL3_C] & ROLLER_LSM6_CTRL3_C_IF_INC) != 0u;
  if (!m->present) return false;
  for (i = 0; i < n; i++) {
    buf[i] = read_register(m, reg);
    if (!inc) continue;
    if (reg == ROLLER_LSM6_REG_FIFO_DATA_OUT_H) reg = ROLLER_LSM6_REG_FIFO_DATA_OUT_L; /* rolls back */
    else reg = (uint8_t)(reg + 1u);
  }
  return true;
}
