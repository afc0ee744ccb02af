import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportUploads, type UploadFile, type UploadFiles } from '../../../electron/app/import-uploads';
import { uploadFilesIn } from '../../../electron/app/upload-files';
import { IMPORT_MAX_BYTES } from '../../../electron/session/import-limits';

/** Upload files in memory: what was written, and which are still there. */
function memoryFiles(): UploadFiles & { texts: Map<string, string> } {
  const texts = new Map<string, string>();
  return {
    texts,
    create(id): UploadFile {
      const path = `mem:${id}`;
      texts.set(path, '');
      return { path, append: (t) => void texts.set(path, texts.get(path)! + t), close: () => undefined, remove: () => void texts.delete(path) };
    },
  };
}

const root = mkdtempSync(join(tmpdir(), 'roller-uploads-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('import uploads', () => {
  it('writes pieces in order to the upload file', () => {
    const files = memoryFiles();
    const u = new ImportUploads(files);
    const id = u.begin('a.csv', 10, 0);
    expect(u.chunk(id, 0, 'abcd', 1)).toBe(4);
    expect(u.chunk(id, 1, 'efghij', 2)).toBe(10);
    const done = u.finish(id, 2, 3);
    expect(files.texts.get(done.file.path)).toBe('abcdefghij');
    expect(u.openCount).toBe(0);
    done.file.remove();
    expect(files.texts.size).toBe(0);
  });

  it('refuses pieces out of order, too much text, a short upload and a file beyond the limit, naming the file, and removes what it kept', () => {
    const files = memoryFiles();
    const u = new ImportUploads(files);
    const id = u.begin('b.csv', 5, 0);
    expect(() => u.chunk(id, 1, 'x', 0)).toThrow(/b\.csv: piece 1 arrived, expected piece 0/);
    expect(() => u.chunk(id, 0, 'toolong', 0)).toThrow(/b\.csv: more text arrived \(7 characters\) than the file's 5 bytes can hold/);
    expect(() => u.chunk(id, 0, 'x', 0)).toThrow(/no import "upload-1"/); // dropped after overflowing
    const id2 = u.begin('c.csv', 5, 0);
    u.chunk(id2, 0, 'abc', 0);
    expect(() => u.finish(id2, 2, 0)).toThrow(/c\.csv: only 1 of 2 pieces arrived/);
    expect(files.texts.size).toBe(0);
    expect(() => u.begin('huge.csv', IMPORT_MAX_BYTES + 1, 0)).toThrow(
      `huge.csv: the file holds ${IMPORT_MAX_BYTES + 1} bytes; an import takes at most ${IMPORT_MAX_BYTES} (4 GiB); nothing was imported`,
    );
  });

  it('drops idle uploads and the oldest when too many are open, with their files', () => {
    const files = memoryFiles();
    const u = new ImportUploads(files, { maxOpen: 2, idleMs: 1000 });
    const a = u.begin('a.csv', 1, 0);
    const b = u.begin('b.csv', 1, 10);
    const c = u.begin('c.csv', 1, 20); // a goes
    expect(() => u.chunk(a, 0, 'x', 21)).toThrow(/no import/);
    expect(u.chunk(b, 0, 'x', 22)).toBe(1);
    expect(() => u.chunk(c, 0, 'x', 5000)).toThrow(/waited too long/);
    expect(u.openCount).toBe(0);
    expect(files.texts.size).toBe(0);
  });

  it('keeps uploads in files in the given folder, as UTF-8, and clears files a crashed run left', () => {
    const folder = join(root, 'uploads');
    const u = new ImportUploads(uploadFilesIn(folder));
    const first = u.begin('a.csv', 100, 0);
    const left = join(folder, '1-upload-9.csv.part');
    writeFileSync(left, 'from a crashed run');
    utimesSync(left, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));
    const id = u.begin('b.csv', 100, 0);
    expect(existsSync(left)).toBe(false);
    u.chunk(id, 0, 't_s,é', 0);
    u.chunk(id, 1, '\n1', 0);
    const done = u.finish(id, 2, 0);
    expect(readFileSync(done.file.path, 'utf8')).toBe('t_s,é\n1');
    done.file.remove();
    u.cancel(first);
    expect(readdirSync(folder)).toEqual([]);
  });
});
