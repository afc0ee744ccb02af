/* roller_batch.c: frames under the MTU and the dropped-sample count (see the header). */
#include "roller_batch.h"

void roller_batch_init(roller_batch *b, roller_send_fn send, void *send_ctx) {
  b->count = 0;
  b->target = 1;
  b->t0_us = 0;
  b->sequence = 0;
  b->dropped = 0;
  b->frames_sent = 0;
  b->send = send;
  b->send_ctx = send_ctx;
}

uint8_t roller_batch_target_for(uint8_t configured, uint16_t rate_hz, uint16_t interval_units,
                                uint16_t att_payload_bytes, bool one_per_event) {
  uint32_t target = configured;
  uint32_t fit = (uint32_t)roller_samples_per_frame_for(att_payload_bytes);
  if (one_per_event && interval_units > 0u) {
    /* ceil(rate x interval), interval = units x 1.25 ms */
    uint32_t per_event = ((uint32_t)rate_hz * interval_units * 125u + 99999u) / 100000u;
    if (per_event > target) target = per_event;
  }
  if (target > fit) target = fit;
  if (target < 1u) target = 1u;
  return (uint8_t)target;
}

void roller_batch_flush(roller_batch *b) {
  roller_frame_header header;
  uint8_t bytes[ROLLER_FRAME_MAX_BYTES];
  int n;
  if (b->count == 0u) return;
  header.count = b->count;
  header.sequence = b->sequence;
  header.t0_us = b->t0_us;
  n = roller_frame_encode(&header, b->samples, bytes, sizeof bytes);
  if (n > 0 && b->send != NULL && b->send(b->send_ctx, bytes, (size_t)n)) {
    b->sequence++;
    b->frames_sent++;
  } else {
    b->dropped += b->count;
  }
  b->count = 0;
}

void roller_batch_set_target(roller_batch *b, uint8_t target) {
  if (target < 1u) target = 1u;
  if (target > ROLLER_MAX_SAMPLES_PER_FRAME) target = (uint8_t)ROLLER_MAX_SAMPLES_PER_FRAME;
  b->target = target;
  if (b->count >= b->target) roller_batch_flush(b);
}

void roller_batch_add(roller_batch *b, uint32_t t_us, const roller_raw_sample *sample) {
  if (b->count == 0u) b->t0_us = t_us;
  b->samples[b->count++] = *sample;
  if (b->count >= b->target) roller_batch_flush(b);
}

void roller_batch_gap(roller_batch *b, uint32_t missing) {
  if (missing == 0u) return;
  b->dropped += missing;
  roller_batch_flush(b); /* samples in a frame are evenly spaced: a gap ends the frame */
}
