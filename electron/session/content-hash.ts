/**
 * A recording's content hash: how the store recognises the same recording when it is imported
 * again (an export of a session, or the same file twice).
 *
 * What it covers: the samples only, in order — per sample its seven numbers (`t_s`, `ax_g`,
 * `ay_g`, `az_g`, `gx_dps`, `gy_dps`, `gz_dps`, sensor-protocol/imu-sample.ts) as IEEE-754
 * float64, little-endian — hashed with SHA-256; written `sha256:<64 hex digits>`. Not the file's
 * text, its metadata (`# key=value` lines), the settings, the session id or the start time, which
 * an export writes anew. So the hash of an export equals the hash of the session it came from:
 * the export writes each sample's shortest text that reads back as the same numbers, the import
 * stores them losslessly, and a live session's hash is taken over the samples its stored frames
 * decode to — the very samples its export writes. A file with the same numbers written
 * differently (`1.0` for `1`, other metadata) is the same recording.
 */
import { createHash, type Hash } from 'node:crypto';
import { endianness } from 'node:os';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { sessionSampleChunks } from './session-data';
import type { StoredSession } from './session-records';
import type { SessionStore } from './session-store';

const SAMPLES_PER_BLOCK = 1024;
const BIG_ENDIAN = endianness() === 'BE';

export class SampleHasher {
  private readonly hash: Hash = createHash('sha256');
  private readonly block = new Float64Array(SAMPLES_PER_BLOCK * 7);
  private readonly bytes = new Uint8Array(this.block.buffer);
  private used = 0;
  private n = 0;

  push(samples: readonly ImuSample[]): void {
    const b = this.block;
    for (const s of samples) {
      const o = this.used;
      b[o] = s.tS;
      b[o + 1] = s.axG;
      b[o + 2] = s.ayG;
      b[o + 3] = s.azG;
      b[o + 4] = s.gxDps;
      b[o + 5] = s.gyDps;
      b[o + 6] = s.gzDps;
      this.used = o + 7;
      if (this.used === b.length) this.drain();
    }
    this.n += samples.length;
  }

  /** Samples hashed so far. */
  get count(): number {
    return this.n;
  }

  /** `sha256:<hex>`; the hasher is done after this. */
  digest(): string {
    this.drain();
    return `sha256:${this.hash.digest('hex')}`;
  }

  private drain(): void {
    if (this.used === 0) return;
    const bytes = this.bytes.subarray(0, this.used * 8);
    // The hash is defined on little-endian float64: a big-endian machine swaps each number's bytes first.
    if (BIG_ENDIAN) for (let i = 0; i < bytes.length; i += 8) bytes.subarray(i, i + 8).reverse();
    this.hash.update(bytes);
    this.used = 0;
  }
}

/** The content hash of samples held in memory. */
export function contentHashOf(samples: readonly ImuSample[]): string {
  const h = new SampleHasher();
  h.push(samples);
  return h.digest();
}

/** The hash of a stored session's samples (its frames decoded again, or its stored samples), read batch by batch. */
export function computeSessionContentHash(store: SessionStore, session: StoredSession): { hash: string; samples: number } {
  const h = new SampleHasher();
  for (const chunk of sessionSampleChunks(store, session)) h.push(chunk);
  return { hash: h.digest(), samples: h.count };
}

/** The session's stored hash, computed and kept first when it has none (sessions stored before schema 5, interrupted ones). */
export function ensureContentHash(store: SessionStore, session: StoredSession): string {
  if (session.contentHash) return session.contentHash;
  const { hash } = computeSessionContentHash(store, session);
  store.setContentHash(session.id, hash);
  return hash;
}

/**
 * The ended session holding the same samples, or null. Sessions without a stored hash whose
 * stored sample count matches are hashed now (and keep it), so older sessions are found too.
 */
export function findSameRecording(store: SessionStore, hash: string, samples: number): StoredSession | null {
  const known = store.findByContentHash(hash);
  if (known) return known;
  for (const id of store.unhashedSessionIds(samples)) {
    const s = store.getSession(id);
    if (ensureContentHash(store, s) === hash) return store.getSession(id);
  }
  return null;
}
