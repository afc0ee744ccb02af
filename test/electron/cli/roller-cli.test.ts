import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/cli-main';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { SessionFiguresSchema, type SessionFigures } from '../../../electron/motion/session-figures-schema';

const dir = mkdtempSync(join(tmpdir(), 'roller-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `roller …` with output to a string (not a terminal, unless `tty`), and a data folder of this test's own. */
async function runWith(o: { tty?: boolean; dataDir?: string }, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = { write: (s: string) => (out += s), ...(o.tty ? { isTTY: true } : {}) };
  const code = await main(argv, { stdout, stderr: { write: (s: string) => (err += s) }, env: { ROLLER_DATA_DIR: o.dataDir ?? join(dir, 'no-data') } });
  return { code, out, err };
}
const run = (...argv: string[]) => runWith({}, ...argv);

interface AnalyzerJson {
  track: { t: number; positionCm: number; speedInPerS: number; zone: string }[];
  events: { t: number; kind: string; positionCm: number }[];
  summary?: SessionFigures;
}

describe('roller simulate + analyze', () => {
  it('round-trips a scenario: the analyzer finds the neck excursion the truth has', async () => {
    const csv = join(dir, 'neck.csv');
    const truthPath = join(dir, 'neck-truth.json');
    const sim = await run('simulate', 'neck-excursion', '--out', csv, '--truth', truthPath);
    expect(sim.code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^# source=simulator\n[\s\S]*\nt_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n/);
    const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as AnalyzerJson;

    const res = await run('analyze', csv, '--format', 'json');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.out) as AnalyzerJson;
    expect(Object.keys(out)).toEqual(['track', 'events', 'summary']);
    // The session figures, in the schema the app stores and shows them in.
    expect(SessionFiguresSchema.parse(out.summary)).toEqual(out.summary);
    expect(out.summary!.excursions.neck.count).toBe(out.events.filter((e) => e.kind === 'neck').length);
    expect(out.summary!.excursions.neck.deepestCm).toBeGreaterThan(0);
    expect(Object.keys(out.track[0]!)).toEqual(['t', 'positionCm', 'speedInPerS', 'zone']);
    // Track at ≥ 20 Hz covering the whole recording.
    const first = out.track[0]!.t;
    const last = out.track.at(-1)!.t;
    expect(last - first).toBeGreaterThan(truth.track.at(-1)!.t - truth.track[0]!.t - 0.1);
    for (let i = 1; i < out.track.length; i++) expect(out.track[i]!.t - out.track[i - 1]!.t).toBeLessThanOrEqual(0.05 + 1e-6);
    // Same events as the truth, within 0.5 s.
    const kinds = (e: AnalyzerJson['events']) => e.filter((x) => x.kind !== 'time-budget').map((x) => x.kind);
    expect(kinds(out.events)).toEqual(kinds(truth.events));
    out.events.forEach((e, i) => expect(Math.abs(e.t - truth.events[i]!.t)).toBeLessThan(0.5));
    expect(kinds(out.events)).toContain('neck');
    // Positions follow the truth.
    const maxTrue = Math.max(...truth.track.map((p) => p.positionCm));
    const maxEst = Math.max(...out.track.map((p) => p.positionCm));
    expect(Math.abs(maxEst - maxTrue)).toBeLessThan(1);
    // The text's "Past lines" row shows the same figures, the length in the chosen units.
    const neck = out.summary!.excursions.neck;
    const inches = (await run('analyze', csv, '--format', 'text', '--units', 'in')).out;
    const cm = (await run('analyze', csv, '--format', 'text', '--units', 'cm')).out;
    expect(inches).toMatch(new RegExp(`^Past lines  lower back .+, neck ${neck.count} \\(up to ${(neck.deepestCm! / 2.54).toFixed(1)} in past the line\\)$`, 'm'));
    expect(cm).toMatch(new RegExp(`^Past lines  lower back .+, neck ${neck.count} \\(up to ${neck.deepestCm!.toFixed(1)} cm past the line\\)$`, 'm'));
  });

  it('prints a human-readable summary', async () => {
    const csv = join(dir, 'fast.csv');
    await run('simulate', 'too-fast', '--out', csv, '--seed', '9');
    const res = await run('analyze', csv, '--format', 'text');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/Settings\s+6 in roller, speed limit 1\.0 in\/s/);
    expect(res.out).toMatch(/Warnings\s+4\n/);
    expect(res.out.match(/too-fast/g)?.length).toBe(4);
  });

  it('prints the summary to a terminal and JSON to a pipe or file, unless --format says', async () => {
    const csv = join(dir, 'fast-tty.csv');
    await run('simulate', 'too-fast', '--out', csv, '--seed', '9');
    const piped = await runWith({ tty: false }, 'analyze', csv);
    expect(Object.keys(JSON.parse(piped.out) as object)).toEqual(['track', 'events', 'summary']);
    const terminal = await runWith({ tty: true }, 'analyze', csv);
    expect(terminal.out).toMatch(/^Recording\s+/);
    // An explicit choice wins either way.
    expect((await runWith({ tty: false }, 'analyze', csv, '--format', 'text')).out).toBe(terminal.out);
    expect((await runWith({ tty: true }, 'analyze', csv, '--format', 'json')).out).toBe(piped.out);
  });

  it("writes the summary in one unit system: --units in or cm, else the profile's, else inches", async () => {
    const csv = join(dir, 'fast-units.csv');
    await run('simulate', 'too-fast', '--out', csv, '--seed', '9');
    const inches = (await run('analyze', csv, '--format', 'text', '--units', 'in')).out;
    const cm = (await run('analyze', csv, '--format', 'text', '--units', 'cm')).out;
    const body = (text: string) => text.split('\n').slice(1).join('\n'); // all but the "Recording <path>" line
    expect(inches).toMatch(/Settings\s+6 in roller, speed limit 1\.0 in\/s, neck above \+\d+\.\d in, lumbar below −\d+\.\d in/);
    expect(inches).toMatch(/Travel\s+\d+ in between \+\d+\.\d in and −\d+\.\d in/);
    expect(inches).toMatch(/too-fast\s+at [+−]\d+\.\d in {2}\d\.\d\d in\/s for \d\.\d s \(limit 1 in\/s\)/);
    expect(body(inches)).not.toMatch(/\bcm\b/);
    expect(cm).toMatch(/Settings\s+15\.2 cm roller, speed limit 2\.5 cm\/s, neck above \+\d+\.\d cm, lumbar below −\d+\.\d cm/);
    expect(cm).toMatch(/too-fast\s+at [+−]\d+\.\d cm {2}\d+\.\d\d cm\/s for \d\.\d s \(limit 2\.5 cm\/s\)/);
    expect(body(cm)).not.toMatch(/\bin\b|in\/s/);
    // One minus sign in human text: − (U+2212), never an ASCII "-" before a number.
    expect(body(cm)).not.toMatch(/-\d/);
    // No flag, no profile: inches, as the app. A profile in the data folder chooses.
    expect((await run('analyze', csv, '--format', 'text')).out).toBe(inches);
    const dataDir = join(dir, 'profile-cm');
    const { store } = openSessionStore({ dataDir });
    store.updateProfile({ units: 'cm' }, 0);
    store.close();
    expect((await runWith({ dataDir }, 'analyze', csv, '--format', 'text')).out).toBe(cm);
    expect((await runWith({ dataDir }, 'analyze', csv, '--format', 'text', '--units', 'in')).out).toBe(inches);
    // JSON keeps the contract's units whatever is chosen.
    expect((await run('analyze', csv, '--units', 'in')).out).toBe((await run('analyze', csv, '--units', 'cm')).out);
  });

  it('flags override the recording metadata', async () => {
    const csv = join(dir, 'neck2.csv');
    await run('simulate', 'neck-excursion', '--out', csv);
    const res = await run('analyze', csv, '--neck-above-cm', '35');
    const out = JSON.parse(res.out) as AnalyzerJson;
    expect(out.events.map((e) => e.kind)).not.toContain('neck');
  });
});

describe('roller CLI errors', () => {
  it.each([
    [['analyze'], 2, /analyze needs a recording/],
    [['analyze', '/no/such/file.csv'], 1, /\/no\/such\/file\.csv: no such file/],
    [['analyze', 'x.csv', '--diameter-in', 'big'], 2, /--diameter-in: "big" is not a decimal number/],
    [['analyze', 'x.csv', '--diameter-in', '0x5'], 2, /--diameter-in: "0x5" is not a decimal number/],
    [['analyze', 'x.csv', '--diameter-in', '12'], 2, /--diameter-in: 12 is above 8/],
    [['analyze', 'x.csv', '--speed'], 2, /unknown flag --speed/],
    [['analyze', 'x.csv', '--format', 'xml'], 2, /--format: "xml" is not one of json, text/],
    [['simulate', 'good-slow-session'], 2, /simulate needs --out/],
    [['simulate', 'nope', '--out', 'x.csv'], 1, /nope: no such file \(nor a built-in scenario/],
  ])('%j fails with a clear message and exit code %i', async (argv, code, message) => {
    const res = await run(...argv);
    expect(res.code).toBe(code);
    expect(res.err).toMatch(message);
    expect(res.out).toBe('');
  });

  it('names the file line and column of a bad recording', async () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0.01,0,zero,1,0,0,0\n');
    const res = await run('analyze', csv);
    expect(res.code).toBe(1);
    expect(res.err).toContain('line 3, column 3 (ay_g): "zero" is not a number');
    // Times no session can have are refused with their line, as an import refuses them.
    writeFileSync(csv, 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n1e15,0,0,1,0,0,0\n');
    const far = await run('analyze', csv);
    expect(far.code).toBe(1);
    expect(far.err).toMatch(/line 3, column 1 \(t_s\).*too far from zero/);
  });

  it('names the metadata line of a setting it refuses, as an import does', async () => {
    const csv = join(dir, 'thin-roller.csv');
    writeFileSync(csv, '# source=simulator\n# sensor=roller-sim\n# roller_diameter_in=0.1\nt_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0.01,0,0,1,0,0,0\n');
    const res = await run('analyze', csv);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(new RegExp(`^roller analyze: ${csv}: line 3: metadata roller_diameter_in=0\\.1 gives invalid settings \\(rollerDiameterIn: .*3.*\\)\n$`));
    // A flag overrides the recording's value, so the same file analyses.
    expect((await run('analyze', csv, '--diameter-in', '6')).code).toBe(0);
  });

  it('names the field of a bad scenario', async () => {
    const file = join(dir, 'bad-scenario.json');
    writeFileSync(file, JSON.stringify({ name: 'x', segments: [{ kind: 'rest', durationS: 'long' }] }));
    const res = await run('simulate', file, '--out', join(dir, 'x.csv'));
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/segments\[0\]\.durationS/);
  });

  it('rejects an unknown command and shows the usage', async () => {
    const res = await run('fly');
    expect(res.code).toBe(2);
    expect(res.err).toBe('roller: unknown command "fly"\nrun "roller help" for the commands\n');
  });

  it('runs as the installed `roller` command', () => {
    const bin = fileURLToPath(new URL('../../../electron/cli/roller.mjs', import.meta.url));
    const ok = spawnSync(process.execPath, [bin, 'help'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/usage: roller <command>/);
    const bad = spawnSync(process.execPath, [bin, 'analyze', '/no/such.csv'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no such file/);
  });
});
