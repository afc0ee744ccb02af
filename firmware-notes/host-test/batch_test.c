/* batch_test.c: frames under the MTU and the dropped count (core/roller_batch.h). */
#include <string.h>

#include "../core/roller_batch.h"
#include "roller_check.h"

typedef struct sink {
  bool accept;
  unsigned frames;
  roller_frame_header last;
  roller_raw_sample samples[ROLLER_MAX_SAMPLES_PER_FRAME];
  size_t last_bytes;
} sink;

static bool sink_send(void *ctx, const uint8_t *bytes, size_t n) {
  sink *s = (sink *)ctx;
  if (!s->accept) return false;
  s->frames++;
  s->last_bytes = n;
  return roller_frame_decode(bytes, n, &s->last, s->samples, ROLLER_MAX_SAMPLES_PER_FRAME) == ROLLER_OK;
}

static roller_raw_sample sample(int16_t v) {
  roller_raw_sample s;
  s.ax = v; s.ay = 0; s.az = 8192; s.gx = (int16_t)-v; s.gy = 1; s.gz = 2;
  return s;
}

static void targets(void) {
  roller_check c;
  memset(&c, 0, sizeof c);
  CHECK(&c, roller_batch_target_for(10, 104, 12, 20, false) == 1, "default MTU caps at 1");
  CHECK(&c, roller_batch_target_for(10, 104, 12, 182, false) == 10, "MTU 185 takes 10");
  CHECK(&c, roller_batch_target_for(40, 104, 12, 244, false) == 19, "MTU 247 caps at 19");
  CHECK(&c, roller_batch_target_for(1, 104, 12, 244, true) == 2, "one per event, 104 Hz x 15 ms -> 2");
  CHECK(&c, roller_batch_target_for(1, 208, 24, 244, true) == 7, "one per event, 208 Hz x 30 ms -> 7");
  CHECK(&c, roller_batch_target_for(1, 208, 0, 244, true) == 1, "unknown interval keeps the configured");
  CHECK(&c, roller_batch_target_for(0, 104, 0, 0, false) == 1, "never below 1");
  roller_test_report("batch samples per frame: configured, per event, capped by the MTU", &c);
}

static void frames(void) {
  roller_check c;
  roller_batch b;
  sink s;
  memset(&c, 0, sizeof c);
  memset(&s, 0, sizeof s);
  s.accept = true;
  roller_batch_init(&b, sink_send, &s);
  roller_batch_set_target(&b, 3);
  roller_batch_add(&b, 1000, &(roller_raw_sample){0});
  {
    roller_raw_sample x = sample(5), y = sample(6);
    roller_batch_add(&b, 1100, &x);
    CHECK(&c, s.frames == 0, "sent before the target");
    roller_batch_add(&b, 1200, &y);
  }
  CHECK(&c, s.frames == 1 && s.last.count == 3 && s.last.t0_us == 1000 && s.last.sequence == 0,
        "first frame: %u frames, count %u, t0 %lu", s.frames, s.last.count, (unsigned long)s.last.t0_us);
  CHECK(&c, s.last_bytes == 44, "3 samples are 44 bytes, got %u", (unsigned)s.last_bytes);
  CHECK(&c, s.samples[2].ax == 6 && s.samples[2].gx == -6, "samples in order");
  {
    roller_raw_sample x = sample(7);
    roller_batch_add(&b, 1300, &x);
    roller_batch_gap(&b, 4); /* a gap ends the frame and counts */
  }
  CHECK(&c, s.frames == 2 && s.last.count == 1 && s.last.sequence == 1, "gap ends the frame: count %u", s.last.count);
  CHECK(&c, b.dropped == 4, "gap counted: %lu", (unsigned long)b.dropped);
  s.accept = false;
  {
    roller_raw_sample x = sample(8);
    roller_batch_add(&b, 2000, &x);
    roller_batch_add(&b, 2100, &x);
    roller_batch_flush(&b);
  }
  CHECK(&c, b.dropped == 6 && b.count == 0, "refused frame counted: dropped %lu", (unsigned long)b.dropped);
  s.accept = true;
  {
    roller_raw_sample x = sample(9);
    roller_batch_add(&b, 3000, &x);
    roller_batch_flush(&b);
  }
  CHECK(&c, s.last.sequence == 2, "sequence advances only for frames sent: %u", s.last.sequence);
  roller_test_report("batch frames: t0 of the first sample, gaps end frames, every unsent sample counted", &c);
}

static void shrink(void) {
  roller_check c;
  roller_batch b;
  sink s;
  roller_raw_sample x = sample(1);
  memset(&c, 0, sizeof c);
  memset(&s, 0, sizeof s);
  s.accept = true;
  roller_batch_init(&b, sink_send, &s);
  roller_batch_set_target(&b, 10);
  roller_batch_add(&b, 0, &x);
  roller_batch_add(&b, 1, &x);
  roller_batch_add(&b, 2, &x);
  roller_batch_set_target(&b, 2);
  CHECK(&c, s.frames == 1 && s.last.count == 3 && b.count == 0, "lowering the target sends the frame at once");
  roller_test_report("batch target lowered under a frame in progress", &c);
}

void batch_suite(void) {
  targets();
  frames();
  shrink();
}
