/*
 * host_loop.c: the firmware core in a loop on the host, between a motion source and the app.
 *
 *   motion (stdin, text) -> LSM6DS3TR-C model -> firmware core -> link model -> notifications (stdout, hex)
 *
 * Usage: host_loop [--interval-ms 15] [--mtu 247] [--poll-ms 20] < motion.txt > notifications.txt
 *
 * Input, one per line, times in seconds, non-decreasing ('#' starts a comment):
 *   imu <t> <ax_g> <ay_g> <az_g> <gx_dps> <gy_dps> <gz_dps>   the true motion at t (linearly interpolated
 *                                                             between lines for the chip's sample times)
 *   config <t> <rate_hz> <accel_g> <gyro_dps> <samples_per_frame>   a configuration write at t
 *   control <t> <opcode> [<parameter>]                        a control point write at t (1 start, 2 stop, 3 identify, 4 calibrate)
 *   link <t> up|down [<interval_ms> <mtu>]                    the connection comes or goes at t (up while up:
 *                                                             a new interval or MTU, connection events kept)
 *   stall <t> <seconds>                                       the loop does not run for that long (FIFO overrun)
 *   write <t> config|control <hex bytes>                      the bytes a central wrote to that characteristic,
 *                                                             answered by a write-ok / write-error line
 *   sync <t>                                                  runs to t, prints "<t> sync <taken> <dropped>
 *                                                             <frames> <overwritten>" and flushes stdout: a
 *                                                             driver writes lines, then a sync, and reads up to
 *                                                             its answer (run on a simulated clock, lock-step)
 * The link starts up (the app has connected and subscribed).
 *
 * Output, one line per payload, in time order:
 *   <t> stream|status|config|battery|refused <hex bytes>       t = when the central receives it (stream: the
 *                                                             connection event), else when the firmware wrote it
 *   <t> write-error <config|control> <reason>                 a configuration or control write refused (ATT error)
 *   <t> write-ok <config|control>                             a `write` line accepted
 * Ends with "# <samples taken> taken, <dropped> dropped, <frames> frames" on stdout.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/roller_sensor.h"
#include "../doubles/link_model.h"
#include "../doubles/lsm6_model.h"

typedef struct point {
  double t;
  float v[6];
} point;

typedef struct loop {
  lsm6_model chip;
  link_model link;
  roller_hw hw;
  roller_sensor sensor;
  double now_s, poll_s, stall_until_s;
  point prev, next;
  bool have_prev, have_next;
} loop;

static loop L;

static void print_hex(double t, const char *kind, const uint8_t *b, size_t n) {
  size_t i;
  printf("%.6f %s", t, kind);
  for (i = 0; i < n; i++) printf(" %02X", b[i]);
  printf("\n");
}

static void motion(void *ctx, double t, float a[3], float g[3]) {
  loop *l = (loop *)ctx;
  float v[6];
  int k;
  if (!l->have_next) {
    memset(v, 0, sizeof v);
    v[2] = 1.0f;
  } else if (!l->have_prev || t >= l->next.t || l->next.t <= l->prev.t) {
    memcpy(v, l->next.v, sizeof v);
  } else {
    float f = (float)((t - l->prev.t) / (l->next.t - l->prev.t));
    if (f < 0) f = 0;
    for (k = 0; k < 6; k++) v[k] = l->prev.v[k] + f * (l->next.v[k] - l->prev.v[k]);
  }
  for (k = 0; k < 3; k++) {
    a[k] = v[k];
    g[k] = v[k + 3];
  }
}

static bool hw_write(void *ctx, uint8_t reg, uint8_t value) { return lsm6_model_write(&((loop *)ctx)->chip, reg, value); }
static bool hw_read(void *ctx, uint8_t reg, uint8_t *buf, size_t n) { return lsm6_model_read(&((loop *)ctx)->chip, reg, buf, n); }
static uint32_t hw_now(void *ctx) { return (uint32_t)(unsigned long long)floor(((loop *)ctx)->now_s * 1e6); }

static bool hw_notify(void *ctx, roller_channel channel, const uint8_t *bytes, size_t n) {
  loop *l = (loop *)ctx;
  static const char *names[] = {"stream", "status", "config", "battery"};
  if (channel == ROLLER_CHANNEL_STREAM) {
    bool ok = link_model_notify(&l->link, bytes, n);
    if (!ok) print_hex(l->now_s, "refused", bytes, n);
    return ok;
  }
  print_hex(l->now_s, names[channel], bytes, n);
  return true;
}

static uint16_t hw_battery(void *ctx) {
  (void)ctx;
  return 2300u; /* about 4.0 V */
}

