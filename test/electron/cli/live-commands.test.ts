/**
 * The Bluetooth commands end to end with the simulated roller over simulated Bluetooth, on the
 * real clock (they are live by nature): scan lists the sensor with signal and battery, record
 * writes a recording the reader accepts, demo prints a live session.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-reader';
import { main } from '../../../electron/cli/cli-main';
import { readLogTail } from '../../../electron/app/support-log';
import { simulationCsvMetadata } from '../../../electron/sim/csv-metadata';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';

const dir = mkdtempSync(join(tmpdir(), 'roller-live-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The support log goes to this test's own data folder. */
const dataDir = join(dir, 'data');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: { ...process.env, ROLLER_DATA_DIR: dataDir } });
  return { code, out, err };
}

describe('roller scan / record / demo with the simulated roller', () => {
  it('scan lists the sensor with its signal strength and battery', async () => {
    const r = await run('scan', '--simulated', '--seconds', '1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ID\s+NAME\s+KIND\s+SIGNAL\s+BATTERY$/m);
    expect(r.out).toMatch(/\s+Roller\s+roller\s+-\d+ dBm\s+\d+ %/);
    // The support log in the data folder has the adapter, the scan and how many it found.
    const log = readLogTail(50, dataDir).join('\n');
    expect(log).toMatch(/INFO {2}adapter source=simulated state=poweredOn/);
    expect(log).toMatch(/INFO {2}scan started source=simulated/);
    expect(log).toMatch(/INFO {2}scan stopped source=simulated found=1/);
    expect(log).not.toMatch(/DEBUG/);
  });

  it('--verbose: debug lines on stderr as well as in the file', async () => {
    const r = await run('scan', '--simulated', '--seconds', '1', '--verbose');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/DEBUG roller command command=scan flags="--simulated --seconds --verbose"/);
    expect(r.err).toMatch(/INFO {2}scan stopped source=simulated found=1/);
    expect(r.err).toMatch(/DEBUG roller command ended command=scan exit=0/);
    expect(readLogTail(5, dataDir).join('\n')).toMatch(/DEBUG roller command ended command=scan exit=0/);
  });

  it('record writes a recording CSV as the samples arrive', async () => {
    const out = join(dir, 'rec.csv');
    const r = await run('record', '--simulated', '--device', 'first', '--seconds', '2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^recorded \d+ samples to /);
    const parsed = parseRecordingCsv(readFileSync(out, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.samples.length).toBeGreaterThan(120);
      expect(parsed.metadata['source']).toBe('simulator');
    }
  });

  it('demo prints position, zone and speed while the session runs, and a summary', async () => {
    const r = await run('demo', '--seconds', '3', '--scenario', 'good-slow-session', '--units', 'cm');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Roller Companion demo/);
    expect(r.out).toMatch(/\d+\.\d s\s+([+−]\d+\.\d|0\.0) cm\s+(upper-back|mid-back)\s+\d\.\d\d cm\/s \[/);
    expect(r.out).not.toMatch(/ in\/s| in /);
    expect(r.out).toMatch(/^Session: \d+ (min|s)[^,]*, rolling \d+ (min|s)[^,]*, \d+ % within \d+\.\d cm\/s/m);
  });

  it('demo --firmware runs the simulated roller through the firmware core (built with the C compiler)', async () => {
    const r = await run('demo', '--firmware', '--rate', '200', '--seconds', '3', '--scenario', 'good-slow-session', '--units', 'in');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/through the firmware core/);
    expect(r.out).toMatch(/Roller sensor \(firmware 0\.2\.0\): 208 Hz/);
    expect(r.out).toMatch(/\d+\.\d s\s+([+−]\d+\.\d|0\.0) in\s+(upper-back|mid-back)\s+\d\.\d\d in\/s \[/);
    const refused = await run('demo', '--firmware', '--rate', '150');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--rate/);
  });

  it('demo --replay plays a recording live through the app and prints its warnings and figures', async () => {
    const sim = simulate(builtInScenario('too-fast'), { seed: 2 });
    const file = join(dir, 'replay.csv');
    writeFileSync(file, formatRecordingCsv(sim.samples, simulationCsvMetadata(sim.meta)));
    const r = await run('demo', '--replay', file, '--speed', '50');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/replaying replay\.csv live at 50× speed/);
    expect(r.out).toMatch(/⚠ TOO FAST/);
    expect(r.out).toMatch(new RegExp(`^Session: 1 min \\d\\d s, rolling .*, [1-9]\\d* warnings; ${sim.samples.length} samples, 0 gaps\\.$`, 'm'));
    expect((await run('demo', '--replay', join(dir, 'none.csv'))).err).toMatch(/none\.csv: no such file/);
  });

  it('record says what is missing', async () => {
    expect((await run('record', '--simulated', '--out', join(dir, 'x.csv'))).err).toMatch(/record needs --device/);
    expect((await run('record', '--simulated', '--device', 'first')).err).toMatch(/record needs --out/);
  });
});
