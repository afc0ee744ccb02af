/** The free hands-free session's guide on hand-made points: the next area from coverage, the time left today, the gap between prompts. */
import { describe, expect, it } from 'vitest';
import { AREA_COVERED_S, FreeSessionGuide, PROMPT_GAP_S } from '../../../electron/app/free-session-guide';
import type { HandsFreePhase } from '../../../electron/app/hands-free-machine';
import type { VoicePrompt } from '../../../electron/ipc/ipc-contract';
import type { Zone } from '../../../electron/motion/spine-map';

const DT = 0.1;

/** Drives a guide as the live session does: the figures' zone times and today's rolling time grow with each point. */
class Drive {
  t = 0;
  readonly zoneTimeS: Record<Zone, number> = { neck: 0, 'upper-back': 0, 'mid-back': 0, lumbar: 0 };
  todayS: number;
  readonly heard: { t: number; p: VoicePrompt }[] = [];

  constructor(
    readonly guide: FreeSessionGuide,
    todayAtStartS = 0,
  ) {
    this.todayS = todayAtStartS;
  }

  /** `s` seconds in `zone` with the phase given (rolling time counts unless paused or armed). */
  run(s: number, zone: Zone, phase: HandsFreePhase = 'rolling', warnEveryS = 0): this {
    const end = this.t + s;
    let nextWarn = warnEveryS > 0 ? this.t + warnEveryS : Infinity;
    while (this.t < end - 1e-9) {
      this.t = Math.round((this.t + DT) * 1000) / 1000;
      this.zoneTimeS[zone] += DT;
      if (phase === 'rolling') this.todayS += DT;
      this.guide.step({ t: this.t, phase, zoneTimeS: this.zoneTimeS, todayRollingS: this.todayS });
      if (this.t >= nextWarn) {
        this.guide.heard(this.t);
        nextWarn += warnEveryS;
      }
      const p = this.guide.take();
      if (p) this.heard.push({ t: this.t, p });
    }
    return this;
  }

  kinds(): string[] {
    return this.heard.map(({ p }) => (p.kind === 'next-area' ? `next ${p.area}` : p.kind === 'today-left' ? `${p.seconds} s left today` : p.kind));
  }
}

describe('FreeSessionGuide: the next area', () => {
  it('once the upper back has had its time, says to move to the mid back; once both have, that both are done', () => {
    const d = new Drive(new FreeSessionGuide(3600, 0));
    d.run(AREA_COVERED_S - 1, 'upper-back');
    expect(d.heard).toEqual([]);
    d.run(2, 'upper-back');
    expect(d.kinds()).toEqual(['next mid-back']);
    expect(d.heard[0]!.t).toBeCloseTo(AREA_COVERED_S, 0);
    d.run(AREA_COVERED_S - 1, 'mid-back');
    expect(d.kinds()).toEqual(['next mid-back']);
    d.run(2, 'mid-back');
    expect(d.kinds()).toEqual(['next mid-back', 'areas-covered']);
    // Nothing more, however long it goes on.
    d.run(300, 'upper-back');
    expect(d.heard).toHaveLength(2);
  });

  it('the mid back first sends the roller to the upper back; never toward the lower back or the neck', () => {
    const d = new Drive(new FreeSessionGuide(3600, 0));
    d.run(200, 'lumbar').run(200, 'neck');
    expect(d.heard).toEqual([]);
    d.run(AREA_COVERED_S + 1, 'mid-back');
    expect(d.heard.map(({ p }) => p)).toEqual([{ kind: 'next-area', area: 'upper-back' }]);
  });

  it('time while armed or paused covers nothing (lying still at the start spot is not rolling)', () => {
    const g = new FreeSessionGuide(3600, 0);
    const d = new Drive(g);
    d.run(60, 'upper-back', 'armed').run(60, 'upper-back', 'paused');
    expect(g.coveredS['upper-back']).toBe(0);
    d.run(10, 'upper-back');
    expect(g.coveredS['upper-back']).toBeCloseTo(10, 5);
    expect(d.heard).toEqual([]);
  });

  it('an area due while paused waits until rolling goes on', () => {
    const d = new Drive(new FreeSessionGuide(3600, 0));
    d.run(AREA_COVERED_S - 1, 'upper-back');
    d.guide.heard(d.t); // a warning: the area, due in 1 s, must wait
    d.run(1.5, 'upper-back');
    d.run(30, 'upper-back', 'paused');
    expect(d.heard).toEqual([]);
    d.run(1, 'mid-back');
    expect(d.kinds()).toEqual(['next mid-back']);
  });
});

