/*
 * roller_battery.h: battery level from the divider reading (XIAO nRF52840 Sense).
 *
 * VBAT - 1 MOhm - PIN_VBAT - 510 kOhm - VBAT_ENABLE (held low): the pin sees VBAT x 510 / 1510.
 * The ADC runs at 12 bits with the 2.4 V internal reference. The percentage is a rough LiPo
 * discharge curve at a light load; low battery is flagged below 3.45 V and cleared above 3.60 V.
 */
#ifndef ROLLER_BATTERY_H
#define ROLLER_BATTERY_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ROLLER_BATTERY_DIVIDER ((1000.0f + 510.0f) / 510.0f)
#define ROLLER_BATTERY_ADC_FULL_SCALE_V 2.4f
#define ROLLER_BATTERY_ADC_COUNTS 4096.0f
#define ROLLER_BATTERY_LOW_V 3.45f
#define ROLLER_BATTERY_LOW_CLEAR_V 3.60f

/** Battery volts from the ADC counts at the divider. */
float roller_battery_volts(uint16_t adc_counts);
/** 0 .. 100 percent. */
uint8_t roller_battery_percent(float volts);
/** The low-battery flag with hysteresis. */
bool roller_battery_low(float volts, bool was_low);

#ifdef __cplusplus
}
#endif

#endif
