/*
 * roller_clock.h: the sensor clock of the frames, from the IMU's own timestamps.
 *
 * The LSM6DS3TR-C stamps every FIFO sample with a 24-bit count of 25 us ticks that wraps every
 * 419.4304 s and restarts at 0 whenever the firmware restarts the IMU (start, new configuration).
 * This module turns those counts into the protocol's 32-bit microsecond clock (t0 of a frame),
 * which runs on across wraps, stops and restarts and itself wraps at 2^32 us:
 *
 *   first sample after a restart:  t = anchor + ticks * 25            (anchor: clock at the restart)
 *   every later sample:            t = t_prev + ((ticks - ticks_prev) mod 2^24) * 25
 *
 * A step of more than 1.5 sample periods is a gap: the samples in it were lost in the chip (FIFO
 * overrun) and are reported as `missing` = round(step / period) - 1.
 * The anchor is the last sample's time plus the MCU time elapsed since that sample was read, so
 * the clock never runs backwards across a restart. Valid while the FIFO is read at least once per
 * 419 s (the firmware reads it every 20 ms).
 */
#ifndef ROLLER_CLOCK_H
#define ROLLER_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct roller_clock {
  bool have_time;          /* clock_us holds a sample time */
  bool restarted;          /* the next sample is the first after a restart */
  uint32_t clock_us;       /* sensor time of the last sample */
  uint32_t last_ticks;     /* chip count of the last sample */
  uint32_t mcu_at_last_us; /* MCU time when the last sample was read */
  uint32_t anchor_us;      /* sensor time at the last restart of the chip counter */
} roller_clock;

/** The time a sample took: its sensor time and the samples missing just before it. */
typedef struct roller_clock_step {
  uint32_t t_us;
  uint32_t missing;
  bool first_after_restart;
} roller_clock_step;

void roller_clock_init(roller_clock *c);
/** Call just before the chip's counter restarts; mcu_now_us is the MCU clock then. */
void roller_clock_restart(roller_clock *c, uint32_t mcu_now_us);
/** One FIFO sample, in order: its 24-bit count, the sample period in us, the MCU time now. */
roller_clock_step roller_clock_sample(roller_clock *c, uint32_t ticks, float period_us, uint32_t mcu_now_us);

#ifdef __cplusplus
}
#endif

#endif
