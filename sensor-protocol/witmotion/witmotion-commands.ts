/**
 * Commands for the WitMotion BLE 5.0 IMUs, written to the write characteristic (witmotion-gatt.ts).
 * Every command is 5 bytes, a register write:
 *
 * | offset | size | field    | type   | value                         |
 * |--------|------|----------|--------|-------------------------------|
 * | 0      | 2    | prefix   | u8 × 2 | FF AA                         |
 * | 2      | 1    | register | u8     | register address              |
 * | 3      | 2    | value    | u16 LE | value written to the register |
 *
 * | command           | bytes            | effect                                                      |
 * |-------------------|------------------|-------------------------------------------------------------|
 * | unlock            | FF AA 69 88 B5   | KEY register = 0xB588: writes are accepted for 10 s         |
 * | set output rate   | FF AA 03 RR 00   | RATE register = rate code RR ({@link WITMOTION_RATE_CODES}) |
 * | save              | FF AA 00 00 00   | SAVE register = 0: keep the settings across power cycles    |
 * | read register     | FF AA 27 RR 00   | unit answers with a 0x71 record: registers RR … RR + 7      |
 *
 * Rate codes: 200 Hz is 0x0A in the BLE 5.0 documentation (WT901BLECL datasheet, WTVB01-BT50
 * manual) and in third-party BLE drivers; the serial WIT standard protocol uses 0x0B for 200 Hz
 * and 0x0A for 125 Hz (WT931 only). This module follows the BLE documents. Confirm on a unit by
 * reading the RATE register back ({@link witmotionReadRegisterCommand}(WITMOTION_REGISTER.rate),
 * then {@link witmotionRateHzFromCode} on the first value of the reply).
 *
 * The WitMotion SDK pauses about 100 ms between unlock, write and save; see
 * {@link WITMOTION_COMMAND_GAP_S}. Pure: builds bytes only.
 */

export const WITMOTION_COMMAND_BYTES = 5;
export const WITMOTION_COMMAND_PREFIX: readonly number[] = Object.freeze([0xff, 0xaa]);

/** Register addresses used here. */
export const WITMOTION_REGISTER = Object.freeze({
  save: 0x00,
  rate: 0x03,
  readAddress: 0x27,
  key: 0x69,
} as const);

/** Value written to the KEY register to unlock writes (sent low byte first: 88 B5). */
export const WITMOTION_UNLOCK_KEY = 0xb588;
/** Value written to the SAVE register to store the current settings. */
export const WITMOTION_SAVE_CURRENT = 0x0000;
/** How long an unlock lasts, s. */
export const WITMOTION_UNLOCK_WINDOW_S = 10;
/** Pause between consecutive commands that the WitMotion SDK uses, s. */
export const WITMOTION_COMMAND_GAP_S = 0.1;
/** Output rate of a unit as shipped, Hz. */
export const WITMOTION_FACTORY_RATE_HZ = 10;

/** Output rates the units offer and their RATE register codes. */
export const WITMOTION_RATE_CODES = Object.freeze([
  { rateHz: 0.2, code: 0x01 },
  { rateHz: 0.5, code: 0x02 },
  { rateHz: 1, code: 0x03 },
  { rateHz: 2, code: 0x04 },
  { rateHz: 5, code: 0x05 },
  { rateHz: 10, code: 0x06 },
  { rateHz: 20, code: 0x07 },
  { rateHz: 50, code: 0x08 },
  { rateHz: 100, code: 0x09 },
  { rateHz: 200, code: 0x0a },
] as const);

export type WitmotionRateHz = (typeof WITMOTION_RATE_CODES)[number]['rateHz'];
export type WitmotionRateCode = (typeof WITMOTION_RATE_CODES)[number]['code'];

export const WITMOTION_SUPPORTED_RATES_HZ: readonly WitmotionRateHz[] = Object.freeze(WITMOTION_RATE_CODES.map((entry) => entry.rateHz));

