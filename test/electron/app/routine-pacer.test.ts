/** Routine pacing on hand-made points: the release's areas and time left, the extension's reps and "keep it still". */
import { describe, expect, it } from 'vitest';
import {
  EXTENSION_LEAN_S,
  EXTENSION_PREP_S,
  EXTENSION_REP_S,
  EXTENSION_REPS,
  EXTENSION_TOTAL_S,
  ExtensionPacer,
  KEEP_STILL_CM,
  KEEP_STILL_EVERY_S,
  RELEASE_S,
  ReleasePacer,
  type PacerPoint,
} from '../../../electron/app/routine-pacer';
import type { VoicePrompt } from '../../../electron/ipc/ipc-contract';

const DT = 0.02;

function point(t: number, over: Partial<PacerPoint> = {}): PacerPoint {
  return { t, positionCm: 0, speedInPerS: 0, gapBridged: false, phase: null, activeS: 0, ...over };
}

describe('ReleasePacer (back release)', () => {
  it('says the start position, then each area and the time left at their rolling times, then the end', () => {
    const pacer = new ReleasePacer();
    const heard: [number, VoicePrompt][] = [];
    expect(pacer.begin()).toEqual([{ kind: 'release-position' }]);
    // Armed for 5 s: nothing is said and no time passes.
    for (let t = 0; t < 5; t += DT) expect(pacer.step(point(t, { phase: 'armed' }))).toEqual([]);
    expect(pacer.status()).toMatchObject({ kind: 'back-release', step: 'position', leftS: RELEASE_S });
    let active = 0;
    let t = 5;
    while (!pacer.done && t < 500) {
      // Rolling 20 s, then a 10 s pause (the active time stands still), and so on.
      const phase = (t - 5) % 30 < 20 ? 'rolling' : 'paused';
      if (phase === 'rolling') active += DT;
      for (const p of pacer.step(point(t, { phase, activeS: active }))) heard.push([Math.round(active), p]);
      t += DT;
    }
    expect(heard).toEqual([
      [0, { kind: 'area', area: 'upper-back' }],
      [30, { kind: 'time-left', seconds: 60 }],
      [45, { kind: 'area', area: 'mid-back' }],
      [60, { kind: 'time-left', seconds: 30 }],
      [80, { kind: 'time-left', seconds: 10 }],
      [90, { kind: 'release-done' }],
    ]);
    expect(pacer.done).toBe(true);
    expect(pacer.status()).toMatchObject({ step: 'done', leftS: 0 });
  });

  it('counts down rolling time only (a pause keeps the time left)', () => {
    const pacer = new ReleasePacer(60);
    pacer.step(point(0, { phase: 'rolling', activeS: 20 }));
    expect(pacer.status().leftS).toBe(40);
    expect(pacer.step(point(10, { phase: 'paused', activeS: 20 }))).toEqual([]);
    expect(pacer.status()).toMatchObject({ step: 'rolling', leftS: 40 });
  });
});

describe('ExtensionPacer (thoracic extension)', () => {
  function run(positionAt: (t: number) => number, speedAt: (t: number) => number = () => 0): [number, VoicePrompt][] {
    const pacer = new ExtensionPacer();
    const heard: [number, VoicePrompt][] = pacer.begin().map((p) => [0, p]);
    for (let i = 0; !pacer.done && i < 100_000; i++) {
      const t = 100 + i * DT; // sensor time need not start at 0
      for (const p of pacer.step(point(t, { positionCm: positionAt(t - 100), speedInPerS: speedAt(t - 100) }))) heard.push([Number((t - 100).toFixed(1)), p]);
    }
    return heard;
  }

  it('paces 10 slow reps: lean back, hold, come back up; then done', () => {
    const heard = run(() => 0);
    const leans = heard.filter(([, p]) => p.kind === 'extension-lean');
    expect(leans).toHaveLength(EXTENSION_REPS);
    expect(leans.map(([t, p]) => [t, p.rep, p.reps])).toEqual(Array.from({ length: EXTENSION_REPS }, (_, i) => [EXTENSION_PREP_S + i * EXTENSION_REP_S, i + 1, EXTENSION_REPS]));
    expect(heard.slice(0, 5).map(([t, p]) => [t, p.kind])).toEqual([
      [0, 'extension-position'],
      [EXTENSION_PREP_S, 'extension-lean'],
      [EXTENSION_PREP_S + EXTENSION_LEAN_S, 'extension-hold'],
      [EXTENSION_PREP_S + 7, 'extension-return'],
      [EXTENSION_PREP_S + EXTENSION_REP_S, 'extension-lean'],
    ]);
    expect(heard[heard.length - 1]).toEqual([EXTENSION_TOTAL_S, { kind: 'extension-done' }]);
    expect(heard.some(([, p]) => p.kind === 'keep-still')).toBe(false);
  });

  it('says to keep the roller still when it rolls away during the reps, at most every few seconds', () => {
    // Still through the first rep; from 30 s the roller creeps 1 cm/s for 10 s, then stays.
    const pos = (s: number) => (s < 30 ? 0.5 : s < 40 ? 0.5 + (s - 30) : 10.5);
    const heard = run(pos).filter(([, p]) => p.kind === 'keep-still');
    expect(heard.length).toBeGreaterThanOrEqual(1);
    expect(heard[0]![0]).toBeCloseTo(30 + KEEP_STILL_CM, 0);
    for (let i = 1; i < heard.length; i++) expect(heard[i]![0] - heard[i - 1]![0]).toBeGreaterThanOrEqual(KEEP_STILL_EVERY_S - 1e-9);
    // Once it stays put it is not said again.
    expect(heard.every(([t]) => t <= 41)).toBe(true);
  });

  it('says it on speed too: a quick roll back and forth that ends where it began', () => {
    const speed = (s: number) => (s >= 20 && s < 21 ? 1.2 : 0);
    const heard = run(() => 0, speed).filter(([, p]) => p.kind === 'keep-still');
    expect(heard.map(([t]) => t)).toEqual([20.3]);
  });

  it('does not warn while getting into position', () => {
    const heard = run((s) => (s < EXTENSION_PREP_S ? s * 2 : 2 * EXTENSION_PREP_S)).filter(([, p]) => p.kind === 'keep-still');
    expect(heard).toEqual([]);
  });

  it('reports the step, the rep and the time left', () => {
    const pacer = new ExtensionPacer();
    pacer.step(point(0));
    pacer.step(point(EXTENSION_PREP_S + EXTENSION_REP_S + EXTENSION_LEAN_S + 1));
    expect(pacer.status()).toEqual({ kind: 'thoracic-extension', step: 'hold', rep: 2, reps: EXTENSION_REPS, leftS: EXTENSION_TOTAL_S - (EXTENSION_PREP_S + EXTENSION_REP_S + EXTENSION_LEAN_S + 1) });
  });
});