static void deliver(void *ctx, double t, const uint8_t *bytes, size_t n) {
  (void)ctx;
  print_hex(t, "stream", bytes, n);
}

static void link_to_core(loop *l) {
  roller_link link;
  link.connected = l->link.connected;
  link.att_payload_bytes = l->link.connected ? l->link.att_payload_bytes : (uint16_t)ROLLER_DEFAULT_ATT_PAYLOAD_BYTES;
  link.interval_units = l->link.connected ? (uint16_t)(l->link.interval_s / 0.00125 + 0.5) : 0u;
  roller_sensor_link_changed(&l->sensor, &link);
}

/** Runs the chip, the loop and the link up to t. */
static void run_to(loop *l, double t) {
  while (l->now_s < t - 1e-12) {
    double next = l->now_s + l->poll_s;
    if (next > t) next = t;
    l->now_s = next;
    lsm6_model_advance(&l->chip, next);
    if (next >= l->stall_until_s) roller_sensor_poll(&l->sensor);
    link_model_advance(&l->link, next);
  }
}

static void write_config(loop *l, const char *rest) {
  unsigned rate, accel, gyro, spf;
  uint8_t b[ROLLER_CONFIG_BYTES];
  roller_config c;
  roller_result r;
  if (sscanf(rest, "%u %u %u %u", &rate, &accel, &gyro, &spf) != 4) {
    printf("%.6f write-error config needs 4 values\n", l->now_s);
    return;
  }
  b[0] = 1;
  b[1] = (uint8_t)rate; b[2] = (uint8_t)(rate >> 8);
  b[3] = (uint8_t)accel;
  b[4] = (uint8_t)gyro; b[5] = (uint8_t)(gyro >> 8);
  b[6] = (uint8_t)spf;
  r = roller_sensor_honour_write(b, sizeof b, &c);
  if (r != ROLLER_OK) printf("%.6f write-error config %s\n", l->now_s, roller_result_name(r));
  else roller_sensor_apply_config(&l->sensor, &c);
}

static void write_control(loop *l, const char *rest) {
  uint8_t b[2];
  unsigned op, param;
  int n = sscanf(rest, "%u %u", &op, &param);
  roller_control c;
  roller_result r;
  if (n < 1) {
    printf("%.6f write-error control needs an opcode\n", l->now_s);
    return;
  }
  b[0] = (uint8_t)op;
  b[1] = (uint8_t)(n > 1 ? param : 0u);
  r = roller_control_decode(b, (size_t)n, &c);
  if (r != ROLLER_OK) printf("%.6f write-error control %s\n", l->now_s, roller_result_name(r));
  else roller_sensor_command(&l->sensor, &c);
}

/** Hex bytes ("01 68 00" or "016800") into b; the count, or -1 on a bad digit or too many. */
static int parse_hex(const char *text, uint8_t *b, int capacity) {
  int n = 0, half = -1;
  for (; *text != '\0' && *text != '\n' && *text != '\r'; text++) {
    int v;
    char c = *text;
    if (c == ' ' || c == '\t') continue;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    else return -1;
    if (half < 0) {
      half = v;
      continue;
    }
    if (n >= capacity) return -1;
    b[n++] = (uint8_t)(half * 16 + v);
    half = -1;
  }
  return half < 0 ? n : -1;
}

/** A central's write of raw bytes, answered as the board's GATT callback would (then applied by the loop). */
static void write_bytes(loop *l, const char *rest) {
  char target[16];
  uint8_t b[32];
  int used = 0, n;
  roller_result r;
  if (sscanf(rest, "%15s %n", target, &used) < 1 || (n = parse_hex(rest + used, b, (int)sizeof b)) < 0) {
    printf("%.6f write-error write malformed (write <t> config|control <hex bytes>)\n", l->now_s);
    return;
  }
  if (strcmp(target, "config") == 0) {
    roller_config c;
    r = roller_sensor_honour_write(b, (size_t)n, &c);
    if (r == ROLLER_OK) {
      printf("%.6f write-ok config\n", l->now_s);
      roller_sensor_apply_config(&l->sensor, &c);
      return;
    }
  } else if (strcmp(target, "control") == 0) {
    roller_control c;
    r = roller_control_decode(b, (size_t)n, &c);
    if (r == ROLLER_OK) {
      printf("%.6f write-ok control\n", l->now_s);
      roller_sensor_command(&l->sensor, &c);
      return;
    }
  } else {
    printf("%.6f write-error %s not writable\n", l->now_s, target);
    return;
  }
  printf("%.6f write-error %s %s\n", l->now_s, target, roller_result_name(r));
}

