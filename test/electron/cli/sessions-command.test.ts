import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRecordingCsv } from '../../../sensor-protocol/recording/recording-csv-writer';
import { expectedFailureMessage } from '../../../electron/cli/cli-failure';
import { sessionsCommand } from '../../../electron/cli/sessions-command';
import { simulationCsvMetadata } from '../../../electron/sim/csv-metadata';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { SessionRecorder } from '../../../electron/session/session-recorder';

const root = mkdtempSync(join(tmpdir(), 'roller-sessions-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const NOW = Date.parse('2025-03-01T18:30:00Z');
let n = 0;

function setup(): { env: Record<string, string>; dir: string; out: string } {
  const dir = join(root, `data${n}`);
  const out = join(root, `out${n++}`);
  mkdirSync(out);
  return { env: { ROLLER_DATA_DIR: dir, ROLLER_EXPORT_DIR: out }, dir, out };
}

async function run(env: Record<string, string>, out: string, ...argv: string[]): Promise<{ code: number; out: string; err: string; error?: { message: string } }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
  try {
    const code = await sessionsCommand(argv, io, { env, now: () => NOW });
    return { code, out: stdout, err: stderr };
  } catch (error) {
    // As cli-main.ts prints it: the one line of an expected failure (anything else is a bug).
    const message = expectedFailureMessage(error);
    if (message === null) throw error;
    return { code: 1, out: stdout, err: stderr, error: { message } };
  }
}

function recording(file: string, scenario = 'too-fast', startedAt = '2025-03-01T17:00:00+01:00'): string {
  const sim = simulate(builtInScenario(scenario));
  writeFileSync(file, formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: startedAt }));
  return file;
}

