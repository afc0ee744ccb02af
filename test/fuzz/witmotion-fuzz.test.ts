/**
 * Fuzz of the WitMotion stream parser (sensor-protocol/witmotion/): random bytes, valid streams
 * cut at every byte and merged into one notification, garbage and corruption between valid
 * records, hostile arrival times. The parser must never throw, account for every byte, decode
 * only values inside the sensor's ranges, keep time from running backwards, and be back in step
 * right after garbage (records start at 0x55 + flag and carry no checksum, so a false start in
 * the garbage may cost at most the one record it overlaps).
 */
import { describe, expect, it } from 'vitest';
import {
  WITMOTION_ACCEL_FULL_SCALE_G,
  WITMOTION_ANGLE_FULL_SCALE_DEG,
  WITMOTION_FLAG_REGISTER,
  WITMOTION_FLAG_SAMPLE,
  WITMOTION_GYRO_FULL_SCALE_DPS,
  WITMOTION_HEADER_BYTE,
  WITMOTION_RECORD_BYTES,
} from '../../sensor-protocol/witmotion/witmotion-record';
import { WitmotionStreamParser, type WitmotionPushResult, type WitmotionStreamRecord } from '../../sensor-protocol/witmotion/witmotion-stream';
import { caseRandom, Dice, FuzzFailures, fuzzPlan } from './fuzz-harness';