static void link_line(loop *l, const char *rest) {
  double interval_ms, mtu;
  if (sscanf(rest, "up %lf %lf", &interval_ms, &mtu) == 2 && interval_ms >= 7.5 && interval_ms <= 4000 && mtu >= 23 && mtu <= 517) {
    l->link.interval_s = interval_ms / 1000.0;
    l->link.att_payload_bytes = (uint16_t)(mtu - 3);
  }
  if (strncmp(rest, "down", 4) == 0) link_model_disconnect(&l->link);
  else if (!l->link.connected) {
    l->link.connected = true;
    l->link.next_event_s = l->now_s + l->link.interval_s;
  }
  link_to_core(l);
}

static double arg_number(int argc, char **argv, const char *name, double fallback) {
  int i;
  for (i = 1; i + 1 < argc; i++) {
    if (strcmp(argv[i], name) == 0) return atof(argv[i + 1]);
  }
  return fallback;
}

int main(int argc, char **argv) {
  static char line[512];
  int line_no = 0;
  double interval_ms = arg_number(argc, argv, "--interval-ms", 15.0);
  double mtu = arg_number(argc, argv, "--mtu", 247.0), poll_ms = arg_number(argc, argv, "--poll-ms", 20.0);
  loop *l = &L;
  if (interval_ms < 7.5 || interval_ms > 4000 || mtu < 23 || mtu > 517 || poll_ms <= 0 || poll_ms > 1000) {
    fprintf(stderr, "host_loop: --interval-ms 7.5..4000, --mtu 23..517, --poll-ms 0..1000\n");
    return 2;
  }
  lsm6_model_init(&l->chip, motion, l);
  link_model_init(&l->link, interval_ms / 1000.0, (uint16_t)(mtu - 3), deliver, l);
  l->link.queue_capacity = 4;
  l->poll_s = poll_ms / 1000.0;
  l->hw.ctx = l;
  l->hw.imu_write = hw_write;
  l->hw.imu_read = hw_read;
  l->hw.now_us = hw_now;
  l->hw.notify = hw_notify;
  l->hw.battery_adc = hw_battery;
  roller_sensor_init(&l->sensor, &l->hw);
  link_to_core(l);
  while (fgets(line, sizeof line, stdin) != NULL) {
    char kind[16];
    double t;
    int used = 0;
    line_no++;
    if (line[0] == '#' || line[0] == '\n' || line[0] == '\r') continue;
    if (sscanf(line, "%15s %lf %n", kind, &t, &used) < 2 || t < l->now_s - 1e-9) {
      fprintf(stderr, "host_loop: line %d: expected \"<kind> <time>\" with time not going back\n", line_no);
      return 2;
    }
    if (strcmp(kind, "imu") == 0) {
      point p;
      p.t = t;
      if (sscanf(line + used, "%f %f %f %f %f %f", &p.v[0], &p.v[1], &p.v[2], &p.v[3], &p.v[4], &p.v[5]) != 6) {
        fprintf(stderr, "host_loop: line %d: imu takes 6 values\n", line_no);
        return 2;
      }
      l->prev = l->next;
      l->have_prev = l->have_next;
      l->next = p;
      l->have_next = true;
      run_to(l, t);
      continue;
    }
    run_to(l, t);
    if (strcmp(kind, "sync") == 0) {
      printf("%.6f sync %lu %lu %lu %lu\n", l->now_s, l->chip.samples_taken, (unsigned long)l->sensor.batch.dropped,
             (unsigned long)l->sensor.batch.frames_sent, l->chip.words_overwritten);
      fflush(stdout);
    } else if (strcmp(kind, "write") == 0) write_bytes(l, line + used);
    else if (strcmp(kind, "config") == 0) write_config(l, line + used);
    else if (strcmp(kind, "control") == 0) write_control(l, line + used);
    else if (strcmp(kind, "stall") == 0) l->stall_until_s = t + atof(line + used);
    else if (strcmp(kind, "link") == 0) link_line(l, line + used);
    else {
      fprintf(stderr, "host_loop: line %d: unknown kind \"%s\"\n", line_no, kind);
      return 2;
    }
  }
  printf("# %lu taken, %lu dropped, %lu frames\n", l->chip.samples_taken, (unsigned long)l->sensor.batch.dropped,
         (unsigned long)l->sensor.batch.frames_sent);
  return 0;
}
