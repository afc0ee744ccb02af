/**
 * Fuzz of the recording CSV reader (sensor-protocol/recording/recording-csv-reader.ts) with
 * damaged recordings (./recording-csv-mutations.ts). The reader must never throw; an error must
 * name a line that exists (or the one after the last) and a column, and say so in its message;
 * a success must hold finite samples in time order that the writer writes back bit for bit;
 * and the result must not depend on how the text was cut into chunks.
 */
import { describe, expect, it } from 'vitest';
import { parseRecordingCsv, parseRecordingCsvChunks, type RecordingCsvParseResult, type RecordingCsvReadLimits } from '../../sensor-protocol/recording/recording-csv-reader';
import { formatRecordingCsv } from '../../sensor-protocol/recording/recording-csv-writer';
import { caseRandom, Dice, FuzzFailures, fuzzPlan } from './fuzz-harness';
import { mutateCsv, randomChunks, readerResultProblem, sameSamples, simulatedRecordingCsv } from './recording-csv-mutations';

const BASES = [
  simulatedRecordingCsv('too-fast', 3),
  simulatedRecordingCsv('neck-excursion', 2, 11),
  [
    '\ufeff# roller_diameter_in=6',
    '#sample_rate_hz = 200 ',
    '# a comment',
    '',
    't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps',
    '0,0.01,-0.02,1.001,0.5,-0.25,3',
    '0.005,-1e-3,2E+2,.5,5.,+7,-0',
    '0.005,0,0,1,0,0,0',
    '',
  ].join('\r\n'),
];

function sameResult(a: RecordingCsvParseResult, b: RecordingCsvParseResult): boolean {
  if (a.ok !== b.ok) return false;
  if (!a.ok || !b.ok) return JSON.stringify(a) === JSON.stringify(b);
  return sameSamples(a.samples, b.samples) && JSON.stringify([a.metadata, Object.keys(a.metadata), a.warnings]) === JSON.stringify([b.metadata, Object.keys(b.metadata), b.warnings]);
}

describe('recording CSV reader fuzz', () => {
  it('damaged recordings: never throws; errors name an existing line and column; samples are finite, in order, and write back bit for bit', () => {
    const plan = fuzzPlan('recording-csv-reader', 0xc57, 1500);
    const failures = new FuzzFailures(plan);
    const outcomes = { ok: 0, error: 0 };
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const text = mutateCsv(BASES[i % BASES.length]!, d);
      const limits: RecordingCsvReadLimits = d.chance(0.5) ? { maxSpanS: 43_200, maxAbsTimeS: 1e10 } : {};
      failures.run(
        i,
        () => text,
        () => {
          const r = parseRecordingCsv(text, limits);
          outcomes[r.ok ? 'ok' : 'error']++;
          const problem = readerResultProblem(text, r, limits);
          if (problem) return failures.add(i, problem, text);
          const chunked = parseRecordingCsvChunks(randomChunks(text, d), limits);
          if (!sameResult(r, chunked)) return failures.add(i, 'reading in chunks gave another result', text);
          if (r.ok && r.samples.length > 0) {
            const again = parseRecordingCsv(formatRecordingCsv(r.samples));
            if (!again.ok || !sameSamples(again.samples, r.samples)) failures.add(i, 'written back, the samples read differently', text);
          }
        },
      );
    }
    failures.assertNone();
    // Both outcomes are exercised.
    if (!plan.replaying) expect(outcomes.ok).toBeGreaterThan(plan.indexes.length * 0.1);
    if (!plan.replaying) expect(outcomes.error).toBeGreaterThan(plan.indexes.length * 0.3);
  });

  it('random text: never throws, and any error names a line', () => {
    const plan = fuzzPlan('recording-csv-random', 0x7e77, 3000);
    const failures = new FuzzFailures(plan);
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const alphabet = d.pick(['0123456789.,-e\n', '0123456789.,-+eE#= \r\n\tt_sxyzgdp', '\ufeff#=,\n\r ']);
      const text = d.chance(0.3)
        ? d.text(d.int(0, 300))
        : `${d.chance(0.5) ? 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n' : ''}${Array.from({ length: d.int(0, 400) }, () => alphabet[d.int(0, alphabet.length - 1)]).join('')}`;
      failures.run(
        i,
        () => text,
        () => {
          const r = parseRecordingCsv(text);
          const problem = readerResultProblem(text, r);
          if (problem) failures.add(i, problem, text);
          else if (!sameResult(r, parseRecordingCsvChunks(randomChunks(text, d)))) failures.add(i, 'reading in chunks gave another result', text);
        },
      );
    }
    failures.assertNone();
  });
});
