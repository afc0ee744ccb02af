/**
 * Temporary files for recordings being uploaded from the renderer (./import-uploads.ts), in
 * `import-uploads/` inside the data folder: `<pid>-<upload id>.csv.part`, readable by the user
 * only, removed once imported, cancelled or dropped. Files left by a run that crashed are
 * removed when a later upload starts (anything there older than an hour: an upload idle for
 * five minutes is dropped anyway). "Erase all my data" removes the folder.
 */
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { UploadFile, UploadFiles } from './import-uploads';

/** The folder inside the data folder. */
export const IMPORT_UPLOADS_FOLDER = 'import-uploads';

const STALE_MS = 3_600_000;

export function uploadFilesIn(folder: string, now: () => number = Date.now): UploadFiles {
  return {
    create(uploadId: string): UploadFile {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      removeStale(folder, now());
      const path = join(folder, `${process.pid}-${uploadId}.csv.part`);
      let fd: number | null = openSync(path, 'w', 0o600);
      const close = () => {
        if (fd !== null) closeSync(fd);
        fd = null;
      };
      return {
        path,
        append(text: string) {
          if (fd === null) throw new Error(`${path} is closed`);
          const bytes = Buffer.from(text, 'utf8');
          for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
        },
        close,
        remove() {
          try {
            close();
          } finally {
            rmSync(path, { force: true });
          }
        },
      };
    },
  };
}

function removeStale(folder: string, nowMs: number): void {
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.csv.part')) continue;
    const path = join(folder, name);
    try {
      if (nowMs - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // Gone meanwhile, or not ours to remove: nothing to do.
    }
  }
}
