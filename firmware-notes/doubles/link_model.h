/*
 * link_model.h: a BLE link as the peripheral sees it, for tests and the host loop.
 *
 * Notifications are queued (up to `queue_capacity`, like the SoftDevice's HVN TX queue) and
 * leave at connection events, every `interval_s`, at most `per_event` per event; each is
 * delivered whole to `deliver` with the event's time. A notification longer than the ATT
 * payload (MTU - 3), sent while disconnected or unsubscribed, or with the queue full is
 * refused (notify returns false). Dropping the connection discards the queue.
 */
#ifndef LINK_MODEL_H
#define LINK_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LINK_MODEL_MAX_QUEUE 16u
#define LINK_MODEL_MAX_PAYLOAD 514u

typedef void (*link_model_deliver_fn)(void *ctx, double t_s, const uint8_t *bytes, size_t n);

typedef struct link_model {
  bool connected;
  bool subscribed;
  double interval_s;
  uint16_t att_payload_bytes;
  unsigned queue_capacity;
  unsigned per_event;
  double next_event_s;
  uint8_t queue[LINK_MODEL_MAX_QUEUE][LINK_MODEL_MAX_PAYLOAD];
  size_t queue_len[LINK_MODEL_MAX_QUEUE];
  unsigned queue_head, queue_count;
  unsigned long delivered, refused, discarded;
  link_model_deliver_fn deliver;
  void *deliver_ctx;
} link_model;

void link_model_init(link_model *l, double interval_s, uint16_t att_payload_bytes, link_model_deliver_fn deliver, void *ctx);
bool link_model_notify(link_model *l, const uint8_t *bytes, size_t n);
/** Runs connection events up to time t_s. */
void link_model_advance(link_model *l, double t_s);
void link_model_disconnect(link_model *l);

#endif
