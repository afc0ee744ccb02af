/*
 * roller_sensor.ino: reference firmware for the Roller Companion sensor, protocol v1.
 *
 * Board:    Seeed Studio XIAO nRF52840 Sense (nRF52840 + LSM6DS3TR-C IMU on its internal I2C
 *           bus + BQ25101 LiPo charger and a battery divider).
 * Core:     "Seeed nRF52 Boards" (the Adafruit nRF52 based core, which ships bluefruit.h and
 *           FreeRTOS). NOT "Seeed nRF52 mbed-enabled Boards": that core has no Bluefruit.
 *           Tools > Board > Seeed nRF52 Boards > Seeed XIAO nRF52840 Sense.
 * Codec:    this sketch uses the portable C codec in firmware-notes/codec/. The Arduino builder
 *           only compiles files inside the sketch folder (it copies the folder elsewhere to build),
 *           so before building copy the two files here:
 *               cp firmware-notes/codec/roller_frame.h firmware-notes/codec/roller_frame.c \
 *                  firmware-notes/reference-firmware/roller_sensor/
 *           Do not edit the copies; edit codec/ and copy again (the host test checks codec/).
 * Status:   written with care against the Bluefruit nRF52 API, the LSM6DS3TR-C register map and
 *           the board's variant, but NOT compiled or run in this repository's CI (there is no
 *           Arduino toolchain there). Treat it as a careful starting point and verify on hardware:
 *           compare the first frames it sends with the golden vectors (see ../../README.md).
 *
 * What it does
 *   - Advertises the Roller service UUID and the local name "Roller".
 *   - GATT: IMU stream (notify), configuration (read/write), control point (write), status
 *     (read/notify), Battery Service (level from the board's battery divider), Device Information.
 *   - Reads the IMU FIFO on its watermark interrupt; each sample carries the IMU's own timestamp
 *     (LSM6DS3TR-C timestamp counter, 25 us per tick, stored in the FIFO beside the sample), so
 *     sample times do not depend on I2C, interrupt or radio latency.
 *   - Rescales the chip's LSB (e.g. 17.5 mdps/LSB at +/-500 deg/s) to the protocol's LSB
 *     (range / 32768), batches samples into frames (config samples/frame, capped by the MTU),
 *     and counts every sample it could not send (FIFO overrun seen as a timestamp gap, failed or
 *     impossible notification).
 *   - Control point: start, stop, identify (blink the blue LED), calibrate at rest (average the
 *     gyro for 2 s while still, store the bias in flash, subtract it from then on).
 */
#include <Arduino.h>
#include <Wire.h>
#include <bluefruit.h>
#include <Adafruit_LittleFS.h>
#include <InternalFileSystem.h>

#include "roller_frame.h" /* copy of firmware-notes/codec/roller_frame.h, see above */

using namespace Adafruit_LittleFS_Namespace;

/* ---- Build options ---------------------------------------------------------------------- */

/** 1: log to USB serial (costs power; the sketch waits up to 2 s for a serial monitor). */
#define ROLLER_DEBUG 0
/**
 * 1: never send more than one notification per connection event: samples per frame is raised to
 * ceil(rate x connection interval) when the configured value is smaller (still capped by the MTU).
 * 0: honour the configured samples per frame (the app chooses).
 */
#define ONE_NOTIFICATION_PER_EVENT 0

static const uint8_t FIRMWARE_MAJOR = 0;
static const uint8_t FIRMWARE_MINOR = 1;
static const uint8_t FIRMWARE_PATCH = 0;
#define FIRMWARE_REVISION_STRING "0.1.0"

#if ROLLER_DEBUG
#define RLOG(...) Serial.printf(__VA_ARGS__)
#else
#define RLOG(...) \
  do {           \
  } while (0)
#endif

/* ---- Board: Seeed XIAO nRF52840 Sense ----------------------------------------------------- */

#define IMU_WIRE Wire1            /* the IMU sits on the board's second I2C bus (PIN_WIRE1_SDA/SCL) */
#define IMU_I2C_ADDRESS 0x6A      /* LSM6DS3TR-C with SA0 low, as wired on the XIAO Sense */
#define IMU_INT1_PIN PIN_LSM6DS3TR_C_INT1
#define IMU_POWER_PIN PIN_LSM6DS3TR_C_POWER
#define LED_IDENTIFY_PIN LED_BLUE
#define LED_ON_LEVEL LOW          /* the XIAO's RGB LED is wired active-low */
#define LED_OFF_LEVEL HIGH
/* Battery divider: VBAT - 1 MOhm - PIN_VBAT - 510 kOhm - VBAT_ENABLE. Drive VBAT_ENABLE LOW to
 * read, and keep it LOW: driving it HIGH puts the full battery voltage on the ADC pin. */
static const float BATTERY_DIVIDER = (1000.0f + 510.0f) / 510.0f;
static const float ADC_FULL_SCALE_V = 2.4f; /* AR_INTERNAL_2_4 */
static const float ADC_COUNTS = 4096.0f;    /* 12-bit */

/* ---- LSM6DS3TR-C registers (datasheet DocID 030071, AN5130) --------------------------------- */

static const uint8_t REG_FIFO_CTRL1 = 0x06;   /* FTH[7:0], threshold in 16-bit words */
static const uint8_t REG_FIFO_CTRL2 = 0x07;   /* bit7 TIMER_PEDO_FIFO_EN, bits2:0 FTH[10:8] */
static const uint8_t REG_FIFO_CTRL3 = 0x08;   /* bits5:3 DEC_FIFO_GYRO, bits2:0 DEC_FIFO_XL */
static const uint8_t REG_FIFO_CTRL4 = 0x09;   /* bits5:3 DEC_DS4_FIFO (timestamp data set) */
static const uint8_t REG_FIFO_CTRL5 = 0x0A;   /* bits6:3 ODR_FIFO, bits2:0 FIFO_MODE */
static const uint8_t REG_INT1_CTRL = 0x0D;    /* bit3 INT1_FTH */
static const uint8_t REG_WHO_AM_I = 0x0F;
static const uint8_t REG_CTRL1_XL = 0x10;     /* bits7:4 ODR_XL, bits3:2 FS_XL */
static const uint8_t REG_CTRL2_G = 0x11;      /* bits7:4 ODR_G, bits3:2 FS_G, bit1 FS_125 */
static const uint8_t REG_CTRL3_C = 0x12;      /* bit6 BDU, bit2 IF_INC, bit0 SW_RESET */
static const uint8_t REG_CTRL10_C = 0x19;     /* bit5 TIMER_EN, bit2 FUNC_EN */
static const uint8_t REG_FIFO_STATUS1 = 0x3A; /* DIFF_FIFO[7:0]; STATUS2..4 follow */
static const uint8_t REG_FIFO_DATA_OUT_L = 0x3E;
static const uint8_t REG_TIMESTAMP2 = 0x42;   /* write 0xAA to reset the timestamp counter */
static const uint8_t REG_WAKE_UP_DUR = 0x5C;  /* bit4 TIMER_HR: 1 = 25 us per timestamp tick */

