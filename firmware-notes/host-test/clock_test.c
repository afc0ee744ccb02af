/* clock_test.c: 24-bit chip timestamps -> 32-bit sensor clock (core/roller_clock.h). */
#include <string.h>

#include "../core/roller_clock.h"
#include "roller_check.h"

#define PERIOD_104HZ_US (1e6f / 104.0f)

static void wrap(void) {
  roller_check c;
  roller_clock k;
  roller_clock_step s;
  memset(&c, 0, sizeof c);
  roller_clock_init(&k);
  roller_clock_restart(&k, 5000000u);
  s = roller_clock_sample(&k, 0xFFFF00u, PERIOD_104HZ_US, 0);
  CHECK(&c, s.first_after_restart && s.t_us == 5000000u + 0xFFFF00u * 25u, "first: %lu", (unsigned long)s.t_us);
  s = roller_clock_sample(&k, 0x000080u, PERIOD_104HZ_US, 0); /* 384 ticks later, across the 24-bit wrap */
  CHECK(&c, !s.first_after_restart && s.t_us == 5000000u + 0xFFFF00u * 25u + 384u * 25u, "across the wrap: %lu", (unsigned long)s.t_us);
  CHECK(&c, s.missing == 0, "no gap: %lu", (unsigned long)s.missing);
  roller_test_report("clock unwraps the 24-bit counter (419 s) without a jump", &c);
}

static void clock32_wrap(void) {
  roller_check c;
  roller_clock k;
  roller_clock_step s;
  memset(&c, 0, sizeof c);
  roller_clock_init(&k);
  roller_clock_restart(&k, 0xFFFFF000u);
  (void)roller_clock_sample(&k, 0, PERIOD_104HZ_US, 0);
  s = roller_clock_sample(&k, 400, PERIOD_104HZ_US, 0);
  CHECK(&c, s.t_us == 0xFFFFF000u + 10000u, "t wraps modulo 2^32: %lu", (unsigned long)s.t_us);
  roller_test_report("clock wraps at 2^32 us like the frame's t0", &c);
}

static void gap(void) {
  roller_check c;
  roller_clock k;
  roller_clock_step s;
  memset(&c, 0, sizeof c);
  roller_clock_init(&k);
  roller_clock_restart(&k, 0);
  (void)roller_clock_sample(&k, 1000, PERIOD_104HZ_US, 0);
  s = roller_clock_sample(&k, 1000 + 385, PERIOD_104HZ_US, 0);
  CHECK(&c, s.missing == 0, "one period: missing %lu", (unsigned long)s.missing);
  s = roller_clock_sample(&k, 1000 + 385 + 6 * 385, PERIOD_104HZ_US, 0); /* 5 samples lost */
  CHECK(&c, s.missing == 5, "six periods: missing %lu, expected 5", (unsigned long)s.missing);
  roller_test_report("clock reports the samples missing in a timestamp gap", &c);
}

static void restart(void) {
  roller_check c;
  roller_clock k;
  roller_clock_step s;
  uint32_t before;
  memset(&c, 0, sizeof c);
  roller_clock_init(&k);
  roller_clock_restart(&k, 1000u);
  (void)roller_clock_sample(&k, 40000, PERIOD_104HZ_US, 2000000u); /* t = 1 s + 1000 us, read at MCU 2 s */
  before = k.clock_us;
  roller_clock_restart(&k, 2500000u); /* 0.5 s of MCU time later */
  s = roller_clock_sample(&k, 4, PERIOD_104HZ_US, 2600000u);
  CHECK(&c, s.first_after_restart, "first after restart");
  CHECK(&c, s.t_us == before + 500000u + 100u, "after restart: %lu, expected %lu", (unsigned long)s.t_us, (unsigned long)(before + 500100u));
  CHECK(&c, s.missing == 0, "a restart is not a loss");
  roller_test_report("clock carries on across a restart of the chip counter", &c);
}

void clock_suite(void) {
  wrap();
  clock32_wrap();
  gap();
  restart();
}
