/**
 * Recording files on their way in from the renderer, which sends them in pieces (a file of tens
 * of megabytes never travels as one message, and the renderer can show how far it got). Pieces
 * must arrive in order, hold no more text than the file's announced size in bytes allows (UTF-8
 * takes at least a byte per UTF-16 unit), and all of them must have arrived at the end; an unfinished upload is
 * dropped when too many are open or when it has been idle too long. Pure: the clock is passed in.
 */

export interface Upload {
  id: string;
  fileName: string;
  bytes: number;
  chunks: string[];
  received: number;
  lastMs: number;
}

export class UploadError extends Error {}

export class ImportUploads {
  private readonly open = new Map<string, Upload>();
  private next = 1;

  constructor(private readonly limits: { maxOpen: number; idleMs: number } = { maxOpen: 2, idleMs: 5 * 60_000 }) {}

  begin(fileName: string, bytes: number, nowMs: number): string {
    this.expire(nowMs);
    while (this.open.size >= this.limits.maxOpen) {
      const oldest = [...this.open.values()].sort((a, b) => a.lastMs - b.lastMs)[0]!;
      this.open.delete(oldest.id);
    }
    const id = `upload-${this.next++}`;
    this.open.set(id, { id, fileName, bytes, chunks: [], received: 0, lastMs: nowMs });
    return id;
  }

  /** Adds the next piece; returns the characters received so far. */
  chunk(id: string, index: number, text: string, nowMs: number): number {
    const u = this.get(id, nowMs);
    if (index !== u.chunks.length) throw new UploadError(`${u.fileName}: piece ${index} arrived, expected piece ${u.chunks.length}; start the import again`);
    if (u.received + text.length > u.bytes) {
      this.open.delete(id);
      throw new UploadError(`${u.fileName}: more text arrived (${u.received + text.length} characters) than the file's ${u.bytes} bytes can hold; nothing was imported`);
    }
    u.chunks.push(text);
    u.received += text.length;
    u.lastMs = nowMs;
    return u.received;
  }

  /** The whole upload (`pieces` sent), removed from the open ones. */
  finish(id: string, pieces: number, nowMs: number): Upload {
    const u = this.get(id, nowMs);
    this.open.delete(id);
    if (u.chunks.length !== pieces) throw new UploadError(`${u.fileName}: only ${u.chunks.length} of ${pieces} pieces arrived; nothing was imported`);
    return u;
  }

  cancel(id: string): void {
    this.open.delete(id);
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

  private expire(nowMs: number): void {
    for (const u of [...this.open.values()]) if (nowMs - u.lastMs > this.limits.idleMs) this.open.delete(u.id);
  }
}