static const uint8_t WHO_AM_I_LSM6DS3TR_C = 0x6A;
static const uint8_t CTRL3_C_BDU = 0x40, CTRL3_C_IF_INC = 0x04, CTRL3_C_SW_RESET = 0x01;
static const uint8_t CTRL10_C_TIMER_EN = 0x20, CTRL10_C_FUNC_EN = 0x04;
static const uint8_t WAKE_UP_DUR_TIMER_HR = 0x10;
static const uint8_t FIFO_CTRL2_TIMER_PEDO_FIFO_EN = 0x80;
static const uint8_t FIFO_DECIMATION_NONE = 0x01; /* data set stored at the FIFO ODR */
static const uint8_t FIFO_MODE_BYPASS = 0x00, FIFO_MODE_CONTINUOUS = 0x06;
static const uint8_t FIFO_STATUS2_OVER_RUN = 0x40;
static const uint8_t INT1_CTRL_FTH = 0x08;
static const uint8_t TIMESTAMP_RESET = 0xAA;

/* One FIFO sample = gyro data set (3 words) + accel data set (3 words) + timestamp data set
 * (3 words: TS[15:8], TS[23:16], unused, TS[7:0], steps L, steps H), in that order. */
static const uint16_t FIFO_WORDS_PER_SAMPLE = 9;
static const uint8_t FIFO_BYTES_PER_SAMPLE = 18;
static const uint32_t TIMESTAMP_TICK_US = 25;     /* with TIMER_HR = 1 */
static const uint32_t TIMESTAMP_MASK = 0xFFFFFFu; /* 24-bit counter, wraps every ~419 s */

/* ---- Timing ----------------------------------------------------------------------------- */

static const uint32_t POLL_MS = 20;              /* FIFO poll even without an interrupt edge */
static const uint32_t BATTERY_PERIOD_MS = 60000;
static const uint32_t STATUS_DROPPED_PERIOD_MS = 1000; /* at most one status notify/s for drops */
static const uint32_t CALIBRATION_MS = 2000;
static const uint32_t IDENTIFY_BLINK_MS = 250;
static const uint16_t REQUESTED_MTU = 247;       /* ATT payload 244 = 19 samples per frame */
static const uint16_t REQUESTED_INTERVAL_UNITS = 12; /* 15 ms in 1.25 ms units (accepted by Apple too) */
static const float LOW_BATTERY_V = 3.45f, LOW_BATTERY_CLEAR_V = 3.60f;
/* Calibration is accepted only if the sensor lay still: gyro spread and accel magnitude limits. */
static const float CALIBRATION_MAX_GYRO_SPREAD_DPS = 3.0f;
static const float CALIBRATION_MAX_ACCEL_ERROR_G = 0.1f;
/* ATT error "Value Not Allowed" (0x13) as a SoftDevice gatt_status; the SoftDevice headers name no
 * constant for it, so replyWrite() falls back to CPS "Out of Range" if the stack refuses it. */
static const uint16_t GATT_STATUS_VALUE_NOT_ALLOWED = 0x0113;

/* ---- Types (declared before any function for the Arduino prototype generator) ------------- */

struct OdrChoice {
  uint16_t hz;   /* what the config read-back reports */
  uint8_t code;  /* ODR_XL / ODR_G / ODR_FIFO field value */
};

struct ImuSettings {
  uint16_t rate_hz;
  uint8_t odr_code;
  uint8_t ctrl1_xl;       /* ODR + FS bits */
  uint8_t ctrl2_g;        /* ODR + FS bits */
  float accel_g_per_lsb;  /* chip sensitivity */
  float gyro_dps_per_lsb; /* chip sensitivity */
};

enum CommandKind : uint8_t { CMD_CONTROL = 1, CMD_CONFIG, CMD_CONNECTED, CMD_DISCONNECTED };

struct Command {
  uint8_t kind;
  roller_control control;
  roller_config config;
  uint16_t conn_hdl;
};

struct Calibration {
  bool active;
  uint32_t started_ms;
  uint32_t count;
  float sum[3];
  float lo[3]; /* smallest gyro reading per axis, deg/s */
  float hi[3]; /* largest */
  float accel_error_max_g;
};

struct StoredBias {
  uint32_t magic;
  float dps[3];
};

/* ---- GATT objects ----------------------------------------------------------------------- */

static const uint8_t UUID_SERVICE[16] = ROLLER_UUID128_LE_INIT(ROLLER_UUID_SERVICE);
static const uint8_t UUID_IMU_STREAM[16] = ROLLER_UUID128_LE_INIT(ROLLER_UUID_IMU_STREAM);
static const uint8_t UUID_SENSOR_CONFIG[16] = ROLLER_UUID128_LE_INIT(ROLLER_UUID_SENSOR_CONFIG);
static const uint8_t UUID_CONTROL_POINT[16] = ROLLER_UUID128_LE_INIT(ROLLER_UUID_CONTROL_POINT);
static const uint8_t UUID_STATUS[16] = ROLLER_UUID128_LE_INIT(ROLLER_UUID_STATUS);

BLEService rollerService(UUID_SERVICE);
BLECharacteristic streamChar(UUID_IMU_STREAM);
BLECharacteristic configChar(UUID_SENSOR_CONFIG);
BLECharacteristic controlChar(UUID_CONTROL_POINT);
BLECharacteristic statusChar(UUID_STATUS);
BLEDis deviceInfo;
BLEBas battery;

/* ---- State (owned by the loop task; BLE callbacks only post Commands) --------------------- */

