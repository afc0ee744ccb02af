/**
 * Child process for the crash test: records the simulated roller in real time, as the app does
 * (real clock, the recorder's own timer), until it is killed. Prints `started <id>` once the
 * session exists, and `stored <frames>` after each write the recorder has made (the frames
 * stored so far), so a test can wait for data on disk instead of sleeping.
 * Usage: node --import tsx record-child.ts <dataDir>
 */
import { FrameDecoder } from '../../../sensor-protocol/frame/frame-decoder';
import { MotionEngine } from '../../../electron/motion/motion-engine';
import type { CoachEvent, TrackPoint } from '../../../electron/motion/motion-types';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { SessionRecorder } from '../../../electron/session/session-recorder';
import { simSettings, simulation } from './record-simulation';

const CHILD_SCENARIO = { name: 'good-slow-session', untilS: 60 } as const;

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: record-child.ts <dataDir>');
const { store } = openSessionStore({ dataDir });
const recorder = new SessionRecorder(store, { timers: { setInterval, clearInterval: (h) => clearInterval(h as NodeJS.Timeout) } });
const sim = simulation(CHILD_SCENARIO.name, { untilS: CHILD_SCENARIO.untilS });
const settings = simSettings(sim);
const decoder = new FrameDecoder(sim.meta.sensorConfig);
let points: TrackPoint[] = [];
let events: CoachEvent[] = [];
const engine = new MotionEngine(settings, { track: (p) => points.push(p), event: (e) => events.push(e) });
const startedAt = Date.now();
const id = recorder.start({ source: 'simulator', settings, sensorConfig: sim.meta.sensorConfig, startedAt });
process.stdout.write(`started ${id}\n`);

let i = 0;
let flushesSeen = 0;
const pace = setInterval(() => {
  const elapsedS = (Date.now() - startedAt) / 1000;
  while (i < sim.frames.length && sim.frameArrivalS[i]! <= elapsedS) {
    const frame = sim.frames[i]!;
    const r = decoder.push(frame);
    if (r.ok) for (const s of r.samples) engine.push(s);
    recorder.appendFrames([frame], [Date.now()]);
    i++;
  }
  if (points.length > 0) recorder.appendTrack(points);
  if (events.length > 0) recorder.appendEvents(events);
  points = [];
  events = [];
  const stats = recorder.stats;
  if (stats.flushes !== flushesSeen) {
    flushesSeen = stats.flushes;
    process.stdout.write(`stored ${stats.framesStored}\n`);
  }
  if (i >= sim.frames.length) {
    clearInterval(pace);
    recorder.finish({ endReason: 'completed' });
    store.close();
  }
}, 10);
