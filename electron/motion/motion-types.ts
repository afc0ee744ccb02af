/** What the motion engine produces: track points with diagnostics, and coaching events. */
import type { Zone } from './spine-map';

export interface Diagnostics {
  /** The rest detector sees the roller still (the gyro bias is being measured). */
  atRest: boolean;
  /** Current gyroscope bias estimate, °/s, sensor frame. */
  biasDps: [number, number, number];
  /** 0…1: how sure the engine is of the roller axis (0 before it is found). */
  axisConfidence: number;
  /** This point lies in, or right after, a gap in the samples that was bridged. */
  gapBridged: boolean;
  /** Some accelerometer readings since the last point were not gravity and were not used. */
  accelRejected: boolean;
}

export interface TrackPoint {
  /** Sensor time, s. */
  t: number;
  /** cm along the spine from the start spot, positive toward the head. */
  positionCm: number;
  /** |mean velocity| over the speed window, in/s. */
  speedInPerS: number;
  zone: Zone;
  diagnostics: Diagnostics;
}

/** Every coaching event kind: the one list (the IPC contract and the stored events take it from here). */
export const EVENT_KINDS = ['too-fast', 'dwell-nudge', 'dwell-limit', 'lumbar', 'neck', 'time-budget'] as const;
export type CoachEventKind = (typeof EVENT_KINDS)[number];

export interface CoachEvent {
  /** Sensor time, s. */
  t: number;
  kind: CoachEventKind;
  positionCm: number;
  /** What made the rule fire: the speed, the dwell time, the boundary, the rolling time. */
  detail: string;
}