static SemaphoreHandle_t wakeSemaphore; /* given by the IMU interrupt and by BLE callbacks */
static QueueHandle_t commandQueue;

static const OdrChoice ODR_CHOICES[] = {{26, 0x2}, {52, 0x3}, {104, 0x4}, {208, 0x5}};
/* 416 Hz (code 0x6) exists on the chip but the protocol's maximum is 400 Hz. */

static roller_config activeConfig = ROLLER_DEFAULT_CONFIG_INIT; /* as honoured (rate = chip ODR) */
static ImuSettings imu;
static bool imuPresent = false;
static bool imuRunning = false;
static bool streaming = false;      /* the app asked for the stream */
static bool fifoOverflowSeen = false;
static bool lowBattery = false;
static uint32_t droppedSamples = 0; /* since power-on, as the status reports it */

static uint16_t connHandle = BLE_CONN_HANDLE_INVALID;
static uint32_t connectedAtMs = 0;
static uint8_t linkSetupStep = 0;

/* sensor clock: 32-bit us, continuous across stop/start and reconfiguration */
static bool haveClock = false;
static uint32_t clockUs = 0;            /* time of the last sample */
static uint32_t clockAtMicros = 0;      /* micros() when that sample was processed */
static uint32_t lastTicks = 0;          /* chip timestamp of the last sample */
static bool firstSampleSinceStart = true;
static uint32_t startAnchorUs = 0;      /* sensor clock when the chip timestamp was reset */
static uint16_t discardRemaining = 0;   /* samples skipped while the gyro settles */

/* frame being built */
static roller_raw_sample frameSamples[ROLLER_MAX_SAMPLES_PER_FRAME];
static uint8_t frameCount = 0;
static uint8_t frameTarget = 1;
static uint32_t frameT0Us = 0;
static uint16_t frameSequence = 0;

static Calibration calibration;
static float gyroBiasDps[3] = {0.0f, 0.0f, 0.0f};
static const char *BIAS_FILE = "/roller_gyro_bias";
static const uint32_t BIAS_MAGIC = 0x52424931u; /* "RBI1" */

static uint32_t identifyUntilMs = 0;
static bool identifying = false;
static uint32_t lastBatteryMs = 0;
static uint32_t lastPollMs = 0;
static roller_status publishedStatus;
static bool statusPublishedOnce = false;
static uint32_t lastStatusMs = 0;

/* ---- Small helpers ---------------------------------------------------------------------- */

static void postCommand(const Command &command) {
  if (xQueueSend(commandQueue, &command, 0) != pdTRUE) RLOG("command queue full\n");
  xSemaphoreGive(wakeSemaphore);
}

static uint16_t attPayloadBytes() {
  if (connHandle == BLE_CONN_HANDLE_INVALID) return ROLLER_DEFAULT_ATT_PAYLOAD_BYTES;
  BLEConnection *conn = Bluefruit.Connection(connHandle);
  if (conn == NULL || conn->getMtu() < 23) return ROLLER_DEFAULT_ATT_PAYLOAD_BYTES;
  return conn->getMtu() - 3;
}

/* ---- Configuration: what the app asks -> what this chip can do ----------------------------- */

static const OdrChoice &nearestOdr(uint16_t hz) {
  const OdrChoice *best = &ODR_CHOICES[0];
  for (size_t i = 1; i < sizeof ODR_CHOICES / sizeof ODR_CHOICES[0]; i++) {
    uint16_t d_best = hz > best->hz ? hz - best->hz : best->hz - hz;
    uint16_t d = hz > ODR_CHOICES[i].hz ? hz - ODR_CHOICES[i].hz : ODR_CHOICES[i].hz - hz;
    if (d <= d_best) best = &ODR_CHOICES[i]; /* ties go to the faster rate */
  }
  return *best;
}

/** The configuration this firmware honours for a valid request: the rate becomes a chip ODR. */
static roller_config honour(const roller_config &requested) {
  roller_config c = requested;
  c.sample_rate_hz = nearestOdr(requested.sample_rate_hz).hz;
  return c; /* every protocol range exists on the LSM6DS3TR-C */
}

static ImuSettings settingsFor(const roller_config &c) {
  ImuSettings s;
  const OdrChoice &odr = nearestOdr(c.sample_rate_hz);
  s.rate_hz = odr.hz;
  s.odr_code = odr.code;
  uint8_t fs_xl;
  switch (c.accel_range_g) { /* FS_XL: 00 2 g, 10 4 g, 11 8 g, 01 16 g; datasheet sensitivities */
    case 2: fs_xl = 0x0; s.accel_g_per_lsb = 0.061e-3f; break;
    case 8: fs_xl = 0x3; s.accel_g_per_lsb = 0.244e-3f; break;
    case 16: fs_xl = 0x1; s.accel_g_per_lsb = 0.488e-3f; break;
    default: fs_xl = 0x2; s.accel_g_per_lsb = 0.122e-3f; break; /* 4 g */
  }
  uint8_t fs_g; /* CTRL2_G bits 3:1 = FS_G[1:0], FS_125 */
  switch (c.gyro_range_dps) {
    case 125: fs_g = 0x1; s.gyro_dps_per_lsb = 4.375e-3f; break;
    case 250: fs_g = 0x0; s.gyro_dps_per_lsb = 8.75e-3f; break;
    case 1000: fs_g = 0x4; s.gyro_dps_per_lsb = 35.0e-3f; break;
    case 2000: fs_g = 0x6; s.gyro_dps_per_lsb = 70.0e-3f; break;
    default: fs_g = 0x2; s.gyro_dps_per_lsb = 17.5e-3f; break; /* 500 deg/s */
  }
  s.ctrl1_xl = (uint8_t)((odr.code << 4) | (fs_xl << 2));
  s.ctrl2_g = (uint8_t)((odr.code << 4) | (fs_g << 1));
  return s;
}

/* ---- LSM6DS3TR-C access ----------------------------------------------------------------- */

static bool imuWrite(uint8_t reg, uint8_t value) {
  IMU_WIRE.beginTransmission(IMU_I2C_ADDRESS);
  IMU_WIRE.write(reg);
  IMU_WIRE.write(value);
  return IMU_WIRE.endTransmission() == 0;
}

