/**
 * Which frames never reach the host.
 *
 * - Bursts: a two-state (Gilbert) chain per frame. Runs of lost frames have a geometric
 *   length with mean B (`meanBurstFrames`); a run starts with probability
 *   q = f / (B·(1 − f)) after a delivered frame, so the long-run lost fraction is f (`probability`).
 * - Drop-outs: every frame with a sample inside a drop-out window [start, start + duration)
 *   (session time) is lost.
 *
 * One uniform draw per frame, whether or not a drop-out applies, so the burst pattern does
 * not depend on the drop-outs.
 */
import type { ScenarioErrors } from './scenario-schema';
import { randomStream, type RandomStream } from './seeded-random';

export class FrameLossModel {
  private readonly startProbability: number;
  private readonly stayProbability: number;
  private readonly rng: RandomStream;
  private inBurst = false;

  constructor(
    private readonly errors: Pick<ScenarioErrors, 'frameLoss' | 'dropouts'>,
    seed: number,
  ) {
    const { probability: f, meanBurstFrames: b } = errors.frameLoss;
    this.startProbability = f > 0 ? Math.min(1, f / (b * (1 - f))) : 0;
    this.stayProbability = 1 - 1 / b;
    this.rng = randomStream(seed, 'frame-loss');
  }

  /** Decides the next frame, whose samples span session times [firstS, lastS]. Call once per frame, in order. */
  nextLost(firstS: number, lastS: number): boolean {
    const u = this.rng.uniform();
    this.inBurst = this.inBurst ? u < this.stayProbability : u < this.startProbability;
    if (this.inBurst) return true;
    for (const d of this.errors.dropouts) {
      if (lastS >= d.startS && firstS < d.startS + d.durationS) return true;
    }
    return false;
  }
}
