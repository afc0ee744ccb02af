import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databasePath, resolveDataDir } from '../../../electron/session/data-dir';
import { openSessionStore } from '../../../electron/session/open-session-store';
import { DEFAULT_PROFILE, profileSettings } from '../../../electron/session/profile';

const root = mkdtempSync(join(tmpdir(), 'roller-profile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('data folder', () => {
  it('ROLLER_DATA_DIR first, then Electron’s userData, then the platform’s folder', () => {
    expect(resolveDataDir({ env: { ROLLER_DATA_DIR: '/tmp/r' }, electronUserDataDir: '/e' })).toEqual({ dir: '/tmp/r', from: 'env' });
    expect(resolveDataDir({ env: { ROLLER_DATA_DIR: '  ' }, electronUserDataDir: '/e' })).toEqual({ dir: '/e', from: 'electron' });
    expect(resolveDataDir({ env: {}, platform: 'linux', homeDir: '/home/ann' }).dir).toBe('/home/ann/.config/roller-companion');
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', homeDir: '/home/ann' }).dir).toBe('/cfg/roller-companion');
    expect(resolveDataDir({ env: {}, platform: 'darwin', homeDir: '/Users/ann' }).dir).toBe('/Users/ann/Library/Application Support/roller-companion');
    expect(resolveDataDir({ env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, platform: 'win32', homeDir: 'C:\\Users\\ann' }).dir).toBe(
      win32.join('C:\\Users\\ann\\AppData\\Roaming', 'roller-companion'),
    );
    expect(databasePath('/tmp/r')).toBe(join('/tmp/r', 'roller.sqlite'));
  });

  it('openSessionStore honours ROLLER_DATA_DIR', () => {
    const dir = join(root, 'env-dir');
    const opened = openSessionStore({ env: { ROLLER_DATA_DIR: dir } });
    expect(opened.dataDir).toBe(dir);
    expect(opened.store.path).toBe(join(dir, 'roller.sqlite'));
    opened.store.close();
  });
});

describe('profile', () => {
  it('defaults until saved; saved values and screening answers come back validated', () => {
    const dir = join(root, 'p');
    const a = openSessionStore({ dataDir: dir });
    expect(a.store.getProfile()).toEqual(DEFAULT_PROFILE);
    a.store.updateProfile({ rollerDiameterIn: 5, bodyHeightCm: 182, neckAboveCm: 22.5, lumbarBelowCm: 13, calibratedAt: '2025-03-01T18:00:00Z', units: 'cm' }, 1);
    a.store.recordScreening(
      { answers: { 'herniated-disc': false, pregnancy: false, dizziness: true }, acknowledgedNotMedicalAdvice: true, needsClearance: true, answeredAt: '2025-03-01T17:55:00Z' },
      2,
    );
    a.store.close();
    const b = openSessionStore({ dataDir: dir });
    const p = b.store.getProfile();
    expect(p).toMatchObject({ rollerDiameterIn: 5, bodyHeightCm: 182, neckAboveCm: 22.5, units: 'cm', speedLimitInPerS: 1 });
    expect(p.screening).toMatchObject({ needsClearance: true, answeredAt: '2025-03-01T17:55:00Z', answers: { dizziness: true } });
    const s = profileSettings(p, { priorDailyRollingS: 120 });
    expect(s).toMatchObject({ rollerDiameterIn: 5, neckAboveCm: 22.5, lumbarBelowCm: 13, priorDailyRollingS: 120, bodyHeightCm: 182 });
    b.store.close();
  });

  it('refuses values the motion settings would reject, naming the field', () => {
    const { store } = openSessionStore({ dataDir: join(root, 'bad') });
    expect(() => store.updateProfile({ rollerDiameterIn: 12 }, 1)).toThrow(/^profile: rollerDiameterIn: /);
    expect(() => store.updateProfile({ dwellNudgeS: 25, dwellLimitS: 20 }, 1)).toThrow(/^profile: dwellLimitS: dwellLimitS must be longer than dwellNudgeS/);
    expect(store.getProfile()).toEqual(DEFAULT_PROFILE);
    store.close();
  });

  it('a damaged stored profile is reported, not silently replaced', () => {
    const { store } = openSessionStore({ dataDir: join(root, 'damaged-profile') });
    store.db.prepare('INSERT INTO profile (id, json, updated_at) VALUES (1, \'{"rollerDiameterIn": "six"}\', 0)').run();
    expect(() => store.getProfile()).toThrow(/the profile is stored damaged: rollerDiameterIn/);
    store.close();
  });
});

describe('known sensors', () => {
  it('are remembered, most recently used first, and forgotten on request', () => {
    const { store } = openSessionStore({ dataDir: join(root, 's') });
    store.rememberSensor({ id: 'a', name: 'Roller 1A', kind: 'roller' }, 100);
    store.rememberSensor({ id: 'b', name: 'WT901BLE68', kind: 'witmotion' }, 200);
    store.rememberSensor({ id: 'a', name: 'Roller 1A (renamed)', kind: 'roller' }, 300);
    expect(store.knownSensors()).toEqual([
      { id: 'a', name: 'Roller 1A (renamed)', kind: 'roller', firstSeenAt: 100, lastUsedAt: 300 },
      { id: 'b', name: 'WT901BLE68', kind: 'witmotion', firstSeenAt: 200, lastUsedAt: 200 },
    ]);
    store.forgetSensor('a');
    expect(store.knownSensors().map((s) => s.id)).toEqual(['b']);
    expect(() => store.rememberSensor({ id: '', name: 'x', kind: 'roller' }, 1)).toThrow(/sensor: id/);
    store.close();
  });
});
