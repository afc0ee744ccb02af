/* link_model.c: queued notifications delivered at connection events (see the header). */
#include "link_model.h"

#include <string.h>

void link_model_init(link_model *l, double interval_s, uint16_t att_payload_bytes, link_model_deliver_fn deliver, void *ctx) {
  memset(l, 0, sizeof *l);
  l->connected = true;
  l->subscribed = true;
  l->interval_s = interval_s;
  l->att_payload_bytes = att_payload_bytes;
  l->queue_capacity = 4u;
  l->per_event = 4u;
  l->next_event_s = interval_s;
  l->deliver = deliver;
  l->deliver_ctx = ctx;
}

bool link_model_notify(link_model *l, const uint8_t *bytes, size_t n) {
  unsigned at;
  if (!l->connected || !l->subscribed || n > l->att_payload_bytes || n > LINK_MODEL_MAX_PAYLOAD ||
      l->queue_count >= l->queue_capacity || l->queue_count >= LINK_MODEL_MAX_QUEUE) {
    l->refused++;
    return false;
  }
  at = (l->queue_head + l->queue_count) % LINK_MODEL_MAX_QUEUE;
  memcpy(l->queue[at], bytes, n);
  l->queue_len[at] = n;
  l->queue_count++;
  return true;
}

void link_model_advance(link_model *l, double t_s) {
  while (l->next_event_s <= t_s) {
    unsigned sent = 0;
    while (l->connected && l->queue_count > 0u && sent < l->per_event) {
      if (l->deliver != NULL) l->deliver(l->deliver_ctx, l->next_event_s, l->queue[l->queue_head], l->queue_len[l->queue_head]);
      l->queue_head = (l->queue_head + 1u) % LINK_MODEL_MAX_QUEUE;
      l->queue_count--;
      l->delivered++;
      sent++;
    }
    l->next_event_s += l->interval_s;
  }
}

void link_model_disconnect(link_model *l) {
  l->connected = false;
  l->discarded += l->queue_count;
  l->queue_count = 0;
}
