/**
 * Builds the RollerApp with its real parts: the system Bluetooth (loaded lazily), the simulated
 * roller on simulated noble bindings (an explicit choice in the app), the session store in the
 * data folder, and the real clock. Used by the Electron main process and the browser host.
 */
import { loadSystemNoble, type NobleLoad } from '../ble/noble-loader';
import { realScheduler, type Scheduler } from '../ble/scheduler';
import { createSimulatedNoble, type SimulatedRollerPeripheral } from '../ble/sim-peripheral';
import { openAppStore } from './open-app-store';
import { resolveDataDir } from '../session/data-dir';
import { RollerApp } from './roller-app';
import { userExportFolder } from './user-export-folder';
import { openSupportLog, readLogTail, type SupportLog } from './support-log';

/** How many of the support log's newest lines a support report (Copy diagnostics) carries. */
const DIAGNOSTICS_LOG_LINES = 40;

export interface CreateRollerAppOptions {
  host: 'electron' | 'browser';
  /** Default: ROLLER_DATA_DIR, else the platform's app-data folder. */
  dataDir?: string;
  scheduler?: Scheduler;
  /** The user's Downloads folder (Electron: `app.getPath('downloads')`); default `~/Downloads` when it exists. */
  downloadsDir?: string;
  /** Default: see user-export-folder.ts. */
  exportFolder?: string;
  /** Opens a folder with the system's file manager (Electron: shell.openPath); none in the browser host. */
  openFolder?: (folder: string) => Promise<string>;
  /** The system Bluetooth (default: the system noble, loaded lazily; the fake BlueZ demo gives noble on its private bus). */
  loadSystemNoble?: () => NobleLoad;
  /** The support log (default: one in the data folder, at info level, which the app closes when disposed of; one given is its giver's). */
  log?: SupportLog & { readonly file?: string; erase?(): Promise<void> };
}

export function createRollerApp(o: CreateRollerAppOptions): RollerApp {
  const dataDir = o.dataDir ?? resolveDataDir().dir;
  const scheduler = o.scheduler ?? realScheduler;
  // On the app's clock: closing waits for the file at most a bounded time of that clock.
  const own = o.log ? null : openSupportLog({ dataDir, scheduler });
  const log = o.log ?? own!;
  let store;
  try {
    store = openAppStore(dataDir);
  } catch (err) {
    log.error('the session store could not be opened', { error: err instanceof Error ? err.message : String(err) });
    // A log made here is closed here; a log given is its giver's (it tells the failure too).
    void own?.close();
    throw err;
  }
  return new RollerApp({
    log,
    logFile: log.file ?? null,
    ...(own ? { closeLog: () => own.close() } : {}),
    ...(log.erase ? { eraseLog: () => log.erase!() } : {}),
    ...(log.file ? { supportLogLines: () => readLogTail(DIAGNOSTICS_LOG_LINES, dataDir) } : {}),
    host: o.host,
    scheduler,
    store,
    loadSystemNoble: o.loadSystemNoble ?? (() => loadSystemNoble()),
    makeSimulatedNoble: (scenario) => {
      const sim = createSimulatedNoble({ scheduler, peripherals: [{ kind: 'roller', scenario, localName: 'Roller (simulated)' }] });
      // The person on the roller follows a calibration pass when one starts.
      const person = sim.peripherals[0] as SimulatedRollerPeripheral;
      return { noble: sim.noble, dispose: () => sim.dispose(), person };
    },
    remembered: store.remembered,
    ...(o.openFolder ? { openFolder: o.openFolder } : {}),
    exportFolder: o.exportFolder ?? userExportFolder({ env: process.env, dataDir, downloadsDir: o.downloadsDir }),
  });
}
