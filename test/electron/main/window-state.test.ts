import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWindowState, saveWindowState, visibleBounds } from '../../../electron/main/window-state';

const dir = mkdtempSync(join(tmpdir(), 'roller-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('remembers size and position across runs', () => {
    const path = join(dir, 'window.json');
    saveWindowState(path, { x: 100, y: 50, width: 1400, height: 900, maximized: false });
    expect(loadWindowState(path)).toEqual({ x: 100, y: 50, width: 1400, height: 900, maximized: false });
  });

  it('reads a missing or damaged file as nothing', () => {
    expect(loadWindowState(join(dir, 'none.json'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{"x": "left"}');
    expect(loadWindowState(join(dir, 'bad.json'))).toBeNull();
  });

  it('puts a window back only where a screen still shows it', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const s = { x: 100, y: 100, width: 1280, height: 800, maximized: false };
    expect(visibleBounds(s, screen)).toEqual(s);
    expect(visibleBounds({ ...s, x: 3000 }, screen)).toBeNull(); // the second monitor is gone
    expect(visibleBounds({ ...s, x: 1900 }, screen)).toBeNull(); // only a 20 px sliver shows
  });
});
