/**
 * Recording files on their way in from the renderer, which sends them in pieces (a file of tens
 * of megabytes never travels as one message, and the renderer can show how far it got). Each
 * piece goes straight to a temporary file (`UploadFiles`, ./upload-files.ts in the data folder),
 * so main never holds the whole text: the import then streams that file. Pieces must arrive in
 * order, hold no more text than the file's announced size in bytes allows (UTF-8 takes at least
 * a byte per UTF-16 unit), and all of them must have arrived at the end; an unfinished upload is
 * dropped (its file removed) when too many are open or when it has been idle too long. The
 * announced size must be within the import's limit (IMPORT_MAX_BYTES). The clock is passed in.
 */
import { IMPORT_MAX_BYTES } from '../session/import-limits';

/** Where an upload's pieces are kept until it is imported. */
export interface UploadFile {
  readonly path: string;
  append(text: string): void;
  /** Closes the file; it stays for the import to read. */
  close(): void;
  /** Closes (if open) and deletes the file. */
  remove(): void;
}

export interface UploadFiles {
  create(uploadId: string): UploadFile;
}

export interface Upload {
  id: string;
  fileName: string;
  bytes: number;
  pieces: number;
  received: number;
  lastMs: number;
  /** When the user's file was last modified (ms since 1970), as the renderer read it; null when not told. */
  modifiedAt: number | null;
  file: UploadFile;
}

export class UploadError extends Error {}

export class ImportUploads {
  private readonly open = new Map<string, Upload>();
  private next = 1;

  constructor(
    private readonly files: UploadFiles,
    private readonly limits: { maxOpen: number; idleMs: number } = { maxOpen: 2, idleMs: 5 * 60_000 },
  ) {}

  begin(fileName: string, bytes: number, nowMs: number, modifiedAt: number | null = null): string {
    if (bytes > IMPORT_MAX_BYTES) throw new UploadError(`${fileName}: the file holds ${bytes} bytes; an import takes at most ${IMPORT_MAX_BYTES} (4 GiB); nothing was imported`);
    this.expire(nowMs);
    while (this.open.size >= this.limits.maxOpen) {
      const oldest = [...this.open.values()].sort((a, b) => a.lastMs - b.lastMs)[0]!;
      this.drop(oldest);
    }
    const id = `upload-${this.next++}`;
    let file: UploadFile;
    try {
      file = this.files.create(id);
    } catch (err) {
      throw new UploadError(`${fileName}: cannot keep the upload (${(err as Error).message}); nothing was imported`, { cause: err });
    }
    this.open.set(id, { id, fileName, bytes, pieces: 0, received: 0, lastMs: nowMs, modifiedAt, file });
    return id;
  }

  /** Adds the next piece; returns the characters received so far. */
  chunk(id: string, index: number, text: string, nowMs: number): number {
    const u = this.get(id, nowMs);
    if (index !== u.pieces) throw new UploadError(`${u.fileName}: piece ${index} arrived, expected piece ${u.pieces}; start the import again`);
    if (u.received + text.length > u.bytes) {
      this.drop(u);
      throw new UploadError(`${u.fileName}: more text arrived (${u.received + text.length} characters) than the file's ${u.bytes} bytes can hold; nothing was imported`);
    }
    try {
      u.file.append(text);
    } catch (err) {
      this.drop(u);
      throw new UploadError(`${u.fileName}: cannot keep the upload (${(err as Error).message}); nothing was imported`, { cause: err });
    }
    u.pieces++;
    u.received += text.length;
    u.lastMs = nowMs;
    return u.received;
  }

  /**
   * The whole upload (`pieces` sent), removed from the open ones, its file closed. The caller
   * imports it and then calls `upload.file.remove()`.
   */
  finish(id: string, pieces: number, nowMs: number): Upload {
    const u = this.get(id, nowMs);
    this.open.delete(id);
    if (u.pieces !== pieces) {
      u.file.remove();
      throw new UploadError(`${u.fileName}: only ${u.pieces} of ${pieces} pieces arrived; nothing was imported`);
    }
    u.file.close();
    return u;
  }

  cancel(id: string): void {
    const u = this.open.get(id);
    if (u) this.drop(u);
  }

  get openCount(): number {
    return this.open.size;
  }

  private get(id: string, nowMs: number): Upload {
    this.expire(nowMs);
    const u = this.open.get(id);
    if (!u) throw new UploadError(`no import "${id}" is under way (it finished, was cancelled, or waited too long); start the import again`);
    return u;
  }

  private drop(u: Upload): void {
    this.open.delete(u.id);
    u.file.remove();
  }

  private expire(nowMs: number): void {
    for (const u of [...this.open.values()]) if (nowMs - u.lastMs > this.limits.idleMs) this.drop(u);
  }
}