static bool imuRead(uint8_t reg, uint8_t *buf, size_t n) {
  IMU_WIRE.beginTransmission(IMU_I2C_ADDRESS);
  IMU_WIRE.write(reg);
  if (IMU_WIRE.endTransmission(false) != 0) return false;
  if (IMU_WIRE.requestFrom((uint8_t)IMU_I2C_ADDRESS, n) != n) return false;
  for (size_t i = 0; i < n; i++) buf[i] = (uint8_t)IMU_WIRE.read();
  return true;
}

static int16_t le16(const uint8_t *p) {
  return (int16_t)(uint16_t)((uint16_t)p[0] | ((uint16_t)p[1] << 8));
}

/** Powers the IMU, checks WHO_AM_I, soft-resets it; leaves it powered down (ODR 0). */
static bool imuInit() {
  pinMode(IMU_POWER_PIN, OUTPUT_H0H1); /* the IMU is powered from a GPIO: use high drive */
  digitalWrite(IMU_POWER_PIN, HIGH);
  delay(50); /* boot time */
  IMU_WIRE.begin();
  IMU_WIRE.setClock(400000);
  uint8_t who = 0;
  if (!imuRead(REG_WHO_AM_I, &who, 1) || who != WHO_AM_I_LSM6DS3TR_C) {
    RLOG("IMU not found (WHO_AM_I 0x%02X)\n", who);
    return false;
  }
  imuWrite(REG_CTRL3_C, CTRL3_C_SW_RESET);
  delay(10);
  imuWrite(REG_CTRL3_C, CTRL3_C_BDU | CTRL3_C_IF_INC);
  pinMode(IMU_INT1_PIN, INPUT);
  return true;
}

static void imuSetWatermark(uint8_t samples) {
  uint16_t words = (uint16_t)(samples < 1 ? 1 : samples) * FIFO_WORDS_PER_SAMPLE;
  imuWrite(REG_FIFO_CTRL1, (uint8_t)(words & 0xFF));
  imuWrite(REG_FIFO_CTRL2, (uint8_t)(FIFO_CTRL2_TIMER_PEDO_FIFO_EN | ((words >> 8) & 0x07)));
}

/** Current sensor clock: the last sample's time plus the MCU time elapsed since. */
static uint32_t sensorClockNowUs() {
  return haveClock ? clockUs + (micros() - clockAtMicros) : micros();
}

static void imuStart() {
  imuWrite(REG_FIFO_CTRL5, FIFO_MODE_BYPASS); /* empties the FIFO */
  imuWrite(REG_CTRL1_XL, imu.ctrl1_xl);
  imuWrite(REG_CTRL2_G, imu.ctrl2_g);
  imuWrite(REG_WAKE_UP_DUR, WAKE_UP_DUR_TIMER_HR);
  imuWrite(REG_CTRL10_C, CTRL10_C_TIMER_EN | CTRL10_C_FUNC_EN);
  imuSetWatermark(frameTarget);
  imuWrite(REG_FIFO_CTRL3, (uint8_t)((FIFO_DECIMATION_NONE << 3) | FIFO_DECIMATION_NONE)); /* gyro, accel */
  imuWrite(REG_FIFO_CTRL4, (uint8_t)(FIFO_DECIMATION_NONE << 3)); /* timestamp data set, no DS3 */
  imuWrite(REG_INT1_CTRL, INT1_CTRL_FTH);
  /* The timestamp counter restarts at 0 now; the sensor clock goes on from where it was. */
  startAnchorUs = sensorClockNowUs();
  imuWrite(REG_TIMESTAMP2, TIMESTAMP_RESET);
  firstSampleSinceStart = true;
  discardRemaining = (uint16_t)(imu.rate_hz / 10 + 1); /* ~100 ms of gyro settling */
  imuWrite(REG_FIFO_CTRL5, (uint8_t)((imu.odr_code << 3) | FIFO_MODE_CONTINUOUS));
  imuRunning = true;
  RLOG("IMU started at %u Hz\n", imu.rate_hz);
}

static void imuStop() {
  imuWrite(REG_INT1_CTRL, 0);
  imuWrite(REG_FIFO_CTRL5, FIFO_MODE_BYPASS);
  imuWrite(REG_CTRL1_XL, 0); /* power-down */
  imuWrite(REG_CTRL2_G, 0);
  imuRunning = false;
}

/* ---- Frames ----------------------------------------------------------------------------- */

/** Sends the frame being built as one notification; counts its samples as dropped if it cannot. */
static void flushFrame() {
  if (frameCount == 0) return;
  roller_frame_header header;
  header.count = frameCount;
  header.sequence = frameSequence;
  header.t0_us = frameT0Us;
  uint8_t bytes[ROLLER_FRAME_MAX_BYTES];
  int n = roller_frame_encode(&header, frameSamples, bytes, sizeof bytes);
  bool sent = false;
  /* A frame must travel in ONE notification: Bluefruit's notify() would silently split a longer
   * payload into several notifications, which the app would reject as truncated frames. */
  if (n > 0 && (uint16_t)n <= attPayloadBytes() && connHandle != BLE_CONN_HANDLE_INVALID &&
      streamChar.notifyEnabled(connHandle)) {
    sent = streamChar.notify(connHandle, bytes, (uint16_t)n); /* waits for a free TX buffer */
  }
  if (sent) {
    frameSequence++;
  } else {
    droppedSamples += frameCount;
  }
  frameCount = 0;
}

static void appendSample(uint32_t t_us, const roller_raw_sample &sample) {
  if (frameCount == 0) frameT0Us = t_us;
  frameSamples[frameCount++] = sample;
  if (frameCount >= frameTarget) flushFrame();
}

/** Samples per frame from the configuration, the MTU and (optionally) the connection interval. */
static uint8_t computeFrameTarget() {
  size_t target = activeConfig.samples_per_frame;
#if ONE_NOTIFICATION_PER_EVENT
  if (connHandle != BLE_CONN_HANDLE_INVALID) {
    BLEConnection *conn = Bluefruit.Connection(connHandle);
    uint16_t units = conn ? conn->getConnectionInterval() : 0; /* 1.25 ms units, 0 if unknown */
    if (units > 0) {
      size_t per_event = ((size_t)imu.rate_hz * units * 125u + 99999u) / 100000u; /* ceil(rate x interval) */
      if (per_event > target) target = per_event;
    }
  }
#endif
  size_t fit = roller_samples_per_frame_for(attPayloadBytes());
  if (target > fit) target = fit;
  if (target < 1) target = 1;
  return (uint8_t)target;
}

