/*
 * roller_sensor.ino: reference firmware for the Roller Companion sensor, protocol v1: the board
 * layer for the Seeed Studio XIAO nRF52840 Sense around the portable firmware core.
 *
 * Board:    Seeed Studio XIAO nRF52840 Sense (nRF52840 + LSM6DS3TR-C IMU on its internal I2C
 *           bus + BQ25101 LiPo charger and a battery divider).
 * Core:     "Seeed nRF52 Boards" (the Adafruit nRF52 based core, which ships bluefruit.h and
 *           FreeRTOS). NOT "Seeed nRF52 mbed-enabled Boards": that core has no Bluefruit.
 *           Tools > Board > Seeed nRF52 Boards > Seeed XIAO nRF52840 Sense.
 * Logic:    everything that is not a peripheral lives in firmware-notes/core/ (FIFO records and
 *           timestamps, rescaling, frames under the MTU, dropped samples, configuration, control
 *           point, calibration, status, battery level) and firmware-notes/codec/ (the protocol's
 *           bytes). Both are tested on the host and on a Cortex-M4 under QEMU (`npm run test:c`).
 *           The Arduino builder compiles a sketch's src/ folder, so before building copy them there:
 *               mkdir -p firmware-notes/reference-firmware/roller_sensor/src
 *               cp -r firmware-notes/codec firmware-notes/core \
 *                     firmware-notes/reference-firmware/roller_sensor/src/
 *           Do not edit the copies (src/ is gitignored); edit codec/ and core/, test, copy again.
 * This file: the roller_hw functions on Wire1, micros(), Bluefruit characteristics, LittleFS, the
 *           LED and the battery ADC; the GATT table and advertising; BLE callbacks that decode a
 *           write, answer it and post it to the loop; the loop that feeds the core.
 * Status:   the core runs in CI; this board layer is NOT compiled in this repository (there is no
 *           Arduino toolchain there). Verify on hardware: compare the first frames it sends with the
 *           golden vectors (see ../../README.md, "Verifying a build").
 */
#include <Arduino.h>
#include <Wire.h>
#include <bluefruit.h>
#include <Adafruit_LittleFS.h>
#include <InternalFileSystem.h>

#include "src/core/roller_sensor.h" /* copy of firmware-notes/core/, see above */

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
 * read, and keep it LOW: driving it HIGH puts the full battery voltage on the ADC pin. The core
 * (roller_battery.h) turns the counts into volts and percent. */

static const uint32_t POLL_MS = 20;              /* FIFO poll even without an interrupt edge */
static const uint16_t REQUESTED_MTU = 247;       /* ATT payload 244 = 19 samples per frame */
static const uint16_t REQUESTED_INTERVAL_UNITS = 12; /* 15 ms in 1.25 ms units (accepted by Apple too) */
/* ATT error "Value Not Allowed" (0x13) as a SoftDevice gatt_status; the SoftDevice headers name no
 * constant for it, so replyWrite() falls back to CPS "Out of Range" if the stack refuses it. */
static const uint16_t GATT_STATUS_VALUE_NOT_ALLOWED = 0x0113;
static const char *BIAS_FILE = "/roller_gyro_bias";

/* ---- Types (declared before any function for the Arduino prototype generator) ------------- */

enum CommandKind : uint8_t { CMD_CONTROL = 1, CMD_CONFIG, CMD_CONNECTED, CMD_DISCONNECTED };

