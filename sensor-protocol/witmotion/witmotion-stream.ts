/**
 * Stream parser for the WitMotion notify characteristic: notifications in, timed records out.
 *
 * Framing (records are laid out in witmotion-record.ts):
 *
 *   … garbage … | 55 61 <18 bytes> | 55 61 <18 bytes> | 55 71 <18 bytes> | 55 61 <partial …
 *               |<----- 20 ------->|
 *
 * - A notification may carry several records back to back, and a record may be split across
 *   notifications: at most one partial record (< 20 bytes) is buffered between pushes.
 * - A record starts at 0x55 followed by a known flag (0x61 sample, 0x71 register reply). Any other
 *   byte is skipped and counted, one byte at a time, so the parser resynchronises on the next
 *   0x55 + known flag. 0x55 followed by an unknown flag is reported as an `unknown-flag` rejection;
 *   other skipped runs as `no-header`, coalesced per push.
 * - Records carry no checksum: a 0x55 0x61 pair inside garbage is taken as a record start, which
 *   can cost the one genuine record it overlaps before the parser is back in step.
 *
 * Timing: the unit has no clock, so a sample's time is the host arrival time passed to `push`.
 * When one push completes N sample records they are spread backwards from the arrival time by the
 * nominal output period (the last one gets the arrival time). Times never run backwards: if the
 * spread would reach back to or before the previous sample, the batch is squeezed evenly between
 * the previous sample and the arrival time (`compressed`); if the arrival time itself does not
 * advance (host clock jitter, or a non-finite time), the samples keep the previous time (`held`).
 *
 * Pure: no clock, no I/O. `push` never throws; memory is bounded (one partial record).
 */
import { z } from 'zod';
import type { ImuSample } from '../imu-sample';
import {
  WITMOTION_FLAG_REGISTER,
  WITMOTION_FLAG_SAMPLE,
  WITMOTION_HEADER_BYTE,
  WITMOTION_RECORD_BYTES,
  decodeWitmotionRegisterRecord,
  decodeWitmotionSampleRecord,
  isKnownWitmotionFlag,
  type WitmotionAnglesDeg,
} from './witmotion-record';

/** Highest output rate the units offer, Hz (witmotion-commands.ts). */
const MAX_NOMINAL_RATE_HZ = 200;

export const WitmotionStreamSettingsSchema = z.object({
  /**
   * Output rate the unit is configured for, Hz: the spacing used to spread several records that
   * arrive in one notification. Default 100 Hz, the rate Roller Companion configures. A unit left
   * at its factory rate (10 Hz) should be given 10. Erring high is the safer mistake: a too-short
   * period only packs a batch a little tighter, a too-long one pushes it into the previous batch.
   */
  nominalRateHz: z.number().positive().max(MAX_NOMINAL_RATE_HZ).default(100),
});
export type WitmotionStreamSettings = z.infer<typeof WitmotionStreamSettingsSchema>;
export type WitmotionStreamSettingsInput = z.input<typeof WitmotionStreamSettingsSchema>;

export const DEFAULT_WITMOTION_STREAM_SETTINGS: WitmotionStreamSettings = Object.freeze(WitmotionStreamSettingsSchema.parse({}));

/** How a sample's time was derived from the arrival time (see module comment). */
export type WitmotionSampleTiming = 'spread' | 'compressed' | 'held';

export interface WitmotionSampleRecord {
  kind: 'sample';
  sample: ImuSample;
  anglesDeg: WitmotionAnglesDeg;
  timing: WitmotionSampleTiming;
  /** Byte offset of the record's first byte in the stream (bytes pushed since construction). */
  offset: number;
}

export interface WitmotionRegisterRecord {
  kind: 'register';
  startRegister: number;
  /** int16 values of registers startRegister … startRegister + 7. */
  values: number[];
  /** Host arrival time of the notification that completed the record, s (not adjusted). */
  arrivalTimeS: number;
  offset: number;
}

export type WitmotionStreamRecord = WitmotionSampleRecord | WitmotionRegisterRecord;