static void updateFrameTarget() {
  uint8_t target = computeFrameTarget();
  if (target == frameTarget) return;
  frameTarget = target;
  if (frameCount >= frameTarget) flushFrame();
  if (imuRunning) imuSetWatermark(frameTarget);
  RLOG("samples per frame: %u\n", frameTarget);
}

/* ---- Samples ---------------------------------------------------------------------------- */

static void calibrationSample(const float gyro_dps[3], const float accel_g[3]) {
  Calibration &c = calibration;
  for (int k = 0; k < 3; k++) {
    c.sum[k] += gyro_dps[k];
    if (c.count == 0 || gyro_dps[k] < c.lo[k]) c.lo[k] = gyro_dps[k];
    if (c.count == 0 || gyro_dps[k] > c.hi[k]) c.hi[k] = gyro_dps[k];
  }
  float norm = sqrtf(accel_g[0] * accel_g[0] + accel_g[1] * accel_g[1] + accel_g[2] * accel_g[2]);
  float error = fabsf(norm - 1.0f);
  if (error > c.accel_error_max_g) c.accel_error_max_g = error;
  c.count++;
}

/** One FIFO sample: gyro and accel in chip LSB, timestamp in 25 us ticks (24-bit). */
static void onImuSample(const int16_t gyro_raw[3], const int16_t accel_raw[3], uint32_t ticks) {
  /* Sensor clock: unwrap the 24-bit chip timestamp into the protocol's 32-bit us clock. */
  uint32_t t_us;
  uint32_t step_us = 0;
  if (firstSampleSinceStart) {
    t_us = startAnchorUs + ticks * TIMESTAMP_TICK_US;
    firstSampleSinceStart = false;
    flushFrame(); /* a frame never spans a restart */
  } else {
    step_us = ((ticks - lastTicks) & TIMESTAMP_MASK) * TIMESTAMP_TICK_US;
    t_us = clockUs + step_us;
  }
  lastTicks = ticks;
  clockUs = t_us; /* wraps modulo 2^32 like the protocol's t0 */
  clockAtMicros = micros();
  haveClock = true;

  if (discardRemaining > 0) {
    discardRemaining--;
    return;
  }

  /* Samples lost inside the chip (FIFO overrun) show up as a gap in its timestamps. */
  const float period_us = 1e6f / (float)imu.rate_hz;
  if (step_us > (uint32_t)(1.5f * period_us)) {
    uint32_t missing = (uint32_t)((float)step_us / period_us + 0.5f) - 1u;
    droppedSamples += missing;
    flushFrame(); /* samples in a frame are evenly spaced: a gap ends the frame */
  }

  float gyro_dps[3], accel_g[3];
  for (int k = 0; k < 3; k++) {
    gyro_dps[k] = (float)gyro_raw[k] * imu.gyro_dps_per_lsb;
    accel_g[k] = (float)accel_raw[k] * imu.accel_g_per_lsb;
  }
  if (calibration.active) calibrationSample(gyro_dps, accel_g);
  if (!streaming) return;

  /* Chip LSB -> physical units -> protocol LSB (range / 32768), bias removed. */
  const float accel_range = (float)activeConfig.accel_range_g;
  const float gyro_range = (float)activeConfig.gyro_range_dps;
  roller_raw_sample s;
  s.ax = roller_phys_to_raw(accel_g[0], accel_range);
  s.ay = roller_phys_to_raw(accel_g[1], accel_range);
  s.az = roller_phys_to_raw(accel_g[2], accel_range);
  s.gx = roller_phys_to_raw(gyro_dps[0] - gyroBiasDps[0], gyro_range);
  s.gy = roller_phys_to_raw(gyro_dps[1] - gyroBiasDps[1], gyro_range);
  s.gz = roller_phys_to_raw(gyro_dps[2] - gyroBiasDps[2], gyro_range);
  appendSample(t_us, s);
}

/** Reads every complete sample in the FIFO. */
static void imuDrainFifo() {
  uint8_t st[4];
  if (!imuRead(REG_FIFO_STATUS1, st, sizeof st)) return;
  uint16_t words = (uint16_t)(((st[1] & 0x07) << 8) | st[0]);
  uint16_t pattern = (uint16_t)(((st[3] & 0x03) << 8) | st[2]); /* next word's place in the sample */
  if (st[1] & FIFO_STATUS2_OVER_RUN) {
    fifoOverflowSeen = true; /* the lost samples themselves are counted from the timestamp gap */
  }
  uint8_t b[FIFO_BYTES_PER_SAMPLE];
  while (pattern != 0 && pattern < FIFO_WORDS_PER_SAMPLE && words > 0) { /* realign to gyro X */
    if (!imuRead(REG_FIFO_DATA_OUT_L, b, 2)) return;
    words--;
    pattern++;
  }
  /* Burst reads of FIFO_DATA_OUT return consecutive FIFO words (the output address rolls over). */
  while (words >= FIFO_WORDS_PER_SAMPLE) {
    if (!imuRead(REG_FIFO_DATA_OUT_L, b, FIFO_BYTES_PER_SAMPLE)) return;
    words -= FIFO_WORDS_PER_SAMPLE;
    const int16_t gyro[3] = {le16(b + 0), le16(b + 2), le16(b + 4)};
    const int16_t accel[3] = {le16(b + 6), le16(b + 8), le16(b + 10)};
    const uint32_t ticks = ((uint32_t)b[13] << 16) | ((uint32_t)b[12] << 8) | (uint32_t)b[15];
    onImuSample(gyro, accel, ticks);
  }
}

/* ---- Calibration at rest ------------------------------------------------------------------ */

static void loadBias() {
  File file(InternalFS);
  StoredBias stored;
  if (file.open(BIAS_FILE, FILE_O_READ)) {
    if (file.read(&stored, sizeof stored) == (int)sizeof stored && stored.magic == BIAS_MAGIC) {
      for (int k = 0; k < 3; k++) gyroBiasDps[k] = stored.dps[k];
      RLOG("gyro bias %.3f %.3f %.3f dps\n", gyroBiasDps[0], gyroBiasDps[1], gyroBiasDps[2]);
    }
    file.close();
  }
}