describe('FreeSessionGuide: the time left today', () => {
  it('says 1 minute and 30 s left and the budget used, against what is left of today', () => {
    // 10 min budget, 8 min 20 s rolled earlier today: 100 s left.
    const d = new Drive(new FreeSessionGuide(600, 500), 500);
    d.run(39, 'upper-back');
    expect(d.heard).toEqual([]);
    d.run(2, 'upper-back');
    expect(d.kinds()).toEqual(['60 s left today']);
    expect(d.heard[0]!.t).toBeCloseTo(40, 0);
    d.run(60, 'upper-back');
    // The upper back is covered at 45 s, said after the gap.
    expect(d.kinds()).toEqual(['60 s left today', 'next mid-back', '30 s left today', 'budget-used']);
    expect(d.heard.map(({ t }) => Math.round(t))).toEqual([40, 40 + PROMPT_GAP_S, 70, 100]);
  });

  it('says nothing of thresholds already passed at the start, nor anything when the budget was used before', () => {
    const d = new Drive(new FreeSessionGuide(600, 555), 555);
    d.run(50, 'upper-back');
    expect(d.kinds()).toEqual(['30 s left today', 'budget-used']);
    const used = new Drive(new FreeSessionGuide(600, 700), 700);
    used.run(120, 'upper-back');
    expect(used.heard).toEqual([]);
  });

  it('after the budget is used, no area is suggested', () => {
    const d = new Drive(new FreeSessionGuide(60, 0));
    d.run(AREA_COVERED_S + 30, 'upper-back');
    expect(d.kinds()).toEqual(['30 s left today', 'next mid-back', 'budget-used']);
    d.run(AREA_COVERED_S + 10, 'mid-back');
    expect(d.kinds()).toEqual(['30 s left today', 'next mid-back', 'budget-used']);
  });
});

describe('FreeSessionGuide: not chatty', () => {
  it('keeps PROMPT_GAP_S between prompts; the time left comes before an area due at the same time', () => {
    // 45 s of upper back reached at the same moment as 1 minute left.
    const d = new Drive(new FreeSessionGuide(AREA_COVERED_S + 60, 0));
    d.run(AREA_COVERED_S + 20, 'upper-back');
    expect(d.kinds()).toEqual(['60 s left today', 'next mid-back']);
    expect(d.heard[1]!.t - d.heard[0]!.t).toBeCloseTo(PROMPT_GAP_S, 5);
  });

  it('warnings and hands-free changes come first: a prompt waits PROMPT_GAP_S after anything heard', () => {
    const d = new Drive(new FreeSessionGuide(3600, 0));
    // A warning every 5 s: the prompt never finds a gap of 8 s…
    d.run(AREA_COVERED_S + 20, 'upper-back', 'rolling', 5);
    expect(d.heard).toEqual([]);
    // …and comes once the warnings stop.
    d.run(PROMPT_GAP_S + 1, 'upper-back');
    expect(d.kinds()).toEqual(['next mid-back']);
  });

  it('a time prompt overtaken by a later one is not said late', () => {
    // 65 s left at the start; warnings every 5 s while 1 minute and 30 s left pass.
    const d = new Drive(new FreeSessionGuide(65, 0));
    d.run(20, 'upper-back', 'rolling', 5).run(20, 'mid-back', 'rolling', 5);
    expect(d.heard).toEqual([]);
    d.run(20, 'upper-back');
    expect(d.kinds()).toEqual(['30 s left today']);
  });
});