export type WitmotionRejection =
  /** 0x55 followed by a flag this parser does not know; the 0x55 is skipped. */
  | { reason: 'unknown-flag'; flag: number; offset: number }
  /** A run of bytes that could not start a record. */
  | { reason: 'no-header'; offset: number; length: number }
  /** The partial record dropped by `reset()`. */
  | { reason: 'partial-discarded'; offset: number; length: number }
  /** `push` was given something that is not a Uint8Array; nothing was consumed. */
  | { reason: 'not-bytes' }
  /** The arrival time was not a finite number; samples of this push keep the previous time (0 before any). */
  | { reason: 'bad-arrival-time'; arrivalTimeS: unknown };

export interface WitmotionPushResult {
  records: WitmotionStreamRecord[];
  rejections: WitmotionRejection[];
}

export interface WitmotionStreamCounters {
  /** Bytes consumed by `push` (Uint8Array input only). */
  bytesIn: number;
  sampleRecords: number;
  registerRecords: number;
  /** Bytes that were not part of a record, including 0x55s before unknown flags and partials dropped by reset(). */
  skippedBytes: number;
  unknownFlags: number;
  /** Pushes whose samples were squeezed to keep time from running backwards. */
  compressedBatches: number;
  /** Samples that kept the previous sample's time. */
  heldSamples: number;
  /** Bytes of the partial record currently buffered (0 … 19). */
  bufferedBytes: number;
}

export class WitmotionStreamParser {
  readonly settings: WitmotionStreamSettings;
  private readonly periodS: number;
  private readonly partial = new Uint8Array(WITMOTION_RECORD_BYTES);
  private partialLength = 0;
  private partialOffset = 0;
  private streamOffset = 0;
  private lastSampleTimeS: number | null = null;
  private readonly counts = {
    bytesIn: 0,
    sampleRecords: 0,
    registerRecords: 0,
    skippedBytes: 0,
    unknownFlags: 0,
    compressedBatches: 0,
    heldSamples: 0,
  };

  /** Throws a ZodError on invalid settings (a programming error, not stream data). */
  constructor(settings: WitmotionStreamSettingsInput = {}) {
    this.settings = Object.freeze(WitmotionStreamSettingsSchema.parse(settings));
    this.periodS = 1 / this.settings.nominalRateHz;
  }

  get skippedBytes(): number {
    return this.counts.skippedBytes;
  }

  get bufferedBytes(): number {
    return this.partialLength;
  }

  get counters(): WitmotionStreamCounters {
    return { ...this.counts, bufferedBytes: this.partialLength };
  }

