/**
 * Builds the RollerApp with its real parts: the system Bluetooth (loaded lazily), the simulated
 * roller on simulated noble bindings (an explicit choice in the app), the session store in the
 * data folder, and the real clock. Used by the Electron main process and the browser host.
 */
import { loadSystemNoble } from '../ble/noble-loader';
import { realScheduler, type Scheduler } from '../ble/scheduler';
import { createSimulatedNoble, type SimulatedRollerPeripheral } from '../ble/sim-peripheral';
import { openAppStore } from './open-app-store';
import { resolveDataDir } from '../session/data-dir';
import { RollerApp } from './roller-app';
import { userExportFolder } from './user-export-folder';

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
}

export function createRollerApp(o: CreateRollerAppOptions): RollerApp {
  const dataDir = o.dataDir ?? resolveDataDir().dir;
  const scheduler = o.scheduler ?? realScheduler;
  const store = openAppStore(dataDir);
  return new RollerApp({
    host: o.host,
    scheduler,
    store,
    loadSystemNoble: () => loadSystemNoble(),
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
