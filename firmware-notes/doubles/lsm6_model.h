/*
 * lsm6_model.h: a register-level model of the LSM6DS3TR-C, as the firmware core uses it.
 * A test double for roller_hw's imu_read / imu_write (host and Cortex-M4 tests, host loop).
 *
 * Modelled: WHO_AM_I; SW_RESET (self-clearing, registers back to defaults); ODR_XL / ODR_G and
 * the full scales (FS_XL, FS_G, FS_125) with the datasheet sensitivities; the FIFO (2048 words,
 * continuous and bypass modes, ODR_FIFO, the 9-word pattern gyro / accel / timestamp when
 * TIMER_PEDO_FIFO_EN is set, 6 words otherwise; watermark FTH in words; overrun: the oldest word
 * is overwritten, OVER_RUN is set until the next read, FIFO_PATTERN follows the oldest word);
 * FIFO_STATUS1..4; FIFO_DATA_OUT with the L/H address rolling back in a burst; the timestamp
 * counter (25 us per tick with TIMER_HR, 24 bits, restarted by writing 0xAA to TIMESTAMP2);
 * INT1 on the watermark. Samples are taken every 1 / ODR s of chip time (ODR 13 x 2^(code-1) Hz:
 * 26, 52, 104, 208, 416), optionally on a clock off by `clock_ppm`, from an IMU function.
 * Not modelled: decimation other than 1, the step counter (reads 0), the FIFO's other modes,
 * the chip's power-up and turn-on times, data-ready signals.
 */
#ifndef LSM6_MODEL_H
#define LSM6_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LSM6_MODEL_FIFO_WORDS 2048u

/** The motion at chip time t_s: specific force in g and angular rate in deg/s, sensor frame. */
typedef void (*lsm6_model_imu_fn)(void *ctx, double t_s, float accel_g[3], float gyro_dps[3]);

typedef struct lsm6_model {
  uint8_t regs[128];
  uint16_t fifo[LSM6_MODEL_FIFO_WORDS];
  unsigned head;          /* oldest word */
  unsigned count;         /* unread words */
  unsigned pattern_head;  /* place of the oldest word in the pattern */
  bool overrun;
  bool low_byte_read;     /* FIFO_DATA_OUT_L of the oldest word was read */
  double now_s;           /* true time */
  double next_sample_s;   /* true time of the next sample, if sampling */
  double counter_zero_s;  /* true time the timestamp counter was last restarted */
  double clock_ppm;       /* the chip's oscillator error: its ODR and counter run (1 + ppm/1e6) fast */
  bool present;           /* false: every transfer fails (chip not found) */
  unsigned long samples_taken;
  unsigned long words_overwritten;
  lsm6_model_imu_fn imu;
  void *imu_ctx;
} lsm6_model;

void lsm6_model_init(lsm6_model *m, lsm6_model_imu_fn imu, void *imu_ctx);
/** Runs the chip up to true time t_s (never backwards). */
void lsm6_model_advance(lsm6_model *m, double t_s);
bool lsm6_model_write(lsm6_model *m, uint8_t reg, uint8_t value);
bool lsm6_model_read(lsm6_model *m, uint8_t reg, uint8_t *buf, size_t n);
/** The INT1 pin: the FIFO watermark, when routed there. */
bool lsm6_model_int1(const lsm6_model *m);
/** The sample rate the registers select now, Hz (0 when not sampling into the FIFO). */
double lsm6_model_fifo_rate_hz(const lsm6_model *m);

#endif
