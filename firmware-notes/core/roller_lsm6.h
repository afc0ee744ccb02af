/*
 * roller_lsm6.h: the LSM6DS3TR-C as the firmware uses it (datasheet DocID 030071, AN5130).
 *
 * Registers and fields the firmware touches:
 *
 * | reg  | name          | fields used                                                      |
 * |------|---------------|------------------------------------------------------------------|
 * | 0x06 | FIFO_CTRL1    | FTH[7:0]: watermark, in 16-bit words                             |
 * | 0x07 | FIFO_CTRL2    | bit7 TIMER_PEDO_FIFO_EN (timestamp data set), bits2:0 FTH[10:8]  |
 * | 0x08 | FIFO_CTRL3    | bits5:3 DEC_FIFO_GYRO, bits2:0 DEC_FIFO_XL (1 = every sample)    |
 * | 0x09 | FIFO_CTRL4    | bits5:3 DEC_DS4_FIFO (timestamp data set; 1 = every sample)      |
 * | 0x0A | FIFO_CTRL5    | bits6:3 ODR_FIFO, bits2:0 FIFO_MODE (0 bypass, 6 continuous)     |
 * | 0x0D | INT1_CTRL     | bit3 INT1_FTH                                                    |
 * | 0x0F | WHO_AM_I      | 0x6A                                                             |
 * | 0x10 | CTRL1_XL      | bits7:4 ODR_XL, bits3:2 FS_XL (00 2 g, 10 4 g, 11 8 g, 01 16 g)  |
 * | 0x11 | CTRL2_G       | bits7:4 ODR_G, bits3:2 FS_G (250/500/1000/2000), bit1 FS_125     |
 * | 0x12 | CTRL3_C       | bit6 BDU, bit2 IF_INC, bit0 SW_RESET                             |
 * | 0x19 | CTRL10_C      | bit5 TIMER_EN, bit2 FUNC_EN                                      |
 * | 0x3A | FIFO_STATUS1  | DIFF_FIFO[7:0]: unread words                                     |
 * | 0x3B | FIFO_STATUS2  | bit7 WaterM, bit6 OVER_RUN, bit4 FIFO_EMPTY, bits2:0 DIFF[10:8]  |
 * | 0x3C | FIFO_STATUS3  | FIFO_PATTERN[7:0]: place of the next word in the pattern          |
 * | 0x3D | FIFO_STATUS4  | bits1:0 FIFO_PATTERN[9:8]                                        |
 * | 0x3E | FIFO_DATA_OUT | L, H; a burst read rolls back from 0x3F to 0x3E (next word)      |
 * | 0x42 | TIMESTAMP2    | write 0xAA: the timestamp counter restarts at 0                  |
 * | 0x5C | WAKE_UP_DUR   | bit4 TIMER_HR: 25 us per timestamp tick                          |
 *
 * FIFO pattern with gyro, accel and the timestamp data set all at the FIFO rate (9 words):
 *
 *   word  0..2  gyro  X, Y, Z   (int16 LE, chip LSB)
 *   word  3..5  accel X, Y, Z   (int16 LE, chip LSB)
 *   word  6     bytes TS[15:8], TS[23:16]
 *   word  7     bytes (unused), TS[7:0]
 *   word  8     step counter L, H
 *
 * The timestamp is a 24-bit count of 25 us ticks: it wraps every 419.4304 s.
 */
#ifndef ROLLER_LSM6_H
#define ROLLER_LSM6_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../codec/roller_frame.h"
#include "roller_hw.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ROLLER_LSM6_REG_FIFO_CTRL1 0x06u
#define ROLLER_LSM6_REG_FIFO_CTRL2 0x07u
#define ROLLER_LSM6_REG_FIFO_CTRL3 0x08u
#define ROLLER_LSM6_REG_FIFO_CTRL4 0x09u
#define ROLLER_LSM6_REG_FIFO_CTRL5 0x0Au
#define ROLLER_LSM6_REG_INT1_CTRL 0x0Du
#define ROLLER_LSM6_REG_WHO_AM_I 0x0Fu
#define ROLLER_LSM6_REG_CTRL1_XL 0x10u
#define ROLLER_LSM6_REG_CTRL2_G 0x11u
#define ROLLER_LSM6_REG_CTRL3_C 0x12u
#define ROLLER_LSM6_REG_CTRL10_C 0x19u
#define ROLLER_LSM6_REG_FIFO_STATUS1 0x3Au
#define ROLLER_LSM6_REG_FIFO_DATA_OUT_L 0x3Eu
#define ROLLER_LSM6_REG_FIFO_DATA_OUT_H 0x3Fu
#define ROLLER_LSM6_REG_TIMESTAMP2 0x42u
#define ROLLER_LSM6_REG_WAKE_UP_DUR 0x5Cu