struct Command {
  uint8_t kind;
  roller_control control;
  roller_config config;
  uint16_t conn_hdl;
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

static roller_sensor sensor;
static roller_hw hw;
static uint16_t connHandle = BLE_CONN_HANDLE_INVALID;
static uint32_t connectedAtMs = 0;
static uint8_t linkSetupStep = 0;

/* ---- roller_hw on this board ------------------------------------------------------------ */

static bool hwImuWrite(void *ctx, uint8_t reg, uint8_t value) {
  (void)ctx;
  IMU_WIRE.beginTransmission(IMU_I2C_ADDRESS);
  IMU_WIRE.write(reg);
  IMU_WIRE.write(value);
  return IMU_WIRE.endTransmission() == 0;
}

static bool hwImuRead(void *ctx, uint8_t reg, uint8_t *buf, size_t n) {
  (void)ctx;
  IMU_WIRE.beginTransmission(IMU_I2C_ADDRESS);
  IMU_WIRE.write(reg);
  if (IMU_WIRE.endTransmission(false) != 0) return false;
  if (IMU_WIRE.requestFrom((uint8_t)IMU_I2C_ADDRESS, n) != n) return false;
  for (size_t i = 0; i < n; i++) buf[i] = (uint8_t)IMU_WIRE.read();
  return true;
}

static uint32_t hwNowUs(void *ctx) {
  (void)ctx;
  return micros();
}

static uint16_t attPayloadBytes() {
  if (connHandle == BLE_CONN_HANDLE_INVALID) return ROLLER_DEFAULT_ATT_PAYLOAD_BYTES;
  BLEConnection *conn = Bluefruit.Connection(connHandle);
  if (conn == NULL || conn->getMtu() < 23) return ROLLER_DEFAULT_ATT_PAYLOAD_BYTES;
  return conn->getMtu() - 3;
}

static bool hwNotify(void *ctx, roller_channel channel, const uint8_t *bytes, size_t n) {
  (void)ctx;
  bool connected = connHandle != BLE_CONN_HANDLE_INVALID;
  switch (channel) {
    case ROLLER_CHANNEL_STREAM:
      /* A frame must travel in ONE notification: Bluefruit's notify() would silently split a
       * longer payload into several notifications, which the app would reject. */
      if (!connected || !streamChar.notifyEnabled(connHandle) || n > attPayloadBytes()) return false;
      return streamChar.notify(connHandle, bytes, (uint16_t)n); /* waits for a free TX buffer */
    case ROLLER_CHANNEL_STATUS:
      if (connected && statusChar.notifyEnabled(connHandle)) return statusChar.notify(connHandle, bytes, (uint16_t)n);
      return statusChar.write(bytes, (uint16_t)n) == n;
    case ROLLER_CHANNEL_CONFIG: return configChar.write(bytes, (uint16_t)n) == n;
    case ROLLER_CHANNEL_BATTERY:
      if (n != 1) return false;
      return battery.notify(bytes[0]); /* writes the value; notifies if the central subscribed */
    default: return false;
  }
}

static bool hwStoreLoad(void *ctx, uint8_t *buf, size_t n) {
  (void)ctx;
  File file(InternalFS);
  if (!file.open(BIAS_FILE, FILE_O_READ)) return false;
  bool ok = file.read(buf, n) == (int)n;
  file.close();
  return ok;
}

static bool hwStoreSave(void *ctx, const uint8_t *buf, size_t n) {
  (void)ctx;
  InternalFS.remove(BIAS_FILE);
  File file(InternalFS);
  if (!file.open(BIAS_FILE, FILE_O_WRITE)) return false;
  bool ok = file.write(buf, n) == n;
  file.close();
  return ok;
}

static void hwSetLed(void *ctx, bool on) {
  (void)ctx;
  digitalWrite(LED_IDENTIFY_PIN, on ? LED_ON_LEVEL : LED_OFF_LEVEL);
}

static uint16_t hwBatteryAdc(void *ctx) {
  (void)ctx;
  uint32_t sum = 0;
  for (int i = 0; i < 8; i++) sum += analogRead(PIN_VBAT);
  return (uint16_t)(sum / 8);
}

/* ---- Commands and link (loop task) -------------------------------------------------------- */

static void postCommand(const Command &command) {
  if (xQueueSend(commandQueue, &command, 0) != pdTRUE) RLOG("command queue full\n");
  xSemaphoreGive(wakeSemaphore);
}

static void handleCommand(const Command &command) {
  switch (command.kind) {
    case CMD_CONTROL: roller_sensor_command(&sensor, &command.control); break;
    case CMD_CONFIG: roller_sensor_apply_config(&sensor, &command.config); break;
    case CMD_CONNECTED:
      connHandle = command.conn_hdl;
      connectedAtMs = millis();
      linkSetupStep = 0;
      break;
    case CMD_DISCONNECTED:
      if (command.conn_hdl == connHandle) connHandle = BLE_CONN_HANDLE_INVALID;
      break;
    default: break;
  }
}

/** Tells the core about the link as it is now (connection, MTU, interval). */
static void updateLink() {
  roller_link link;
  link.connected = connHandle != BLE_CONN_HANDLE_INVALID;
  link.att_payload_bytes = attPayloadBytes();
  link.interval_units = 0;
  if (link.connected) {
    BLEConnection *conn = Bluefruit.Connection(connHandle);
    if (conn != NULL) link.interval_units = conn->getConnectionInterval();
  }
  if (link.connected != sensor.link.connected || link.att_payload_bytes != sensor.link.att_payload_bytes ||
      link.interval_units != sensor.link.interval_units) {
    roller_sensor_link_changed(&sensor, &link);
    RLOG("link: %s, payload %u, interval %u\n", link.connected ? "up" : "down", link.att_payload_bytes, link.interval_units);
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
  Command command;
  memset(&command, 0, sizeof command);
  roller_result r = roller_sensor_honour_write(request->data, request->len, &command.config);
  if (r != ROLLER_OK) {
    replyWrite(conn_hdl, gattStatusFor(r), NULL, 0);
    return;
  }
  /* Answer with the configuration actually honoured: the app reads it back and decodes with it. */
  command.kind = CMD_CONFIG;
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
  deviceInfo.setFirmwareRev(ROLLER_FIRMWARE_REVISION_STRING);
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
  digitalWrite(VBAT_ENABLE, LOW); /* divider on; never drive this HIGH */
  /* Charge current stays at the board default (50 mA). For a cell of 100 mAh or more it may be
   * raised to 100 mA: pinMode(PIN_CHARGING_CURRENT, OUTPUT); digitalWrite(PIN_CHARGING_CURRENT, LOW); */
  analogReference(AR_INTERNAL_2_4);
  analogReadResolution(12);

  InternalFS.begin();

  /* The IMU is powered from a GPIO: switch it on (high drive) and give it its boot time. */
  pinMode(IMU_POWER_PIN, OUTPUT_H0H1);
  digitalWrite(IMU_POWER_PIN, HIGH);
  delay(50);
  IMU_WIRE.begin();
  IMU_WIRE.setClock(400000);
  pinMode(IMU_INT1_PIN, INPUT);

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

  hw.ctx = NULL;
  hw.imu_write = hwImuWrite;
  hw.imu_read = hwImuRead;
  hw.now_us = hwNowUs;
  hw.notify = hwNotify;
  hw.store_load = hwStoreLoad;
  hw.store_save = hwStoreSave;
  hw.set_led = hwSetLed;
  hw.battery_adc = hwBatteryAdc;
  /* Loads the bias, probes the IMU (status error imu-not-found if it does not answer), publishes
   * the configuration (104 Hz for the default 100 Hz), the battery level and the status. */
  roller_sensor_init(&sensor, &hw);
  sensor.one_notification_per_event = ONE_NOTIFICATION_PER_EVENT != 0;
  if (sensor.imu_present) attachInterrupt(IMU_INT1_PIN, onImuInterrupt, ISR_DEFERRED | RISING);
  else RLOG("IMU not found\n");

  startAdvertising();
  RLOG("Roller ready\n");
}

/* ---- Loop: sleeps until the IMU, a BLE callback or the poll period wakes it --------------- */

void loop() {
  xSemaphoreTake(wakeSemaphore, pdMS_TO_TICKS(POLL_MS)); /* the CPU sleeps meanwhile */

  Command command;
  while (xQueueReceive(commandQueue, &command, 0) == pdTRUE) {
    handleCommand(command);
    updateLink(); /* a disconnect reaches the core before any command after it */
  }
  stepLinkSetup();
  updateLink(); /* picks up MTU and connection interval changes */
  roller_sensor_poll(&sensor); /* FIFO -> frames, calibration, identify LED, battery, status */
}
