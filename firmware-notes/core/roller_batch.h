/*
 * roller_batch.h: samples -> frames under the negotiated MTU, and the count of samples not sent.
 *
 * Rules (firmware-notes/README.md sections 4 and 5):
 * - A frame holds consecutive, evenly spaced samples; its t0 is the time of its first sample.
 * - A frame goes out in ONE notification: never more samples than roller_samples_per_frame_for
 *   (ATT payload = MTU - 3); a frame the link refuses is not retried, its samples are counted.
 * - A gap (samples lost in the chip) ends the frame being built and is counted.
 * - The sequence number advances only for frames sent, so the app sees every sent frame in order.
 * Every sample that was taken while streaming and did not reach the link is in `dropped`.
 */
#ifndef ROLLER_BATCH_H
#define ROLLER_BATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "../codec/roller_frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Sends one encoded frame; true when the link took it whole. */
typedef bool (*roller_send_fn)(void *ctx, const uint8_t *bytes, size_t n);

typedef struct roller_batch {
  roller_raw_sample samples[ROLLER_MAX_SAMPLES_PER_FRAME];
  uint8_t count;
  uint8_t target;       /* samples per frame now, 1 .. 40 */
  uint32_t t0_us;
  uint16_t sequence;    /* of the next frame sent */
  uint32_t dropped;     /* samples not sent since power-on */
  uint32_t frames_sent;
  roller_send_fn send;
  void *send_ctx;
} roller_batch;

void roller_batch_init(roller_batch *b, roller_send_fn send, void *send_ctx);
/**
 * Samples per frame: the configured value, raised to ceil(rate x interval) when
 * one_per_event is set and the interval is known (interval_units of 1.25 ms, 0 = unknown),
 * capped by what fits the ATT payload, at least 1.
 */
uint8_t roller_batch_target_for(uint8_t configured, uint16_t rate_hz, uint16_t interval_units,
                                uint16_t att_payload_bytes, bool one_per_event);
/** Changes the samples per frame; a frame already at or over the new target is sent. */
void roller_batch_set_target(roller_batch *b, uint8_t target);
/** Adds one sample taken at t_us; sends the frame when it reaches the target. */
void roller_batch_add(roller_batch *b, uint32_t t_us, const roller_raw_sample *sample);
/** Sends the frame being built (if any). */
void roller_batch_flush(roller_batch *b);
/** Counts samples lost before the next one (a gap) and ends the frame being built. */
void roller_batch_gap(roller_batch *b, uint32_t missing);

#ifdef __cplusplus
}
#endif

#endif
