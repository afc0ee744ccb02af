/**
 * The export folder on this computer, as the app and `roller sessions export` both use it:
 * export-folder.ts's rule with the user's Downloads folder looked up (Electron passes
 * `app.getPath('downloads')`; elsewhere `~/Downloads` when it exists).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { resolveExportFolder } from './export-folder';

export interface UserExportFolderInput {
  env: Readonly<Record<string, string | undefined>>;
  dataDir: string;
  /** The user's Downloads folder; default `~/Downloads` when it exists. */
  downloadsDir?: string | null | undefined;
}

export function userExportFolder(input: UserExportFolderInput): string {
  return resolveExportFolder({ env: input.env, dataDir: input.dataDir, downloadsDir: input.downloadsDir === undefined ? existingDownloads() : input.downloadsDir });
}

function existingDownloads(): string | null {
  const dir = join(homedir(), 'Downloads');
  return existsSync(dir) ? dir : null;
}
