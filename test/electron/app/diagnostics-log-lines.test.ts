/**
 * Copy diagnostics carries the support log's newest lines: the app built with its real parts
 * reads them from the log file in its data folder, and only those (a report stays short).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRollerApp } from '../../../electron/app/create-roller-app';
import { supportLogPath } from '../../../electron/app/support-log';
import { ManualScheduler } from '../../../electron/ble/scheduler';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('sensors.diagnostics with the support log in the data folder', () => {
  it("carries the log's newest lines, oldest first, and not the whole log", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roller-diag-log-'));
    dirs.push(dataDir);
    const file = supportLogPath(dataDir);
    mkdirSync(dirname(file), { recursive: true });
    const lines = Array.from({ length: 100 }, (_, i) => `2026-12-03T12:00:${String(i % 60).padStart(2, '0')}Z INFO line ${i}`);
    writeFileSync(file, lines.join('\n') + '\n');
    const scheduler = new ManualScheduler();
    const app = createRollerApp({ host: 'browser', dataDir, scheduler, exportFolder: join(dataDir, 'out') });
    try {
      const report = await scheduler.drive(app.handle('sensors.diagnostics', {}));
      expect(report.logLines.length).toBeGreaterThan(0);
      expect(report.logLines.length).toBeLessThan(lines.length);
      // The app may have added its own lines after ours by then: ours come as a run ending in the last.
      const ours = report.logLines.filter((l) => / INFO line \d+$/.test(l));
      expect(ours.at(-1)).toBe('2026-12-03T12:00:39Z INFO line 99');
      expect(ours).toEqual(lines.slice(lines.indexOf(ours[0]!)));
      expect(ours).not.toContain(lines[0]);
    } finally {
      await scheduler.drive(app.dispose());
    }
  });
});
