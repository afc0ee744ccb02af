/**
 * Where the app writes exported sessions: `ROLLER_EXPORT_DIR` when set, else the user's Downloads
 * folder (`Downloads/Roller Companion`) when there is one, else `exports/` in the data folder.
 * Pure: inputs are passed in (the caller says whether the Downloads folder exists).
 */
import { join } from 'node:path';

export const EXPORT_DIR_ENV = 'ROLLER_EXPORT_DIR';
export const EXPORT_FOLDER_NAME = 'Roller Companion';

export interface ExportFolderInput {
  env: Readonly<Record<string, string | undefined>>;
  dataDir: string;
  /** The user's Downloads folder (Electron's `app.getPath('downloads')`, else `~/Downloads`), or null when there is none. */
  downloadsDir: string | null;
}

export function resolveExportFolder(input: ExportFolderInput): string {
  const fromEnv = input.env[EXPORT_DIR_ENV]?.trim();
  if (fromEnv) return fromEnv;
  if (input.downloadsDir) return join(input.downloadsDir, EXPORT_FOLDER_NAME);
  return join(input.dataDir, 'exports');
}
