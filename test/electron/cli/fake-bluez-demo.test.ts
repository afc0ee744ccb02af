/**
 * `roller demo --fake-bluez` and `roller serve --fake-bluez` (what `npm run demo -- --fake-bluez`
 * runs where Electron is not installed): a private dbus-daemon with the fake BlueZ serving the
 * simulated roller, the app pairing it through its real Bluetooth path (BleSensorSource on noble
 * over BlueZ's D-Bus API), samples flowing, and the daemon gone when the command ends. Real
 * clock and a real dbus-daemon (Debian's dbus package).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLogTail } from '../../../electron/app/support-log';
import { main } from '../../../electron/cli/cli-main';

const dir = mkdtempSync(join(tmpdir(), 'roller-fake-bluez-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(dataDir: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: { ...process.env, ROLLER_DATA_DIR: dataDir } });
  return { code, out, err };
}

/** The private bus's socket folder, from the address the command printed. */
function busFolder(out: string): string {
  const path = /DBUS_SYSTEM_BUS_ADDRESS=unix:path=([^,)\s]+)/.exec(out)?.[1];
  expect(path, out).toBeDefined();
  return dirname(path!);
}

describe('the demo over the fake BlueZ', () => {
  it('roller demo --fake-bluez pairs the simulated roller over D-Bus, streams samples through the live path, then stops the daemon', async () => {
    const dataDir = join(dir, 'demo');
    const before = process.env['DBUS_SYSTEM_BUS_ADDRESS'];
    const r = await run(dataDir, 'demo', '--fake-bluez', '--seconds', '3', '--scenario', 'good-slow-session', '--units', 'cm');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/paired over a fake BlueZ on a private D-Bus/);
    expect(r.out).toMatch(/paired [0-9a-f]{12} through BlueZ over D-Bus/);
    expect(r.out).toMatch(/Roller sensor \(firmware [\d.]+\): 100 Hz/);
    expect(r.out).toMatch(/upper-back|mid-back/);
    const samples = Number(/; (\d+) samples, \d+ gaps\./.exec(r.out)?.[1]);
    expect(samples).toBeGreaterThan(100);
    // The samples came through the system Bluetooth source, not the simulated bindings.
    const log = readLogTail(100, dataDir).join('\n');
    expect(log).toMatch(/INFO {2}adapter source=bluetooth state=poweredOn/);
    expect(log).toMatch(/INFO {2}connection source=bluetooth from=connecting state=streaming sensor=[0-9a-f]{12}/);
    expect(log).not.toMatch(/source=simulated/);
    // The daemon and its folder are gone; the variable is as it was.
    expect(existsSync(busFolder(r.out))).toBe(false);
    expect(process.env['DBUS_SYSTEM_BUS_ADDRESS']).toBe(before);
  });

  it('roller serve --fake-bluez (npm run demo -- --fake-bluez without Electron) serves the app with the roller paired over D-Bus', async () => {
    const dataDir = join(dir, 'serve');
    const r = await run(dataDir, 'serve', '--fake-bluez', '--seconds', '2');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/The simulated roller \([0-9a-f]{12}\) is paired through BlueZ over a private D-Bus/);
    expect(r.out).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(readLogTail(100, dataDir).join('\n')).toMatch(/INFO {2}connection source=bluetooth from=connecting state=streaming/);
    expect(existsSync(busFolder(r.out))).toBe(false);
  });

  it('refuses --fake-bluez with a replay or with --simulated', async () => {
    expect((await run(join(dir, 'x'), 'demo', '--fake-bluez', '--replay', 'x.csv')).code).toBe(2);
    const both = await run(join(dir, 'x'), 'serve', '--fake-bluez', '--simulated');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/either directly \(--simulated\) or over the fake BlueZ \(--fake-bluez\)/);
  });
});
