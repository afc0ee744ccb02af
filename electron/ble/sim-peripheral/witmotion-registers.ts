/**
 * The register file of a simulated WitMotion unit, driven by the 5-byte commands written to its
 * command characteristic (`FF AA <register> <value lo> <value hi>`, see
 * sensor-protocol/witmotion/witmotion-commands.ts):
 *
 * | register     | value        | effect |
 * |--------------|--------------|--------|
 * | KEY 0x69     | 0xB588       | unlocked for 10 s (any other value locks) |
 * | RATE 0x03    | a rate code  | output rate, when unlocked; unknown codes are ignored |
 * | SAVE 0x00    | 0 / 1        | when unlocked: keep the settings across reboots / factory defaults |
 * | READ 0x27    | register RR  | answer with a 0x71 record of registers RR … RR + 7 (no unlock needed) |
 *
 * Anything else, or a write while locked, is ignored, as the units do (the ATT write itself
 * still succeeds). Pure: the caller passes the time.
 */
import {
  WITMOTION_COMMAND_PREFIX,
  WITMOTION_FACTORY_RATE_HZ,
  WITMOTION_REGISTER,
  WITMOTION_UNLOCK_KEY,
  WITMOTION_UNLOCK_WINDOW_S,
  witmotionRateCode,
  witmotionRateHzFromCode,
} from '../../../sensor-protocol/witmotion/witmotion-commands';

export interface WitmotionCommand {
  register: number;
  value: number;
}

export type WitmotionCommandEffect =
  | { kind: 'rate-changed'; rateHz: number }
  | { kind: 'register-reply'; startRegister: number; values: number[] }
  | { kind: 'ignored'; reason: 'locked' | 'unknown-register' | 'unknown-rate-code' }
  | { kind: 'done' };

/** The commands in a write: consecutive 5-byte `FF AA …` groups; bytes that are not are skipped. */
export function parseWitmotionWrite(bytes: Uint8Array): WitmotionCommand[] {
  const out: WitmotionCommand[] = [];
  for (let i = 0; i + 5 <= bytes.length;) {
    if (bytes[i] === WITMOTION_COMMAND_PREFIX[0] && bytes[i + 1] === WITMOTION_COMMAND_PREFIX[1]) {
      out.push({ register: bytes[i + 2]!, value: bytes[i + 3]! | (bytes[i + 4]! << 8) });
      i += 5;
    } else {
      i++;
    }
  }
  return out;
}

export class WitmotionRegisterFile {
  private rateCode: number;
  private savedRateCode: number;
  private unlockedUntilMs = -Infinity;
  private readonly factoryRateCode: number;

  constructor(rateHz: number) {
    const factory = witmotionRateCode(WITMOTION_FACTORY_RATE_HZ);
    const initial = witmotionRateCode(rateHz);
    if (!factory.ok) throw new Error(factory.message);
    if (!initial.ok) throw new RangeError(initial.message);
    this.factoryRateCode = factory.code;
    this.rateCode = this.savedRateCode = initial.code;
  }

  get rateHz(): number {
    return witmotionRateHzFromCode(this.rateCode) ?? WITMOTION_FACTORY_RATE_HZ;
  }

  isUnlocked(nowMs: number): boolean {
    return nowMs < this.unlockedUntilMs;
  }

  apply(cmd: WitmotionCommand, nowMs: number): WitmotionCommandEffect {
    switch (cmd.register) {
      case WITMOTION_REGISTER.key:
        this.unlockedUntilMs = cmd.value === WITMOTION_UNLOCK_KEY ? nowMs + WITMOTION_UNLOCK_WINDOW_S * 1000 : -Infinity;
        return { kind: 'done' };
      case WITMOTION_REGISTER.readAddress:
        return { kind: 'register-reply', startRegister: cmd.value & 0xff, values: this.read(cmd.value & 0xff) };
      case WITMOTION_REGISTER.rate: {
        if (!this.isUnlocked(nowMs)) return { kind: 'ignored', reason: 'locked' };
        const rateHz = witmotionRateHzFromCode(cmd.value);
        if (rateHz === null) return { kind: 'ignored', reason: 'unknown-rate-code' };
        this.rateCode = cmd.value;
        return { kind: 'rate-changed', rateHz };
      }
      case WITMOTION_REGISTER.save: {
        if (!this.isUnlocked(nowMs)) return { kind: 'ignored', reason: 'locked' };
        if (cmd.value === 1) {
          this.rateCode = this.savedRateCode = this.factoryRateCode;
          return { kind: 'rate-changed', rateHz: this.rateHz };
        }
        this.savedRateCode = this.rateCode;
        return { kind: 'done' };
      }
      default:
        return { kind: 'ignored', reason: this.isUnlocked(nowMs) ? 'unknown-register' : 'locked' };
    }
  }

  /** Power cycle: unsaved settings are lost, writes locked. */
  reboot(): void {
    this.rateCode = this.savedRateCode;
    this.unlockedUntilMs = -Infinity;
  }

  private read(start: number): number[] {
    const values: number[] = [];
    for (let r = start; r < start + 8; r++) values.push(r === WITMOTION_REGISTER.rate ? this.rateCode : 0);
    return values;
  }
}
