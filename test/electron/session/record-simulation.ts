/**
 * Test support: records a simulated roller session through a SessionRecorder as the app would
 * (each notification decoded, pushed through the live engine, then appended with its arrival
 * time), on a fake clock that follows the simulated arrival times.
 */
import { FrameDecoder } from '../../../sensor-protocol/frame/frame-decoder';
import type { ImuSample } from '../../../sensor-protocol/imu-sample';
import { MotionEngine } from '../../../electron/motion/motion-engine';
import { motionSettings, type MotionSettings } from '../../../electron/motion/motion-settings';
import type { CoachEvent, TrackPoint } from '../../../electron/motion/motion-types';
import { TrackColumns } from '../../../electron/motion/track-columns';
import { sessionFiguresOf } from '../../../electron/motion/session-figures';
import type { SessionFigures } from '../../../electron/motion/session-figures-schema';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate, type SimulationResult } from '../../../electron/sim/simulate';
import type { SessionRecorder } from '../../../electron/session/session-recorder';

export interface FakeClock {
  now: number;
}

export function simulation(name: string, opts: { seed?: number; samplesPerFrame?: number; untilS?: number } = {}): SimulationResult {
  const sc = builtInScenario(name);
  const scenario = opts.samplesPerFrame ? { ...sc, sensor: { ...sc.sensor, samplesPerFrame: opts.samplesPerFrame } } : sc;
  return simulate(scenario, { ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.untilS !== undefined ? { untilS: opts.untilS } : {}) });
}

export function simSettings(sim: SimulationResult): MotionSettings {
  return motionSettings({ rollerDiameterIn: sim.meta.rollerDiameterIn, neckAboveCm: sim.meta.spineMap.neckAboveCm, lumbarBelowCm: sim.meta.spineMap.lumbarBelowCm });
}

export interface RecordedSimulation {
  id: number;
  /** Samples as the live decoder produced them (what an export must give back). */
  decoded: ImuSample[];
  track: TrackColumns;
  events: CoachEvent[];
  summary: SessionFigures;
  settings: MotionSettings;
}

/**
 * Feeds frames [from, to) of `sim` through the live path into `recorder` (already started when
 * `from > 0`, else started here). Calls `recorder.tick()` every `tickMs` of fake time.
 */
export function recordSimulation(
  recorder: SessionRecorder,
  sim: SimulationResult,
  clock: FakeClock,
  opts: { startedAt: number; tickMs?: number; finish?: boolean; settings?: MotionSettings },
): RecordedSimulation {
  const settings = opts.settings ?? simSettings(sim);
  const id = recorder.start({
    source: 'simulator',
    sensor: { id: 'sim-1', name: 'Simulated roller', kind: 'roller' },
    settings,
    sensorConfig: sim.meta.sensorConfig,
    startedAt: opts.startedAt,
    utcOffsetMin: 60,
  });
  const decoder = new FrameDecoder(sim.meta.sensorConfig);
  const decoded: ImuSample[] = [];
  const track = new TrackColumns();
  const events: CoachEvent[] = [];
  let points: TrackPoint[] = [];
  let newEvents: CoachEvent[] = [];
  const engine = new MotionEngine(settings, {
    columns: track,
    track: (p) => points.push(p),
    event: (e) => {
      events.push(e);
      newEvents.push(e);
    },
  });
  const tickMs = opts.tickMs ?? 250;
  let nextTick = opts.startedAt + tickMs;
  for (let i = 0; i < sim.frames.length; i++) {
    clock.now = opts.startedAt + sim.frameArrivalS[i]! * 1000;
    while (clock.now >= nextTick) {
      recorder.tick();
      nextTick += tickMs;
    }
    const frame = sim.frames[i]!;
    const r = decoder.push(frame);
    if (r.ok)
      for (const s of r.samples) {
        decoded.push(s);
        engine.push(s);
      }
    recorder.appendFrames([frame], [clock.now]);
    if (points.length > 0) {
      recorder.appendTrack(points);
      points = [];
    }
    if (newEvents.length > 0) {
      recorder.appendEvents(newEvents);
      newEvents = [];
    }
  }
  engine.finish();
  if (points.length > 0) recorder.appendTrack(points);
  const summary = sessionFiguresOf(track, events, engine.settings);
  if (opts.finish !== false) recorder.finish({ endReason: 'completed', summary, endedAt: clock.now });
  return { id, decoded, track, events, summary, settings: engine.settings };
}
