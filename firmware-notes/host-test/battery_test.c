/* battery_test.c: divider reading -> volts, percent, low flag (core/roller_battery.h). */
#include <string.h>

#include "../core/roller_battery.h"
#include "roller_check.h"

static void level(void) {
  roller_check c;
  float v;
  memset(&c, 0, sizeof c);
  v = roller_battery_volts(1411); /* 0.8267 V at the pin */
  CHECK(&c, v > 2.44f && v < 2.45f, "1411 counts: %f V", (double)v);
  v = roller_battery_volts(1928);
  CHECK(&c, v > 3.33f && v < 3.35f, "1928 counts: %f V", (double)v);
  CHECK(&c, roller_battery_percent(4.25f) == 100, "4.25 V is full");
  CHECK(&c, roller_battery_percent(3.20f) == 0, "3.2 V is empty");
  CHECK(&c, roller_battery_percent(3.80f) == 50, "3.8 V is 50 %%, got %u", roller_battery_percent(3.80f));
  CHECK(&c, roller_battery_percent(3.86f) == 59, "3.86 V is 59 %%, got %u", roller_battery_percent(3.86f));
  CHECK(&c, roller_battery_low(3.40f, false), "3.40 V is low");
  CHECK(&c, roller_battery_low(3.50f, true) && !roller_battery_low(3.50f, false), "hysteresis at 3.50 V");
  CHECK(&c, !roller_battery_low(3.65f, true), "3.65 V clears it");
  roller_test_report("battery volts from the divider, percent and low flag", &c);
}

void battery_suite(void) { level(); }