static void saveBias() {
  StoredBias stored;
  stored.magic = BIAS_MAGIC;
  for (int k = 0; k < 3; k++) stored.dps[k] = gyroBiasDps[k];
  InternalFS.remove(BIAS_FILE);
  File file(InternalFS);
  if (file.open(BIAS_FILE, FILE_O_WRITE)) {
    file.write((const uint8_t *)&stored, sizeof stored);
    file.close();
  }
}

static void beginCalibration() {
  if (!imuPresent || calibration.active) return;
  memset(&calibration, 0, sizeof calibration);
  calibration.active = true;
  calibration.started_ms = millis();
  if (!imuRunning) imuStart(); /* samples are measured but not sent unless streaming */
}

static void finishCalibrationIfDue() {
  Calibration &c = calibration;
  if (!c.active || millis() - c.started_ms < CALIBRATION_MS) return;
  c.active = false;
  bool enough = c.count >= (uint32_t)imu.rate_hz; /* at least 1 s of samples */
  bool still = enough && c.accel_error_max_g <= CALIBRATION_MAX_ACCEL_ERROR_G;
  for (int k = 0; k < 3 && still; k++) still = c.hi[k] - c.lo[k] <= CALIBRATION_MAX_GYRO_SPREAD_DPS;
  if (still) {
    for (int k = 0; k < 3; k++) gyroBiasDps[k] = c.sum[k] / (float)c.count;
    saveBias();
    RLOG("calibrated: bias %.3f %.3f %.3f dps\n", gyroBiasDps[0], gyroBiasDps[1], gyroBiasDps[2]);
  } else {
    /* Moved (or too few samples): keep the previous bias. v1 has no way to report this. */
    RLOG("calibration rejected: the sensor moved\n");
  }
  if (!streaming) imuStop();
}

/* ---- Status, battery, LED ----------------------------------------------------------------- */

static roller_status currentStatus() {
  roller_status s;
  if (!imuPresent) s.state = ROLLER_STATE_ERROR;
  else if (calibration.active) s.state = ROLLER_STATE_CALIBRATING;
  else if (streaming) s.state = ROLLER_STATE_STREAMING;
  else s.state = ROLLER_STATE_IDLE;
  if (!imuPresent) s.error = ROLLER_SENSOR_ERROR_IMU_NOT_FOUND;
  else if (lowBattery) s.error = ROLLER_SENSOR_ERROR_LOW_BATTERY;
  else if (fifoOverflowSeen) s.error = ROLLER_SENSOR_ERROR_FIFO_OVERFLOW;
  else s.error = ROLLER_SENSOR_ERROR_NONE;
  s.firmware_major = FIRMWARE_MAJOR;
  s.firmware_minor = FIRMWARE_MINOR;
  s.firmware_patch = FIRMWARE_PATCH;
  s.dropped_samples = droppedSamples;
  return s;
}

/** Updates the status value; notifies on a state/error change, or at most once a second for drops. */
static void publishStatus(bool force) {
  roller_status s = currentStatus();
  bool changed = !statusPublishedOnce || s.state != publishedStatus.state || s.error != publishedStatus.error;
  bool drops = statusPublishedOnce && s.dropped_samples != publishedStatus.dropped_samples &&
               millis() - lastStatusMs >= STATUS_DROPPED_PERIOD_MS;
  if (!force && !changed && !drops) return;
  uint8_t bytes[ROLLER_STATUS_BYTES];
  if (roller_status_encode(&s, bytes, sizeof bytes) != (int)ROLLER_STATUS_BYTES) return;
  if (connHandle != BLE_CONN_HANDLE_INVALID && statusChar.notifyEnabled(connHandle)) {
    statusChar.notify(connHandle, bytes, sizeof bytes); /* also updates the readable value */
  } else {
    statusChar.write(bytes, sizeof bytes);
  }
  publishedStatus = s;
  statusPublishedOnce = true;
  lastStatusMs = millis();
}

static float readBatteryVolts() {
  uint32_t sum = 0;
  for (int i = 0; i < 8; i++) sum += analogRead(PIN_VBAT);
  float pin_v = ((float)sum / 8.0f) * ADC_FULL_SCALE_V / ADC_COUNTS;
  return pin_v * BATTERY_DIVIDER;
}

/** Rough LiPo state of charge at a light load; good enough for a percentage display. */
static uint8_t batteryPercent(float volts) {
  static const float V[] = {3.30f, 3.50f, 3.60f, 3.65f, 3.70f, 3.75f, 3.80f, 3.90f, 4.00f, 4.10f, 4.20f};
  static const uint8_t P[] = {0, 5, 12, 20, 30, 40, 50, 65, 78, 90, 100};
  if (volts <= V[0]) return 0;
  for (size_t i = 1; i < sizeof V / sizeof V[0]; i++) {
    if (volts <= V[i]) return (uint8_t)(P[i - 1] + (P[i] - P[i - 1]) * (volts - V[i - 1]) / (V[i] - V[i - 1]));
  }
  return 100;
}

static void updateBattery() {
  float volts = readBatteryVolts();
  if (volts < LOW_BATTERY_V) lowBattery = true;
  else if (volts > LOW_BATTERY_CLEAR_V) lowBattery = false;
  battery.notify(batteryPercent(volts)); /* writes the value; notifies if the central subscribed */
  lastBatteryMs = millis();
  RLOG("battery %.2f V\n", volts);
}

static void updateIdentifyLed() {
  if (!identifying) return;
  uint32_t now = millis();
  if ((int32_t)(now - identifyUntilMs) >= 0) {
    identifying = false;
    digitalWrite(LED_IDENTIFY_PIN, LED_OFF_LEVEL);
    return;
  }
  digitalWrite(LED_IDENTIFY_PIN, ((now / IDENTIFY_BLINK_MS) & 1u) ? LED_ON_LEVEL : LED_OFF_LEVEL);
}

/* ---- Commands (applied in the loop task) -------------------------------------------------- */

static void writeConfigValue() {
  uint8_t bytes[ROLLER_CONFIG_BYTES];
  if (roller_config_encode(&activeConfig, bytes, sizeof bytes) == (int)ROLLER_CONFIG_BYTES) {
    configChar.write(bytes, sizeof bytes);
  }
}

static void startStreaming() {
  if (!imuPresent) return;
  streaming = true;
  fifoOverflowSeen = false;
  updateFrameTarget();
  if (!imuRunning) imuStart();
}

