/* roller_clock.c: 24-bit chip timestamps -> the protocol's 32-bit sensor clock (see the header). */
#include "roller_clock.h"

#include "roller_lsm6.h"

void roller_clock_init(roller_clock *c) {
  c->have_time = false;
  c->restarted = true;
  c->clock_us = 0;
  c->last_ticks = 0;
  c->mcu_at_last_us = 0;
  c->anchor_us = 0;
}

void roller_clock_restart(roller_clock *c, uint32_t mcu_now_us) {
  /* Before any sample the MCU clock is the only time there is. */
  c->anchor_us = c->have_time ? c->clock_us + (mcu_now_us - c->mcu_at_last_us) : mcu_now_us;
  c->restarted = true;
}

roller_clock_step roller_clock_sample(roller_clock *c, uint32_t ticks, float period_us, uint32_t mcu_now_us) {
  roller_clock_step step;
  uint32_t delta_us = 0;
  ticks &= ROLLER_LSM6_TICK_MASK;
  step.missing = 0;
  step.first_after_restart = c->restarted;
  if (c->restarted) {
    step.t_us = c->anchor_us + ticks * ROLLER_LSM6_TICK_US;
    c->restarted = false;
  } else {
    delta_us = ((ticks - c->last_ticks) & ROLLER_LSM6_TICK_MASK) * ROLLER_LSM6_TICK_US;
    step.t_us = c->clock_us + delta_us;
    if (period_us > 0.0f && (float)delta_us > 1.5f * period_us) {
      step.missing = (uint32_t)((float)delta_us / period_us + 0.5f) - 1u;
    }
  }
  c->last_ticks = ticks;
  c->clock_us = step.t_us; /* wraps modulo 2^32 like the protocol's t0 */
  c->mcu_at_last_us = mcu_now_us;
  c->have_time = true;
  return step;
}