  /** Feeds one notification. Returns the records it completed, in stream order, and what was skipped. */
  push(bytes: Uint8Array, arrivalTimeS: number): WitmotionPushResult {
    const rejections: WitmotionRejection[] = [];
    if (!(bytes instanceof Uint8Array)) {
      rejections.push({ reason: 'not-bytes' });
      return { records: [], rejections };
    }
    const records: WitmotionStreamRecord[] = [];
    const samples: WitmotionSampleRecord[] = [];
    // The current run of skipped bytes, coalesced into one rejection while it is contiguous.
    let run: NoHeaderRejection | null = null;
    const skip = (offset: number) => {
      this.counts.skippedBytes++;
      if (run && run.offset + run.length === offset) {
        run.length++;
      } else {
        run = { reason: 'no-header', offset, length: 1 };
        rejections.push(run);
      }
    };

    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i] as number;
      const offset = this.streamOffset++;
      this.counts.bytesIn++;
      if (this.partialLength === 0) {
        if (byte === WITMOTION_HEADER_BYTE) this.startPartial(byte, offset);
        else skip(offset);
        continue;
      }
      if (this.partialLength === 1) {
        if (isKnownWitmotionFlag(byte)) {
          this.partial[this.partialLength++] = byte;
          continue;
        }
        // The buffered 0x55 did not start a record: drop it, then look at this byte afresh.
        this.counts.skippedBytes++;
        this.counts.unknownFlags++;
        rejections.push({ reason: 'unknown-flag', flag: byte, offset: this.partialOffset });
        run = null;
        this.partialLength = 0;
        if (byte === WITMOTION_HEADER_BYTE) this.startPartial(byte, offset);
        else skip(offset);
        continue;
      }
      this.partial[this.partialLength++] = byte;
      if (this.partialLength === WITMOTION_RECORD_BYTES) {
        this.completeRecord(records, samples, arrivalTimeS);
        this.partialLength = 0;
      }
    }

    if (samples.length > 0) this.assignTimes(samples, arrivalTimeS, rejections);
    return { records, rejections };
  }

  /**
   * Drops a buffered partial record, e.g. after a reconnect, so its bytes are not joined to the
   * next connection's stream. Returns the rejection describing what was dropped, if anything.
   * Sample times keep running forward from the last sample.
   */
  reset(): WitmotionRejection | null {
    if (this.partialLength === 0) return null;
    const dropped: WitmotionRejection = { reason: 'partial-discarded', offset: this.partialOffset, length: this.partialLength };
    this.counts.skippedBytes += this.partialLength;
    this.partialLength = 0;
    return dropped;
  }

  private startPartial(byte: number, offset: number): void {
    this.partial[0] = byte;
    this.partialLength = 1;
    this.partialOffset = offset;
  }

  private completeRecord(records: WitmotionStreamRecord[], samples: WitmotionSampleRecord[], arrivalTimeS: number): void {
    const flag = this.partial[1];
    if (flag === WITMOTION_FLAG_SAMPLE) {
      const decoded = decodeWitmotionSampleRecord(this.partial);
      if (!decoded.ok) return; // unreachable: header and flag were checked byte by byte
      const record: WitmotionSampleRecord = {
        kind: 'sample',
        sample: {
          tS: 0,
          axG: decoded.axG,
          ayG: decoded.ayG,
          azG: decoded.azG,
          gxDps: decoded.gxDps,
          gyDps: decoded.gyDps,
          gzDps: decoded.gzDps,
        },
        anglesDeg: decoded.anglesDeg,
        timing: 'spread',
        offset: this.partialOffset,
      };
      records.push(record);
      samples.push(record);
      this.counts.sampleRecords++;
    } else if (flag === WITMOTION_FLAG_REGISTER) {
      const decoded = decodeWitmotionRegisterRecord(this.partial);
      if (!decoded.ok) return;
      records.push({
        kind: 'register',
        startRegister: decoded.startRegister,
        values: decoded.values,
        arrivalTimeS,
        offset: this.partialOffset,
      });
      this.counts.registerRecords++;
    }
  }

  private assignTimes(samples: WitmotionSampleRecord[], arrivalTimeS: number, rejections: WitmotionRejection[]): void {
    const n = samples.length;
    const previous = this.lastSampleTimeS;
    if (!Number.isFinite(arrivalTimeS)) {
      rejections.push({ reason: 'bad-arrival-time', arrivalTimeS });
      this.hold(samples, previous ?? 0);
      return;
    }
    const earliest = arrivalTimeS - (n - 1) * this.periodS;
    if (previous === null || earliest > previous) {
      samples.forEach((s, i) => {
        s.sample.tS = earliest + i * this.periodS;
        s.timing = 'spread';
      });
      // Pin the last one exactly to the arrival time (no accumulated rounding).
      (samples[n - 1] as WitmotionSampleRecord).sample.tS = arrivalTimeS;
    } else if (arrivalTimeS > previous) {
      const stepS = (arrivalTimeS - previous) / n;
      samples.forEach((s, i) => {
        s.sample.tS = i === n - 1 ? arrivalTimeS : previous + (i + 1) * stepS;
        s.timing = 'compressed';
      });
      this.counts.compressedBatches++;
    } else {
      this.hold(samples, previous);
      return;
    }
    this.lastSampleTimeS = arrivalTimeS;
  }

  private hold(samples: WitmotionSampleRecord[], timeS: number): void {
    for (const s of samples) {
      s.sample.tS = timeS;
      s.timing = 'held';
    }
    this.counts.heldSamples += samples.length;
    this.lastSampleTimeS = timeS;
  }
}

type NoHeaderRejection = Extract<WitmotionRejection, { reason: 'no-header' }>;