static void stopStreaming() {
  flushFrame();
  streaming = false;
  if (imuRunning && !calibration.active) imuStop();
}

static void applyConfig(const roller_config &config) {
  activeConfig = config;
  imu = settingsFor(activeConfig);
  writeConfigValue();
  flushFrame();
  updateFrameTarget();
  if (imuRunning) { /* restart with the new ODR and ranges; the sensor clock carries on */
    imuStop();
    imuStart();
  }
}

static void handleCommand(const Command &command) {
  switch (command.kind) {
    case CMD_CONTROL:
      switch (command.control.opcode) {
        case ROLLER_OPCODE_START_STREAMING: startStreaming(); break;
        case ROLLER_OPCODE_STOP_STREAMING: stopStreaming(); break;
        case ROLLER_OPCODE_IDENTIFY:
          identifying = true;
          identifyUntilMs = millis() + 1000u * command.control.identify_duration_s;
          break;
        case ROLLER_OPCODE_CALIBRATE_AT_REST: beginCalibration(); break;
        default: break;
      }
      break;
    case CMD_CONFIG: applyConfig(command.config); break;
    case CMD_CONNECTED:
      connHandle = command.conn_hdl;
      connectedAtMs = millis();
      linkSetupStep = 0;
      updateFrameTarget();
      publishStatus(true);
      break;
    case CMD_DISCONNECTED:
      if (command.conn_hdl == connHandle) {
        stopStreaming(); /* the app starts the stream again after reconnecting */
        connHandle = BLE_CONN_HANDLE_INVALID;
        updateFrameTarget();
      }
      break;
    default: break;
  }
}

/** Asks for a larger MTU, longer LL packets, 2M PHY and a 15 ms interval, one at a time. */
static void stepLinkSetup() {
  if (connHandle == BLE_CONN_HANDLE_INVALID || linkSetupStep >= 4) return;
  BLEConnection *conn = Bluefruit.Connection(connHandle);
  if (conn == NULL) return;
  uint32_t since = millis() - connectedAtMs;
  if (linkSetupStep == 0 && since >= 100) {
    conn->requestMtuExchange(REQUESTED_MTU);
    linkSetupStep++;
  } else if (linkSetupStep == 1 && since >= 400) {
    conn->requestDataLengthUpdate(); /* SoftDevice picks the largest it supports: 251 octets */
    linkSetupStep++;
  } else if (linkSetupStep == 2 && since >= 700) {
    conn->requestPHY(BLE_GAP_PHY_2MBPS);
    linkSetupStep++;
  } else if (linkSetupStep == 3 && since >= 1500) {
    conn->requestConnectionParameter(REQUESTED_INTERVAL_UNITS);
    linkSetupStep++;
  }
}

/* ---- BLE callbacks (BLE task context: decode, answer, post; never touch I2C here) ---------- */

static void replyWrite(uint16_t conn_hdl, uint16_t gatt_status, const uint8_t *data, uint16_t len) {
  ble_gatts_rw_authorize_reply_params_t reply;
  memset(&reply, 0, sizeof reply);
  reply.type = BLE_GATTS_AUTHORIZE_TYPE_WRITE;
  reply.params.write.gatt_status = gatt_status;
  if (gatt_status == BLE_GATT_STATUS_SUCCESS) {
    reply.params.write.update = 1; /* store this value as the characteristic's value */
    reply.params.write.offset = 0;
    reply.params.write.len = len;
    reply.params.write.p_data = data;
  }
  if (sd_ble_gatts_rw_authorize_reply(conn_hdl, &reply) != NRF_SUCCESS && gatt_status != BLE_GATT_STATUS_SUCCESS) {
    reply.params.write.gatt_status = BLE_GATT_STATUS_ATTERR_CPS_OUT_OF_RANGE;
    sd_ble_gatts_rw_authorize_reply(conn_hdl, &reply);
  }
}

static uint16_t gattStatusFor(roller_result r) {
  switch (r) {
    case ROLLER_ERR_TRUNCATED:
    case ROLLER_ERR_EMPTY:
    case ROLLER_ERR_BAD_LENGTH: return BLE_GATT_STATUS_ATTERR_INVALID_ATT_VAL_LENGTH;
    default: return GATT_STATUS_VALUE_NOT_ALLOWED; /* bad-version, bad-value, unknown-opcode */
  }
}

static void onConfigWrite(uint16_t conn_hdl, BLECharacteristic *chr, ble_gatts_evt_write_t *request) {
  (void)chr;
  roller_config requested;
  roller_result r = roller_config_decode(request->data, request->len, &requested);
  if (r != ROLLER_OK) {
    replyWrite(conn_hdl, gattStatusFor(r), NULL, 0);
    return;
  }
  /* Answer with the configuration actually honoured: the app reads it back and decodes with it. */
  Command command;
  memset(&command, 0, sizeof command);
  command.kind = CMD_CONFIG;
  command.config = honour(requested);
  uint8_t bytes[ROLLER_CONFIG_BYTES];
  roller_config_encode(&command.config, bytes, sizeof bytes);
  replyWrite(conn_hdl, BLE_GATT_STATUS_SUCCESS, bytes, sizeof bytes);
  postCommand(command);
}

static void onControlWrite(uint16_t conn_hdl, BLECharacteristic *chr, ble_gatts_evt_write_t *request) {
  (void)chr;
  Command command;
  memset(&command, 0, sizeof command);
  roller_result r = roller_control_decode(request->data, request->len, &command.control);
  if (r != ROLLER_OK) {
    replyWrite(conn_hdl, gattStatusFor(r), NULL, 0); /* unknown or malformed: change nothing */
    return;
  }
  replyWrite(conn_hdl, BLE_GATT_STATUS_SUCCESS, request->data, request->len);
  command.kind = CMD_CONTROL;
  postCommand(command);
}

static void onConnect(uint16_t conn_hdl) {
  Command command;
  memset(&command, 0, sizeof command);
  command.kind = CMD_CONNECTED;
  command.conn_hdl = conn_hdl;
  postCommand(command);
}

static void onDisconnect(uint16_t conn_hdl, uint8_t reason) {
  (void)reason;
  Command command;
  memset(&command, 0, sizeof command);
  command.kind = CMD_DISCONNECTED;
  command.conn_hdl = conn_hdl;
  postCommand(command);
}

