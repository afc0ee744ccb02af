/**
 * Byte-plane shuffle with a delta per plane: a reversible transform that makes runs of
 * similar fixed-size records (protocol frames, float32 columns) compress well, in the spirit
 * of Blosc's shuffle filter.
 *
 * The input is read as rows of `stride` bytes; output plane j holds byte j of every row in
 * order, each byte stored as the difference (mod 256) from the same byte of the row before.
 * Constant header bytes become zeros and slowly changing high bytes become small numbers, so
 * deflate then packs them tightly. Bytes after the last whole row are copied unchanged.
 *
 * ```
 *  rows:   a0 a1 a2 | b0 b1 b2 | c0 c1 c2 | r      (stride 3, one rest byte r)
 *  planes: a0 b0-a0 c0-b0 | a1 b1-a1 c1-b1 | a2 b2-a2 c2-b2 | r
 * ```
 * Pure.
 */

export function shuffleDelta(src: Uint8Array, stride: number): Uint8Array {
  const out = new Uint8Array(src.length);
  if (stride < 2) {
    out.set(src);
    return out;
  }
  const rows = Math.floor(src.length / stride);
  for (let j = 0; j < stride; j++) {
    let prev = 0;
    let o = j * rows;
    for (let i = 0, s = j; i < rows; i++, s += stride) {
      const v = src[s]!;
      out[o++] = (v - prev) & 0xff;
      prev = v;
    }
  }
  out.set(src.subarray(rows * stride), rows * stride);
  return out;
}

export function unshuffleDelta(src: Uint8Array, stride: number): Uint8Array {
  const out = new Uint8Array(src.length);
  if (stride < 2) {
    out.set(src);
    return out;
  }
  const rows = Math.floor(src.length / stride);
  for (let j = 0; j < stride; j++) {
    let prev = 0;
    let o = j * rows;
    for (let i = 0, d = j; i < rows; i++, d += stride) {
      prev = (prev + src[o++]!) & 0xff;
      out[d] = prev;
    }
  }
  out.set(src.subarray(rows * stride), rows * stride);
  return out;
}
