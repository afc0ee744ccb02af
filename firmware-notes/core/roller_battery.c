/* roller_battery.c: divider reading -> volts, percent, low flag (see the header). */
#include "roller_battery.h"

float roller_battery_volts(uint16_t adc_counts) {
  float pin_v = (float)adc_counts * ROLLER_BATTERY_ADC_FULL_SCALE_V / ROLLER_BATTERY_ADC_COUNTS;
  return pin_v * ROLLER_BATTERY_DIVIDER;
}

uint8_t roller_battery_percent(float volts) {
  static const float V[] = {3.30f, 3.50f, 3.60f, 3.65f, 3.70f, 3.75f, 3.80f, 3.90f, 4.00f, 4.10f, 4.20f};
  static const uint8_t P[] = {0, 5, 12, 20, 30, 40, 50, 65, 78, 90, 100};
  unsigned i;
  if (!(volts > V[0])) return 0; /* also NaN */
  for (i = 1; i < sizeof V / sizeof V[0]; i++) {
    if (volts <= V[i]) {
      float p = (float)P[i - 1] + (float)(P[i] - P[i - 1]) * (volts - V[i - 1]) / (V[i] - V[i - 1]);
      return (uint8_t)(p + 0.5f);
    }
  }
  return 100;
}

bool roller_battery_low(float volts, bool was_low) {
  if (volts < ROLLER_BATTERY_LOW_V) return true;
  if (volts > ROLLER_BATTERY_LOW_CLEAR_V) return false;
  return was_low;
}