/* Runs in a task (ISR_DEFERRED), so an ordinary semaphore give is allowed. */
static void onImuInterrupt() {
  xSemaphoreGive(wakeSemaphore);
}

/* ---- Setup ------------------------------------------------------------------------------ */

static void setupGatt() {
  static char serial[17];
  snprintf(serial, sizeof serial, "%08lX%08lX", (unsigned long)NRF_FICR->DEVICEID[1], (unsigned long)NRF_FICR->DEVICEID[0]);
  deviceInfo.setManufacturer("Roller Companion reference design");
  deviceInfo.setModel("Roller XIAO nRF52840 Sense");
  deviceInfo.setSerialNum(serial);
  deviceInfo.setFirmwareRev(FIRMWARE_REVISION_STRING);
  deviceInfo.setHardwareRev("Seeed XIAO nRF52840 Sense");
  deviceInfo.begin();

  battery.begin();

  rollerService.begin();

  streamChar.setProperties(CHR_PROPS_NOTIFY);
  streamChar.setPermission(SECMODE_OPEN, SECMODE_NO_ACCESS);
  streamChar.setMaxLen(ROLLER_FRAME_MAX_BYTES);
  streamChar.begin();

  configChar.setProperties(CHR_PROPS_READ | CHR_PROPS_WRITE);
  configChar.setPermission(SECMODE_OPEN, SECMODE_OPEN);
  configChar.setMaxLen(20); /* variable length: the decoder, not the stack, judges a write */
  configChar.setWriteAuthorizeCallback(onConfigWrite, false); /* false: run with the event's data */
  configChar.begin();
  writeConfigValue();

  controlChar.setProperties(CHR_PROPS_WRITE);
  controlChar.setPermission(SECMODE_NO_ACCESS, SECMODE_OPEN);
  controlChar.setMaxLen(20);
  controlChar.setWriteAuthorizeCallback(onControlWrite, false);
  controlChar.begin();

  statusChar.setProperties(CHR_PROPS_READ | CHR_PROPS_NOTIFY);
  statusChar.setPermission(SECMODE_OPEN, SECMODE_NO_ACCESS);
  statusChar.setFixedLen(ROLLER_STATUS_BYTES);
  statusChar.begin();
}

static void startAdvertising() {
  /* flags (3 bytes) + 128-bit service UUID (18) + "Roller" (8) = 29 of 31 bytes */
  Bluefruit.Advertising.addFlags(BLE_GAP_ADV_FLAGS_LE_ONLY_GENERAL_DISC_MODE);
  Bluefruit.Advertising.addService(rollerService);
  Bluefruit.Advertising.addName();
  Bluefruit.Advertising.restartOnDisconnect(true);
  Bluefruit.Advertising.setInterval(32, 1636); /* 20 ms fast, then ~1 s, in 0.625 ms units */
  Bluefruit.Advertising.setFastTimeout(30);     /* seconds of fast advertising */
  Bluefruit.Advertising.start(0);               /* advertise until connected */
}

void setup() {
#if ROLLER_DEBUG
  Serial.begin(115200);
  while (!Serial && millis() < 2000) delay(10);
#endif
  wakeSemaphore = xSemaphoreCreateBinary();
  commandQueue = xQueueCreate(8, sizeof(Command));

  pinMode(LED_RED, OUTPUT);
  pinMode(LED_GREEN, OUTPUT);
  pinMode(LED_BLUE, OUTPUT);
  digitalWrite(LED_RED, LED_OFF_LEVEL);
  digitalWrite(LED_GREEN, LED_OFF_LEVEL);
  digitalWrite(LED_BLUE, LED_OFF_LEVEL);

  pinMode(VBAT_ENABLE, OUTPUT);
  digitalWrite(VBAT_ENABLE, LOW); /* divider on; never drive this HIGH (see BATTERY_DIVIDER) */
  /* Charge current stays at the board default (50 mA). For a cell of 100 mAh or more it may be
   * raised to 100 mA: pinMode(PIN_CHARGING_CURRENT, OUTPUT); digitalWrite(PIN_CHARGING_CURRENT, LOW); */
  analogReference(AR_INTERNAL_2_4);
  analogReadResolution(12);

  InternalFS.begin();
  loadBias();

  activeConfig = honour(ROLLER_DEFAULT_CONFIG); /* 100 Hz is reported as the chip's 104 Hz */
  imu = settingsFor(activeConfig);
  imuPresent = imuInit();
  if (imuPresent) attachInterrupt(IMU_INT1_PIN, onImuInterrupt, ISR_DEFERRED | RISING);

  Bluefruit.configPrphConn(REQUESTED_MTU, 6 /* event length, 1.25 ms units */, 4 /* notification queue */,
                           BLE_GATTC_WRITE_CMD_TX_QUEUE_SIZE_DEFAULT);
  Bluefruit.begin();
  Bluefruit.setTxPower(0);
  Bluefruit.setName(ROLLER_LOCAL_NAME);
  Bluefruit.autoConnLed(false); /* the LED costs milliamps */
  Bluefruit.Periph.setConnInterval(6, 12); /* preferred 7.5-15 ms, for centrals that read PPCP */
  Bluefruit.Periph.setConnectCallback(onConnect);
  Bluefruit.Periph.setDisconnectCallback(onDisconnect);

  setupGatt();
  updateBattery();
  publishStatus(true);
  startAdvertising();
  RLOG("Roller ready\n");
}

/* ---- Loop: sleeps until the IMU, a BLE callback or the poll period wakes it --------------- */

void loop() {
  xSemaphoreTake(wakeSemaphore, pdMS_TO_TICKS(POLL_MS)); /* the CPU sleeps meanwhile */

  Command command;
  while (xQueueReceive(commandQueue, &command, 0) == pdTRUE) handleCommand(command);

  stepLinkSetup();
  updateFrameTarget(); /* picks up MTU and connection interval changes */

  uint32_t now = millis();
  if (imuRunning && (digitalRead(IMU_INT1_PIN) == HIGH || now - lastPollMs >= POLL_MS)) {
    imuDrainFifo();
    lastPollMs = now;
  }
  finishCalibrationIfDue();
  updateIdentifyLed();
  if (now - lastBatteryMs >= BATTERY_PERIOD_MS) updateBattery();
  publishStatus(false);
}
