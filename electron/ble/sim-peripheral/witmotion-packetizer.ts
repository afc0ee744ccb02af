/**
 * How a simulated WitMotion unit cuts its record stream into notifications. Usually each 20-byte
 * record goes out on its own; sometimes the firmware holds one back and sends it with the next
 * (several records in one notification), sometimes it sends a record cut short and the rest with
 * the next one (a record split across notifications) — both happen on real units and the stream
 * parser must cope.
 *
 * ```
 * records:        |R1··················|R2··················|R3··················|
 * usual:          [R1]                 [R2]                 [R3]
 * hold R1:                             [R1 R2]              [R3]
 * split R1:       [R1 (first n bytes)] [rest of R1, R2]     [R3]
 * ```
 * Notifications never exceed the connection's ATT payload (MTU − 3); a longer backlog goes out
 * in consecutive payload-sized notifications. The choices come from a seeded stream.
 */
import type { RandomStream } from '../../sim/seeded-random';

export interface WitmotionPacketizerSettings {
  /** Chance a record is held back and sent with the next one. */
  holdProbability: number;
  /** Chance the queue is sent with the last record cut short (the rest follows later). */
  splitProbability: number;
  /** Never hold more than this many bytes. */
  maxHeldBytes: number;
}

export class WitmotionPacketizer {
  private queue = new Uint8Array(0);

  constructor(
    private readonly settings: WitmotionPacketizerSettings,
    private readonly random: RandomStream,
  ) {}

  /** Bytes waiting for the next notification. */
  get queuedBytes(): number {
    return this.queue.length;
  }

  /** Adds one record; returns the notifications to send now. */
  push(record: Uint8Array, payloadBytes: number): Uint8Array[] {
    this.append(record);
    const u = this.random.uniform();
    const { holdProbability, splitProbability, maxHeldBytes } = this.settings;
    if (u < holdProbability && this.queue.length <= maxHeldBytes) return [];
    if (u < holdProbability + splitProbability) {
      const keep = 1 + Math.floor(this.random.uniform() * (record.length - 1));
      return this.take(this.queue.length - keep, payloadBytes);
    }
    return this.flush(payloadBytes);
  }

  /** Sends everything queued now. */
  flush(payloadBytes: number): Uint8Array[] {
    return this.take(this.queue.length, payloadBytes);
  }

  clear(): void {
    this.queue = new Uint8Array(0);
  }

  private append(bytes: Uint8Array): void {
    const next = new Uint8Array(this.queue.length + bytes.length);
    next.set(this.queue);
    next.set(bytes, this.queue.length);
    this.queue = next;
  }

  private take(byteCount: number, payloadBytes: number): Uint8Array[] {
    const size = Math.max(1, payloadBytes);
    const out: Uint8Array[] = [];
    for (let off = 0; off < byteCount; off += size) out.push(this.queue.slice(off, Math.min(byteCount, off + size)));
    this.queue = this.queue.slice(byteCount);
    return out;
  }
}
