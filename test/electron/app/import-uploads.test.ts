import { describe, expect, it } from 'vitest';
import { ImportUploads } from '../../../electron/app/import-uploads';

describe('import uploads', () => {
  it('assembles pieces in order', () => {
    const u = new ImportUploads();
    const id = u.begin('a.csv', 10, 0);
    expect(u.chunk(id, 0, 'abcd', 1)).toBe(4);
    expect(u.chunk(id, 1, 'efghij', 2)).toBe(10);
    const done = u.finish(id, 2, 3);
    expect(done.chunks.join('')).toBe('abcdefghij');
    expect(u.openCount).toBe(0);
  });

  it('refuses pieces out of order, too much text, and a short upload, naming the file', () => {
    const u = new ImportUploads();
    const id = u.begin('b.csv', 5, 0);
    expect(() => u.chunk(id, 1, 'x', 0)).toThrow(/b\.csv: piece 1 arrived, expected piece 0/);
    expect(() => u.chunk(id, 0, 'toolong', 0)).toThrow(/b\.csv: more text arrived \(7 characters\) than the file's 5 bytes can hold/);
    expect(() => u.chunk(id, 0, 'x', 0)).toThrow(/no import "upload-1"/); // dropped after overflowing
    const id2 = u.begin('c.csv', 5, 0);
    u.chunk(id2, 0, 'abc', 0);
    expect(() => u.finish(id2, 2, 0)).toThrow(/c\.csv: only 1 of 2 pieces arrived/);
  });

  it('drops idle uploads and the oldest when too many are open', () => {
    const u = new ImportUploads({ maxOpen: 2, idleMs: 1000 });
    const a = u.begin('a.csv', 1, 0);
    const b = u.begin('b.csv', 1, 10);
    const c = u.begin('c.csv', 1, 20); // a goes
    expect(() => u.chunk(a, 0, 'x', 21)).toThrow(/no import/);
    expect(u.chunk(b, 0, 'x', 22)).toBe(1);
    expect(() => u.chunk(c, 0, 'x', 5000)).toThrow(/waited too long/);
    expect(u.openCount).toBe(0);
  });
});
