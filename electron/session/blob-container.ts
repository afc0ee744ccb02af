/**
 * The envelope of every stored data blob: a kind byte, a layout version, then the body
 * compressed with raw deflate (level 1: fast, and within a few per cent of the best level on
 * this data).
 *
 * | offset | size | field   | values |
 * |--------|------|---------|--------|
 * | 0      | 1    | kind    | `F` protocol frames, `S` samples, `T` track points |
 * | 1      | 1    | version | 1 |
 * | 2      | …    | body    | deflate-raw of the kind's body (see its codec) |
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { BlobFormatError } from './byte-buffer';

export const BLOB_KINDS = { frames: 0x46, samples: 0x53, track: 0x54 } as const;
export type BlobKind = keyof typeof BLOB_KINDS;
export const BLOB_VERSION = 1;

export function sealBlob(kind: BlobKind, body: Uint8Array): Uint8Array {
  const packed = deflateRawSync(body, { level: 1 });
  const out = new Uint8Array(2 + packed.length);
  out[0] = BLOB_KINDS[kind];
  out[1] = BLOB_VERSION;
  out.set(packed, 2);
  return out;
}

export function openBlob(kind: BlobKind, blob: Uint8Array, what: string): Uint8Array {
  if (blob.length < 2) throw new BlobFormatError(`${what}: ${blob.length} bytes, too short for a stored blob`);
  if (blob[0] !== BLOB_KINDS[kind]) throw new BlobFormatError(`${what}: kind byte ${blob[0]}, expected ${BLOB_KINDS[kind]} (${kind})`);
  if (blob[1] !== BLOB_VERSION) throw new BlobFormatError(`${what}: layout version ${blob[1]}, this version reads ${BLOB_VERSION}`);
  try {
    return inflateRawSync(blob.subarray(2));
  } catch (err) {
    throw new BlobFormatError(`${what}: the compressed body is damaged (${(err as Error).message})`);
  }
}
