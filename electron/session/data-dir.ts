/**
 * Where the session database lives: `ROLLER_DATA_DIR` when set (the app and the CLI both honour
 * it), else the Electron userData folder when running inside Electron (the caller passes
 * `app.getPath('userData')`; this module does not import electron), else the platform's usual
 * per-user folder named like Electron's default for this app, so the CLI finds the app's data:
 *
 * | platform | folder |
 * |---|---|
 * | Linux | `$XDG_CONFIG_HOME/roller-companion` (default `~/.config/roller-companion`) |
 * | macOS | `~/Library/Application Support/roller-companion` |
 * | Windows | `%APPDATA%\roller-companion` |
 *
 * (Electron names the folder after package.json's `productName`, else `name`; keep
 * {@link APP_FOLDER_NAME} equal to it.) Pure: inputs are passed in.
 */
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';

export const DATA_DIR_ENV = 'ROLLER_DATA_DIR';
export const APP_FOLDER_NAME = 'roller-companion';
export const DATABASE_FILE_NAME = 'roller.sqlite';

export interface DataDirInput {
  env?: Readonly<Record<string, string | undefined>>;
  /** `app.getPath('userData')` when running inside Electron. */
  electronUserDataDir?: string | undefined;
  platform?: NodeJS.Platform;
  homeDir?: string;
}

export interface ResolvedDataDir {
  dir: string;
  from: 'env' | 'electron' | 'platform';
}

export function resolveDataDir(input: DataDirInput = {}): ResolvedDataDir {
  const env = input.env ?? process.env;
  const fromEnv = env[DATA_DIR_ENV]?.trim();
  if (fromEnv) return { dir: fromEnv, from: 'env' };
  if (input.electronUserDataDir) return { dir: input.electronUserDataDir, from: 'electron' };
  const platform = input.platform ?? process.platform;
  const home = input.homeDir ?? homedir();
  if (platform === 'win32') return { dir: win32.join(env['APPDATA'] || win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME), from: 'platform' };
  if (platform === 'darwin') return { dir: posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME), from: 'platform' };
  return { dir: posix.join(env['XDG_CONFIG_HOME'] || posix.join(home, '.config'), APP_FOLDER_NAME), from: 'platform' };
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}