/** A record with random contents; no 0x55 byte after the header when `clean` (so it cannot hide a record start). */
function randomRecord(d: Dice, clean: boolean): Uint8Array {
  const r = d.bytes(WITMOTION_RECORD_BYTES);
  r[0] = WITMOTION_HEADER_BYTE;
  r[1] = d.chance(0.9) ? WITMOTION_FLAG_SAMPLE : WITMOTION_FLAG_REGISTER;
  if (clean) for (let i = 2; i < r.length; i++) if (r[i] === WITMOTION_HEADER_BYTE) r[i] = 0x54;
  // Full-scale values now and then.
  if (d.chance(0.2)) new DataView(r.buffer).setInt16(2 + 2 * d.int(0, 8), d.pick([-32768, 32767]), true);
  return r;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The record a parsed one came from, as bytes-derived identity: kind + the int16 fields. */
function identity(r: WitmotionStreamRecord): string {
  if (r.kind === 'register') return `reg ${r.startRegister} ${r.values.join(' ')}`;
  const s = r.sample;
  const a = r.anglesDeg;
  return `smp ${[s.axG, s.ayG, s.azG, s.gxDps, s.gyDps, s.gzDps, a.rollDeg, a.pitchDeg, a.yawDeg].join(' ')}`;
}

/** The identity a record's bytes decode to (through a fresh parser: one record, nothing else). */
function identityOfBytes(bytes: Uint8Array): string {
  const r = new WitmotionStreamParser().push(bytes, 1).records;
  if (r.length !== 1) throw new Error('not one record');
  return identity(r[0]!);
}

/** Splits `bytes` into notifications of random sizes (some empty). */
function notifications(d: Dice, bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    const n = d.chance(0.1) ? 0 : d.int(1, d.pick([3, 20, 64, 244]));
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

/** Problems with what one parser returned over a run; `bytesIn` is how many bytes were pushed. */
function invariantProblems(parser: WitmotionStreamParser, results: WitmotionPushResult[], bytesIn: number): string[] {
  const problems: string[] = [];
  const c = parser.counters;
  if (c.bytesIn !== bytesIn) problems.push(`bytesIn ${c.bytesIn}, pushed ${bytesIn}`);
  const records = c.sampleRecords + c.registerRecords;
  if (c.skippedBytes + WITMOTION_RECORD_BYTES * records + c.bufferedBytes !== bytesIn) {
    problems.push(`bytes not accounted for: skipped ${c.skippedBytes} + 20 × ${records} records + buffered ${c.bufferedBytes} ≠ ${bytesIn}`);
  }
  if (c.bufferedBytes < 0 || c.bufferedBytes >= WITMOTION_RECORD_BYTES) problems.push(`buffered ${c.bufferedBytes}`);
  let lastOffset = -1;
  let lastT = -Infinity;
  for (const r of results.flatMap((x) => x.records)) {
    if (r.offset <= lastOffset || r.offset + WITMOTION_RECORD_BYTES > bytesIn) problems.push(`record offset ${r.offset} out of order or bounds`);
    lastOffset = r.offset;
    if (r.kind === 'sample') {
      const s = r.sample;
      const a = r.anglesDeg;
      const inRange = (v: number, fs: number) => Number.isFinite(v) && v >= -fs && v < fs;
      if (![s.axG, s.ayG, s.azG].every((v) => inRange(v, WITMOTION_ACCEL_FULL_SCALE_G))) problems.push(`accel out of ±16 g at offset ${r.offset}`);
      if (![s.gxDps, s.gyDps, s.gzDps].every((v) => inRange(v, WITMOTION_GYRO_FULL_SCALE_DPS))) problems.push(`gyro out of ±2000 °/s at offset ${r.offset}`);
      if (![a.rollDeg, a.pitchDeg, a.yawDeg].every((v) => inRange(v, WITMOTION_ANGLE_FULL_SCALE_DEG))) problems.push(`angle out of ±180° at offset ${r.offset}`);
      if (!Number.isFinite(s.tS) || s.tS < lastT) problems.push(`time ${s.tS} after ${lastT}`);
      lastT = s.tS;
    } else if (r.values.length !== 8 || r.values.some((v) => !Number.isInteger(v) || v < -32768 || v > 32767) || r.startRegister < 0 || r.startRegister > 0xffff) {
      problems.push(`register record out of range at offset ${r.offset}`);
    }
  }
  for (const rej of results.flatMap((x) => x.rejections)) {
    if ('offset' in rej && (rej.offset < 0 || rej.offset >= bytesIn)) problems.push(`rejection offset ${rej.offset} out of bounds`);
  }
  return problems;
}

describe('WitMotion stream fuzz', () => {
  it('random bytes in random notifications with hostile arrival times: never throws, every byte accounted for, values in range', () => {
    const plan = fuzzPlan('witmotion-random', 0x5561, 8000);
    const failures = new FuzzFailures(plan);
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      // Mostly garbage with record-like pieces mixed in, so the framing paths are all taken.
      const parts: Uint8Array[] = [];
      for (let k = d.int(1, 12); k > 0; k--) {
        const kind = d.int(0, 4);
        if (kind === 0) parts.push(d.bytes(d.int(0, 60)));
        else if (kind === 1) parts.push(randomRecord(d, false));
        else if (kind === 2) parts.push(randomRecord(d, false).subarray(0, d.int(1, 19)));
        else if (kind === 3) parts.push(Uint8Array.from({ length: d.int(1, 8) }, () => d.pick([0x55, 0x61, 0x71, 0x55])));
        else parts.push(d.bytes(d.int(0, 5)).map(() => WITMOTION_HEADER_BYTE));
      }
      const stream = concat(parts);
      failures.run(
        i,
        () => stream,
        () => {
          const parser = new WitmotionStreamParser({ nominalRateHz: d.pick([10, 100, 200, 0.5]) });
          const results: WitmotionPushResult[] = [];
          let t = d.int(-5, 1000);
          for (const n of notifications(d, stream)) {
            t += d.pick([0.01, 0.01, 0.03, 0, -0.5, 5]);
            const arrival = d.chance(0.05) ? d.pick([NaN, Infinity, -Infinity]) : t;
            results.push(parser.push(n, arrival));
          }
          if (d.chance(0.3)) parser.reset();
          const problems = invariantProblems(parser, results, stream.length);
          if (problems.length > 0) failures.add(i, problems.slice(0, 3).join('; '), stream);
        },
      );
    }
    failures.assertNone();
  });

  it('a valid stream cut at every byte boundary, or one byte at a time, decodes as when pushed whole', () => {
    const plan = fuzzPlan('witmotion-splits', 0x5a17, 60);
    const failures = new FuzzFailures(plan);
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const stream = concat(Array.from({ length: d.int(1, 6) }, () => randomRecord(d, false)));
      failures.run(
        i,
        () => stream,
        () => {
          const whole = new WitmotionStreamParser().push(stream, 1).records.map(identity);
          if (whole.length !== stream.length / WITMOTION_RECORD_BYTES) return failures.add(i, `whole stream gave ${whole.length} records`, stream);
          for (let cut = 0; cut <= stream.length; cut++) {
            const p = new WitmotionStreamParser();
            const got = [...p.push(stream.subarray(0, cut), 1).records, ...p.push(stream.subarray(cut), 2).records].map(identity);
            if (got.join('|') !== whole.join('|')) return failures.add(i, `cut at ${cut} decodes differently`, stream);
          }
          const p = new WitmotionStreamParser();
          const bytewise = Array.from(stream, (b, k) => p.push(Uint8Array.of(b), k * 0.01)).flatMap((r) => r.records);
          if (bytewise.map(identity).join('|') !== whole.join('|')) failures.add(i, 'one byte at a time decodes differently', stream);
          const t = bytewise.filter((r) => r.kind === 'sample').map((r) => (r.kind === 'sample' ? r.sample.tS : 0));
          if (t.some((v, k) => k > 0 && v <= t[k - 1]!)) failures.add(i, 'byte-wise arrival times did not make increasing sample times', stream);
        },
      );
    }
    failures.assertNone();
  });

  it('resynchronises after garbage: every valid record after the one the garbage overlaps is decoded', () => {
    const plan = fuzzPlan('witmotion-resync', 0x7e5c, 2000);
    const failures = new FuzzFailures(plan);
    let lostOne = 0;
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const before = Array.from({ length: d.int(0, 3) }, () => randomRecord(d, true));
      const garbage = d.bytes(d.int(2, 80));
      // Bias the garbage towards false record starts near its end.
      if (d.chance(0.5)) garbage.set([WITMOTION_HEADER_BYTE, d.pick([WITMOTION_FLAG_SAMPLE, WITMOTION_FLAG_REGISTER])], Math.max(0, garbage.length - d.int(2, Math.min(19, garbage.length))));
      const after = Array.from({ length: d.int(2, 8) }, () => randomRecord(d, true));
      const stream = concat([...before, garbage, ...after]);
      failures.run(
        i,
        () => stream,
        () => {
          const parser = new WitmotionStreamParser();
          const results = notifications(d, stream).map((n, k) => parser.push(n, 10 + k * 0.01));
          const got = results.flatMap((r) => r.records).map(identity);
          const wanted = after.slice(1).map(identityOfBytes);
          const tail = got.slice(got.length - wanted.length);
          if (tail.join('|') !== wanted.join('|')) return failures.add(i, `records after the garbage were lost (got ${got.length}, expected the last ${wanted.length} to match)`, stream);
          // The first record after the garbage is lost only when the garbage overlaps it.
          if (got.at(-after.length) !== identityOfBytes(after[0]!)) lostOne++;
          const problems = invariantProblems(parser, results, stream.length);
          if (problems.length > 0) failures.add(i, problems.slice(0, 3).join('; '), stream);
        },
      );
    }
    failures.assertNone();
    if (!plan.replaying) expect(lostOne).toBeLessThan(plan.indexes.length / 2);
  });

  it('corruption inside a valid stream costs at most the corrupted record and the next one', () => {
    const plan = fuzzPlan('witmotion-corruption', 0xc0ff, 2000);
    const failures = new FuzzFailures(plan);
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const records = Array.from({ length: d.int(4, 12) }, () => randomRecord(d, true));
      // Corrupt some bytes of some records (bit flips, dropped or inserted bytes, forged headers).
      const hit = new Set<number>();
      const pieces: Uint8Array[] = [];
      records.forEach((r, k) => {
        if (k < records.length - 2 && d.chance(0.25)) {
          hit.add(k);
          const c = Array.from(r);
          const op = d.int(0, 3);
          const at = d.int(0, c.length - 1);
          if (op === 0) c[at] = c[at]! ^ (1 << d.int(0, 7));
          else if (op === 1) c.splice(at, d.int(1, 5));
          else if (op === 2) c.splice(at, 0, ...d.bytes(d.int(1, 25)));
          else c.splice(at, 2, WITMOTION_HEADER_BYTE, WITMOTION_FLAG_SAMPLE);
          pieces.push(Uint8Array.from(c));
        } else pieces.push(r);
      });
      const corrupted = concat(pieces);
      failures.run(
        i,
        () => corrupted,
        () => {
          const parser = new WitmotionStreamParser();
          const results = notifications(d, corrupted).map((n, k) => parser.push(n, 1 + k * 0.01));
          const got = new Set(results.flatMap((r) => r.records).map(identity));
          const lastHit = Math.max(-1, ...hit);
          for (let k = lastHit + 2; k < records.length; k++) {
            if (!got.has(identityOfBytes(records[k]!))) return failures.add(i, `record ${k} (last corrupted ${lastHit}) was not decoded`, corrupted);
          }
          const problems = invariantProblems(parser, results, corrupted.length);
          if (problems.length > 0) failures.add(i, problems.slice(0, 3).join('; '), corrupted);
        },
      );
    }
    failures.assertNone();
  });

  it('records merged into one notification are spread back from its arrival time, never before the previous sample', () => {
    const plan = fuzzPlan('witmotion-merged', 0x3e76, 1000);
    const failures = new FuzzFailures(plan);
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const rateHz = d.pick([10, 50, 100, 200]);
      const parser = new WitmotionStreamParser({ nominalRateHz: rateHz });
      let t = d.int(0, 100);
      let previous = -Infinity;
      const input: number[] = [];
      for (let n = d.int(1, 30); n > 0; n--) {
        const k = d.int(1, 10);
        t += d.rand() * (k / rateHz) * 2;
        input.push(k, t);
        const r = parser.push(concat(Array.from({ length: k }, () => randomRecord(d, false))), t);
        const times = r.records.flatMap((x) => (x.kind === 'sample' ? [x.sample.tS] : []));
        if (times.some((v) => v < previous || v > t)) {
          failures.add(i, `times ${times.join(', ')} outside (${previous}, ${t}]`, input);
          break;
        }
        if (times.length > 0 && times.at(-1) !== t && t > previous) failures.add(i, 'the last sample of a notification is not at its arrival time', input);
        previous = times.at(-1) ?? previous;
      }
    }
    failures.assertNone();
  });

  it('refuses what is not bytes without consuming anything', () => {
    const parser = new WitmotionStreamParser();
    for (const junk of [null, undefined, 42, 'U a', [0x55, 0x61], new Uint16Array(10), { length: 20 }]) {
      expect(parser.push(junk as unknown as Uint8Array, 1)).toEqual({ records: [], rejections: [{ reason: 'not-bytes' }] });
    }
    expect(parser.counters.bytesIn).toBe(0);
  });
});