#define ROLLER_LSM6_WHO_AM_I 0x6Au
#define ROLLER_LSM6_CTRL3_C_BDU 0x40u
#define ROLLER_LSM6_CTRL3_C_IF_INC 0x04u
#define ROLLER_LSM6_CTRL3_C_SW_RESET 0x01u
#define ROLLER_LSM6_CTRL10_C_TIMER_EN 0x20u
#define ROLLER_LSM6_CTRL10_C_FUNC_EN 0x04u
#define ROLLER_LSM6_WAKE_UP_DUR_TIMER_HR 0x10u
#define ROLLER_LSM6_FIFO_CTRL2_TIMER_PEDO_FIFO_EN 0x80u
#define ROLLER_LSM6_FIFO_DECIMATION_NONE 0x01u
#define ROLLER_LSM6_FIFO_MODE_BYPASS 0x00u
#define ROLLER_LSM6_FIFO_MODE_CONTINUOUS 0x06u
#define ROLLER_LSM6_FIFO_STATUS2_WATERMARK 0x80u
#define ROLLER_LSM6_FIFO_STATUS2_OVER_RUN 0x40u
#define ROLLER_LSM6_FIFO_STATUS2_EMPTY 0x10u
#define ROLLER_LSM6_INT1_CTRL_FTH 0x08u
#define ROLLER_LSM6_TIMESTAMP_RESET 0xAAu

#define ROLLER_LSM6_FIFO_WORDS_PER_SAMPLE 9u
#define ROLLER_LSM6_FIFO_BYTES_PER_SAMPLE 18u
#define ROLLER_LSM6_FIFO_CAPACITY_WORDS 2048u /* 4 KB */
#define ROLLER_LSM6_TICK_US 25u                /* with TIMER_HR */
#define ROLLER_LSM6_TICK_MASK 0xFFFFFFu        /* 24-bit counter */

/** What a configuration becomes on this chip. */
typedef struct roller_lsm6_settings {
  uint16_t rate_hz;       /* the ODR as the configuration read-back reports it */
  uint8_t odr_code;       /* ODR_XL / ODR_G / ODR_FIFO field value */
  uint8_t ctrl1_xl;       /* ODR + FS_XL */
  uint8_t ctrl2_g;        /* ODR + FS_G + FS_125 */
  float accel_g_per_lsb;  /* datasheet sensitivity at the chosen range */
  float gyro_dps_per_lsb; /* datasheet sensitivity at the chosen range */
} roller_lsm6_settings;

/** One FIFO sample: chip LSB and the 24-bit timestamp in ticks. */
typedef struct roller_lsm6_record {
  int16_t gyro[3];
  int16_t accel[3];
  uint32_t ticks;
} roller_lsm6_record;

/** FIFO_STATUS1..4 decoded. */
typedef struct roller_lsm6_fifo_status {
  uint16_t unread_words; /* DIFF_FIFO */
  uint16_t pattern;      /* place of the next word to read in the 9-word pattern */
  bool watermark;
  bool overrun;
} roller_lsm6_fifo_status;

/** The chip ODR nearest to `hz` among 26, 52, 104, 208 and 416 Hz (ties go to the faster). */
uint16_t roller_lsm6_nearest_rate_hz(uint16_t hz);
/** Register values and sensitivities for a valid configuration (rate rounded to the chip's ODR). */
roller_lsm6_settings roller_lsm6_settings_for(const roller_config *config);
/** Decodes one 18-byte FIFO sample (gyro, accel, timestamp data sets). */
roller_lsm6_record roller_lsm6_record_decode(const uint8_t bytes[ROLLER_LSM6_FIFO_BYTES_PER_SAMPLE]);
/** Decodes FIFO_STATUS1..4 (4 bytes from 0x3A). */
roller_lsm6_fifo_status roller_lsm6_fifo_status_decode(const uint8_t bytes[4]);

/* ---- Driver (through roller_hw) ---- */

/** Checks WHO_AM_I, soft-resets, sets BDU and IF_INC. False if the chip does not answer as a LSM6DS3TR-C. */
bool roller_lsm6_probe(const roller_hw *hw);
/** Empties the FIFO, applies the settings, restarts the timestamp counter and starts the FIFO. */
bool roller_lsm6_start(const roller_hw *hw, const roller_lsm6_settings *s, uint8_t watermark_samples);
/** Sets the FIFO watermark to `samples` whole samples (at least 1). */
bool roller_lsm6_set_watermark(const roller_hw *hw, uint8_t samples);
/** FIFO off, accelerometer and gyroscope powered down. */
bool roller_lsm6_stop(const roller_hw *hw);

#ifdef __cplusplus
}
#endif

#endif
