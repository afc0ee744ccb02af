/**
 * The browser host over a stand-in renderer build (a page carrying `pageMarker`, an asset, and any
 * extra files), serving an app without Bluetooth, for tests that send it raw requests. While it
 * runs, uncaught exceptions and unhandled rejections are recorded in `faults` instead of ending
 * the test process, so a test can assert none came from the host.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryAppStore } from '../../electron/app/app-store';
import type { RollerApp } from '../../electron/app/roller-app';
import { realScheduler } from '../../electron/ble/scheduler';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { noSimulatedRoller, testRollerApp } from './test-roller-app';

export interface FakeRendererHost {
  host: BrowserHost;
  app: RollerApp;
  /** Uncaught exceptions and unhandled rejections seen since it started. */
  faults: unknown[];
  close(): Promise<void>;
}

export async function startFakeRendererHost(pageMarker: string, extraFiles: Record<string, string> = {}): Promise<FakeRendererHost> {
  const faults: unknown[] = [];
  const onFault = (err: unknown) => faults.push(err);
  process.on('uncaughtException', onFault);
  process.on('unhandledRejection', onFault);
  const dir = mkdtempSync(join(tmpdir(), 'roller-fake-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>${pageMarker}</title>`);
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(join(dir, name), text);
  const app = testRollerApp({ scheduler: realScheduler, store: memoryAppStore(), makeSimulatedNoble: noSimulatedRoller });
  const host = await startBrowserHost({ app, rendererDir: dir });
  app.start();
  return {
    host,
    app,
    faults,
    close: async () => {
      process.off('uncaughtException', onFault);
      process.off('unhandledRejection', onFault);
      await host.close();
      await app.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