export interface WitmotionUnsupportedRate {
  ok: false;
  reason: 'unsupported-rate';
  requestedHz: number;
  supportedHz: readonly WitmotionRateHz[];
  message: string;
}

export type WitmotionRateCodeResult = { ok: true; rateHz: WitmotionRateHz; code: WitmotionRateCode } | WitmotionUnsupportedRate;

export type WitmotionSetRateSequenceResult = { ok: true; rateHz: WitmotionRateHz; commands: readonly [unlock: Uint8Array, setRate: Uint8Array, save: Uint8Array] } | WitmotionUnsupportedRate;

/** Rates closer than this to a supported rate are taken as that rate (absorbs 0.2 vs 1/5 rounding). */
const RATE_MATCH_TOLERANCE_HZ = 1e-6;

/** The RATE register code for an output rate, or a typed refusal listing the supported rates. */
export function witmotionRateCode(rateHz: number): WitmotionRateCodeResult {
  const entry = WITMOTION_RATE_CODES.find((e) => Math.abs(e.rateHz - rateHz) < RATE_MATCH_TOLERANCE_HZ);
  if (!entry) {
    return {
      ok: false,
      reason: 'unsupported-rate',
      requestedHz: rateHz,
      supportedHz: WITMOTION_SUPPORTED_RATES_HZ,
      message: `WitMotion output rate ${rateHz} Hz is not supported; choose one of ${WITMOTION_SUPPORTED_RATES_HZ.join(', ')} Hz`,
    };
  }
  return { ok: true, rateHz: entry.rateHz, code: entry.code };
}

/** The output rate for a RATE register value read back from a unit, or null for a code not in the table. */
export function witmotionRateHzFromCode(code: number): WitmotionRateHz | null {
  return WITMOTION_RATE_CODES.find((e) => e.code === code)?.rateHz ?? null;
}

/** `FF AA 69 88 B5`. */
export function witmotionUnlockCommand(): Uint8Array {
  return writeRegister(WITMOTION_REGISTER.key, WITMOTION_UNLOCK_KEY);
}

/** `FF AA 00 00 00`. */
export function witmotionSaveCommand(): Uint8Array {
  return writeRegister(WITMOTION_REGISTER.save, WITMOTION_SAVE_CURRENT);
}

/** `FF AA 03 RR 00`; takes a code from {@link witmotionRateCode}. */
export function witmotionSetRateCommand(code: WitmotionRateCode): Uint8Array {
  return writeRegister(WITMOTION_REGISTER.rate, code);
}

/**
 * `FF AA 27 RR 00`: the unit answers with a 0x71 record holding registers RR … RR + 7.
 * Throws a RangeError unless 0 ≤ register ≤ 0xFF is an integer (a programming error).
 */
export function witmotionReadRegisterCommand(register: number): Uint8Array {
  if (!Number.isInteger(register) || register < 0 || register > 0xff) {
    throw new RangeError(`WitMotion register address ${register} is not an integer in 0 … 0xFF`);
  }
  return writeRegister(WITMOTION_REGISTER.readAddress, register);
}

/** [unlock, set rate, save] for an output rate; write them in order, {@link WITMOTION_COMMAND_GAP_S} apart. */
export function witmotionSetRateSequence(rateHz: number): WitmotionSetRateSequenceResult {
  const rate = witmotionRateCode(rateHz);
  if (!rate.ok) return rate;
  return {
    ok: true,
    rateHz: rate.rateHz,
    commands: [witmotionUnlockCommand(), witmotionSetRateCommand(rate.code), witmotionSaveCommand()],
  };
}

function writeRegister(register: number, value: number): Uint8Array {
  const out = new Uint8Array(WITMOTION_COMMAND_BYTES);
  out.set(WITMOTION_COMMAND_PREFIX, 0);
  out[2] = register;
  out[3] = value & 0xff;
  out[4] = (value >> 8) & 0xff;
  return out;
}