describe('roller sessions', () => {
  it('import → list → export → reanalyze → delete, in the folder ROLLER_DATA_DIR names', async () => {
    const { env, dir, out } = setup();
    const empty = await run(env, out, 'list');
    expect(empty.out).toBe(`no sessions stored in ${join(dir, 'roller.sqlite')}\n`);

    const file = recording(join(out, 'fast.csv'));
    const imp = await run(env, out, 'import', file);
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(new RegExp(`^imported ${file} as session 1: \\d+ samples, 1:\\d\\d long, \\d:\\d\\d rolling, \\d+ warnings\\n$`));

    const list = await run(env, out, 'list');
    expect(list.out).toMatch(
      /^id\s+started\s+length\s+rolling\s+within limit\s+warnings\s+source\s+end\s+routine\s+note\n\s*1\s+2025-03-01 17:00\s+1:\d\d\s+\d:\d\d\s+\d+ %\s+\d+\s+Imported\s+completed\n\ntoday: \d:\d\d rolling of the 10-minute daily budget\n$/,
    );
    const json = JSON.parse((await run(env, out, 'list', '--json')).out) as Record<string, unknown>[];
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({
      id: 1,
      state: 'ended',
      endReason: 'completed',
      source: 'import',
      imported: true,
      importedFrom: 'fast.csv',
      dataKind: 'samples',
      startedAt: '2025-03-01T17:00:00+01:00',
      note: null,
    });
    expect((json[0]!['eventCounts'] as Record<string, number>)['too-fast']).toBeGreaterThan(0);

    // Without --out-dir: the app's export folder (ROLLER_EXPORT_DIR here), not the current folder.
    const exp = await run(env, out, 'export', '1');
    const csv = join(out, 'roller-session-1-2025-03-01.csv');
    const exportDir = join(out, 'exports', 'made');
    expect((await run({ ...env, ROLLER_EXPORT_DIR: exportDir }, out, 'export', '1')).code).toBe(0);
    expect(existsSync(join(exportDir, 'roller-session-1-2025-03-01.json'))).toBe(true);
    expect(exp.out).toBe(
      `session 1 → ${csv} (${
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => /^\d/.test(l)).length
      } samples), ${join(out, 'roller-session-1-2025-03-01.json')}, ${join(out, 'roller-session-1-2025-03-01-track.json')}\n`,
    );
    expect(readFileSync(csv, 'utf8')).toMatch(/^# scenario=too-fast\n[\s\S]*# source=import\n[\s\S]*\nt_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n/);
    // --out-dir: an existing folder, or a new one, made with its parents.
    const other = join(out, 'elsewhere');
    mkdirSync(other);
    expect((await run(env, out, 'export', '1', '--out-dir', other)).code).toBe(0);
    expect(existsSync(join(other, 'roller-session-1-2025-03-01.json'))).toBe(true);
    const fresh = join(out, 'new', 'nested');
    expect(existsSync(join(out, 'new'))).toBe(false);
    expect((await run(env, out, 'export', '1', '--out-dir', fresh)).out).toBe(
      `session 1 → ${join(fresh, 'roller-session-1-2025-03-01.csv')} (${
        readFileSync(csv, 'utf8')
          .split('\n')
          .filter((l) => /^\d/.test(l)).length
      } samples), ${join(fresh, 'roller-session-1-2025-03-01.json')}, ${join(fresh, 'roller-session-1-2025-03-01-track.json')}\n`,
    );
    expect(existsSync(join(fresh, 'roller-session-1-2025-03-01.csv'))).toBe(true);
    // A folder that cannot be made (a file is in the way) is named.
    writeFileSync(join(out, 'a-file'), '');
    expect((await run(env, out, 'export', '1', '--out-dir', join(out, 'a-file', 'sub'))).error?.message).toBe(`--out-dir ${join(out, 'a-file', 'sub')}: cannot create the folder (ENOTDIR)`);

    const re = await run(env, out, 'reanalyze', '1', '--speed-limit-in-per-s', '4');
    expect(re.out).toMatch(/^session 1 re-analysed with motion-2 \(was motion-2\) over \d+ samples:\n {2}rolling \d:\d\d → \d:\d\d, within the limit \d+ % → 100 %, warnings \d+ → 0\n$/);

    const refused = await run(env, out, 'delete', '1');
    expect(refused.error?.message).toBe('delete removes session 1 (2025-03-01 17:00) and all its data for good; add --yes to confirm');
    expect((await run(env, out, 'delete', '1', '--yes')).out).toBe('deleted session 1\n');
    expect((await run(env, out, 'list', '--json')).out).toBe('[]\n');
  });

  it('import of a recording already stored: exit code 3, says which session holds it, adds nothing (also for an export of it)', async () => {
    const { env, dir, out } = setup();
    const file = recording(join(out, 'twice.csv'));
    expect((await run(env, out, 'import', file)).code).toBe(0);
    const again = await run(env, out, 'import', file);
    expect(again.code).toBe(3);
    expect(again.out).toBe(`${file}: already in your sessions: 2025-03-01 17:00, session #1; nothing was added\n`);
    expect((await run(env, out, 'export', '1')).code).toBe(0);
    const exported = await run(env, out, 'import', join(out, 'roller-session-1-2025-03-01.csv'));
    expect(exported.code).toBe(3);
    expect(exported.out).toContain('already in your sessions: 2025-03-01 17:00, session #1; nothing was added');
    const { store } = openSessionStore({ dataDir: dir });
    expect(store.listSessions()).toHaveLength(1);
    store.close();
  });

  it('list and show carry the note and the Imported label', async () => {
    const { env, dir, out } = setup();
    expect((await run(env, out, 'import', recording(join(out, 'n.csv')))).code).toBe(0);
    const { store } = openSessionStore({ dataDir: dir });
    store.saveNote(1, { discomfort: 3, pain: false, numbness: true, text: 'tingling\nleft hand' }, NOW);
    store.close();
    expect((await run(env, out, 'list')).out).toMatch(/\n\s*1\s+2025-03-01 17:00\s+.*\s+Imported\s+completed\s+3\/10 · numbness\n/);
    const json = JSON.parse((await run(env, out, 'list', '--json')).out) as Record<string, unknown>[];
    expect(json[0]!['note']).toEqual({ discomfort: 3, pain: false, numbness: true, text: 'tingling\nleft hand', updatedAt: '2025-03-01T18:30:00.000Z' });
    const shown = await run(env, out, 'show', '1');
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^session 1 \(Imported\)\n/);
    expect(shown.out).toContain('  source       Imported from n.csv\n');
    expect(shown.out).toContain('  discomfort   3/10\n  pain         no\n  numbness     yes\n  note         tingling / left hand\n');
    expect(JSON.parse((await run(env, out, 'show', '1', '--json')).out)).toMatchObject({ id: 1, imported: true, note: { discomfort: 3 } });
    expect((await run(env, out, 'show', '7')).error?.message).toBe('there is no session 7');
  });

  it('history: daily totals against the budget and weekly trends', async () => {
    const { env, out } = setup();
    await run(env, out, 'import', recording(join(out, 'a.csv'), 'good-slow-session', '2025-02-24T08:00:00+01:00'));
    await run(env, out, 'import', recording(join(out, 'b.csv'), 'lumbar-drift', '2025-02-26T08:00:00+01:00'));
    await run(env, out, 'import', recording(join(out, 'c.csv'), 'too-fast', '2025-03-01T08:00:00+01:00'));
    const h = await run(env, out, 'history');
    expect(h.out).toMatch(
      /^day\s+sessions\s+rolling\s+of budget\s+warnings\s+notes\n2025-02-24\s+1\s+\d:\d\d\s+\d+ %\s+\d+\n2025-02-26 .*\n2025-03-01 .*\n\nweek of\s+sessions\s+days\s+rolling\s+within limit\s+warnings\/session\s+per 10 min\n2025-02-24\s+3\s+3\s+\d:\d\d\s+\d+ %\s+\d+\.\d\s+\d+\.\d\n$/,
    );
    const j = JSON.parse((await run(env, out, 'history', '--json', '--days', '3')).out) as { days: { day: string }[]; weeks: unknown[] };
    expect(j.days.map((d) => d.day)).toEqual(['2025-03-01']);
  });

  it('names what is wrong', async () => {
    const { env, dir, out } = setup();
    const bad = join(out, 'bad.csv');
    writeFileSync(bad, 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0.01,0,0,1,0,0\n');
    expect((await run(env, out, 'import', bad)).error?.message).toBe(`${bad}: line 3, column 7 (gz_dps): missing field: found 6 fields, expected 7; nothing was imported`);
    expect((await run(env, out, 'import', join(out, 'nope.csv'))).error?.message).toBe(`${join(out, 'nope.csv')}: no such file`);
    expect((await run(env, out, 'import')).error?.message).toBe('import needs a recording: roller sessions import <recording.csv>');
    expect((await run(env, out, 'export', '7')).error?.message).toBe('there is no session 7');
    expect((await run(env, out, 'export', 'abc')).error?.message).toBe('"abc" is not a session id: use the number shown by roller sessions list');
    expect((await run(env, out, 'export')).error?.message).toBe('export needs a session id (see roller sessions list)');
    expect((await run(env, out, 'reanalyze', '1', '--diameter-in', '12')).error?.message).toBe('flag --diameter-in: 12 is above 8');
    expect((await run(env, out, 'list', '--format', 'x')).error?.message).toMatch(/^unknown flag --format/);
    expect((await run(env, out, 'frobnicate')).error?.message).toMatch(/^unknown sessions command "frobnicate"/);
    expect((await run(env, out)).code).toBe(2);
    expect((await run(env, out, 'help')).out).toMatch(/^usage: roller sessions <command>/);
    // A damaged database: kept aside, said so on stderr, and the command still works.
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(join(dir, 'roller.sqlite'), 'not a database, but long enough');
    const r = await run(env, out, 'list');
    expect(r.err).toMatch(/^roller sessions: The session database was damaged; it was kept as .*roller\.sqlite\.damaged-20250301T183000Z and a new one was started\.\n$/);
    expect(r.out).toMatch(/^no sessions stored/);
  });

  it('list, show and export name the routine a session ran; importing the export brings it back', async () => {
    const { env, out } = setup();
    const sim = simulate(builtInScenario('hands-free'));
    const file = join(out, 'release.csv');
    writeFileSync(file, formatRecordingCsv(sim.samples, { ...simulationCsvMetadata(sim.meta), started_at: '2025-03-01T17:00:00+01:00', routine: 'back-release' }));
    expect((await run(env, out, 'import', file)).code).toBe(0);
    expect((await run(env, out, 'import', recording(join(out, 'free.csv'), 'too-fast', '2025-03-01T17:30:00+01:00'))).code).toBe(0);

    const list = (await run(env, out, 'list')).out;
    expect(list).toMatch(/^id\s+started\s+.*\s+end\s+routine\s+note\n/);
    expect(list).toMatch(/\n\s*1\s+2025-03-01 17:00\s+.*\s+completed\s+Back release\s*\n/);
    expect(list).toMatch(/\n\s*2\s+2025-03-01 17:30\s+.*\s+completed\s*\n/);
    const json = JSON.parse((await run(env, out, 'list', '--json')).out) as Record<string, unknown>[];
    expect(json.map((s) => s['routine'])).toEqual([null, { kind: 'back-release', name: 'Back release' }]);
    expect((await run(env, out, 'show', '1')).out).toContain('  routine      Back release\n');
    expect((await run(env, out, 'show', '2')).out).toContain('  routine      — (a free session)\n');

    expect((await run(env, out, 'export', '1')).code).toBe(0);
    const csv = join(out, 'roller-session-1-2025-03-01.csv');
    expect(readFileSync(csv, 'utf8')).toMatch(/\n# routine=back-release\n/);
    const summary = JSON.parse(readFileSync(join(out, 'roller-session-1-2025-03-01.json'), 'utf8')) as { session: Record<string, unknown> };
    expect(summary.session['routine']).toEqual({ kind: 'back-release', name: 'Back release' });
    expect((await run(env, out, 'export', '2')).code).toBe(0);
    expect(readFileSync(join(out, 'roller-session-2-2025-03-01.csv'), 'utf8')).not.toContain('# routine=');

    // Into another data folder: the routine comes along.
    const other = setup();
    expect((await run(other.env, other.out, 'import', csv)).code).toBe(0);
    expect((await run(other.env, other.out, 'show', '1')).out).toContain('  routine      Back release\n');
  });

  it('lists a session being recorded by the app without touching it', async () => {
    const { env, dir, out } = setup();
    const { store } = openSessionStore({ dataDir: dir });
    const rec = new SessionRecorder(store);
    rec.start({ source: 'ble', settings: {}, sensorConfig: { sampleRateHz: 100, accelRangeG: 4, gyroRangeDps: 500, samplesPerFrame: 1 } });
    const l = await run({ ...env }, out, 'list', '--json');
    const [s] = JSON.parse(l.out) as { state: string }[];
    expect(s!.state).toBe('recording');
    expect((await run(env, out, 'delete', '1', '--yes')).error?.message).toBe('session 1 is being recorded right now; stop it in the app first');
    rec.finish({ endReason: 'stopped' });
    store.close();
  });
});
