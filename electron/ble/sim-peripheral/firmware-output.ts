/**
 * One line of the host loop's output (firmware-notes/host-loop/host_loop.c), parsed:
 *
 * ```
 * <t> stream|status|config|battery|refused <hex bytes>   a payload (stream: when the central receives it)
 * <t> write-ok <config|control>                          a write accepted
 * <t> write-error <target> <reason…>                     a write refused, with the codec's reason
 * <t> sync <taken> <dropped> <frames> <overwritten>      the answer to a sync: the loop's counters
 * ```
 * t is the loop's clock, s since it started. Pure; a line it cannot read is `{ kind: 'unreadable' }`.
 */
import { z } from 'zod';

const PAYLOAD_KINDS = ['stream', 'status', 'config', 'battery', 'refused'] as const;

const CountersSchema = z.object({
  samplesTaken: z.number().int().nonnegative(),
  samplesDropped: z.number().int().nonnegative(),
  framesSent: z.number().int().nonnegative(),
  fifoWordsOverwritten: z.number().int().nonnegative(),
});
export type FirmwareCounters = z.infer<typeof CountersSchema>;

export type FirmwareLine =
  | { kind: (typeof PAYLOAD_KINDS)[number]; tS: number; bytes: Uint8Array }
  | { kind: 'write-ok'; tS: number; target: string }
  | { kind: 'write-error'; tS: number; target: string; reason: string }
  | { kind: 'sync'; tS: number; counters: FirmwareCounters }
  | { kind: 'unreadable'; line: string };

export function parseFirmwareLine(line: string): FirmwareLine {
  const words = line.trim().split(/\s+/);
  const tS = Number(words[0]);
  const kind = words[1] ?? '';
  if (!Number.isFinite(tS) || words.length < 2) return { kind: 'unreadable', line };
  if ((PAYLOAD_KINDS as readonly string[]).includes(kind)) {
    const hex = words.slice(2);
    if (!hex.every((h) => /^[0-9A-Fa-f]{2}$/.test(h))) return { kind: 'unreadable', line };
    return { kind: kind as (typeof PAYLOAD_KINDS)[number], tS, bytes: Uint8Array.from(hex, (h) => parseInt(h, 16)) };
  }
  if (kind === 'write-ok' && words[2]) return { kind, tS, target: words[2] };
  if (kind === 'write-error' && words[2]) return { kind, tS, target: words[2], reason: words.slice(3).join(' ') };
  if (kind === 'sync') {
    const counters = CountersSchema.safeParse({
      samplesTaken: Number(words[2]),
      samplesDropped: Number(words[3]),
      framesSent: Number(words[4]),
      fifoWordsOverwritten: Number(words[5]),
    });
    if (counters.success) return { kind, tS, counters: counters.data };
  }
  return { kind: 'unreadable', line };
}

export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}
