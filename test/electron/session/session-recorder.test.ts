import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-reader';
import { analyzeSamples } from '../../../electron/motion/motion-engine';
import { motionSettings } from '../../../electron/motion/motion-settings';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { loadSessionSamples, loadSessionTrack } from '../../../electron/session/session-data';
import { sessionCsvChunks } from '../../../electron/session/session-export';
import { SessionRecorder } from '../../../electron/session/session-recorder';
import type { SessionStoreError } from '../../../electron/session/store-error';
import { recordSimulation, simulation } from './record-simulation';

const root = mkdtempSync(join(tmpdir(), 'roller-recorder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${n++}`);
const T0 = Date.parse('2025-03-01T18:30:00Z');

describe('SessionRecorder', () => {
  it('round-trips frames: stored frames → export CSV → exactly the samples the live decoder produced', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const clock = { now: T0 };
    const rec = new SessionRecorder(store, { clock: () => clock.now });
    const sim = simulation('packet-loss', { untilS: 40 });
    const r = recordSimulation(rec, sim, clock, { startedAt: T0 });
    const s = store.getSession(r.id);
    expect(s).toMatchObject({ state: 'ended', endReason: 'completed', source: 'simulator', dataKind: 'frames', sensor: { id: 'sim-1', kind: 'roller' } });
    expect(s.sensorConfig).toEqual(sim.meta.sensorConfig);
    expect(s.summary).toEqual(r.summary);
    expect(store.events(r.id)).toEqual(r.events);
    expect(store.counts(r.id)).toMatchObject({ frames: sim.frames.length, samples: r.decoded.length });

    const csv = [...sessionCsvChunks(store, s)].join('');
    const parsed = parseRecordingCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.samples).toEqual(r.decoded);
    expect(parsed.metadata).toMatchObject({ source: 'simulator', roller_diameter_in: '6', sample_rate_hz: '100', started_at: '2025-03-01T19:30:00+01:00', session_id: String(r.id) });
    // And the analyzer reading the export finds the same events as the live session.
    expect(analyzeSamples(parsed.samples, r.settings).events).toEqual(r.events);
    store.close();
  });

  it('stores the track at 25 Hz covering the whole session', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const clock = { now: T0 };
    const r = recordSimulation(new SessionRecorder(store, { clock: () => clock.now }), simulation('too-fast', { untilS: 20 }), clock, { startedAt: T0 });
    const track = loadSessionTrack(store, r.id);
    expect(track.length).toBeGreaterThan(Math.floor(r.track.length / 2) - 2);
    expect(track.length).toBeLessThanOrEqual(Math.ceil(r.track.length / 2) + 1);
    expect(track.t[0]).toBeCloseTo(r.track.t[0]!, 5);
    expect(track.t[track.length - 1]).toBeCloseTo(r.track.t[r.track.length - 1]!, 5);
    for (let i = 1; i < track.length; i++) expect(track.t[i]! - track.t[i - 1]!).toBeLessThanOrEqual(0.1);
    store.close();
  });

  it('never holds more than one second of data unflushed (injected clock)', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const clock = { now: T0 };
    const rec = new SessionRecorder(store, { clock: () => clock.now });
    const sim = simulation('good-slow-session', { untilS: 20 });
    const id = rec.start({ source: 'simulator', settings: {}, sensorConfig: sim.meta.sensorConfig, startedAt: T0 });
    let worst = 0;
    let nextTick = T0 + 250;
    for (let i = 0; i < sim.frames.length; i++) {
      clock.now = T0 + sim.frameArrivalS[i]! * 1000;
      while (clock.now >= nextTick) {
        rec.tick();
        nextTick += 250;
      }
      rec.appendFrames([sim.frames[i]!], [clock.now]);
      // What a crash right now would keep: the stored data's last arrival time.
      const stored = store.getSession(id).lastDataAt ?? T0;
      worst = Math.max(worst, clock.now - stored);
    }
    expect(worst).toBeLessThanOrEqual(1000);
    expect(worst).toBeGreaterThan(400); // it does batch: about two flushes a second, not one per frame
    expect(rec.stats.flushes).toBeGreaterThan(30);
    expect(rec.stats.flushes).toBeLessThan(50);
    // Nothing arriving: the timer tick still writes the last bit within a second.
    const last = clock.now;
    rec.appendFrames([sim.frames[0]!], [last]);
    clock.now = last + 600;
    rec.tick();
    expect(store.getSession(id).lastDataAt).toBe(Math.round(last));
    rec.finish({ endReason: 'stopped' });
    store.close();
  });

  it('flushes by size when data comes faster than real time', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const clock = { now: T0 };
    const rec = new SessionRecorder(store, { clock: () => clock.now, maxBufferedBytes: 16 * 1024 });
    const sim = simulation('good-slow-session', { untilS: 60 });
    rec.start({ source: 'replay', settings: {}, sensorConfig: sim.meta.sensorConfig });
    rec.appendFrames(sim.frames.slice(0, 200));
    expect(rec.stats.flushes).toBe(0);
    rec.appendFrames(sim.frames.slice(200, 2000)); // past 16 KiB: written at once, though no time passed
    expect(rec.stats.flushes).toBe(1);
    for (let i = 2000; i < sim.frames.length; i += 100) rec.appendFrames(sim.frames.slice(i, i + 100));
    expect(rec.stats.flushes).toBeGreaterThan(1);
    expect(rec.stats.pendingBytes).toBeLessThan(16 * 1024 + 100 * 24);
    rec.finish({ endReason: 'completed' });
    store.close();
  });

  it('records sources without frames as samples (WitMotion), lossless', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const clock = { now: T0 };
    const rec = new SessionRecorder(store, { clock: () => clock.now });
    const sim = simulation('dwell-20s', { untilS: 10 });
    const id = rec.start({ source: 'ble', sensor: { id: 'AA:BB', name: 'WT901BLE68', kind: 'witmotion' }, settings: { rollerDiameterIn: 5 } });
    for (let i = 0; i < sim.samples.length; i += 10) {
      clock.now = T0 + i * 10;
      rec.appendSamples(sim.samples.slice(i, i + 10));
    }
    expect(() => rec.appendFrames([sim.frames[0]!])).toThrow(/stores decoded samples/);
    const s = rec.finish({ endReason: 'sensor lost' });
    expect(s).toMatchObject({ id, dataKind: 'samples', endReason: 'sensor lost', sensorConfig: null, sensor: { kind: 'witmotion' } });
    expect(s.settings.rollerDiameterIn).toBe(5);
    expect(loadSessionSamples(store, s).samples).toEqual(sim.samples);
    expect(store.knownSensors().map((k) => k.id)).toEqual(['AA:BB']);
    store.close();
  });

  it('summarises from what is stored when finish gets no summary', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const clock = { now: T0 };
    const rec = new SessionRecorder(store, { clock: () => clock.now });
    const r = recordSimulation(rec, simulation('lumbar-drift', { untilS: 60 }), clock, { startedAt: T0, finish: false });
    const s = rec.finish({ endReason: 'stopped: pain' });
    expect(s.endReason).toBe('stopped: pain');
    expect(s.summary!.eventCounts).toEqual(r.summary.eventCounts);
    expect(s.summary!.rollingS).toBeCloseTo(r.summary.rollingS, 0);
    expect(s.summary!.durationS).toBeCloseTo(r.summary.durationS, 1);
    store.close();
  });

  it('on a full disk: reports a clear error once, keeps what was stored, and goes on once space is back', () => {
    const dir = freshDir();
    const opened = openSessionStore({ dataDir: dir });
    const pages = opened.store.db.pragma('page_count', { simple: true }) as number;
    opened.store.close();
    const { store } = openSessionStore({ dataDir: dir, maxPageCount: pages + 6 });
    const clock = { now: T0 };
    const errors: SessionStoreError[] = [];
    const rec = new SessionRecorder(store, { clock: () => clock.now, onError: (e) => errors.push(e) });
    const sim = simulation('good-slow-session', { untilS: 60 });
    const id = rec.start({ source: 'simulator', settings: {}, sensorConfig: sim.meta.sensorConfig, startedAt: T0 });
    let i = 0;
    for (; i < sim.frames.length && !rec.error; i++) {
      clock.now = T0 + sim.frameArrivalS[i]! * 1000;
      rec.appendFrames([sim.frames[i]!], [clock.now]);
    }
    expect(rec.error?.kind).toBe('disk-full');
    expect(i).toBeLessThan(sim.frames.length - 300);
    expect(rec.error!.message).toMatch(/^The disk is full: saving session \d+ failed; what was saved before is kept/);
    const storedFrames = store.counts(id).frames;
    expect(storedFrames).toBeGreaterThan(100);
    // Keeps going without throwing; retries fail too; only one report.
    for (let k = 0; k < 300; k++, i++) {
      clock.now = T0 + sim.frameArrivalS[i]! * 1000;
      rec.appendFrames([sim.frames[i]!], [clock.now]);
    }
    expect(rec.stats.failedFlushes).toBeGreaterThan(1);
    expect(errors.length).toBe(1);
    expect(store.counts(id).frames).toBe(storedFrames);
    expect(() => rec.finish({ endReason: 'completed' })).toThrow(/The disk is full/);
    // What was stored is intact and readable.
    expect(loadSessionSamples(store, store.getSession(id)).samples.length).toBe(storedFrames);
    // Space again: the next flush writes everything that was held.
    store.db.pragma('max_page_count = 1000000');
    const s = rec.finish({ endReason: 'completed' });
    expect(rec.error).toBeNull();
    expect(store.counts(id).frames).toBe(i);
    expect(s.state).toBe('ended');
    store.close();
  });

  it('hears once when writing works again after a failure', () => {
    const dir = freshDir();
    const opened = openSessionStore({ dataDir: dir });
    const pages = opened.store.db.pragma('page_count', { simple: true }) as number;
    opened.store.close();
    const { store } = openSessionStore({ dataDir: dir, maxPageCount: pages + 6 });
    const clock = { now: T0 };
    const heard: string[] = [];
    const rec = new SessionRecorder(store, { clock: () => clock.now, onError: (e) => heard.push(e.kind), onRecovered: () => heard.push('recovered') });
    const sim = simulation('good-slow-session', { untilS: 60 });
    rec.start({ source: 'simulator', settings: {}, sensorConfig: sim.meta.sensorConfig, startedAt: T0 });
    let i = 0;
    const play = (until: () => boolean) => {
      for (; i < sim.frames.length && !until(); i++) {
        clock.now = T0 + sim.frameArrivalS[i]! * 1000;
        rec.appendFrames([sim.frames[i]!], [clock.now]);
      }
    };
    play(() => rec.error !== null);
    play(() => rec.stats.failedFlushes > 3);
    expect(heard).toEqual(['disk-full']);
    store.db.pragma('max_page_count = 1000000');
    play(() => rec.error === null && rec.stats.pendingBytes === 0);
    expect(heard).toEqual(['disk-full', 'recovered']);
    expect(rec.finish({ endReason: 'completed' }).endReason).toBe('completed');
    expect(store.counts(1).frames).toBe(i);
    store.close();
  });

  it('does not end a session whose row another program removed: finish says so, and abandon lets it go', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const clock = { now: T0 };
    const errors: SessionStoreError[] = [];
    const rec = new SessionRecorder(store, { clock: () => clock.now, onError: (e) => errors.push(e) });
    const r = recordSimulation(rec, simulation('too-fast', { untilS: 5 }), clock, { startedAt: T0, finish: false });
    rec.flush();
    store.db.prepare('DELETE FROM sessions WHERE id = ?').run(r.id); // with its data (ON DELETE CASCADE)
    const sim = simulation('too-fast', { untilS: 2 });
    for (const frame of sim.frames) {
      clock.now += 10;
      rec.appendFrames([frame], [clock.now]);
    }
    expect(errors.map((e) => e.message)).toEqual([`session ${r.id} is no longer in the session database (it was removed, perhaps by another program using this data folder)`]);
    expect(() => rec.finish({ endReason: 'completed' })).toThrow(/session \d+ is no longer in the session database/);
    expect(rec.sessionId).toBe(r.id);
    rec.abandon();
    expect(rec.sessionId).toBeNull();
    expect(store.findSession(r.id)).toBeNull();
    store.close();
  });

  it('does not end a session whose stored data another program changed', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const clock = { now: T0 };
    const rec = new SessionRecorder(store, { clock: () => clock.now });
    const r = recordSimulation(rec, simulation('too-fast', { untilS: 20 }), clock, { startedAt: T0, finish: false });
    rec.flush();
    store.db.prepare('DELETE FROM events WHERE session_id = ?').run(r.id);
    expect(r.events.length).toBeGreaterThan(0);
    expect(() => rec.finish({ endReason: 'completed' })).toThrow(new RegExp(`does not hold what was saved of session ${r.id} \\(0 of ${r.events.length} events\\)`));
    expect(store.getSession(r.id).state).toBe('recording');
    rec.abandon();
    store.close();
  });

  it('drops (and counts) new data past its memory cap while writes keep failing', () => {
    const dir = freshDir();
    const opened = openSessionStore({ dataDir: dir });
    const pages = opened.store.db.pragma('page_count', { simple: true }) as number;
    opened.store.close();
    const { store } = openSessionStore({ dataDir: dir, maxPageCount: pages + 3 });
    const clock = { now: T0 };
    const rec = new SessionRecorder(store, { clock: () => clock.now, maxBufferedBytes: 4096 });
    const sim = simulation('good-slow-session', { untilS: 60 });
    rec.start({ source: 'simulator', settings: {}, sensorConfig: sim.meta.sensorConfig });
    for (let i = 0; i < sim.frames.length; i++) {
      clock.now = T0 + sim.frameArrivalS[i]! * 1000;
      rec.appendFrames([sim.frames[i]!], [clock.now]);
    }
    expect(rec.error?.kind).toBe('disk-full');
    expect(rec.stats.dropped.frames).toBeGreaterThan(0);
    expect(rec.stats.pendingBytes).toBeLessThanOrEqual(8 * 4096 + 64);
    store.close();
  });

  it('refuses misuse with clear messages', () => {
    const { store } = openSessionStore({ dataDir: freshDir() });
    const rec = new SessionRecorder(store);
    expect(() => rec.appendTrack([])).toThrow(/no session is being recorded/);
    expect(() => rec.start({ source: 'ble', settings: { rollerDiameterIn: 12 } })).toThrow(/settings: rollerDiameterIn/);
    rec.start({ source: 'ble', settings: motionSettings({}) });
    expect(() => rec.start({ source: 'ble', settings: {} })).toThrow(/still being recorded/);
    store.close();
  });
});
