/*
 * size_image.c: the smallest program that links the whole firmware core for the Cortex-M4, so
 * arm-none-eabi-size can tell what the core costs in flash and RAM (`npm run bench -- firmware`).
 * The hardware functions are stubs; the image is never run.
 */
#include "../core/roller_sensor.h"

static roller_sensor sensor;
static volatile uint32_t fake_clock;

static bool stub_write(void *ctx, uint8_t reg, uint8_t value) { (void)ctx; (void)reg; (void)value; return true; }
static bool stub_read(void *ctx, uint8_t reg, uint8_t *buf, size_t n) {
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) buf[i] = reg == ROLLER_LSM6_REG_WHO_AM_I ? ROLLER_LSM6_WHO_AM_I : 0u;
  return true;
}
static uint32_t stub_now(void *ctx) { (void)ctx; return fake_clock; }
static bool stub_notify(void *ctx, roller_channel ch, const uint8_t *b, size_t n) { (void)ctx; (void)ch; (void)b; (void)n; return true; }
static bool stub_load(void *ctx, uint8_t *b, size_t n) { (void)ctx; (void)b; (void)n; return false; }
static bool stub_save(void *ctx, const uint8_t *b, size_t n) { (void)ctx; (void)b; (void)n; return true; }
static void stub_led(void *ctx, bool on) { (void)ctx; (void)on; }
static uint16_t stub_adc(void *ctx) { (void)ctx; return 2000u; }

static const roller_hw hw = {0, stub_write, stub_read, stub_now, stub_notify, stub_load, stub_save, stub_led, stub_adc};

int main(void) {
  roller_config honoured;
  roller_control command;
  roller_link link = {true, 244u, 12u};
  static const uint8_t config[7] = {1, 100, 0, 4, 0xF4, 1, 4};
  roller_sensor_init(&sensor, &hw);
  roller_sensor_link_changed(&sensor, &link);
  if (roller_sensor_honour_write(config, sizeof config, &honoured) == ROLLER_OK) roller_sensor_apply_config(&sensor, &honoured);
  if (roller_control_decode(config, 1, &command) == ROLLER_OK) roller_sensor_command(&sensor, &command);
  for (;;) {
    roller_sensor_poll(&sensor);
    fake_clock += 20000u;
  }
}
