/*
 * roller_hw.h: the hardware the firmware core needs, as a table of functions the board fills in.
 *
 * The core (roller_sensor.h and the modules beside it) never touches a peripheral: the board
 * layer (reference-firmware/roller_sensor/roller_sensor.ino on the XIAO nRF52840 Sense) and the
 * test doubles (../doubles/) implement these. Every function gets `ctx` back unchanged.
 *
 * | function      | board (XIAO nRF52840 Sense)                 | contract                                   |
 * |---------------|---------------------------------------------|--------------------------------------------|
 * | imu_write     | Wire1 write of one register                 | true when the chip acknowledged            |
 * | imu_read      | Wire1 register read of n bytes (auto-inc)   | true when all n bytes arrived              |
 * | now_us        | micros()                                    | free-running MCU clock, us, wraps at 2^32  |
 * | notify        | Bluefruit notify / write of a characteristic| true when the payload was queued whole     |
 * | store_load    | LittleFS read of the settings file          | true when exactly n bytes were read        |
 * | store_save    | LittleFS write of the settings file         | true when written                          |
 * | set_led       | the identify LED                            |                                            |
 * | battery_adc   | analogRead(PIN_VBAT), mean of a few reads   | counts of a 12-bit ADC at 2.4 V full scale |
 */
#ifndef ROLLER_HW_H
#define ROLLER_HW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Where a payload goes. */
typedef enum roller_channel {
  ROLLER_CHANNEL_STREAM = 0,  /* IMU stream characteristic: one frame per notification */
  ROLLER_CHANNEL_STATUS = 1,  /* status characteristic: value update, notified if subscribed */
  ROLLER_CHANNEL_CONFIG = 2,  /* configuration characteristic: value update only (read by the app) */
  ROLLER_CHANNEL_BATTERY = 3  /* Battery Level: one byte, percent; value update, notified if subscribed */
} roller_channel;

typedef struct roller_hw {
  void *ctx;
  bool (*imu_write)(void *ctx, uint8_t reg, uint8_t value);
  bool (*imu_read)(void *ctx, uint8_t reg, uint8_t *buf, size_t n);
  uint32_t (*now_us)(void *ctx);
  /** A stream payload must never be split: return false (not sent) if it does not fit. */
  bool (*notify)(void *ctx, roller_channel channel, const uint8_t *bytes, size_t n);
  bool (*store_load)(void *ctx, uint8_t *buf, size_t n);
  bool (*store_save)(void *ctx, const uint8_t *buf, size_t n);
  void (*set_led)(void *ctx, bool on);
  uint16_t (*battery_adc)(void *ctx);
} roller_hw;

#ifdef __cplusplus
}
#endif

#endif
